package org.harmattan.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.harmattan.engine.write.LineRange;

/**
 * Recovers the verbatim text of records from their line ranges, in one pass over the file. Used for
 * the quarantine, which keeps the raw record, so that the parser need not keep every line.
 */
public final class RawLines {
  private RawLines() {}

  /**
   * The text of each range, lines joined with a newline and trailing blank lines dropped.
   *
   * @return map from a range's first line to its text
   */
  public static Map<Long, String> read(SourceFile file, Collection<LineRange> ranges) {
    Map<Long, String> out = new HashMap<>();
    if (ranges.isEmpty()) {
      return out;
    }
    List<LineRange> sorted = new ArrayList<>(ranges);
    sorted.sort((a, b) -> Long.compare(a.first(), b.first()));
    Map<Long, StringBuilder> open = new HashMap<>();
    int next = 0;
    long maxLast = 0;
    for (LineRange r : sorted) {
      maxLast = Math.max(maxLast, r.last());
    }
    // Decoded line by line as the readers decode them (TextLines), so that the raw text of a
    // quarantined row is what its row was read from; the byte-order mark is skipped there.
    try (TextLines in = TextLines.open(file.path())) {
      TextLines.Line read;
      long number = 0;
      List<LineRange> active = new ArrayList<>();
      while ((read = in.next()) != null) {
        number = read.number();
        String line = read.text();
        if (number > maxLast) {
          break;
        }
        while (next < sorted.size() && sorted.get(next).first() == number) {
          active.add(sorted.get(next));
          open.put(sorted.get(next).first(), new StringBuilder());
          next++;
        }
        for (int i = active.size() - 1; i >= 0; i--) {
          LineRange r = active.get(i);
          StringBuilder sb = open.get(r.first());
          if (sb.length() > 0 || number > r.first()) {
            sb.append('\n');
          }
          sb.append(line);
          if (number >= r.last()) {
            active.remove(i);
          }
        }
        if (active.isEmpty() && next >= sorted.size()) {
          break;
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    for (Map.Entry<Long, StringBuilder> e : open.entrySet()) {
      StringBuilder sb = e.getValue();
      while (sb.length() > 0 && sb.charAt(sb.length() - 1) == '\n') {
        sb.setLength(sb.length() - 1);
      }
      out.put(e.getKey(), sb.toString());
    }
    return out;
  }
}
