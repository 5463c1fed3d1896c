package org.harmattan.ingest.hxl;

import static java.util.Objects.requireNonNull;

import java.util.List;
import org.harmattan.domain.problem.Problem;

/**
 * One data row of an {@link HxlTable}.
 *
 * @param line the 1-based line of a CSV file, or the 1-based sheet row of an XLSX file
 * @param values the cell texts, as read (not trimmed); may be shorter than the header
 * @param problems why the row cannot be read as it stands: an XLSX formula without a stored result
 *     that cannot be computed (its text is empty), or CSV text that is damaged (a byte neither
 *     UTF-8 nor Windows-1252 defines, a size limit broken, a quoted field the file ends inside);
 *     the row is quarantined with them
 */
public record HxlRow(long line, List<String> values, List<Problem> problems) {
  public HxlRow {
    values = List.copyOf(values);
    problems = List.copyOf(problems);
  }

  /** A row whose every cell could be read. */
  public HxlRow(long line, List<String> values) {
    this(line, values, List.of());
  }

  /** The value in column {@code index}, stripped; empty when the row is shorter. */
  public String get(int index) {
    if (index < 0 || index >= values.size()) {
      return "";
    }
    return strip(values.get(index));
  }

  /** Whether every cell is blank and readable. */
  public boolean isBlank() {
    if (!problems.isEmpty()) {
      return false;
    }
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
