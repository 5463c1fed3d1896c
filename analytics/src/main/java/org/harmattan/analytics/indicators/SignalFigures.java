package org.harmattan.analytics.indicators;

import static java.util.Objects.requireNonNull;

import java.util.Set;
import org.harmattan.analytics.text.AnalyticsTexts;
import org.harmattan.analytics.warning.Signal;
import org.harmattan.domain.figure.Figure;
import org.harmattan.domain.text.Texts;
import org.harmattan.engine.query.AnalyticsEngine;
import org.harmattan.engine.query.CountQuery;
import org.harmattan.engine.query.CountResult;
import org.harmattan.engine.query.EventFilter;

/**
 * The cited figures of an early-warning signal: the observed count, the baseline and, for a
 * statistical test, the p-value, each citing the records of its own window. Ids read {@code
 * warning.RULE.AREA.observed} (and {@code .baseline}, {@code .p_value}).
 */
public final class SignalFigures {
  private final AnalyticsEngine engine;
  private final Figures make;
  private final EventFilter base;

  /**
   * Figures of signals computed on events matching {@code base}.
   *
   * @param engine answers a window that no count by day covers
   * @param make builds the figures
   * @param base the events the rules counted (any period)
   */
  public SignalFigures(AnalyticsEngine engine, Figures make, EventFilter base) {
    this.engine = requireNonNull(engine, "engine");
    this.make = requireNonNull(make, "make");
    this.base = requireNonNull(base, "base");
  }

  /**
   * The figures of one signal.
   *
   * @param s the signal
   * @param admin1 the region whose events the signal counted, or null for the country's
   * @param unit {@code events} or {@code deaths}
   * @param counts the count by day the signal was computed from, answering its windows
   * @return observed, baseline and (when the signal has one) p-value figures
   */
  public Cited of(Signal s, String admin1, String unit, DayCounts counts) {
    Texts texts = AnalyticsTexts.of(make.language());
    String prefix = "warning." + s.ruleId() + "." + FigureIds.slug(s.area());
    EventFilter f = admin1 == null ? base : base.withAdmin1(Set.of(admin1));
    Figure observed =
        withValue(
            prefix + ".observed",
            texts.t("warning.figure.observed", s.rule(), s.area()),
            s.observed(),
            unit,
            f.withPeriod(s.observedWindow()),
            admin1,
            counts);
    Figure baseline =
        withValue(
            prefix + ".baseline",
            texts.t("warning.figure.baseline", s.rule(), s.area()),
            s.baseline(),
            unit,
            f.withPeriod(s.baselineWindow()),
            admin1,
            counts);
    Figure p = null;
    if (s.pValue() != null) {
      p =
          withValue(
              prefix + ".p_value",
              texts.t("warning.figure.p_value", s.rule(), s.area()),
              s.pValue(),
              "p_value",
              f.withPeriod(s.baselineWindow()),
              admin1,
              counts);
    }
    return new Cited(observed, baseline, p);
  }

  /** A figure whose value the rule computed, citing the records of its window. */
  private Figure withValue(
      String id,
      String label,
      double value,
      String unit,
      EventFilter f,
      String admin1,
      DayCounts counts) {
    CountResult r = counts.total(f, admin1).orElseGet(() -> engine.count(CountQuery.total(f)));
    return make.of(id, label, value, unit, f, r);
  }

  /**
   * A signal's figures.
   *
   * @param observed the observed count
   * @param baseline what it was compared with
   * @param pValue the p-value, or null
   */
  public record Cited(Figure observed, Figure baseline, Figure pValue) {
    public Cited {
      requireNonNull(observed, "observed");
      requireNonNull(baseline, "baseline");
    }
  }
}
