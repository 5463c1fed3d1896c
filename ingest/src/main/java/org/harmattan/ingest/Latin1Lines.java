package org.harmattan.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The lines of a file that were not valid UTF-8 and were decoded as Windows-1252 ({@link
 * TextLines}), gathered while a reader goes through the file, for the one note its report gives:
 * how many, and the first few by number.
 */
public final class Latin1Lines {
  private static final int LINES_NAMED = 5;

  private final List<Long> named = new ArrayList<>();
  private long count;

  /** Counts {@code lines} (a record's lines decoded as Windows-1252). */
  public void add(List<Long> lines) {
    for (Long l : lines) {
      count++;
      if (named.size() < LINES_NAMED) {
        named.add(l);
      }
    }
  }

  /**
   * Counts the lines another reading of a later part of the file gathered: {@code count} lines, the
   * first of them {@code first}.
   */
  public void add(long count, List<Long> first) {
    for (Long l : first) {
      if (named.size() < LINES_NAMED) {
        named.add(l);
      }
    }
    this.count += count;
  }

  /** The first lines counted, by number (at most the few the note names). */
  public List<Long> named() {
    return List.copyOf(named);
  }

  /** How many lines were decoded as Windows-1252. */
  public long count() {
    return count;
  }

  /** The note saying which lines were read as Windows-1252, if any were. */
  public Optional<String> note() {
    if (count == 0) {
      return Optional.empty();
    }
    String shown = named.stream().map(String::valueOf).collect(Collectors.joining(", "));
    if (count == 1) {
      return Optional.of(
          "line " + shown + " is not valid UTF-8; decoded as Windows-1252 (Latin-1)");
    }
    return Optional.of(
        count
            + " lines are not valid UTF-8 (line "
            + shown
            + (count > named.size() ? ", ..." : "")
            + "); those lines decoded as Windows-1252 (Latin-1), the others as UTF-8");
  }
}
