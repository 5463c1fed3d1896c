package org.harmattan.engine.query;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.harmattan.domain.figure.SourceRef;

/**
 * One group of a count, with what a citation of the group needs.
 *
 * @param key the group's values, one per grouping dimension (null where the event has none)
 * @param events events in the group
 * @param fatalities best fatality estimates summed
 * @param eventIds the group's event ids, sorted
 * @param sources the files the group's events came from
 * @param accessed the day the newest of the group's records was read in
 */
public record CountRow(
    List<String> key,
    long events,
    long fatalities,
    List<String> eventIds,
    List<SourceRef> sources,
    LocalDate accessed) {
  public CountRow {
    key = Collections.unmodifiableList(new ArrayList<>(key));
    eventIds = List.copyOf(eventIds);
    sources = List.copyOf(sources);
  }
}
