package org.harmattan.ingest.common;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.harmattan.domain.event.Event;
import org.harmattan.domain.problem.Problem;
import org.harmattan.engine.write.IngestSink;
import org.harmattan.engine.write.LineRange;
import org.harmattan.engine.write.RejectedRow;
import org.harmattan.ingest.EventFileReader;
import org.harmattan.ingest.ReadSummary;
import org.harmattan.ingest.SourceFile;
import org.harmattan.ingest.row.RowContext;

/** A test sink that keeps every outcome, and a one-call way to read a file into it. */
public final class CollectingSink implements IngestSink {
  /** The day the fixtures' "today" is pinned to, so that date checks do not drift. */
  public static final LocalDate TODAY = LocalDate.of(2026, 11, 26);

  public static final Instant INGESTED_AT = Instant.parse("2026-11-26T08:00:00Z");

  private final List<Event> events = new ArrayList<>();
  private final List<LineRange> eventLines = new ArrayList<>();
  private final List<RejectedRow> rejected = new ArrayList<>();

  /** A file read through {@link EventFileReader} with format detection. */
  public record Read(ReadSummary summary, CollectingSink sink) {
    public List<Event> events() {
      return sink.events;
    }

    public List<RejectedRow> rejected() {
      return sink.rejected;
    }

    public List<LineRange> eventLines() {
      return sink.eventLines;
    }

    /** The problem codes of every rejected row, in file order. */
    public List<List<String>> problemCodes() {
      return sink.rejected.stream()
          .map(r -> r.problems().stream().map(Problem::code).toList())
          .toList();
    }

    public Event event(String sourceEventId) {
      return sink.events.stream()
          .filter(e -> e.sourceEventId().equals(sourceEventId))
          .findFirst()
          .orElseThrow(() -> new AssertionError("no event " + sourceEventId));
    }

    public RejectedRow rejectedAt(long line) {
      return sink.rejected.stream()
          .filter(r -> r.lineNumber() == line)
          .findFirst()
          .orElseThrow(() -> new AssertionError("no rejected row on line " + line));
    }
  }

  public static Read read(Path path) {
    SourceFile file = SourceFile.inspect(path);
    CollectingSink sink = new CollectingSink();
    ReadSummary summary =
        new EventFileReader(TODAY)
            .read(
                file,
                Optional.empty(),
                new RowContext(file.dataset(), file.sha256(), INGESTED_AT),
                sink,
                bytes -> {});
    return new Read(summary, sink);
  }

  @Override
  public void accepted(Event event, LineRange lines) {
    events.add(event);
    eventLines.add(lines);
  }

  @Override
  public void rejected(RejectedRow row) {
    rejected.add(row);
  }
}
