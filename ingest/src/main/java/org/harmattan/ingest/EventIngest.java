package org.harmattan.ingest;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.function.LongConsumer;
import org.harmattan.engine.write.EventWriter;
import org.harmattan.engine.write.FileRef;
import org.harmattan.engine.write.FileWrite;
import org.harmattan.engine.write.LineRange;
import org.harmattan.engine.write.RejectedRow;
import org.harmattan.engine.write.StagedEvent;
import org.harmattan.engine.write.WriteOutcome;
import org.harmattan.ingest.row.RowContext;

/**
 * The event ingest pipeline: file, format detection, row mapper, engine. The file is parsed and
 * mapped on a reader thread ({@link ReadAhead}) while the calling thread hands the rows to the
 * engine's write port; the write is committed once the file has been read whole, so that a file
 * that fails half-way leaves the store as it was.
 */
public final class EventIngest {
  private final LocalDate today;

  /**
   * @param today the date against which event dates in the future are rejected
   */
  public EventIngest(LocalDate today) {
    this.today = requireNonNull(today, "today");
  }

  /**
   * Reads {@code file} and writes it to {@code writer}.
   *
   * @param forced the format the user named, or empty to detect it
   * @param progress receives bytes read so far
   */
  public IngestReport ingest(
      SourceFile file, Optional<SourceFormat> forced, EventWriter writer, LongConsumer progress) {
    requireNonNull(file, "file");
    requireNonNull(forced, "forced");
    requireNonNull(writer, "writer");
    requireNonNull(progress, "progress");
    RowContext context = new RowContext(file.dataset(), file.sha256(), Instant.now());
    try (FileWrite write =
        writer.begin(new FileRef(file.path().toString(), file.dataset(), file.sha256()))) {
      ReadSummary summary =
          ReadAhead.run(
              (sink, bytes) -> new EventFileReader(today).read(file, forced, context, sink, bytes),
              StagedEvent::of,
              new ReadAhead.Target<StagedEvent>() {
                @Override
                public void accepted(StagedEvent staged, LineRange l) {
                  write.accepted(staged, l);
                }

                @Override
                public void rejected(RejectedRow row) {
                  write.rejected(row);
                }
              },
              progress);
      WriteOutcome o =
          write.commit(
              summary.format().id(), summary.rowsRead(), ranges -> RawLines.read(file, ranges));
      return new IngestReport(
          file.path().toString(),
          summary.format(),
          file.sha256(),
          summary.rowsRead(),
          o.inserted(),
          o.updated(),
          o.unchanged(),
          o.merged(),
          o.quarantined(),
          summary.notes());
    }
  }
}
