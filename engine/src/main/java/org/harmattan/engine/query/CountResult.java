package org.harmattan.engine.query;

import static java.util.Objects.requireNonNull;

import java.util.List;
import org.harmattan.domain.figure.SourceRef;

/**
 * The answer to a {@link CountQuery}, with what a citation needs.
 *
 * @param query the question
 * @param rows the groups, largest first (by events, then key)
 * @param events all events selected
 * @param fatalities their fatalities summed
 * @param eventIds the selected events' ids, sorted
 * @param sources the files the selected events came from
 * @param accessed the day the newest selected record was read in, or null when none
 */
public record CountResult(
    CountQuery query,
    List<CountRow> rows,
    long events,
    long fatalities,
    List<String> eventIds,
    List<SourceRef> sources,
    java.time.LocalDate accessed) {
  public CountResult {
    requireNonNull(query, "query");
    rows = List.copyOf(rows);
    eventIds = List.copyOf(eventIds);
    sources = List.copyOf(sources);
  }
}
