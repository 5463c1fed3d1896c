package org.harmattan.service.forecast;

import static java.util.Objects.requireNonNull;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.harmattan.domain.error.HarmattanException;
import org.harmattan.domain.event.SourceSystem;
import org.harmattan.domain.figure.Period;
import org.harmattan.domain.problem.ProblemCode;
import org.harmattan.engine.Store;
import org.harmattan.engine.query.CountQuery;
import org.harmattan.engine.query.CountRow;
import org.harmattan.engine.query.Coverage;
import org.harmattan.engine.query.Dimension;
import org.harmattan.engine.query.EventFilter;
import org.harmattan.forecast.Benchmarks;
import org.harmattan.forecast.BoostedQuantiles;
import org.harmattan.forecast.EventPanels;
import org.harmattan.forecast.ForecastRequest;
import org.harmattan.forecast.ForecastRun;
import org.harmattan.forecast.Forecaster;
import org.harmattan.forecast.H3Panels;
import org.harmattan.forecast.MonthlyPanel;
import org.harmattan.forecast.Unit;
import org.harmattan.ingest.common.Countries;
import org.harmattan.reference.geo.CountryAdjacency;

/** Forecasts a series the store holds (a VIEWS file) or one it aggregates from events. */
public final class ForecastService {
  /** The learned model's name, the default. */
  public static final String LEARNED = "boosted-quantiles";

  /** The series of a VIEWS country-month file in the store. */
  static final String VIEWS_SERIES = "ged_sb";

  private ForecastService() {}

  /**
   * What to forecast.
   *
   * @param series {@code views-cm} (the stored VIEWS series) or {@code events} (fatalities the
   *     store's events give)
   * @param level {@code country} (VIEWS) or {@code admin1} (events of one country)
   * @param countryIso3 the country, for events; null for VIEWS
   * @param trainUntil the last month of data used
   * @param from the first month forecast
   * @param to the last month forecast
   * @param draws draws per unit and month
   * @param model {@code boosted-quantiles} or a benchmark's name
   * @param seed the random seed
   * @param sources the source systems whose events count, for events (see {@link #eventSources});
   *     empty for VIEWS
   * @param outcome what is forecast: {@code fatalities}, or for events also {@code events}
   */
  public record Options(
      String series,
      String level,
      String countryIso3,
      YearMonth trainUntil,
      YearMonth from,
      YearMonth to,
      int draws,
      String model,
      long seed,
      Set<SourceSystem> sources,
      String outcome) {
    public Options {
      requireNonNull(series, "series");
      requireNonNull(level, "level");
      requireNonNull(trainUntil, "trainUntil");
      requireNonNull(from, "from");
      requireNonNull(to, "to");
      requireNonNull(model, "model");
      sources = Set.copyOf(sources);
      requireNonNull(outcome, "outcome");
    }
  }

  /**
   * The sources whose events a forecast of {@code countryIso3} counts: those asked, else the one
   * source the store holds for the country, else ACLED when it is among several (two sources'
   * fatalities of the same violence must not be added), else the first of them.
   */
  public static Set<SourceSystem> eventSources(
      Store store, String countryIso3, Set<SourceSystem> asked) {
    if (!asked.isEmpty()) {
      return Set.copyOf(asked);
    }
    List<SourceSystem> held = new ArrayList<>();
    for (CountRow r :
        store
            .analytics()
            .count(
                new CountQuery(
                    EventFilter.of(countryIso3, Period.allTime()), List.of(Dimension.SOURCE)))
            .rows()) {
      held.add(SourceSystem.valueOf(r.key().get(0)));
    }
    if (held.isEmpty()) {
      throw HarmattanException.userInput(
          ProblemCode.NO_SERIES,
          "the store holds no events" + (countryIso3 == null ? "" : " of " + countryIso3));
    }
    held.sort(null);
    return Set.of(held.contains(SourceSystem.ACLED) ? SourceSystem.ACLED : held.get(0));
  }

  /**
   * The forecaster of a name: the learned model (reading, for a panel of countries, each country's
   * neighbours) or a benchmark.
   */
  public static Forecaster forecaster(String model, MonthlyPanel panel) {
    if (LEARNED.equals(model.toLowerCase(Locale.ROOT))) {
      return new BoostedQuantiles(
          H3Panels.isCellPanel(panel) ? H3Panels.neighbours(panel) : countryNeighbours(panel));
    }
    return Benchmarks.find(model)
        .map(Forecaster.class::cast)
        .orElseThrow(
            () ->
                HarmattanException.userInput(
                    ProblemCode.UNKNOWN_MODEL,
                    "no model '"
                        + model
                        + "': use "
                        + LEARNED
                        + ", conflictology, zero, last-poisson or bootstrap"));
  }

  /** The panel the options name, read from the store. */
  public static MonthlyPanel panel(Store store, Options o) {
    boolean events = o.outcome().equals(EventPanels.EVENTS);
    if (!o.outcome().equals(EventPanels.FATALITIES) && !(events && o.series().equals("events"))) {
      throw HarmattanException.userInput(
          ProblemCode.NO_SERIES,
          "cannot forecast '"
              + o.outcome()
              + "' of series "
              + o.series()
              + ": forecast fatalities, or events of a country's events (--country)");
    }
    int resolution = h3Resolution(o.level());
    String level = resolution >= 0 ? "h3" : o.level();
    switch (o.series() + "/" + level) {
      case "views-cm/country" -> {
        MonthlyPanel p =
            MonthlyPanel.fromSeries(store.series().listSeries(VIEWS_SERIES, "country"));
        if (p.unitCount() == 0) {
          throw HarmattanException.userInput(
              ProblemCode.NO_SERIES,
              "the store holds no VIEWS country-month series: ingest one first"
                  + " (harmattan ingest cm_ged_sb_….csv)");
        }
        return p;
      }
      case "events/admin1", "events/country", "events/h3" -> {
        if (o.countryIso3() == null && level.equals("country")) {
          return everyCountry(store, o, events);
        }
        if (o.countryIso3() == null) {
          throw HarmattanException.userInput(
              ProblemCode.NO_SERIES, "forecasts from events need a country (--country MLI)");
        }
        YearMonth latest = latestMonth(store, o.series(), o.countryIso3(), o.sources());
        if (o.trainUntil().isAfter(latest)) {
          throw HarmattanException.userInput(
              ProblemCode.FORECAST_PERIOD,
              "the store's events of "
                  + o.countryIso3()
                  + " cover whole months up to "
                  + latest
                  + ": cannot train until "
                  + o.trainUntil());
        }
        MonthlyPanel p =
            level.equals("h3")
                ? H3Panels.fatalities(
                        store.analytics(),
                        o.countryIso3(),
                        o.sources(),
                        YearMonth.of(1990, 1),
                        o.trainUntil(),
                        resolution)
                    .panel()
                : EventPanels.fatalities(
                        store.analytics(),
                        o.countryIso3(),
                        o.sources(),
                        YearMonth.of(1990, 1),
                        o.trainUntil(),
                        level.equals("country"))
                    .panel();
        if (o.level().equals("country")) {
          p = p.select(u -> u.id().equals(o.countryIso3()));
        }
        if (events && p.unitCount() > 0) {
          p = p.withOutcome(EventPanels.EVENTS, EventPanels.FATALITIES);
        }
        if (p.unitCount() == 0) {
          throw HarmattanException.userInput(
              ProblemCode.NO_SERIES,
              "the store holds no events of "
                  + o.countryIso3()
                  + (level.equals("admin1") ? " with an admin-1 region" : "")
                  + " up to "
                  + o.trainUntil());
        }
        return p;
      }
      default ->
          throw HarmattanException.userInput(
              ProblemCode.NO_SERIES,
              "cannot forecast series '"
                  + o.series()
                  + "' at level '"
                  + o.level()
                  + "': use --series views-cm --level country, or --country ISO3 with --level admin1,"
                  + " country, h3 or h3-N (an H3 resolution, 0 to 15)");
    }
  }

  /**
   * The last month a forecast can train until: the last month of the stored VIEWS series, or the
   * last month the store's events of the country cover completely (the month before that of the
   * newest event, unless that event falls on a month's last day).
   */
  public static YearMonth latestMonth(
      Store store, String series, String countryIso3, Set<SourceSystem> sources) {
    if ("views-cm".equals(series)) {
      MonthlyPanel p = MonthlyPanel.fromSeries(store.series().listSeries(VIEWS_SERIES, "country"));
      if (p.unitCount() == 0) {
        throw HarmattanException.userInput(
            ProblemCode.NO_SERIES, "the store holds no VIEWS country-month series");
      }
      return p.last();
    }
    Coverage c =
        store
            .analytics()
            .coverage(EventFilter.of(countryIso3, Period.allTime()).withSources(sources));
    if (c.events() == 0) {
      throw HarmattanException.userInput(
          ProblemCode.NO_SERIES,
          "the store holds no events" + (countryIso3 == null ? "" : " of " + countryIso3));
    }
    return YearMonth.from(c.last().plusDays(1)).minusMonths(1);
  }

  /**
   * The neighbours of each unit of a panel of countries (a unit whose id is not its ISO3 code but
   * whose country is one, as in the VIEWS series), by the installed outlines: unit id to the ids of
   * the panel's units in neighbouring countries. Units of one country (admin-1 regions) get none.
   */
  public static Map<String, List<String>> countryNeighbours(MonthlyPanel panel) {
    Map<String, List<String>> unitsByIso3 = new HashMap<>();
    for (Unit u : panel.units()) {
      unitsByIso3.computeIfAbsent(u.countryIso3(), k -> new ArrayList<>()).add(u.id());
    }
    if (unitsByIso3.size() < panel.unitCount()) {
      return Map.of();
    }
    Countries countries = Countries.get();
    Map<String, List<String>> byCode = CountryAdjacency.byNumericCode();
    // world-atlas codes are ISO 3166 numeric, or a name where there is none (Kosovo).
    Map<String, String> iso3ByCode = new HashMap<>();
    for (String code : byCode.keySet()) {
      (code.chars().allMatch(Character::isDigit)
              ? countries.findIso3ByNumeric(Integer.parseInt(code))
              : countries.findIso3ByName(code))
          .ifPresent(iso3 -> iso3ByCode.put(code, iso3));
    }
    Map<String, List<String>> out = new HashMap<>();
    for (var e : byCode.entrySet()) {
      String iso3 = iso3ByCode.get(e.getKey());
      if (iso3 == null || !unitsByIso3.containsKey(iso3)) {
        continue;
      }
      List<String> near = new ArrayList<>();
      for (String code : e.getValue()) {
        String n = iso3ByCode.get(code);
        if (n != null && unitsByIso3.containsKey(n)) {
          near.addAll(unitsByIso3.get(n));
        }
      }
      if (!near.isEmpty()) {
        for (String unit : unitsByIso3.get(iso3)) {
          out.merge(
              unit,
              near,
              (x, y) -> java.util.stream.Stream.concat(x.stream(), y.stream()).distinct().toList());
        }
      }
    }
    return out;
  }

  /**
   * Every country of the store's events, one unit each (id the ISO3 code), over the months of them
   * all: a country has no value before its first event.
   */
  private static MonthlyPanel everyCountry(Store store, Options o, boolean events) {
    YearMonth latest = latestMonth(store, o.series(), null, o.sources());
    if (o.trainUntil().isAfter(latest)) {
      throw HarmattanException.userInput(
          ProblemCode.FORECAST_PERIOD,
          "the store's events cover whole months up to "
              + latest
              + ": cannot train until "
              + o.trainUntil());
    }
    List<MonthlyPanel> parts = new ArrayList<>();
    for (String iso3 : new java.util.TreeSet<>(store.status().byCountry().keySet())) {
      MonthlyPanel p =
          EventPanels.fatalities(
                  store.analytics(), iso3, o.sources(), YearMonth.of(1990, 1), o.trainUntil(), true)
              .panel();
      if (p.unitCount() > 0) {
        parts.add(p.select(u -> u.id().equals(iso3)));
      }
    }
    MonthlyPanel all = MonthlyPanel.stack(parts);
    if (all.unitCount() == 0) {
      throw HarmattanException.userInput(
          ProblemCode.NO_SERIES, "the store holds no events up to " + o.trainUntil());
    }
    return events ? all.withOutcome(EventPanels.EVENTS, EventPanels.FATALITIES) : all;
  }

  /**
   * The H3 resolution a level names: {@code h3} the default, {@code h3-N} resolution N; -1 for
   * other levels.
   */
  static int h3Resolution(String level) {
    if (level.equals("h3")) {
      return H3Panels.DEFAULT_RESOLUTION;
    }
    if (level.matches("h3-(1[0-5]|[0-9])")) {
      return Integer.parseInt(level.substring(3));
    }
    if (level.startsWith("h3")) {
      throw HarmattanException.userInput(
          ProblemCode.NO_SERIES,
          "level '" + level + "' is not an H3 level: use h3 (resolution 5) or h3-0 to h3-15");
    }
    return -1;
  }

  /** Forecasts as the options ask. */
  public static ForecastRun run(Store store, Options o) {
    MonthlyPanel panel = panel(store, o);
    Forecaster forecaster = forecaster(o.model(), panel);
    return forecaster.forecast(
        new ForecastRequest(panel, o.trainUntil(), o.from(), o.to(), o.draws(), o.seed()));
  }
}
