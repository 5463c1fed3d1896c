package org.harmattan.domain.figure;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.util.List;

/**
 * What a figure rests on, so that anyone can recompute it.
 *
 * @param sources the files the counted records came from
 * @param recordCount how many records the figure counts
 * @param eventIds the stable ids of those records, sorted; a citation of many events may make them
 *     when first read ({@link DeferredIds})
 * @param accessed the day the data was read into the store (ACLED asks for the access date)
 */
public record Citation(
    List<SourceRef> sources, long recordCount, List<String> eventIds, LocalDate accessed) {
  public Citation {
    sources = List.copyOf(sources);
    eventIds = DeferredIds.keep(eventIds);
    requireNonNull(accessed, "accessed");
    if (recordCount < 0) {
      throw new IllegalArgumentException("recordCount must not be negative");
    }
  }
}
