package org.harmattan.engine.write;

/**
 * One humanitarian file being written. Observations are keyed by record id and admin units by
 * P-code, name and parent, so that writing a file again changes nothing; an admin unit read again
 * with another name or parent replaces the stored one.
 */
public interface ObservationWrite extends AutoCloseable {

  /** A row that gave observations or admin units. */
  void accepted(ObservationRow row);

  /** A row that goes to the quarantine. */
  void rejected(RejectedRow row);

  /**
   * Stores what is new, the quarantine and the file's entry in the ingest log, at once.
   *
   * @param dataset the dataset recognised (its id, e.g. {@code iom-dtm}), for the ingest log
   * @param rowsRead data rows read, for the ingest log
   */
  ObservationOutcome commit(String dataset, long rowsRead);

  /** Ends the write; one not committed is rolled back. */
  @Override
  void close();
}
