package org.harmattan.forecast;

import java.util.List;
import java.util.Map;

/**
 * The predictors of the learned model for one unit, origin month and horizon: the unit's own recent
 * and long-run level (log scale), time since its last month with deaths, the neighbours' recent
 * level, the level of the whole panel (global or national context), the horizon and the month of
 * the year forecast; and, for each covariate of the panel (event counts, events of a type), its
 * last value and its mean over the last 3 months (log scale).
 */
final class Features {
  static final String[] NAMES = {
    "horizon",
    "month_of_year",
    "last",
    "mean_3",
    "mean_12",
    "max_12",
    "mean_36",
    "months_since",
    "active_12",
    "trend",
    "long_run",
    "neighbours_3",
    "panel_total",
    "panel_active"
  };

  /** The position of the unit's mean level over the last 12 months (log scale). */
  static final int BASE = 4;

  private final MonthlyPanel panel;
  private final int[][] neighbours;
  private final double[] panelTotal;
  private final double[] panelActive;

  Features(MonthlyPanel panel, Map<String, List<String>> neighbourIds) {
    this.panel = panel;
    this.neighbours = new int[panel.unitCount()][];
    for (int u = 0; u < panel.unitCount(); u++) {
      List<String> ids = neighbourIds.getOrDefault(panel.units().get(u).id(), List.of());
      neighbours[u] =
          ids.stream()
              .map(panel::find)
              .flatMap(java.util.Optional::stream)
              .mapToInt(i -> i)
              .toArray();
    }
    int months = panel.monthCount();
    panelTotal = new double[months];
    panelActive = new double[months];
    for (int m = 0; m < months; m++) {
      double total = 0;
      int active = 0;
      int known = 0;
      for (int u = 0; u < panel.unitCount(); u++) {
        double v = panel.value(u, m);
        if (!Double.isNaN(v)) {
          total += v;
          known++;
          active += v > 0 ? 1 : 0;
        }
      }
      panelTotal[m] = Math.log1p(total);
      panelActive[m] = known == 0 ? 0 : (double) active / known;
    }
  }

  int count() {
    return NAMES.length + 2 * panel.covariateNames().size();
  }

  /** Writes the features of unit {@code u} at origin column {@code t}, horizon {@code h}. */
  void write(int u, int t, int h, float[] out, int offset) {
    double last = log(u, t);
    double mean3 = meanLog(u, t, 3);
    double mean12 = meanLog(u, t, 12);
    double max12 = 0;
    int active = 0;
    for (int m = t - 11; m <= t; m++) {
      double v = log(u, m);
      max12 = Math.max(max12, v);
      active += v > 0 ? 1 : 0;
    }
    int since = 0;
    while (since < 240 && t - since >= 0 && !(panel.value(u, t - since) > 0)) {
      since++;
    }
    double nb = Double.NaN;
    if (neighbours[u].length > 0) {
      double s = 0;
      for (int n : neighbours[u]) {
        s += meanLog(n, t, 3);
      }
      nb = s / neighbours[u].length;
    }
    out[offset] = h;
    out[offset + 1] = panel.month(t + h).getMonthValue();
    out[offset + 2] = (float) last;
    out[offset + 3] = (float) mean3;
    out[offset + 4] = (float) mean12;
    out[offset + 5] = (float) max12;
    out[offset + 6] = (float) meanLog(u, t, 36);
    out[offset + 7] = since;
    out[offset + 8] = active;
    out[offset + 9] = (float) (mean3 - mean12);
    out[offset + 10] = (float) meanLog(u, t, t + 1);
    out[offset + 11] = (float) nb;
    out[offset + 12] = (float) panelTotal[t];
    out[offset + 13] = (float) panelActive[t];
    int k = offset + NAMES.length;
    for (String c : panel.covariateNames()) {
      out[k++] = (float) Math.log1p(zeroIfUnknown(panel.covariate(c, u, t)));
      double s = 0;
      for (int m = t - 2; m <= t; m++) {
        s += Math.log1p(zeroIfUnknown(panel.covariate(c, u, m)));
      }
      out[k++] = (float) (s / 3);
    }
  }

  private static double zeroIfUnknown(double v) {
    return Double.isNaN(v) ? 0 : v;
  }

  private double log(int u, int m) {
    double v = panel.value(u, m);
    return Double.isNaN(v) ? 0 : Math.log1p(v);
  }

  private double meanLog(int u, int t, int months) {
    double s = 0;
    int n = 0;
    for (int m = Math.max(0, t - months + 1); m <= t; m++) {
      double v = panel.value(u, m);
      if (!Double.isNaN(v)) {
        s += Math.log1p(v);
        n++;
      }
    }
    return n == 0 ? 0 : s / n;
  }
}
