package org.harmattan.ingest;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.LongConsumer;
import org.harmattan.domain.event.Event;
import org.harmattan.domain.event.EventFlag;
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
 *
 * <p>An event whose point lies outside its country's box is flagged {@link
 * EventFlag#POINT_OUTSIDE_COUNTRY} before it is staged, its point kept as given, and counted in the
 * report's notes.
 */
public final class EventIngest {
  /** Lines of events outside their country named in the report's note; the count is exact. */
  private static final int LINES_NAMED = 10;

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
    RowContext context = new RowContext(file.dataset(), file.sha256(), Instant.now());
    Outside outside = new Outside();
    try (FileWrite write =
        writer.begin(new FileRef(file.path().toString(), file.dataset(), file.sha256()))) {
      ReadSummary summary =
          ReadAhead.run(
              (sink, bytes) -> new EventFileReader(today).read(file, forced, context, sink, bytes),
              event -> StagedEvent.of(flagged(event)),
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
   * The event flagged {@link EventFlag#POINT_OUTSIDE_COUNTRY} when its point lies outside its
   * country's box, else as it is. Runs on the reader thread; the boxes are immutable.
   */
  private Event flagged(Event e) {
    return boxes.isOutside(e.countryIso3(), e.latitude(), e.longitude())
        ? e.withFlag(EventFlag.POINT_OUTSIDE_COUNTRY)
        : e;
  }

  /** Events flagged as outside their country's box: counted, the first lines named. */
  private static final class Outside {
    private long count;
    private final List<String> lines = new ArrayList<>();

    void check(StagedEvent staged, LineRange l) {
      Event e = staged.event();
      if (e.hasFlag(EventFlag.POINT_OUTSIDE_COUNTRY)) {
        count++;
        if (lines.size() < LINES_NAMED) {
          lines.add(
              l.first()
                  + " ("
                  + e.countryIso3()
                  + ", "
                  + e.latitude()
                  + ", "
                  + e.longitude()
                  + ")");
        }
      }
    }

    List<String> notes(List<String> notes) {
      if (count == 0) {
        return notes;
      }
      List<String> all = new ArrayList<>(notes);
      all.add(
          count
              + (count == 1 ? " event lies" : " events lie")
              + " outside its country's bounding box (latitude and longitude swapped, or a sign"
              + " lost?); kept as given, check line"
              + (count == 1 ? " " : "s ")
              + String.join(", ", lines)
              + (count > lines.size() ? " and " + (count - lines.size()) + " more" : ""));
      return all;
    }
  }
}
