package org.harmattan.briefs.claims;

import java.util.Locale;

/** What the data says about a claim. */
public enum Verdict {
  /** The computed value is within the claim's tolerance. */
  SUPPORTED,
  /** The computed value is outside the tolerance. */
  CONTRADICTED,
  /**
   * The store's latest edition of the figure is dated before the claim's window: a 2025 claim is
   * not judged on a 2022 edition; the reason names both, and the value the old edition gives.
   */
  STALE,
  /** The store cannot compute the figure: no data for the window, or an unknown figure. */
  NOT_COMPUTABLE;

  /** The lower-case word used in JSON: {@code supported}. */
  public String word() {
    return name().toLowerCase(Locale.ROOT);
  }
}
