package org.harmattan.ingest.series;

import static java.util.Objects.requireNonNull;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.harmattan.domain.error.ErrorCategory;
import org.harmattan.domain.error.HarmattanException;
import org.harmattan.domain.problem.ProblemCode;
import org.harmattan.engine.write.RejectedRow;

/**
 * What became of every row of one series file: each data row is inserted (a new point), updated (a
 * point whose stored value it changed), unchanged (a point stored already with the same value) or
 * quarantined; the constructor refuses a report whose sum is off.
 *
 * @param path the file as given
 * @param format the format recognised
 * @param sha256 the file's SHA-256
 * @param series the series the file gives, e.g. {@code ged_sb}
 * @param level the unit of analysis, e.g. {@code country}
 * @param rowsRead data rows read
 * @param inserted points new to the store
 * @param updated points whose stored value changed
 * @param unchanged points stored already with the same value
 * @param quarantined rows kept aside with their problems
 * @param units distinct units the accepted rows give
 * @param first the earliest month given, or null when no row was accepted
 * @param last the latest month given, or null when no row was accepted
 * @param gaps months missing inside a unit's span (warnings, not quarantined rows)
 * @param quarantinedRows the rows kept aside, in file order
 * @param notes remarks for the user
 */
public record SeriesIngestReport(
    String path,
    SeriesFormat format,
    String sha256,
    String series,
    String level,
    long rowsRead,
    long inserted,
    long updated,
    long unchanged,
    long quarantined,
    long units,
    YearMonth first,
    YearMonth last,
    List<SeriesGap> gaps,
    List<RejectedRow> quarantinedRows,
    List<String> notes) {
  public SeriesIngestReport {
    requireNonNull(path, "path");
    requireNonNull(format, "format");
    requireNonNull(sha256, "sha256");
    requireNonNull(series, "series");
    requireNonNull(level, "level");
    gaps = List.copyOf(gaps);
    quarantinedRows = List.copyOf(quarantinedRows);
    notes = List.copyOf(notes);
    long sum = inserted + updated + unchanged + quarantined;
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
              + ", quarantined "
              + quarantined
              + ")");
    }
  }

  /** The warnings as a user reads them: one per gap. */
  public List<String> warnings() {
    List<String> out = new ArrayList<>(gaps.size());
    for (SeriesGap g : gaps) {
      out.add(g.message());
    }
    return out;
  }
}
