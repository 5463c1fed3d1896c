package org.harmattan.ingest.humanitarian;

import static java.util.Objects.requireNonNull;

import java.util.List;
import org.harmattan.domain.error.ErrorCategory;
import org.harmattan.domain.error.HarmattanException;
import org.harmattan.domain.problem.ProblemCode;

/**
 * What became of every row of one humanitarian file: each non-blank data row is inserted (new to
 * the store), unchanged (already stored by an earlier ingest of the same file) or quarantined.
 *
 * @param path the file as given
 * @param dataset the dataset recognised, e.g. {@code iom-dtm}
 * @param description the dataset in words
 * @param sha256 the file's SHA-256
 * @param rowsRead non-blank data rows read
 * @param inserted rows whose observations (or admin units) are new
 * @param unchanged rows already in the store
 * @param quarantined rows kept aside with their problems
 * @param blankRows rows skipped because every cell was blank (not in rowsRead)
 * @param observations observations the file gives (new or not)
 * @param adminUnits admin units the file gives
 * @param notes remarks for the user
 */
public record HumanitarianIngestReport(
    String path,
    String dataset,
    String description,
    String sha256,
    long rowsRead,
    long inserted,
    long unchanged,
    long quarantined,
    long blankRows,
    long observations,
    long adminUnits,
    List<String> notes) {
  public HumanitarianIngestReport {
    requireNonNull(path, "path");
    requireNonNull(dataset, "dataset");
    requireNonNull(description, "description");
    requireNonNull(sha256, "sha256");
    notes = List.copyOf(notes);
    if (inserted + unchanged + quarantined != rowsRead) {
      throw new HarmattanException(
          ErrorCategory.INTERNAL,
          ProblemCode.ROW_ACCOUNTING,
          path
              + ": "
              + rowsRead
              + " rows read but "
              + (inserted + unchanged + quarantined)
              + " accounted for (inserted "
              + inserted
              + ", unchanged "
              + unchanged
              + ", quarantined "
              + quarantined
              + ")");
    }
  }
}
