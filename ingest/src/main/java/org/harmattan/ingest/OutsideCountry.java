package org.harmattan.ingest;

import java.util.ArrayList;
import java.util.List;
import org.harmattan.domain.event.Event;
import org.harmattan.domain.event.EventFlag;
import org.harmattan.engine.write.LineRange;
import org.harmattan.engine.write.StagedEvent;

/**
 * Events flagged {@link EventFlag#POINT_OUTSIDE_COUNTRY} in one reading: counted exactly, the first
 * lines named, for the report's note.
 */
final class OutsideCountry {
  /** Lines named in the note; the count is exact. */
  static final int LINES_NAMED = 10;

  private long count;
  private final List<String> lines = new ArrayList<>();

  /** Counts the event when it is flagged as outside its country. */
  void check(StagedEvent staged, LineRange l) {
    Event e = staged.event();
    if (e.hasFlag(EventFlag.POINT_OUTSIDE_COUNTRY)) {
      count++;
      if (lines.size() < LINES_NAMED) {
        lines.add(
            l.first() + " (" + e.countryIso3() + ", " + e.latitude() + ", " + e.longitude() + ")");
      }
    }
  }

  /** Counts what the reading of a later part of the file counted. */
  void add(long more, List<String> named) {
    count += more;
    for (String l : named) {
      if (lines.size() < LINES_NAMED) {
        lines.add(l);
      }
    }
  }

  long count() {
    return count;
  }

  List<String> lines() {
    return List.copyOf(lines);
  }

  /** {@code notes} with the note on events outside their country's box, when there are any. */
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
