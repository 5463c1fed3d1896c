package org.harmattan.analytics.capital;

import java.util.List;

/**
 * An ordinary least-squares line with a 95 % confidence interval of its slope (Student's t).
 *
 * @param slope change of y per unit of x
 * @param low lower end of the 95 % interval
 * @param high upper end of the 95 % interval
 */
record Trend(double slope, double low, double high) {
  /** Two-sided 95 % quantiles of Student's t for 1..30 degrees of freedom. */
  private static final double[] T95 = {
    12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.160,
    2.145, 2.131, 2.120, 2.110, 2.101, 2.093, 2.086, 2.080, 2.074, 2.069, 2.064, 2.060, 2.056,
    2.052, 2.048, 2.045, 2.042
  };

  static double t95(int df) {
    return df <= T95.length ? T95[df - 1] : 1.96 + 2.4 / df;
  }

  /** Fits y on x; needs at least three points. */
  static Trend fit(List<double[]> xy) {
    int n = xy.size();
    if (n < 3) {
      throw new IllegalArgumentException("a trend needs at least 3 points, got " + n);
    }
    double mx = 0;
    double my = 0;
    for (double[] p : xy) {
      mx += p[0];
      my += p[1];
    }
    mx /= n;
    my /= n;
    double sxx = 0;
    double sxy = 0;
    for (double[] p : xy) {
      sxx += (p[0] - mx) * (p[0] - mx);
      sxy += (p[0] - mx) * (p[1] - my);
    }
    if (sxx == 0) {
      throw new IllegalArgumentException("a trend needs at least two distinct x values");
    }
    double slope = sxy / sxx;
    double intercept = my - slope * mx;
    double sse = 0;
    for (double[] p : xy) {
      double e = p[1] - (intercept + slope * p[0]);
      sse += e * e;
    }
    double se = Math.sqrt(sse / (n - 2) / sxx);
    double half = t95(n - 2) * se;
    return new Trend(slope, slope - half, slope + half);
  }
}
