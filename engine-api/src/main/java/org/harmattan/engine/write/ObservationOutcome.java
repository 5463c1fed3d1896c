package org.harmattan.engine.write;

/**
 * What an engine made of one humanitarian file's rows.
 *
 * @param inserted accepted rows that gave at least one observation or admin unit this file had not
 *     given the store before
 * @param updated accepted rows whose observations were stored from this file already but are now
 *     placed otherwise (the admin reference changed since)
 * @param unchanged accepted rows whose observations and units were all stored already, as they are
 * @param quarantined rejected rows
 */
public record ObservationOutcome(long inserted, long updated, long unchanged, long quarantined) {
  public ObservationOutcome {
    if (inserted < 0 || updated < 0 || unchanged < 0 || quarantined < 0) {
      throw new IllegalArgumentException("negative count in " + this);
    }
  }
}
