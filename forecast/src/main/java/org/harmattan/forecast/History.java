package org.harmattan.forecast;

import java.util.ArrayList;
import java.util.List;

/** Which units of a panel have the history a forecast from a given month needs. */
final class History {
  /** Months of data a unit needs up to the last month of training. */
  static final int MIN_MONTHS = 12;

  private History() {}

  /**
   * The units with a value in each of the last {@link #MIN_MONTHS} months up to {@code end} (a
   * column); the others go to {@code skipped} with the reason.
   */
  static List<Integer> usable(MonthlyPanel panel, int end, List<ForecastRun.Skipped> skipped) {
    List<Integer> rows = new ArrayList<>();
    for (int u = 0; u < panel.unitCount(); u++) {
      int missing = 0;
      for (int m = end - MIN_MONTHS + 1; m <= end; m++) {
        if (Double.isNaN(panel.value(u, m))) {
          missing++;
        }
      }
      if (missing == 0) {
        rows.add(u);
      } else {
        skipped.add(
            new ForecastRun.Skipped(
                panel.units().get(u),
                "no value in "
                    + missing
                    + " of the "
                    + MIN_MONTHS
                    + " months up to "
                    + panel.month(end)));
      }
    }
    return rows;
  }
}
