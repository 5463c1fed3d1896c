package org.harmattan.domain.context;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * One dated, sourced event of the political timeline.
 *
 * @param id stable slug, unique in its timeline, e.g. {@code coup-2020-08}
 * @param date the day it happened
 * @param kind what it is
 * @param title short label, also used on charts
 * @param summary one or two sentences
 * @param sources the URLs it rests on, at least one
 * @param sourceChecked false when a URL could not be confirmed when the entry was written
 * @param note a caveat (a corrected date, a disputed figure), or null
 */
public record TimelineEntry(
    String id,
    LocalDate date,
    EntryKind kind,
    String title,
    String summary,
    List<String> sources,
    boolean sourceChecked,
    String note) {
  public TimelineEntry {
    requireNonNull(id, "id");
    requireNonNull(date, "date");
    requireNonNull(kind, "kind");
    requireNonNull(title, "title");
    requireNonNull(summary, "summary");
    sources = List.copyOf(sources);
    if (sources.isEmpty()) {
      throw new IllegalArgumentException("timeline entry " + id + " has no source");
    }
  }

  public Optional<String> findNote() {
    return Optional.ofNullable(note);
  }
}
