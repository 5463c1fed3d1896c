package org.harmattan.ingest;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.LongConsumer;
import org.harmattan.engine.write.EventWriter;
import org.harmattan.engine.write.FileRef;
import org.harmattan.engine.write.FileWrite;
import org.harmattan.engine.write.LineRange;
import org.harmattan.engine.write.RejectedRow;
import org.harmattan.engine.write.SplitWriter;
import org.harmattan.engine.write.StagedEvent;
import org.harmattan.engine.write.WriteOutcome;
import org.harmattan.ingest.row.RowContext;

/**
 * The event ingest pipeline: file, format detection, row mapper, engine. The file is parsed and
 * mapped on a reader thread ({@link ReadAhead}) while the calling thread hands the rows to the
 * engine's write port; the write is committed once the file has been read whole, so that a file
 * that fails half-way leaves the store as it was.
 *
 * <p>An event whose point lies outside its country's box is flagged {@link
 * org.harmattan.domain.event.EventFlag#POINT_OUTSIDE_COUNTRY} before it is staged, its point kept
 * as given, and counted in the report's notes. A file of one row per line (GDELT's) goes to an
 * engine that reads files in pieces apart ({@link SplitWriter}, Spark's executors) when the engine
 * has one.
 */
public final class EventIngest {
  private final LocalDate today;
  private final CountryBoxes boxes;

  /**
   * @param today the date against which event dates in the future are rejected
   */
  public EventIngest(LocalDate today) {
    this(today, CountryBoxes.none());
  }

  /**
   * @param today the date against which event dates in the future are rejected
   * @param boxes countries' boxes: events outside theirs are flagged and counted in the report's
   *     notes
   */
  public EventIngest(LocalDate today, CountryBoxes boxes) {
    this.today = requireNonNull(today, "today");
    this.boxes = requireNonNull(boxes, "boxes");
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
    Optional<SplitWriter> split = writer.splitWriter();
    if (split.isPresent()) {
      FormatDetector.Detection detection = EventFileReader.detect(file, forced);
      if (!detection.format().hasHeader()) {
        return ingestInPieces(file, detection.format(), split.get(), progress);
      }
    }
    RowContext context = new RowContext(file.dataset(), file.sha256(), Instant.now());
    OutsideCountry outside = new OutsideCountry();
    try (FileWrite write =
        writer.begin(new FileRef(file.path().toString(), file.dataset(), file.sha256()))) {
      ReadSummary summary =
          ReadAhead.run(
              (sink, bytes) -> new EventFileReader(today).read(file, forced, context, sink, bytes),
              event -> StagedEvent.of(boxes.flagged(event)),
              new ReadAhead.Target<StagedEvent>() {
                @Override
                public void accepted(StagedEvent staged, LineRange l) {
                  outside.check(staged, l);
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
          outside.notes(summary.notes()));
    }
  }

  /**
   * A file of one row per line read in pieces apart by an engine that can ({@link SplitWriter}, a
   * cluster's executors): the same rows, counts, quarantine and notes as a reading of it whole.
   */
  private IngestReport ingestInPieces(
      SourceFile file, SourceFormat format, SplitWriter writer, LongConsumer progress) {
    SplitWriter.Outcome<LineSplitFile.Summary> written =
        writer.write(new LineSplitFile(file, format, today, Instant.now(), boxes));
    progress.accept(file.sizeBytes());
    Latin1Lines latin1 = new Latin1Lines();
    OutsideCountry outside = new OutsideCountry();
    long rowsRead = 0;
    for (LineSplitFile.Summary piece : written.pieces()) {
      rowsRead += piece.rowsRead();
      latin1.add(piece.latin1Count(), piece.latin1Lines());
      outside.add(piece.outsideCount(), piece.outsideLines());
    }
    if (rowsRead != written.rowsRead()) {
      throw new IllegalStateException(
          "row accounting broken: pieces read " + rowsRead + ", engine " + written.rowsRead());
    }
    List<String> notes = new ArrayList<>();
    latin1.note().ifPresent(notes::add);
    WriteOutcome o = written.outcome();
    return new IngestReport(
        file.path().toString(),
        format,
        file.sha256(),
        rowsRead,
        o.inserted(),
        o.updated(),
        o.unchanged(),
        o.merged(),
        o.quarantined(),
        outside.notes(notes));
  }
}
