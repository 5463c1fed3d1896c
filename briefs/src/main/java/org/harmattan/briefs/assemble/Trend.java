package org.harmattan.briefs.assemble;

import org.harmattan.domain.figure.Figure;

/** How a change figure reads in words. */
enum Trend {
  ROSE("rose", "a rise"),
  FELL("fell", "a fall"),
  UNCHANGED("was unchanged", "no change"),
  NO_BASE("cannot be compared", "no comparison"),
  TOO_LITTLE("changed too little to call a trend", "too few to compare");

  /** Below this many in both windows, a percentage says more than the data. */
  static final double MIN_FOR_TREND = 10;

  /** Changes within this many percent either way read as no change. */
  static final double FLAT_PERCENT = 2.5;

  final String verb;
  final String noun;

  Trend(String verb, String noun) {
    this.verb = verb;
    this.noun = noun;
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
