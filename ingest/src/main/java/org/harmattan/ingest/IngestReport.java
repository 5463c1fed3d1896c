package org.harmattan.ingest;

import static java.util.Objects.requireNonNull;

import java.util.List;
import org.harmattan.domain.error.ErrorCategory;
import org.harmattan.domain.error.HarmattanException;
import org.harmattan.domain.problem.ProblemCode;

/**
 * What became of every row of one ingested file. Every data row read is exactly one of inserted,
 * updated, unchanged, merged or quarantined; the constructor refuses a report whose sum is off.
 *
 * @param path the file as given
 * @param format the format read
 * @param sha256 the file's SHA-256
 * @param rowsRead data rows read
 * @param inserted events new to the store
 * @param updated newer versions of known events (the old version goes to history)
 * @param unchanged known events whose stored version is the same or newer
 * @param merged extra rows of an event already in the file (monadic exports: one row per actor)
 * @param quarantined rows kept aside with their problems
 * @param notes remarks for the user
 */
public record IngestReport(
    String path,
    SourceFormat format,
    String sha256,
    long rowsRead,
    long inserted,
    long updated,
    long unchanged,
    long merged,
    long quarantined,
    List<String> notes) {
  public IngestReport {
    requireNonNull(path, "path");
    requireNonNull(format, "format");
    requireNonNull(sha256, "sha256");
    notes = List.copyOf(notes);
    long sum = inserted + updated + unchanged + merged + quarantined;
    if (sum != rowsRead) {
      throw new HarmattanException(
          ErrorCategory.INTERNAL,
          ProblemCode.ROW_ACCOUNTING,
          path
              + ": "
              + rowsRead
              + " rows read but "
              + sum
              + " accounted for (inserted "
              + inserted
              + ", updated "
              + updated
              + ", unchanged "
              + unchanged
              + ", merged "
              + merged
              + ", quarantined "
              + quarantined
              + ")");
    }
  }
}
