package org.harmattan.analytics.influence;

/**
 * The Wilson score interval of a proportion (Wilson 1927), which stays inside 0..1 and behaves for
 * small samples and shares near 0 or 1.
 *
 * @param low lower end
 * @param high upper end
 */
public record WilsonInterval(double low, double high) {
  /** The z of a two-sided 95 % interval. */
  public static final double Z95 = 1.959963984540054;

  public WilsonInterval {
    if (!(low >= 0 && low <= high && high <= 1)) {
      throw new IllegalArgumentException("not an interval in 0..1: " + low + ".." + high);
    }
  }

  /**
   * The 95 % interval of a share {@code p} observed over {@code n} trials; {@code n} may be an
   * effective sample size (not an integer).
   */
  public static WilsonInterval of95(double p, double n) {
    if (!(p >= 0 && p <= 1)) {
      throw new IllegalArgumentException("share must be in 0..1: " + p);
    }
    if (!(n > 0)) {
      throw new IllegalArgumentException("sample size must be positive: " + n);
    }
    double z2 = Z95 * Z95;
    double denominator = 1 + z2 / n;
    double centre = (p + z2 / (2 * n)) / denominator;
    double half = Z95 / denominator * Math.sqrt(p * (1 - p) / n + z2 / (4 * n * n));
    return new WilsonInterval(Math.max(0, centre - half), Math.min(1, centre + half));
  }
}
