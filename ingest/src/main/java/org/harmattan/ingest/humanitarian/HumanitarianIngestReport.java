package org.harmattan.ingest.humanitarian;

import static java.util.Objects.requireNonNull;

import java.util.List;
import org.harmattan.domain.error.ErrorCategory;
import org.harmattan.domain.error.HarmattanException;
import org.harmattan.domain.problem.ProblemCode;

/**
 * What became of every row of one humanitarian file: each non-blank data row is inserted (new to
 * the store), updated (stored by an earlier ingest of the same file, placed otherwise now that the
 * admin reference changed), unchanged (stored as it is by an earlier ingest of the same file) or
 * quarantined; and the kept tables this ingest placed again against the changed reference.
 *
 * @param path the file as given
 * @param dataset the dataset recognised, e.g. {@code iom-dtm}
 * @param description the dataset in words
 * @param sha256 the file's SHA-256
 * @param rowsRead non-blank data rows read
 * @param inserted rows whose observations (or admin units) are new
 * @param updated rows whose observations were stored, with another place
 * @param unchanged rows already in the store
 * @param quarantined rows kept aside with their problems
 * @param blankRows rows skipped because every cell was blank (not in rowsRead)
 * @param observations observations the file gives (new or not)
 * @param adminUnits admin units the file gives
 * @param notes remarks for the user
 * @param placedAgain tables read earlier, read again from the store's copy and placed against the
 *     admin reference as it is after this ingest
 */
public record HumanitarianIngestReport(
    String path,
    String dataset,
    String description,
    String sha256,
    long rowsRead,
    long inserted,
    long updated,
    long unchanged,
    long quarantined,
    long blankRows,
    long observations,
    long adminUnits,
    List<String> notes,
    List<PlacedAgain> placedAgain) {
  public HumanitarianIngestReport {
    requireNonNull(path, "path");
    requireNonNull(dataset, "dataset");
    requireNonNull(description, "description");
    requireNonNull(sha256, "sha256");
    notes = List.copyOf(notes);
    placedAgain = List.copyOf(placedAgain);
    if (inserted + updated + unchanged + quarantined != rowsRead) {
      throw new HarmattanException(
          ErrorCategory.INTERNAL,
          ProblemCode.ROW_ACCOUNTING,
          path
              + ": "
              + rowsRead
              + " rows read but "
              + (inserted + updated + unchanged + quarantined)
              + " accounted for (inserted "
              + inserted
              + ", updated "
              + updated
              + ", unchanged "
              + unchanged
              + ", quarantined "
              + quarantined
              + ")");
    }
  }

  /**
   * A kept table read again because the admin reference changed, and what that changed.
   *
   * @param path the table as it was ingested
   * @param sha256 its SHA-256
   * @param rowsRead its non-blank data rows
   * @param inserted rows that gave an observation new to the store
   * @param updated rows now placed otherwise
   * @param unchanged rows placed as before
   * @param quarantined rows the reference now refuses, or that were refused before
   */
  public record PlacedAgain(
      String path,
      String sha256,
      long rowsRead,
      long inserted,
      long updated,
      long unchanged,
      long quarantined) {
    public PlacedAgain {
      requireNonNull(path, "path");
      requireNonNull(sha256, "sha256");
    }
  }
}
