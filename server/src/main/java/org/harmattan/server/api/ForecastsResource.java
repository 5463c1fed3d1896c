package org.harmattan.server.api;

import static org.harmattan.server.api.ApiRoute.Param.query;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.harmattan.engine.accounts.Role;
import org.harmattan.forecast.ForecastRun;
import org.harmattan.forecast.UnitForecast;
import org.harmattan.server.http.ApiProblem;
import org.harmattan.server.http.Params;
import org.harmattan.service.forecast.ForecastService;

/**
 * Forecasts of monthly fatalities: per admin-1 region of a country from the store's events, or per
 * country from the stored VIEWS series; each unit-month as quantiles of its draws (and the draws
 * themselves when asked).
 */
final class ForecastsResource {
  private static final double[] QUANTILES = {0.05, 0.25, 0.5, 0.75, 0.95};
  private static final String[] NAMES = {"p05", "p25", "median", "p75", "p95"};

  private final Api api;

  ForecastsResource(Api api) {
    this.api = api;
  }

  List<ApiRoute> routes() {
    return List.of(
        ApiRoute.json(
            HandlerType.GET,
            "/api/v1/forecasts",
            Role.VIEWER,
            "forecasts",
            "Probabilistic forecasts of monthly fatalities: with country, per admin-1 region of"
                + " that country from the store's events; with series=views-cm, per country from"
                + " the stored VIEWS series (191 countries: about a minute). Each unit-month gives"
                + " the mean and quantiles of its draws",
            List.of(
                query("country", "string", "The country (ISO3 or name): its admin-1 regions"),
                query("series", "string", "events (default with country) or views-cm"),
                query(
                    "level",
                    "string",
                    "With events: admin1 (default, the country's regions), country (the"
                        + " country's own series), or h3 / h3-N (H3 cells of resolution 5 / N)"),
                query(
                    "model",
                    "string",
                    "boosted-quantiles (default), conflictology, zero,"
                        + " last-poisson or bootstrap"),
                query(
                    "trainUntil",
                    "string",
                    "Last month of data used, yyyy-MM (default: the"
                        + " last month the store covers completely)"),
                query(
                    "from",
                    "string",
                    "First month forecast, yyyy-MM (default: the month after" + " trainUntil)"),
                query(
                    "to",
                    "string",
                    "Last month forecast, yyyy-MM (default: 6 months from" + " from)"),
                query(
                    "source",
                    "string",
                    "For events: ACLED, UCDP or GDELT (default: the store's one source for the"
                        + " country, or ACLED among several)"),
                query(
                    "outcome",
                    "string",
                    "fatalities (default) or, from events, events: what is forecast"),
                query("draws", "integer", "Draws per unit and month, 1 to 10000 (default 1000)"),
                query("seed", "integer", "The random seed (default 1)"),
                query("withDraws", "boolean", "Also send every draw")),
            null,
            "ForecastList",
            this::forecasts));
  }

  private void forecasts(Context ctx) {
    String country = Params.optionalCountry(ctx);
    String series = ctx.queryParam("series");
    if (series == null || series.isBlank()) {
      series = country == null ? "views-cm" : "events";
    }
    if (!series.equals("events") && !series.equals("views-cm")) {
      throw ApiProblem.badParameter(
          "series", "no series '" + series + "'", "events (with country) or views-cm");
    }
    if (series.equals("events") && country == null) {
      throw ApiProblem.badParameter(
          "country", "forecasts from events need a country", "an ISO3 code or a country name");
    }
    String chosen = series;
    String model =
        ctx.queryParam("model") == null ? ForecastService.LEARNED : ctx.queryParam("model");
    int draws = Params.integer(ctx, "draws", 1, 10_000, 1000);
    long seed = Params.integer(ctx, "seed", 0, Integer.MAX_VALUE, 1);
    boolean withDraws = "true".equalsIgnoreCase(ctx.queryParam("withDraws"));
    String outcome = ctx.queryParam("outcome") == null ? "fatalities" : ctx.queryParam("outcome");
    java.util.Set<org.harmattan.domain.event.SourceSystem> asked =
        ctx.queryParam("source") == null ? java.util.Set.of() : Params.sources(ctx);
    Map<String, Object> body =
        api.store()
            .read(
                store -> {
                  java.util.Set<org.harmattan.domain.event.SourceSystem> sources =
                      chosen.equals("events")
                          ? ForecastService.eventSources(store, country, asked)
                          : java.util.Set.of();
                  YearMonth trainUntil =
                      month(ctx, "trainUntil", null) != null
                          ? month(ctx, "trainUntil", null)
                          : ForecastService.latestMonth(store, chosen, country, sources);
                  YearMonth from = month(ctx, "from", trainUntil.plusMonths(1));
                  YearMonth to = month(ctx, "to", from.plusMonths(5));
                  ForecastService.Options o =
                      new ForecastService.Options(
                          chosen,
                          !chosen.equals("events")
                              ? "country"
                              : ctx.queryParam("level") == null
                                  ? "admin1"
                                  : ctx.queryParam("level"),
                          country,
                          trainUntil,
                          from,
                          to,
                          draws,
                          model,
                          seed,
                          sources,
                          outcome);
                  return toMap(o, ForecastService.run(store, o), withDraws);
                });
    SystemResource.ok(ctx, body);
  }

  private static YearMonth month(Context ctx, String name, YearMonth fallback) {
    String v = ctx.queryParam(name);
    if (v == null || v.isBlank()) {
      return fallback;
    }
    try {
      return YearMonth.parse(v.strip());
    } catch (DateTimeParseException e) {
      throw ApiProblem.badParameter(name, "'" + v + "' is not a month", "a month as yyyy-MM");
    }
  }

  static Map<String, Object> toMap(ForecastService.Options o, ForecastRun run, boolean withDraws) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("model", run.model());
    m.put("series", o.series());
    m.put("level", o.level());
    m.put("outcome", o.outcome());
    m.put("country", o.countryIso3());
    m.put("sources", o.sources().stream().map(Enum::name).sorted().toList());
    m.put("trainUntil", o.trainUntil().toString());
    m.put("from", o.from().toString());
    m.put("to", o.to().toString());
    m.put("draws", o.draws());
    m.put("seed", o.seed());
    Map<String, Map<String, Object>> units = new LinkedHashMap<>();
    for (UnitForecast f : run.forecasts()) {
      Map<String, Object> u =
          units.computeIfAbsent(
              f.unit().id(),
              id -> {
                Map<String, Object> n = new LinkedHashMap<>();
                n.put("id", id);
                n.put("name", f.unit().name());
                n.put("country", f.unit().countryIso3());
                n.put("months", new ArrayList<Map<String, Object>>());
                return n;
              });
      Map<String, Object> month = new LinkedHashMap<>();
      month.put("month", f.month().toString());
      month.put("horizon", f.horizon());
      month.put("mean", f.mean());
      for (int i = 0; i < QUANTILES.length; i++) {
        month.put(NAMES[i], f.quantile(QUANTILES[i]));
      }
      if (withDraws) {
        month.put("draws", f.draws());
      }
      @SuppressWarnings("unchecked")
      List<Map<String, Object>> months = (List<Map<String, Object>>) u.get("months");
      months.add(month);
    }
    m.put("units", List.copyOf(units.values()));
    List<Map<String, Object>> skipped = new ArrayList<>();
    for (ForecastRun.Skipped s : run.skipped()) {
      skipped.add(Map.of("unit", s.unit().id(), "reason", s.reason()));
    }
    m.put("skipped", skipped);
    return m;
  }
}
