package org.harmattan.engine.write;

/**
 * What an engine made of one humanitarian file's rows.
 *
 * @param inserted accepted rows that gave at least one observation or admin unit new to the store
 * @param unchanged accepted rows whose observations and units were all stored already
 * @param quarantined rejected rows
 */
public record ObservationOutcome(long inserted, long unchanged, long quarantined) {
  public ObservationOutcome {
    if (inserted < 0 || unchanged < 0 || quarantined < 0) {
      throw new IllegalArgumentException("negative count in " + this);
    }
  }
}
