package org.harmattan.engine.write;

/**
 * What an engine made of one file's rows.
 *
 * @param inserted events new to the store
 * @param updated known events replaced by a newer version (the old one kept in history)
 * @param unchanged known events whose stored version is the same or newer
 * @param merged further rows of an event already in the file (monadic rows, actors merged)
 * @param quarantined rows kept aside: rejected by the reader, plus conflicting duplicate ids
 */
public record WriteOutcome(
    long inserted, long updated, long unchanged, long merged, long quarantined) {
  public WriteOutcome {
    if (inserted < 0 || updated < 0 || unchanged < 0 || merged < 0 || quarantined < 0) {
      throw new IllegalArgumentException("negative count in " + this);
    }
  }
}
