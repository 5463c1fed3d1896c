package org.harmattan.server.api;

import static org.harmattan.server.api.ApiRoute.Param.query;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.harmattan.briefs.render.BriefJson;
import org.harmattan.domain.event.SourceSystem;
import org.harmattan.domain.figure.Period;
import org.harmattan.domain.figure.SourceRef;
import org.harmattan.engine.accounts.Role;
import org.harmattan.engine.query.CountQuery;
import org.harmattan.engine.query.CountResult;
import org.harmattan.engine.query.CountRow;
import org.harmattan.engine.query.Dimension;
import org.harmattan.engine.query.EventFilter;
import org.harmattan.server.http.ApiProblem;
import org.harmattan.server.http.Json;
import org.harmattan.server.http.Params;

/**
 * What the dashboard shows of a window: the brief's sections, figures and maps in one document
 * ({@code overview}), and events and deaths per day, week or month ({@code series}).
 */
final class OverviewResource {
  /** How a series is cut. */
  enum Interval {
    DAY,
    WEEK,
    MONTH;

    /** The first day of the interval holding {@code d}. */
    LocalDate start(LocalDate d) {
      return switch (this) {
        case DAY -> d;
        case WEEK -> d.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        case MONTH -> d.withDayOfMonth(1);
      };
    }

    /** The first day of the next interval after the one starting {@code start}. */
    LocalDate next(LocalDate start) {
      return switch (this) {
        case DAY -> start.plusDays(1);
        case WEEK -> start.plusWeeks(1);
        case MONTH -> start.plusMonths(1);
      };
    }
  }

  /** The most intervals one series may hold (a day series of about 27 years). */
  static final int MAX_POINTS = 10_000;

  private final Api api;
  private final BriefCache briefs;

  OverviewResource(Api api, BriefCache briefs) {
    this.api = api;
    this.briefs = briefs;
  }

  List<ApiRoute> routes() {
    return List.of(
        ApiRoute.json(
            HandlerType.GET,
            "/api/v1/overview",
            Role.VIEWER,
            "figures",
            "The brief of a country and window for a screen: its sections, every figure with the"
                + " text the brief prints for it, and its maps as GeoJSON layers (citations: GET"
                + " /api/v1/figures/{id})",
            FiguresResource.WINDOW,
            null,
            "Overview",
            this::overview),
        ApiRoute.json(
            HandlerType.GET,
            "/api/v1/series",
            Role.VIEWER,
            "events",
            "Events and deaths per day, week (from Monday) or month of a window, every interval"
                + " present (zero when empty), with the query that counted them",
            FiguresResource.concat(
                EventsResource.FILTERS,
                List.of(query("interval", "string", "day, week or month (default month)"))),
            null,
            "Series",
            this::series));
  }

  private void overview(Context ctx) {
    FiguresResource.Key key = FiguresResource.key(ctx);
    BriefCache.Computed c = briefs.get(key);
    byte[] body = body(c, key);
    ctx.header("X-Attribution", Licences.header(key.sources()));
    FiguresResource.send(ctx, body, () -> c.body("overview.gz", b -> FiguresResource.gzip(body)));
  }

  /** The overview of {@code key}, made once from its brief. */
  private static byte[] body(BriefCache.Computed c, FiguresResource.Key key) {
    return c.body(
        "overview",
        b -> {
          ObjectNode n = BriefJson.toNode(b);
          n.put("scope", scopeWords(key));
          return Json.write(n).getBytes(StandardCharsets.UTF_8);
        });
  }

  /** Makes the overview's bodies (plain and compressed) ahead of the first request for them. */
  static void prepare(BriefCache.Computed c, FiguresResource.Key key) {
    byte[] body = body(c, key);
    c.body("overview.gz", b -> FiguresResource.gzip(body));
  }

  private static String scopeWords(FiguresResource.Key key) {
    List<String> parts = new ArrayList<>();
    parts.addAll(key.admin1());
    parts.addAll(key.eventTypes());
    parts.addAll(key.subEventTypes());
    if (key.actor() != null) {
      parts.add(key.actor());
    }
    return String.join("; ", parts);
  }

  private void series(Context ctx) {
    Interval interval = interval(ctx.queryParam("interval"));
    Period period = Params.period(ctx);
    CountResult counted =
        api.store()
            .read(
                s -> {
                  EventFilter f = EventsResource.filter(api, ctx, s);
                  return s.analytics().count(new CountQuery(f, List.of(Dimension.DAY)));
                });
    TreeMap<LocalDate, long[]> buckets = new TreeMap<>();
    LocalDate first = interval.start(period.from());
    int n = 0;
    for (LocalDate d = first; !d.isAfter(period.to()); d = interval.next(d)) {
      if (++n > MAX_POINTS) {
        throw ApiProblem.badParameter(
            "interval",
            "a "
                + interval.name().toLowerCase(Locale.ROOT)
                + " series of "
                + period.from()
                + " to "
                + period.to()
                + " has more than "
                + MAX_POINTS
                + " intervals",
            "a longer interval or a shorter period");
      }
      buckets.put(d, new long[2]);
    }
    long events = 0;
    long deaths = 0;
    Set<SourceSystem> systems = EnumSet.noneOf(SourceSystem.class);
    for (CountRow r : counted.rows()) {
      String day = r.key().get(0);
      if (day == null) {
        continue;
      }
      long[] b = buckets.get(interval.start(LocalDate.parse(day)));
      if (b == null) {
        continue;
      }
      b[0] += r.events();
      b[1] += r.fatalities();
      events += r.events();
      deaths += r.fatalities();
    }
    List<Map<String, Object>> files = new ArrayList<>();
    for (SourceRef ref : counted.sources()) {
      systems.add(SourceSystem.valueOf(ref.system()));
      Map<String, Object> f = new LinkedHashMap<>();
      f.put("system", ref.system());
      f.put("dataset", ref.dataset());
      f.put("sha256", ref.sha256());
      files.add(f);
    }
    List<Map<String, Object>> points = new ArrayList<>();
    for (Map.Entry<LocalDate, long[]> e : buckets.entrySet()) {
      LocalDate start = e.getKey();
      LocalDate end = interval.next(start).minusDays(1);
      Map<String, Object> p = new LinkedHashMap<>();
      p.put("start", (start.isBefore(period.from()) ? period.from() : start).toString());
      p.put("end", (end.isAfter(period.to()) ? period.to() : end).toString());
      p.put("events", e.getValue()[0]);
      p.put("fatalities", e.getValue()[1]);
      points.add(p);
    }
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("interval", interval.name().toLowerCase(Locale.ROOT));
    m.put("period", Map.of("from", period.from().toString(), "to", period.to().toString()));
    m.put("points", points);
    m.put("events", events);
    m.put("fatalities", deaths);
    m.put("query", counted.query().describe());
    m.put("sources", files);
    m.put("attribution", Licences.attribution(systems));
    ctx.header("X-Attribution", Licences.header(systems));
    SystemResource.ok(ctx, m);
  }

  private static Interval interval(String v) {
    if (v == null || v.isBlank()) {
      return Interval.MONTH;
    }
    for (Interval i : Interval.values()) {
      if (i.name().equalsIgnoreCase(v.strip())) {
        return i;
      }
    }
    throw ApiProblem.badParameter(
        "interval", "'" + v + "' is not an interval", "day, week or month");
  }
}
