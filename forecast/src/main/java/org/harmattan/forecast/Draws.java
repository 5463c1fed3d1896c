package org.harmattan.forecast;

import java.util.SplittableRandom;

/** Random draws the forecasters share: seeded, so the same seed gives the same draws. */
final class Draws {
  private Draws() {}

  /**
   * A Poisson variate with mean {@code lambda}: Knuth's product of uniforms below 30, Hörmann's
   * transformed rejection with squeeze (PTRS, 1993) above.
   */
  static long poisson(SplittableRandom random, double lambda) {
    if (lambda <= 0) {
      return 0;
    }
    if (lambda < 30) {
      double limit = Math.exp(-lambda);
      double product = random.nextDouble();
      long k = 0;
      while (product > limit) {
        k++;
        product *= random.nextDouble();
      }
      return k;
    }
    double slam = Math.sqrt(lambda);
    double loglam = Math.log(lambda);
    double b = 0.931 + 2.53 * slam;
    double a = -0.059 + 0.02483 * b;
    double invalpha = 1.1239 + 1.1328 / (b - 3.4);
    double vr = 0.9277 - 3.6224 / (b - 2);
    while (true) {
      double u = random.nextDouble() - 0.5;
      double v = random.nextDouble();
      double us = 0.5 - Math.abs(u);
      long k = (long) Math.floor((2 * a / us + b) * u + lambda + 0.43);
      if (us >= 0.07 && v <= vr) {
        return k;
      }
      if (k < 0 || (us < 0.013 && v > us)) {
        continue;
      }
      double lhs = Math.log(v) + Math.log(invalpha) - Math.log(a / (us * us) + b);
      double rhs = -lambda + k * loglam - logFactorial(k);
      if (lhs <= rhs) {
        return k;
      }
    }
  }

  private static double logFactorial(long k) {
    if (k < 2) {
      return 0;
    }
    double x = k + 1.0;
    // Stirling's series for log Gamma(x), exact to double precision for x >= 2.
    return (x - 0.5) * Math.log(x)
        - x
        + 0.5 * Math.log(2 * Math.PI)
        + 1 / (12 * x)
        - 1 / (360 * x * x * x)
        + 1 / (1260 * Math.pow(x, 5));
  }
}
