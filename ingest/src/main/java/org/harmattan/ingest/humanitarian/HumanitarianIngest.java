package org.harmattan.ingest.humanitarian;

import static java.util.Objects.requireNonNull;

import java.util.OptionalInt;
import org.harmattan.engine.write.FileRef;
import org.harmattan.engine.write.ObservationOutcome;
import org.harmattan.engine.write.ObservationRow;
import org.harmattan.engine.write.ObservationWrite;
import org.harmattan.engine.write.ObservationWriter;
import org.harmattan.engine.write.RejectedRow;
import org.harmattan.ingest.SourceFile;

/**
 * The humanitarian ingest pipeline: file, dataset recognition, row mapper, engine. Names and codes
 * are placed against the admin reference the store holds; what the file gives is written in one
 * commit, so that writing the same file again changes nothing.
 */
public final class HumanitarianIngest {
  private HumanitarianIngest() {}

  /**
   * Reads {@code file} and writes it to {@code writer}.
   *
   * @param year the year the file describes, for datasets that do not state it; else from its name
   */
  public static HumanitarianIngestReport ingest(
      SourceFile file, OptionalInt year, ObservationWriter writer) {
    requireNonNull(file, "file");
    requireNonNull(year, "year");
    requireNonNull(writer, "writer");
    AdminReference reference = AdminReference.of(writer.listAdminUnits());
    try (ObservationWrite write =
        writer.begin(new FileRef(file.path().toString(), file.dataset(), file.sha256()))) {
      HumanitarianReadSummary summary =
          HumanitarianFileReader.read(
              file,
              reference,
              year,
              new HumanitarianSink() {
                @Override
                public void accepted(ObservationRow row) {
                  write.accepted(row);
                }

                @Override
                public void rejected(RejectedRow row) {
                  write.rejected(row);
                }
              });
      ObservationOutcome o = write.commit(summary.dataset().id(), summary.rowsRead());
      return new HumanitarianIngestReport(
          file.path().toString(),
          summary.dataset().id(),
          summary.dataset().description(),
          file.sha256(),
          summary.rowsRead(),
          o.inserted(),
          o.unchanged(),
          o.quarantined(),
          summary.blankRows(),
          summary.observations(),
          summary.adminUnits(),
          summary.notes());
    }
  }
}
