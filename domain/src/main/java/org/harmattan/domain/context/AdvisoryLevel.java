package org.harmattan.domain.context;

/**
 * One scale for every government's advice, modelled on the US State Department's four levels. Each
 * reader's mapping is documented where it is made.
 */
public enum AdvisoryLevel {
  NORMAL(1, "normal precautions"),
  INCREASED_CAUTION(2, "increased caution"),
  RECONSIDER(3, "reconsider travel / all but essential travel"),
  DO_NOT_TRAVEL(4, "do not travel");

  private final int rank;
  private final String label;

  AdvisoryLevel(int rank, String label) {
    this.rank = rank;
    this.label = label;
  }

  /** 1 to 4. */
  public int rank() {
    return rank;
  }

  public String label() {
    return label;
  }

  public static AdvisoryLevel ofRank(int rank) {
    for (AdvisoryLevel l : values()) {
      if (l.rank == rank) {
        return l;
      }
    }
    throw new IllegalArgumentException("advisory level must be 1 to 4: " + rank);
  }

  public static AdvisoryLevel max(AdvisoryLevel a, AdvisoryLevel b) {
    return a.rank >= b.rank ? a : b;
  }
}
