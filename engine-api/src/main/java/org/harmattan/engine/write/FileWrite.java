package org.harmattan.engine.write;

/**
 * One file being written to an engine. The rows handed over are invisible to readers until {@link
 * #commit}; {@link #close} without a commit leaves the store as it was.
 */
public interface FileWrite extends AutoCloseable {

  /** A row that mapped to an event, with the lines it spans. */
  void accepted(StagedEvent event, LineRange lines);

  /** A row that goes to the quarantine. */
  void rejected(RejectedRow row);

  /**
   * Resolves the file's repeated event ids ({@link Revisions#resolveRepeats}) and its revisions of
   * stored events ({@link Revisions#replaces}), keeps out the rows of withdrawn events that are no
   * newer than their withdrawal ({@link Revisions#reinstates}), stores the events, the quarantine
   * and the file's entry in the ingest log, and makes them visible at once. A stored event read
   * again with the same content is unchanged, but takes the flags this reading gave it: flags are
   * derived from the content and take no part in its fingerprint, so a store made before a flag
   * existed gets it by reading its files again.
   *
   * @param format the format the file was read as (its id, e.g. {@code acled})
   * @param rowsRead data rows read, for the ingest log
   * @param raw the raw text of rows quarantined at this point
   */
  WriteOutcome commit(String format, long rowsRead, RawText raw);

  /** Ends the write; one not committed is rolled back. */
  @Override
  void close();
}
