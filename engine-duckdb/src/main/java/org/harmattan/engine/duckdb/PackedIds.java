package org.harmattan.engine.duckdb;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.util.ArrayList;
import java.util.List;
import org.harmattan.domain.figure.DeferredIds;

/**
 * Ids that DuckDB joined into one string with the unit separator and sent as its UTF-8 bytes
 * ({@link #AGGREGATE}), split back. The bytes come as they are stored: DuckDB's driver would
 * otherwise decode each packed string through a buffer, and splitting would copy each id again. In
 * UTF-8 the separator's byte (31) is never part of another character, so the bytes split exactly
 * where the string would.
 *
 * <p>An id holding the separator (nothing forbids it in a source file) would split wrongly; the
 * count of the parts then differs from the group's count, and the caller asks again another way.
 */
final class PackedIds {
  private PackedIds() {}

  /** The aggregate that packs a group's ids, in no order. */
  static final String AGGREGATE = "encode(string_agg(id, chr(31)))";

  private static final byte SEPARATOR = 0x1f;

  /** Ids that the unit separator cannot split back, found while reading a packed result. */
  static final class UnsplittableIds extends Exception {
    private static final long serialVersionUID = 1L;

    UnsplittableIds() {
      super(null, null, false, false);
    }
  }

  /**
   * The ids packed by {@link #AGGREGATE}, in their packed order: counted now (the parts must be
   * {@code events}), decoded and split when first read ({@link DeferredIds}). Counting the
   * separators makes no garbage; splitting makes a string per id, which only a reader of the ids
   * needs.
   */
  static List<String> deferred(byte[] packed, long events) throws UnsplittableIds {
    if (parts(packed) != events) {
      throw new UnsplittableIds();
    }
    return DeferredIds.of(
        Math.toIntExact(events),
        () -> {
          List<String> ids = new ArrayList<>((int) events);
          split(packed, ids);
          return ids;
        });
  }

  /** Adds the ids packed by {@link #AGGREGATE} to {@code out}, unsorted. */
  static void splitIds(byte[] packed, long events, List<String> out) throws UnsplittableIds {
    if (parts(packed) != events) {
      throw new UnsplittableIds();
    }
    split(packed, out);
  }

  /** How many ids {@code packed} holds: its separators plus one, none when null. */
  private static long parts(byte[] packed) {
    if (packed == null) {
      return 0;
    }
    long count = 1;
    for (byte b : packed) {
      if (b == SEPARATOR) {
        count++;
      }
    }
    return count;
  }

  private static void split(byte[] packed, List<String> out) {
    if (packed == null) {
      return;
    }
    int start = 0;
    for (int i = 0; i < packed.length; i++) {
      if (packed[i] == SEPARATOR) {
        out.add(new String(packed, start, i - start, UTF_8));
        start = i + 1;
      }
    }
    out.add(new String(packed, start, packed.length - start, UTF_8));
  }
}
