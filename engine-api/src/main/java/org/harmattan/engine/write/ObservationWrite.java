package org.harmattan.engine.write;

import java.util.OptionalInt;

/**
 * One humanitarian file being written. Its reading replaces what the store held from the same file
 * (observations by record id, admin units, quarantined rows): reading a file again changes nothing
 * unless the admin reference changed in between, and then the rows are placed as the new reference
 * says.
 */
public interface ObservationWrite extends AutoCloseable {

  /** A row that gave observations or admin units. */
  void accepted(ObservationRow row);

  /** A row that goes to the quarantine. */
  void rejected(RejectedRow row);

  /**
   * Keeps the file's bytes with the commit, to be read again when the admin reference changes.
   *
   * @param year the year the file was said to describe, if given
   * @param reference the fingerprint of the admin reference this reading was placed against
   */
  void keep(byte[] content, OptionalInt year, String reference);

  /**
   * Stores this reading, the quarantine and (unless it is a placing again) the file's entry in the
   * ingest log, at once.
   *
   * @param dataset the dataset recognised (its id, e.g. {@code iom-dtm}), for the ingest log
   * @param rowsRead data rows read, for the ingest log
   */
  ObservationOutcome commit(String dataset, long rowsRead);

  /** Ends the write; one not committed is rolled back. */
  @Override
  void close();
}
