package org.harmattan.engine.write;

import java.util.List;
import org.harmattan.domain.humanitarian.AdminUnit;

/**
 * The write port for humanitarian tables: observations, the admin reference, and the tables kept to
 * be placed again when the reference changes.
 */
public interface ObservationWriter {

  /**
   * The admin reference: for each P-code, the unit {@link AdminUnits#choose} takes among those the
   * ingested P-code tables give, so that the reference does not depend on the order they came in.
   */
  List<AdminUnit> listAdminUnits();

  /**
   * Starts writing the rows of {@code file}, recorded in the ingest log; one write at a time per
   * store. What the store held from the same file (the same bytes) is replaced by this reading.
   */
  ObservationWrite begin(FileRef file);

  /**
   * Starts writing a kept table read again against a changed reference: as {@link #begin}, but not
   * recorded in the ingest log (no one ingested a file).
   */
  ObservationWrite placeAgain(FileRef file);

  /** The tables kept, with the reference each was placed against. */
  List<KeptTable> listKeptTables();

  /** The bytes of the kept table of SHA-256 {@code sha256}. */
  byte[] readKeptTable(String sha256);
}
