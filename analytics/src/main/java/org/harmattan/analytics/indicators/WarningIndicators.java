package org.harmattan.analytics.indicators;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.harmattan.analytics.warning.AcledRules;
import org.harmattan.analytics.warning.CountAnomaly;
import org.harmattan.analytics.warning.DailySeries;
import org.harmattan.analytics.warning.HdxSignals;
import org.harmattan.analytics.warning.Signal;
import org.harmattan.analytics.warning.SignalTexts;
import org.harmattan.domain.event.EventType;
import org.harmattan.domain.figure.Figure;
import org.harmattan.domain.figure.Period;
import org.harmattan.domain.text.Language;
import org.harmattan.engine.query.AnalyticsEngine;
import org.harmattan.engine.query.CountQuery;
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

  private static final Set<EventType> POLITICAL_VIOLENCE = EventType.POLITICAL_VIOLENCE;

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
  private final EventFilter base;
  private final AnalyticsEngine engine;
  private final SignalFigures cite;
  private final Language language;

  private WarningIndicators(AnalyticsEngine engine, SecurityRequest r) {
    this.engine = engine;
    this.base =
        r.scope()
            .apply(EventFilter.of(r.countryIso3(), r.period()).withSources(r.sources()))
            .restrictEventTypes(POLITICAL_VIOLENCE);
    this.cite = new SignalFigures(engine, new Figures(r.today(), r.language()), base);
    this.language = r.language();
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
    // The country's counts by day over the history, whose rows answer the country's figures.
    DayCounts countryDays =
        new DayCounts(
            engine.count(new CountQuery(base.withPeriod(history), List.of(Dimension.DAY))), 0);
    String name = r.countryIso3();
    DailySeries countryEvents = countryDays.series(name, false).get(name);
    entry(country, AcledRules.changeLevel(countryEvents, asOf), "events", countryDays);
    // The store's first event of the country (any type, these sources): the history it holds.
    LocalDate heldFrom =
        engine
            .coverage(EventFilter.of(r.countryIso3(), Period.upTo(asOf)).withSources(r.sources()))
            .first();
    entry(
        country,
        HdxSignals.fatalities(countryDays.series(name, true).get(name), asOf, heldFrom),
        "deaths",
        countryDays);
    entry(country, CountAnomaly.monthly(countryEvents, asOf), "events", countryDays);
    // The counts by region and day over the history, whose rows answer the regions' figures.
    DayCounts regionDays =
        new DayCounts(
            engine.count(
                new CountQuery(base.withPeriod(history), List.of(Dimension.ADMIN1, Dimension.DAY))),
            1);
    for (Map.Entry<String, DailySeries> e : regionDays.series(name, false).entrySet()) {
      DailySeries s = e.getValue();
      for (Signal signal : List.of(AcledRules.surge(s, asOf), AcledRules.threat(s, asOf))) {
        if (signal.triggered()) {
          regions.add(entry(signal, e.getKey(), regionDays));
        }
      }
    }
  }

  private void entry(List<Entry> to, Signal rule, String unit, DayCounts counts) {
    Signal s = SignalTexts.in(rule, language);
    SignalFigures.Cited c = cite.of(s, null, unit, counts);
    to.add(register(s, c));
  }

  private Entry entry(Signal rule, String admin1, DayCounts counts) {
    Signal s = SignalTexts.in(rule, language);
    return register(s, cite.of(s, admin1, "events", counts));
  }

  private Entry register(Signal s, SignalFigures.Cited c) {
    add(c.observed());
    add(c.baseline());
    if (c.pValue() != null) {
      add(c.pValue());
    }
    return new Entry(
        s, c.observed().id(), c.baseline().id(), c.pValue() == null ? null : c.pValue().id());
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
