package org.harmattan.ingest.row;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Column names of a file (or the documented names of a header-less format), looked up without
 * regard to case, with the HXL hashtag of each column where the file has a hashtag row.
 */
public final class Header {
  private final List<String> names;
  private final List<String> hxlTags;
  private final Map<String, Integer> index = new HashMap<>();
  private final Map<String, Integer> exact = new HashMap<>();
  private final Map<String, Integer> asked = new ConcurrentHashMap<>();

  public Header(List<String> names, List<String> hxlTags) {
    this.names = List.copyOf(names);
    this.hxlTags = List.copyOf(hxlTags);
    for (int i = 0; i < this.names.size(); i++) {
      index.putIfAbsent(normalise(this.names.get(i)), i);
    }
    // Mappers ask with constant lower-case names: answer those without normalising each time.
    for (int i = 0; i < this.names.size(); i++) {
      exact.putIfAbsent(this.names.get(i), i);
    }
  }

  public static Header of(List<String> names) {
    return new Header(names, List.of());
  }

  /** A column name as looked up: stripped, without a byte-order mark, lower-case. */
  public static String normalise(String name) {
    String n = name.strip();
    if (!n.isEmpty() && n.charAt(0) == '\uFEFF') {
      n = n.substring(1);
    }
    return n.toLowerCase(Locale.ROOT);
  }

  /** The position of {@code column}, ignoring case. */
  public OptionalInt findIndex(String column) {
    int i = indexOf(column);
    return i < 0 ? OptionalInt.empty() : OptionalInt.of(i);
  }

  /**
   * The position of {@code column}, ignoring case, or -1 when the file has no such column. Each
   * name asked is looked up once: a mapper asks the same few names of every row.
   */
  public int indexOf(String column) {
    Integer known = asked.get(column);
    if (known != null) {
      return known;
    }
    Integer i = exact.get(column);
    if (i == null) {
      i = index.get(normalise(column));
    }
    int found = i == null ? -1 : i;
    asked.putIfAbsent(column, found);
    return found;
  }

  public boolean has(String column) {
    return indexOf(column) >= 0;
  }

  public List<String> names() {
    return names;
  }

  /** The HXL hashtags, one per column (empty strings for untagged columns), or an empty list. */
  public List<String> hxlTags() {
    return hxlTags;
  }

  public int size() {
    return names.size();
  }
}
