package org.harmattan.briefs.render;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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

  /**
   * A citation as a map key, its hash computed once: a citation's hash and equality run over all
   * its event ids, thousands for a country-year.
   */
  private record Key(Citation citation, int hash) {
    static Key of(Citation c) {
      return new Key(c, c.hashCode());
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Key k && hash == k.hash && citation.equals(k.citation);
    }

    @Override
    public int hashCode() {
      return hash;
    }
  }

  private final Map<SourceRef, Source> sources;
  private final List<String> events;
  private final Map<Key, Entry> entries;

  /** The entries by the very citation objects the figures carry (most figures share them). */
  private final IdentityHashMap<Citation, Entry> byObject;

  private CitationTable(
      Map<SourceRef, Source> sources,
      List<String> events,
      Map<Key, Entry> entries,
      IdentityHashMap<Citation, Entry> byObject) {
    this.sources = sources;
    this.events = events;
    this.entries = entries;
    this.byObject = byObject;
  }

  /** The table of {@code figures}' citations, keys given in figure order. */
  public static CitationTable of(List<Figure> figures) {
    requireNonNull(figures, "figures");
    Map<SourceRef, LocalDate> accessed = new LinkedHashMap<>();
    List<Citation> distinct = new ArrayList<>();
    IdentityHashMap<Citation, Key> keys = new IdentityHashMap<>();
    Map<Key, Boolean> seen = new HashMap<>();
    int cited = 0;
    for (Figure f : figures) {
      Citation c = f.citation();
      if (keys.containsKey(c)) {
        continue;
      }
      Key key = Key.of(c);
      keys.put(c, key);
      if (seen.putIfAbsent(key, Boolean.TRUE) != null) {
        continue;
      }
      distinct.add(c);
      cited += c.eventIds().size();
      for (SourceRef s : c.sources()) {
        accessed.merge(s, c.accessed(), (a, b) -> a.isBefore(b) ? a : b);
      }
    }
    Map<SourceRef, Source> sources = new LinkedHashMap<>();
    accessed.forEach(
        (ref, day) -> sources.put(ref, new Source("S" + (sources.size() + 1), ref, day)));
    List<String> events = sortedDistinct(distinct, cited);
    Positions positions = new Positions(events);
    Map<Key, Entry> entries = new LinkedHashMap<>();
    for (Citation c : distinct) {
      entries.put(
          keys.get(c),
          new Entry(
              "c" + (entries.size() + 1),
              c,
              c.sources().stream().map(s -> sources.get(s).key()).toList(),
              positions.of(c.eventIds())));
    }
    IdentityHashMap<Citation, Entry> byObject = new IdentityHashMap<>();
    keys.forEach((c, key) -> byObject.put(c, entries.get(key)));
    return new CitationTable(sources, events, entries, byObject);
  }

  /** Every id the citations name, once, in the natural order of strings. */
  private static List<String> sortedDistinct(List<Citation> citations, int size) {
    Set<String> distinct = new HashSet<>(Math.max(16, size / 4));
    for (Citation c : citations) {
      distinct.addAll(c.eventIds());
    }
    String[] ids = distinct.toArray(new String[0]);
    Arrays.sort(ids);
    return List.of(ids);
  }

  /**
   * Positions of ids in the sorted event list. A citation's ids are sorted too, and many follow
   * each other in the list: the next position is tried first, then a map of every id.
   */
  private static final class Positions {
    private final List<String> events;
    private final Map<String, Integer> map;

    Positions(List<String> events) {
      this.events = events;
      this.map = new HashMap<>(events.size() * 2);
      for (int i = 0; i < events.size(); i++) {
        map.put(events.get(i), i);
      }
    }

    List<Integer> of(List<String> ids) {
      Integer[] out = new Integer[ids.size()];
      int last = -1;
      for (int i = 0; i < out.length; i++) {
        String id = ids.get(i);
        int p;
        if (last + 1 < events.size() && events.get(last + 1).equals(id)) {
          p = last + 1;
        } else {
          Integer found = map.get(id);
          if (found == null) {
            throw new IllegalStateException("cited id missing from the event list: " + id);
          }
          p = found;
        }
        out[i] = p;
        last = p;
      }
      return Arrays.asList(out);
    }
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
    Entry e = byObject.get(f.citation());
    if (e == null) {
      e = entries.get(Key.of(f.citation()));
    }
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
