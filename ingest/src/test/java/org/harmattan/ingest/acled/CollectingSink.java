package org.harmattan.ingest.acled;

import java.util.ArrayList;
import java.util.List;
import org.harmattan.domain.event.Event;
import org.harmattan.engine.write.IngestSink;
import org.harmattan.engine.write.LineRange;
import org.harmattan.engine.write.RejectedRow;

/** Keeps everything a reader hands over, for assertions. */
final class CollectingSink implements IngestSink {
  final List<Event> events = new ArrayList<>();
  final List<LineRange> lines = new ArrayList<>();
  final List<RejectedRow> rejected = new ArrayList<>();

  @Override
  public void accepted(Event event, LineRange range) {
    events.add(event);
    lines.add(range);
  }

  @Override
  public void rejected(RejectedRow row) {
    rejected.add(row);
  }

  /** The problem codes of every rejected row, in order. */
  List<String> codes() {
    List<String> out = new ArrayList<>();
    for (RejectedRow r : rejected) {
      r.problems().forEach(p -> out.add(p.code()));
    }
    return out;
  }
}
