package org.harmattan.domain.event;

/**
 * Reported deaths. ACLED gives one number (best = low = high); UCDP gives low, best and high.
 *
 * @param best the best estimate
 * @param low the lower bound
 * @param high the upper bound
 */
public record Fatalities(int best, int low, int high) {
  public Fatalities {
    if (low < 0 || best < 0 || high < 0) {
      throw new IllegalArgumentException(
          "fatalities must not be negative: low " + low + ", best " + best + ", high " + high);
    }
    if (low > best || best > high) {
      throw new IllegalArgumentException(
          "fatalities must satisfy low <= best <= high: " + low + ", " + best + ", " + high);
    }
  }

  /** A single reported figure, as ACLED gives it. */
  public static Fatalities exactly(int count) {
    return new Fatalities(count, count, count);
  }

  public static final Fatalities NONE = exactly(0);
}
