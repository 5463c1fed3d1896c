package org.harmattan.domain.context;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The political timeline of a country: entries sorted by date, with the file they came from.
 *
 * @param countryIso3 the country
 * @param file the case file's name
 * @param sha256 the case file's SHA-256
 * @param entries sorted by date, then id
 */
public record Timeline(
    String countryIso3, String file, String sha256, List<TimelineEntry> entries) {
  public Timeline {
    requireNonNull(countryIso3, "countryIso3");
    requireNonNull(file, "file");
    requireNonNull(sha256, "sha256");
    List<TimelineEntry> sorted = new ArrayList<>(entries);
    sorted.sort(Comparator.comparing(TimelineEntry::date).thenComparing(TimelineEntry::id));
    entries = List.copyOf(sorted);
  }

  /** The entries dated from {@code from} to {@code to}, both included. */
  public List<TimelineEntry> listBetween(LocalDate from, LocalDate to) {
    return entries.stream().filter(e -> !e.date().isBefore(from) && !e.date().isAfter(to)).toList();
  }

  /** This timeline with more entries (detected advisory changes, another file's entries). */
  public Timeline with(List<TimelineEntry> more) {
    List<TimelineEntry> all = new ArrayList<>(entries);
    all.addAll(more);
    return new Timeline(countryIso3, file, sha256, all);
  }
}
