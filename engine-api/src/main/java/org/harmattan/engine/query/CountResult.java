package org.harmattan.engine.query;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.harmattan.domain.figure.SourceRef;

/**
 * The answer to a {@link CountQuery}, with what a citation needs.
 *
 * @param query the question
 * @param rows the groups, largest first (by events, then key)
 * @param events all events selected
 * @param fatalities their fatalities summed
 * @param eventIds the selected events' ids, sorted in code-point order (see {@link #ID_ORDER})
 * @param sources the files the selected events came from, sorted by system, dataset and SHA-256 in
 *     code-point order (see {@link #SOURCE_ORDER})
 * @param accessed the day the newest selected record was read in, or null when none
 */
public record CountResult(
    CountQuery query,
    List<CountRow> rows,
    long events,
    long fatalities,
    List<String> eventIds,
    List<SourceRef> sources,
    LocalDate accessed) {

  /**
   * Code-point order of strings: the order of their UTF-8 bytes, which is how SQL engines with a
   * binary collation sort. It differs from {@link String#compareTo} only for characters above the
   * surrogate range.
   */
  public static final Comparator<String> ID_ORDER = CountResult::compareCodePoints;

  /** The order of {@link #sources()}: system, dataset, SHA-256, each in {@link #ID_ORDER}. */
  public static final Comparator<SourceRef> SOURCE_ORDER =
      Comparator.comparing(SourceRef::system, ID_ORDER)
          .thenComparing(SourceRef::dataset, ID_ORDER)
          .thenComparing(SourceRef::sha256, ID_ORDER);

  /**
   * The order of {@link #rows()}: the largest group first, then by key in {@link #ID_ORDER}, a
   * missing key value after every other.
   */
  public static final Comparator<CountRow> GROUP_ORDER =
      (a, b) -> {
        int c = Long.compare(b.events(), a.events());
        if (c != 0) {
          return c;
        }
        for (int i = 0; i < a.key().size(); i++) {
          String x = a.key().get(i);
          String y = b.key().get(i);
          if (x == null || y == null) {
            if (x != y) {
              return x == null ? 1 : -1;
            }
            continue;
          }
          c = ID_ORDER.compare(x, y);
          if (c != 0) {
            return c;
          }
        }
        return 0;
      };

  public CountResult {
    requireNonNull(query, "query");
    rows = List.copyOf(rows);
    eventIds = List.copyOf(eventIds);
    sources = List.copyOf(sources);
  }

  /**
   * The result of {@code query} with the given groups, whose totals are those of {@code parts}:
   * groups of a grouped count (any subset of its rows), which never share an event. This is the
   * same result an engine gives for a query that selects exactly the events of {@code parts}, so
   * callers can answer such a query from groups they already have instead of asking again.
   *
   * @param query the question the result answers (its describe() is what a figure states)
   * @param rows the result's own groups, possibly empty
   * @param parts disjoint groups whose events are the selected events
   */
  public static CountResult ofGroups(
      CountQuery query, List<CountRow> rows, Collection<CountRow> parts) {
    long events = 0;
    long fatalities = 0;
    int size = 0;
    for (CountRow row : parts) {
      size += row.eventIds().size();
    }
    List<String> ids = new ArrayList<>(size);
    Set<SourceRef> sources = new LinkedHashSet<>();
    LocalDate accessed = null;
    for (CountRow row : parts) {
      events += row.events();
      fatalities += row.fatalities();
      ids.addAll(row.eventIds());
      sources.addAll(row.sources());
      if (accessed == null || (row.accessed() != null && row.accessed().isAfter(accessed))) {
        accessed = row.accessed();
      }
    }
    // Each part's ids are sorted: the sort only merges these runs.
    sortIds(ids);
    List<SourceRef> sorted = new ArrayList<>(sources);
    sorted.sort(SOURCE_ORDER);
    return new CountResult(query, rows, events, fatalities, ids, sorted, accessed);
  }

  /**
   * Sorts ids in {@link #ID_ORDER}. Strings without surrogates sort the same in code-point order as
   * in their natural order, whose comparison the JVM makes fast: that order is used unless an id
   * holds a surrogate.
   */
  public static void sortIds(List<String> ids) {
    ids.sort(withoutSurrogates(ids) ? null : ID_ORDER);
  }

  /** As {@link #sortIds(List)}, for an array. */
  public static void sortIds(String[] ids) {
    if (withoutSurrogates(Arrays.asList(ids))) {
      Arrays.sort(ids);
    } else {
      Arrays.sort(ids, ID_ORDER);
    }
  }

  private static boolean withoutSurrogates(List<String> ids) {
    for (String id : ids) {
      for (int i = 0; i < id.length(); i++) {
        if (Character.isSurrogate(id.charAt(i))) {
          return false;
        }
      }
    }
    return true;
  }

  private static int compareCodePoints(String a, String b) {
    int n = Math.min(a.length(), b.length());
    for (int i = 0; i < n; i++) {
      char x = a.charAt(i);
      char y = b.charAt(i);
      if (x != y) {
        boolean sx = Character.isSurrogate(x);
        boolean sy = Character.isSurrogate(y);
        if (sx == sy) {
          return Character.compare(x, y);
        }
        // A surrogate stands for a code point above every character of the basic plane.
        return sx ? 1 : -1;
      }
    }
    return Integer.compare(a.length(), b.length());
  }
}
