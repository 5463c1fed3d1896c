package org.harmattan.server.api;

import static org.harmattan.server.api.ApiRoute.Param.query;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.harmattan.domain.figure.Period;
import org.harmattan.domain.problem.ProblemCode;
import org.harmattan.engine.accounts.Role;
import org.harmattan.engine.query.EventFilter;
import org.harmattan.engine.query.StoreStatus;
import org.harmattan.server.http.ApiProblem;
import org.harmattan.server.http.Json;
import org.harmattan.server.http.Params;
import org.harmattan.server.http.Problems;
import org.harmattan.service.store.StoreViews;

/** Health, status, coverage, the quarantine and the problem catalogue. */
final class SystemResource {
  private final Api api;
  private final CoverageCache coverage;
  private final OpeningViews openings;

  /** The event count of the last generation health saw: {generation, events}. */
  private volatile long[] counted = {-1, 0};

  SystemResource(Api api, CoverageCache coverage, OpeningViews openings) {
    this.api = api;
    this.coverage = coverage;
    this.openings = openings;
  }

  List<ApiRoute> routes() {
    return List.of(
        ApiRoute.json(
            HandlerType.GET,
            "/api/v1/health",
            null,
            "system",
            "Whether the server is up and its store answers (no credentials needed), and whether"
                + " the figures of the dashboard's opening view are computed",
            List.of(),
            null,
            "Health",
            this::health),
        ApiRoute.json(
            HandlerType.GET,
            "/api/v1/status",
            Role.VIEWER,
            "system",
            "What the store holds: events per source and country, quarantine, files,"
                + " humanitarian observations, series points",
            List.of(),
            null,
            "Status",
            this::status),
        ApiRoute.json(
            HandlerType.GET,
            "/api/v1/coverage",
            Role.VIEWER,
            "system",
            "Per country and source system: events held, first and last event date, last ingest;"
                + " and per country the window the dashboard opens on (the store's own first)",
            List.of(query("country", "string", "Only this country (ISO3 or name), e.g. MLI")),
            null,
            "CoverageList",
            this::coverage),
        ApiRoute.json(
            HandlerType.GET,
            "/api/v1/quarantine",
            Role.ADMIN,
            "system",
            "Rows kept aside at ingest, with line, problems and the raw text",
            List.of(query("limit", "integer", "At most this many rows, 1 to 10000 (default 100)")),
            null,
            "Quarantine",
            this::quarantine),
        ApiRoute.json(
            HandlerType.GET,
            "/api/problems/{code}",
            null,
            "system",
            "What a problem type means (the 'type' of every error response)",
            List.of(ApiRoute.Param.path("code", "A problem code, e.g. bad_parameter")),
            null,
            "ProblemType",
            this::problemType));
  }

  private void health(Context ctx) {
    // Health is asked often (load balancers, scripts): count the events once per store version.
    long[] c = counted;
    long generation = api.store().generation();
    if (c[0] != generation) {
      long n =
          api.store()
              .read(s -> s.analytics().coverage(EventFilter.of(null, Period.allTime())).events());
      c = new long[] {generation, n};
      counted = c;
    }
    long events = c[1];
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("status", "ok");
    m.put("events", events);
    m.put("opening", openings.state());
    ok(ctx, m);
  }

  private void status(Context ctx) {
    StoreStatus s = api.store().read(st -> st.status());
    ok(ctx, StoreViews.status(s, coverage.rows()));
  }

  private void coverage(Context ctx) {
    String only = Params.optionalCountry(ctx);
    List<StoreViews.CoverageRow> all = coverage.rows();
    List<Map<String, Object>> rows = new ArrayList<>();
    for (StoreViews.CoverageRow r : all) {
      if (only == null || only.equals(r.country())) {
        rows.add(r.toMap());
      }
    }
    List<Map<String, Object>> views = new ArrayList<>();
    for (OpeningViews.View v : OpeningViews.of(all)) {
      if (only == null || only.equals(v.country())) {
        views.add(v.toMap());
      }
    }
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("coverage", rows);
    m.put("views", views);
    ok(ctx, m);
  }

  private void quarantine(Context ctx) {
    int limit = Params.integer(ctx, "limit", 1, 10_000, 100);
    ok(ctx, api.store().read(s -> StoreViews.quarantine(s, limit)));
  }

  private void problemType(Context ctx) {
    String code = ctx.pathParam("code");
    ProblemCode found =
        ProblemCode.findByCode(code)
            .orElseThrow(() -> ApiProblem.notFound("no problem type is named '" + code + "'"));
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("type", Problems.typeOf(found));
    m.put("code", found.code());
    m.put("title", Problems.title(found));
    ok(ctx, m);
  }

  static void ok(Context ctx, Object body) {
    ctx.contentType("application/json").result(Json.write(body));
  }
}
