package org.harmattan.briefs.render;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.harmattan.domain.figure.Citation;
import org.harmattan.domain.figure.Figure;
import org.harmattan.domain.figure.SourceRef;

/**
 * The citations of a brief's figures, each stored once: every source file once (key {@code S1},
 * {@code S2}… in order of first citation), every cited event id once (sorted), and every distinct
 * citation once (key {@code c1}, {@code c2}…) naming its sources by key and its events by position
 * in the event list. Figures point at their citation; figures.json, the HTML and the Markdown print
 * this table instead of repeating the same sources and event ids under every figure.
 */
public final class CitationTable {

  /**
   * A source file with its key.
   *
   * @param key {@code S1}, {@code S2}…
   * @param ref the file: system, name, SHA-256
   * @param accessed the earliest day its records cited in the brief were read into the store
   */
  public record Source(String key, SourceRef ref, LocalDate accessed) {
    public Source {
      requireNonNull(key, "key");
      requireNonNull(ref, "ref");
      requireNonNull(accessed, "accessed");
    }
  }

  /**
   * One distinct citation.
   *
   * @param key {@code c1}, {@code c2}…
   * @param citation the citation as the figures carry it
   * @param sourceKeys its sources' keys, in the citation's order
   * @param eventIndexes the positions of its event ids in {@link #events()}, in the citation's
   *     order
   */
  public record Entry(
      String key, Citation citation, List<String> sourceKeys, List<Integer> eventIndexes) {
    public Entry {
      requireNonNull(key, "key");
      requireNonNull(citation, "citation");
      sourceKeys = List.copyOf(sourceKeys);
      eventIndexes = List.copyOf(eventIndexes);
    }
  }

  private final Map<SourceRef, Source> sources;
  private final List<String> events;
  private final Map<Citation, Entry> entries;

  private CitationTable(
      Map<SourceRef, Source> sources, List<String> events, Map<Citation, Entry> entries) {
    this.sources = sources;
    this.events = events;
    this.entries = entries;
  }

  /** The table of {@code figures}' citations, keys given in figure order. */
  public static CitationTable of(List<Figure> figures) {
    requireNonNull(figures, "figures");
    Map<SourceRef, LocalDate> accessed = new LinkedHashMap<>();
    TreeSet<String> ids = new TreeSet<>();
    List<Citation> distinct = new ArrayList<>();
    Map<Citation, Boolean> seen = new HashMap<>();
    for (Figure f : figures) {
      Citation c = f.citation();
      if (seen.putIfAbsent(c, Boolean.TRUE) != null) {
        continue;
      }
      distinct.add(c);
      ids.addAll(c.eventIds());
      for (SourceRef s : c.sources()) {
        accessed.merge(s, c.accessed(), (a, b) -> a.isBefore(b) ? a : b);
      }
    }
    Map<SourceRef, Source> sources = new LinkedHashMap<>();
    accessed.forEach(
        (ref, day) -> sources.put(ref, new Source("S" + (sources.size() + 1), ref, day)));
    List<String> events = List.copyOf(ids);
    Map<String, Integer> position = new HashMap<>();
    for (int i = 0; i < events.size(); i++) {
      position.put(events.get(i), i);
    }
    Map<Citation, Entry> entries = new LinkedHashMap<>();
    for (Citation c : distinct) {
      entries.put(
          c,
          new Entry(
              "c" + (entries.size() + 1),
              c,
              c.sources().stream().map(s -> sources.get(s).key()).toList(),
              c.eventIds().stream().map(position::get).toList()));
    }
    return new CitationTable(sources, events, entries);
  }

  /** Every source file, by key order. */
  public List<Source> sources() {
    return List.copyOf(sources.values());
  }

  /** The source entry of a file the figures cite. */
  public Source source(SourceRef ref) {
    Source s = sources.get(ref);
    if (s == null) {
      throw new IllegalArgumentException("no figure of the brief cites " + ref);
    }
    return s;
  }

  /** Every cited event id once, sorted. */
  public List<String> events() {
    return events;
  }

  /** Every distinct citation, by key order. */
  public List<Entry> entries() {
    return List.copyOf(entries.values());
  }

  /** The entry of a figure's citation. */
  public Entry entry(Figure f) {
    Entry e = entries.get(f.citation());
    if (e == null) {
      throw new IllegalArgumentException("figure " + f.id() + " is not in the citation table");
    }
    return e;
  }

  /**
   * Positions as runs: {@code [0, 756]} for 0 to 756 and a bare number for a run of one, so that
   * the long consecutive lists of a sorted table stay short.
   */
  public static List<int[]> runs(List<Integer> positions) {
    List<int[]> runs = new ArrayList<>();
    for (int p : positions) {
      int[] last = runs.isEmpty() ? null : runs.get(runs.size() - 1);
      if (last != null && last[1] == p - 1) {
        last[1] = p;
      } else {
        runs.add(new int[] {p, p});
      }
    }
    return runs;
  }
}
