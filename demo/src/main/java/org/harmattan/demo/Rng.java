package org.harmattan.demo;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Random draws built on {@link SplittableRandom#nextLong()} alone, whose SplitMix64 algorithm is
 * specified, and on {@link StrictMath}: the same seed gives the same draws on every JDK and CPU.
 */
final class Rng {
  private final SplittableRandom random;

  Rng(long seed) {
    this.random = new SplittableRandom(seed);
  }

  /** Uniform in [0, 1). */
  double uniform() {
    return (random.nextLong() >>> 11) * 0x1.0p-53;
  }

  /** Uniform in [0, bound). */
  int below(int bound) {
    if (bound <= 0) {
      throw new IllegalArgumentException("bound must be positive: " + bound);
    }
    return (int) (uniform() * bound);
  }

  boolean chance(double probability) {
    return uniform() < probability;
  }

  /** Uniform in [min, max]. */
  int between(int min, int max) {
    return min + below(max - min + 1);
  }

  /** Standard normal, by Box-Muller. */
  double gaussian() {
    double u1 = 1.0 - uniform();
    double u2 = uniform();
    return StrictMath.sqrt(-2 * StrictMath.log(u1)) * StrictMath.cos(2 * StrictMath.PI * u2);
  }

  /**
   * A right-skewed count: 0 with probability {@code zeroProbability}, else a log-normal with median
   * {@code e^mu}, rounded, at least 1 and at most {@code max}.
   */
  int skewedCount(double zeroProbability, double mu, double sigma, int max) {
    if (chance(zeroProbability)) {
      return 0;
    }
    long n = StrictMath.round(StrictMath.exp(mu + sigma * gaussian()));
    return (int) Math.max(1, Math.min(max, n));
  }

  /**
   * {@code floor(rate)} plus one with probability {@code rate - floor(rate)}: a low-noise count.
   */
  int count(double rate) {
    double whole = StrictMath.floor(rate);
    return (int) whole + (chance(rate - whole) ? 1 : 0);
  }

  <T> T pick(List<T> items) {
    return items.get(below(items.size()));
  }

  Place pickWeighted(List<Gazetteer.Weighted> items) {
    int total = 0;
    for (Gazetteer.Weighted w : items) {
      total += w.weight();
    }
    int r = below(total);
    for (Gazetteer.Weighted w : items) {
      r -= w.weight();
      if (r < 0) {
        return w.place();
      }
    }
    throw new IllegalStateException("unreachable: weights sum to " + total);
  }
}
