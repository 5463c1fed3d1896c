package org.harmattan.forecast;

import java.util.Arrays;

/**
 * The scores of the VIEWS prediction competition 2023/24, for one forecast (an ensemble of draws)
 * against one observed value. CRPS is the ensemble form {@code E|X - y| - E|X - X'| / 2} over all
 * pairs; IGN counts draws and the outcome in the competition's bins (edges 0, 0.5, 2.5, 5.5, 10.5,
 * 25.5, 50.5, 100.5, 250.5, 500.5, 1000.5, the last bin open) with one pseudo-count per bin, in
 * bits; MIS is the interval score of the central interval between the draws' quantiles (linear
 * interpolation between order statistics, as numpy's default).
 */
public final class Scores {
  /** The competition's IGN bin edges. */
  static final double[] IGN_EDGES = {
    0, 0.5, 2.5, 5.5, 10.5, 25.5, 50.5, 100.5, 250.5, 500.5, 1000.5
  };

  private Scores() {}

  /** Continuous ranked probability score of the ensemble {@code draws} for outcome {@code y}. */
  public static double crps(double[] draws, double y) {
    double[] x = draws.clone();
    Arrays.sort(x);
    int n = x.length;
    double absError = 0;
    double spread = 0;
    for (int i = 0; i < n; i++) {
      absError += Math.abs(x[i] - y);
      spread += (2.0 * (i + 1) - n - 1) * x[i];
    }
    return absError / n - spread / ((double) n * n);
  }

  /** Ignorance score (bits) of the binned ensemble for outcome {@code y}. */
  public static double ign(double[] draws, double y) {
    int bins = IGN_EDGES.length;
    double[] counts = new double[bins];
    Arrays.fill(counts, 1);
    for (double d : draws) {
      counts[bin(d)]++;
    }
    double p = counts[bin(y)] / (draws.length + bins);
    return -Math.log(p) / Math.log(2);
  }

  private static int bin(double v) {
    int b = 0;
    while (b + 1 < IGN_EDGES.length && v >= IGN_EDGES[b + 1]) {
      b++;
    }
    return b;
  }

  /**
   * Interval score of the central {@code 1 - alpha} interval (alpha 0.1 for the 90 % interval): its
   * width, plus {@code 2 / alpha} times how far the outcome falls outside it.
   */
  public static double mis(double[] draws, double y, double alpha) {
    double[] x = draws.clone();
    Arrays.sort(x);
    double lower = quantile(x, alpha / 2);
    double upper = quantile(x, 1 - alpha / 2);
    double score = upper - lower;
    if (y < lower) {
      score += 2 / alpha * (lower - y);
    } else if (y > upper) {
      score += 2 / alpha * (y - upper);
    }
    return score;
  }

  /** Whether the outcome lies in the central {@code 1 - alpha} interval of the draws. */
  public static boolean covers(double[] draws, double y, double alpha) {
    double[] x = draws.clone();
    Arrays.sort(x);
    return y >= quantile(x, alpha / 2) && y <= quantile(x, 1 - alpha / 2);
  }

  /** The quantile {@code p} of sorted values, interpolating linearly between order statistics. */
  public static double quantile(double[] sorted, double p) {
    if (sorted.length == 0) {
      throw new IllegalArgumentException("no values");
    }
    double h = (sorted.length - 1) * p;
    int lo = (int) Math.floor(h);
    int hi = Math.min(lo + 1, sorted.length - 1);
    return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
  }
}
