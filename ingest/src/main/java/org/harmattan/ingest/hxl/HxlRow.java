package org.harmattan.ingest.hxl;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * One data row of an {@link HxlTable}.
 *
 * @param line the 1-based line of a CSV file, or the 1-based sheet row of an XLSX file
 * @param values the cell texts, as read (not trimmed); may be shorter than the header
 */
public record HxlRow(long line, List<String> values) {
  public HxlRow {
    values = List.copyOf(values);
  }

  /** The value in column {@code index}, stripped; empty when the row is shorter. */
  public String get(int index) {
    if (index < 0 || index >= values.size()) {
      return "";
    }
    return strip(values.get(index));
  }

  /** Whether every cell is blank. */
  public boolean isBlank() {
    for (String v : values) {
      if (!strip(v).isEmpty()) {
        return false;
      }
    }
    return true;
  }

  /** The row as one CSV line, for the quarantine of rows that have no text line (XLSX). */
  public String toCsvLine() {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < values.size(); i++) {
      if (i > 0) {
        sb.append(',');
      }
      String v = values.get(i);
      if (v.indexOf(',') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0) {
        sb.append('"').append(v.replace("\"", "\"\"")).append('"');
      } else {
        sb.append(v);
      }
    }
    return sb.toString();
  }

  /** Strips blanks including the no-break spaces of spreadsheet exports. */
  static String strip(String v) {
    requireNonNull(v, "v");
    int start = 0;
    int end = v.length();
    while (start < end && isSpace(v.charAt(start))) {
      start++;
    }
    while (end > start && isSpace(v.charAt(end - 1))) {
      end--;
    }
    return v.substring(start, end);
  }

  private static boolean isSpace(char c) {
    return Character.isWhitespace(c) || c == '\u00A0' || c == '\u2007' || c == '\u202F';
  }
}
