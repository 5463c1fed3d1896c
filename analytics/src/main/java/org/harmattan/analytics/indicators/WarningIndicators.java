package org.harmattan.analytics.indicators;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.harmattan.analytics.warning.AcledRules;
import org.harmattan.analytics.warning.CountAnomaly;
import org.harmattan.analytics.warning.DailySeries;
import org.harmattan.analytics.warning.HdxSignals;
import org.harmattan.analytics.warning.Signal;
import org.harmattan.domain.event.EventType;
import org.harmattan.domain.figure.Figure;
import org.harmattan.domain.figure.Period;
import org.harmattan.engine.query.AnalyticsEngine;
import org.harmattan.engine.query.CountQuery;
import org.harmattan.engine.query.CountResult;
import org.harmattan.engine.query.CountRow;
import org.harmattan.engine.query.Dimension;
import org.harmattan.engine.query.EventFilter;

/**
 * Early-warning signals as of the last day of the window, with a cited figure for each number a
 * signal states: ACLED's surge and threat rules per region (admin1), ACLED's change level, HDX
 * Signals' fatality rule and a count-model anomaly score for the country. All count political
 * violence (battles, explosions/remote violence, violence against civilians).
 */
public final class WarningIndicators {
  /** Days of history the rules look back over: three years and a month. */
  static final int HISTORY_DAYS = 3 * 365 + 31;

  private static final Set<EventType> POLITICAL_VIOLENCE =
      Set.of(
          EventType.BATTLES,
          EventType.EXPLOSIONS_REMOTE_VIOLENCE,
          EventType.VIOLENCE_AGAINST_CIVILIANS);

  /**
   * One signal with the ids of its figures.
   *
   * @param signal the rule's outcome
   * @param observedFigure id of the figure of the observed count
   * @param baselineFigure id of the figure of the baseline
   * @param pValueFigure id of the p-value figure, or null
   */
  public record Entry(
      Signal signal, String observedFigure, String baselineFigure, String pValueFigure) {}

  private final Map<String, Figure> figures = new LinkedHashMap<>();
  private final List<Entry> country = new ArrayList<>();
  private final List<Entry> regions = new ArrayList<>();
  private final Figures make;
  private final EventFilter base;
  private final AnalyticsEngine engine;

  /** The country's counts by day over the history, whose rows answer the country's figures. */
  private Days countryDays;

  /** The counts by region and day over the history, whose rows answer the regions' figures. */
  private Days regionDays;

  private WarningIndicators(AnalyticsEngine engine, SecurityRequest r) {
    this.engine = engine;
    this.make = new Figures(r.today());
    this.base =
        r.scope()
            .apply(EventFilter.of(r.countryIso3(), r.period()).withSources(r.sources()))
            .restrictEventTypes(POLITICAL_VIOLENCE);
  }

  /** Evaluates every rule as of the request's last day. */
  public static WarningIndicators compute(AnalyticsEngine engine, SecurityRequest request) {
    requireNonNull(engine, "engine");
    WarningIndicators w = new WarningIndicators(engine, request);
    w.run(request);
    return w;
  }

  private void run(SecurityRequest r) {
    LocalDate asOf = r.period().to();
    Period history = new Period(asOf.minusDays(HISTORY_DAYS), asOf);
    CountResult byDay =
        engine.count(new CountQuery(base.withPeriod(history), List.of(Dimension.DAY)));
    countryDays = new Days(byDay, 0);
    Map<LocalDate, Long> events = new HashMap<>();
    Map<LocalDate, Long> deaths = new HashMap<>();
    for (CountRow row : byDay.rows()) {
      LocalDate d = LocalDate.parse(row.key().get(0));
      events.put(d, row.events());
      deaths.put(d, row.fatalities());
    }
    String name = r.countryIso3();
    DailySeries countryEvents = DailySeries.of(name, events);
    addCountry(AcledRules.changeLevel(countryEvents, asOf), null, "events");
    addCountry(HdxSignals.fatalities(DailySeries.of(name, deaths), asOf), null, "deaths");
    addCountry(CountAnomaly.monthly(countryEvents, asOf), null, "events");
    CountResult byRegion =
        engine.count(
            new CountQuery(base.withPeriod(history), List.of(Dimension.ADMIN1, Dimension.DAY)));
    regionDays = new Days(byRegion, 1);
    Map<String, Map<LocalDate, Long>> perRegion = new TreeMap<>();
    for (CountRow row : byRegion.rows()) {
      if (row.key().get(0) == null) {
        continue;
      }
      perRegion
          .computeIfAbsent(row.key().get(0), k -> new HashMap<>())
          .put(LocalDate.parse(row.key().get(1)), row.events());
    }
    for (Map.Entry<String, Map<LocalDate, Long>> e : perRegion.entrySet()) {
      DailySeries s = DailySeries.of(e.getKey(), e.getValue());
      for (Signal signal : List.of(AcledRules.surge(s, asOf), AcledRules.threat(s, asOf))) {
        if (signal.triggered()) {
          regions.add(entry(signal, e.getKey(), "events"));
        }
      }
    }
  }

  private void addCountry(Signal s, String admin1, String unit) {
    country.add(entry(s, admin1, unit));
  }

  private Entry entry(Signal s, String admin1, String unit) {
    String prefix = "warning." + s.ruleId() + "." + FigureIds.slug(s.area());
    EventFilter f = admin1 == null ? base : base.withAdmin1(Set.of(admin1));
    Figure observed =
        add(
            withValue(
                prefix + ".observed",
                s.rule() + " — observed, " + s.area(),
                s.observed(),
                unit,
                f.withPeriod(s.observedWindow()),
                admin1));
    Figure baseline =
        add(
            withValue(
                prefix + ".baseline",
                s.rule() + " — baseline, " + s.area(),
                s.baseline(),
                unit,
                f.withPeriod(s.baselineWindow()),
                admin1));
    String p = null;
    if (s.pValue() != null) {
      p =
          add(withValue(
                  prefix + ".p_value",
                  s.rule() + " — p-value, " + s.area(),
                  s.pValue(),
                  "p_value",
                  f.withPeriod(s.baselineWindow()),
                  admin1))
              .id();
    }
    return new Entry(s, observed.id(), baseline.id(), p);
  }

  /** A figure whose value the rule computed, citing the records of its window. */
  private Figure withValue(
      String id, String label, double value, String unit, EventFilter f, String admin1) {
    CountResult r =
        (admin1 == null ? countryDays : regionDays)
            .total(f, admin1)
            .orElseGet(() -> engine.count(CountQuery.total(f)));
    return make.of(id, label, value, unit, f, r);
  }

  /**
   * A count by day (and region first when {@code dayColumn} is 1), its rows with their days.
   *
   * @param result the count
   * @param dayColumn where the day is in a row's key
   * @param days each row's day, in the order of the rows
   */
  private record Days(CountResult result, int dayColumn, List<LocalDate> days) {
    Days(CountResult result, int dayColumn) {
      this(result, dayColumn, parse(result, dayColumn));
    }

    private static List<LocalDate> parse(CountResult result, int dayColumn) {
      List<LocalDate> days = new ArrayList<>(result.rows().size());
      for (CountRow row : result.rows()) {
        days.add(LocalDate.parse(row.key().get(dayColumn)));
      }
      return days;
    }

    /**
     * The total of {@code f} (this count's filter with a narrower period, and for a count by region
     * narrowed to the region {@code admin1}) from this count's rows; empty when the period reaches
     * beyond this count's.
     */
    Optional<CountResult> total(EventFilter f, String admin1) {
      Period covered = result.query().filter().period();
      Period window = f.period();
      if (window.from().isBefore(covered.from()) || window.to().isAfter(covered.to())) {
        return Optional.empty();
      }
      List<CountRow> parts = new ArrayList<>();
      List<CountRow> rows = result.rows();
      for (int i = 0; i < rows.size(); i++) {
        LocalDate day = days.get(i);
        if (!day.isBefore(window.from())
            && !day.isAfter(window.to())
            && (admin1 == null || admin1.equals(rows.get(i).key().get(0)))) {
          parts.add(rows.get(i));
        }
      }
      return Optional.of(CountResult.ofGroups(CountQuery.total(f), List.of(), parts));
    }
  }

  private Figure add(Figure f) {
    if (figures.putIfAbsent(f.id(), f) != null) {
      throw new IllegalStateException("figure id computed twice: " + f.id());
    }
    return f;
  }

  /** Country-level results (change level, HDX rule, anomaly), triggered or not. */
  public List<Entry> country() {
    return List.copyOf(country);
  }

  /** Regions where the surge or threat rule fired. */
  public List<Entry> triggeredRegions() {
    return List.copyOf(regions);
  }

  public List<Figure> listFigures() {
    return List.copyOf(figures.values());
  }
}
