package org.harmattan.engine.write;

/**
 * The physical lines a record occupies (a quoted field may span several).
 *
 * @param first the 1-based line the record starts on
 * @param last the last line of the record, inclusive
 */
public record LineRange(long first, long last) {
  public LineRange {
    if (first < 1 || last < first) {
      throw new IllegalArgumentException("bad line range " + first + ".." + last);
    }
  }
}
