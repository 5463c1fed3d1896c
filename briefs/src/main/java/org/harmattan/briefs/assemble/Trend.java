package org.harmattan.briefs.assemble;

import org.harmattan.domain.figure.Figure;

/**
 * How a change figure reads: each trend names the texts that say it ({@code security.trend.rose}).
 */
enum Trend {
  ROSE("rose"),
  FELL("fell"),
  UNCHANGED("unchanged"),
  NO_BASE("no_base"),
  TOO_LITTLE("too_little");

  /** Below this many in both windows, a percentage says more than the data. */
  static final double MIN_FOR_TREND = 10;

  /** Changes within this many percent either way read as no change. */
  static final double FLAT_PERCENT = 2.5;

  /** The last part of the keys of the texts that say this trend. */
  final String key;

  Trend(String key) {
    this.key = key;
  }

  /** The trend a change figure shows, given the two windows' figures. */
  static Trend of(Figure change, Figure current, Figure base) {
    if (change.value() == null) {
      return current.getValue() == 0 ? UNCHANGED : NO_BASE;
    }
    if (current.getValue() < MIN_FOR_TREND && base.getValue() < MIN_FOR_TREND) {
      return TOO_LITTLE;
    }
    double v = change.getValue();
    if (Math.abs(v) < FLAT_PERCENT) {
      return UNCHANGED;
    }
    return v > 0 ? ROSE : FELL;
  }
}
