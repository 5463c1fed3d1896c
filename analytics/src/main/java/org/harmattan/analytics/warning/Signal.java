package org.harmattan.analytics.warning;

import static java.util.Objects.requireNonNull;

import java.util.List;
import org.harmattan.domain.figure.Period;

/**
 * The outcome of one early-warning rule for one area on one as-of date, triggered or not. Numbers
 * stay numbers: the texts never contain a formatted figure, so that a brief formats every number
 * from its own figure.
 *
 * @param ruleId stable rule id: {@code acled.surge}, {@code acled.threat}, {@code acled.change},
 *     {@code hdx.fatalities}, {@code anomaly.poisson} or {@code anomaly.negbin}
 * @param area the admin1 name or country
 * @param triggered whether the rule fires
 * @param observed the count in the observed window
 * @param baseline what it is compared with (a mean per block, a maximum, or a model mean)
 * @param threshold the value {@code observed} must reach for the rule to fire (see each rule)
 * @param level a short label from the rule's own vocabulary, e.g. "substantial increase"
 * @param observedWindow the days counted in {@code observed}
 * @param baselineWindow the days the baseline was computed from
 * @param pValue the probability of a count at least as high under the baseline model, or null when
 *     the rule is not a statistical test
 * @param rule what the rule says, in words, without numbers computed from the data
 * @param notes caveats on this result (zero baseline, model fallback), without formatted numbers
 * @param references further reference values the rule compared with, e.g. the 3-year maximum
 */
public record Signal(
    String ruleId,
    String area,
    boolean triggered,
    double observed,
    double baseline,
    double threshold,
    String level,
    Period observedWindow,
    Period baselineWindow,
    Double pValue,
    String rule,
    List<String> notes,
    List<Reference> references) {
  public Signal {
    requireNonNull(ruleId, "ruleId");
    requireNonNull(area, "area");
    requireNonNull(level, "level");
    requireNonNull(observedWindow, "observedWindow");
    requireNonNull(baselineWindow, "baselineWindow");
    requireNonNull(rule, "rule");
    notes = List.copyOf(notes);
    references = List.copyOf(references);
    if (pValue != null && !(pValue >= 0 && pValue <= 1)) {
      throw new IllegalArgumentException("pValue must be within [0, 1], got " + pValue);
    }
  }

  /**
   * A named reference value the rule compared the observed count with.
   *
   * @param label what the value is, e.g. "maximum 30-day fatalities in the 3 years before"
   * @param value the value
   * @param window the days it refers to (for a maximum: the window where it was reached)
   */
  public record Reference(String label, double value, Period window) {
    public Reference {
      requireNonNull(label, "label");
      requireNonNull(window, "window");
    }
  }
}
