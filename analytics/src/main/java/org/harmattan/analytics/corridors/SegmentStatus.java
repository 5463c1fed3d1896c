package org.harmattan.analytics.corridors;

/**
 * How passable a corridor segment is at the end of the window, from the passage-affecting events
 * snapped to it (see {@link CorridorReport} for the thresholds). The code is the value of status
 * figures.
 */
public enum SegmentStatus {
  OPEN(0),
  DISRUPTED(1),
  BLOCKED(2);

  private final int code;

  SegmentStatus(int code) {
    this.code = code;
  }

  /** 0 open, 1 disrupted, 2 blocked: the value of a status figure. */
  public int code() {
    return code;
  }

  /** "open", "disrupted", "blocked": also the map style of a line. */
  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }

  /** The worse of two statuses. */
  public SegmentStatus worst(SegmentStatus other) {
    return other.code > code ? other : this;
  }
}
