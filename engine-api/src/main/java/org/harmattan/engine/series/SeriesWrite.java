package org.harmattan.engine.series;

import org.harmattan.engine.write.RejectedRow;

/**
 * One series file being written. Points are keyed by series, level, unit id and month: writing a
 * file again changes nothing, and a later file's value for the same key replaces the stored one (a
 * publisher's re-release).
 */
public interface SeriesWrite extends AutoCloseable {

  /**
   * A row that gave a point. A file gives at most one point per key: ingest quarantines a repeated
   * key, and an engine refuses one with an {@link IllegalArgumentException} (a caller's error).
   */
  void accepted(SeriesPoint point);

  /** A row that goes to the quarantine. */
  void rejected(RejectedRow row);

  /**
   * Stores what is new or changed, the quarantine and the file's entry in the ingest log, at once.
   * A rejected row is quarantined once per file and line however often the file is written; it
   * counts as quarantined every time.
   *
   * @param dataset the format recognised (e.g. {@code views-cm}), for the ingest log
   * @param rowsRead data rows read, for the ingest log
   */
  SeriesOutcome commit(String dataset, long rowsRead);

  /** Ends the write; one not committed is rolled back. */
  @Override
  void close();
}
