package org.harmattan.engine.duckdb;

import java.util.List;

/**
 * Ids that DuckDB joined into one string with the unit separator ({@code string_agg(id, chr(31))}),
 * split back. An id holding the separator (nothing forbids it in a source file) would split
 * wrongly; the count of the parts then differs from the group's count, and the caller asks again
 * another way.
 */
final class PackedIds {
  private PackedIds() {}

  /** Ids that the unit separator cannot split back, found while reading a packed result. */
  static final class UnsplittableIds extends Exception {
    private static final long serialVersionUID = 1L;

    UnsplittableIds() {
      super(null, null, false, false);
    }
  }

  /** Adds the ids packed by a {@code string_agg(id, chr(31))} to {@code out}, unsorted. */
  static void splitIds(String packed, long events, List<String> out) throws UnsplittableIds {
    if (packed == null) {
      if (events != 0) {
        throw new UnsplittableIds();
      }
      return;
    }
    int count = 0;
    int start = 0;
    while (true) {
      int end = packed.indexOf('\u001f', start);
      if (count == events) {
        throw new UnsplittableIds();
      }
      out.add(end < 0 ? packed.substring(start) : packed.substring(start, end));
      count++;
      if (end < 0) {
        break;
      }
      start = end + 1;
    }
    if (count != events) {
      throw new UnsplittableIds();
    }
  }
}
