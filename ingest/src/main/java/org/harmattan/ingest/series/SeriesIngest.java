package org.harmattan.ingest.series;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import org.harmattan.engine.series.SeriesOutcome;
import org.harmattan.engine.series.SeriesPoint;
import org.harmattan.engine.series.SeriesWrite;
import org.harmattan.engine.series.SeriesWriter;
import org.harmattan.engine.write.FileRef;
import org.harmattan.engine.write.RejectedRow;
import org.harmattan.ingest.SourceFile;

/**
 * The series ingest pipeline: file, format recognition ({@link SeriesFormat}), row mapper ({@link
 * ViewsCountryMonthMapper}), engine ({@link SeriesWriter}). What the file gives is written in one
 * commit, so that a file that fails half-way leaves the store as it was, and writing the same file
 * again changes nothing.
 */
public final class SeriesIngest {
  private SeriesIngest() {}

  /** Reads {@code file} and writes it to {@code writer}. */
  public static SeriesIngestReport ingest(SourceFile file, SeriesWriter writer) {
    requireNonNull(file, "file");
    requireNonNull(writer, "writer");
    List<RejectedRow> quarantined = new ArrayList<>();
    try (SeriesWrite write =
        writer.begin(new FileRef(file.path().toString(), file.dataset(), file.sha256()))) {
      SeriesReadSummary summary =
          SeriesFileReader.read(
              file,
              new SeriesSink() {
                @Override
                public void accepted(SeriesPoint point) {
                  write.accepted(point);
                }

                @Override
                public void rejected(RejectedRow row) {
                  quarantined.add(row);
                  write.rejected(row);
                }
              });
      SeriesOutcome o = write.commit(summary.format().id(), summary.rowsRead());
      return new SeriesIngestReport(
          file.path().toString(),
          summary.format(),
          file.sha256(),
          ViewsCountryMonthMapper.SERIES,
          ViewsCountryMonthMapper.LEVEL,
          summary.rowsRead(),
          o.inserted(),
          o.updated(),
          o.unchanged(),
          o.quarantined(),
          summary.units(),
          summary.first(),
          summary.last(),
          summary.gaps(),
          quarantined,
          summary.notes());
    }
  }
}
