package org.harmattan.engine.series;

/**
 * What an engine made of one series file's rows: {@code read = inserted + updated + unchanged +
 * quarantined}.
 *
 * @param inserted points new to the store
 * @param updated points whose stored value changed
 * @param unchanged points stored already with the same value
 * @param quarantined rejected rows
 */
public record SeriesOutcome(long inserted, long updated, long unchanged, long quarantined) {
  public SeriesOutcome {
    if (inserted < 0 || updated < 0 || unchanged < 0 || quarantined < 0) {
      throw new IllegalArgumentException("negative count in " + this);
    }
  }
}
