package org.harmattan.server.http;

import java.util.List;

/**
 * A CSV response body: comment lines (attribution and terms) starting with {@code #}, then rows
 * with CRLF line ends, cells quoted where needed, and a cell a spreadsheet would run as a formula
 * ({@code = + - @} and control characters first) prefixed with an apostrophe unless it is a number.
 */
public final class CsvBody {
  private final StringBuilder b = new StringBuilder();

  /** Adds a comment line ({@code # text}). */
  public CsvBody comment(String text) {
    b.append("# ").append(text.replace("\r", " ").replace("\n", " ")).append("\r\n");
    return this;
  }

  /** Adds a row. */
  public CsvBody row(List<String> cells) {
    for (int i = 0; i < cells.size(); i++) {
      if (i > 0) {
        b.append(',');
      }
      String c = cells.get(i) == null ? "" : cells.get(i);
      boolean formula = !c.isEmpty() && "=+-@\t\r".indexOf(c.charAt(0)) >= 0 && !isNumber(c);
      if (formula) {
        c = "'" + c;
      }
      if (c.indexOf(',') >= 0
          || c.indexOf('"') >= 0
          || c.indexOf('\n') >= 0
          || c.indexOf('\r') >= 0) {
        c = '"' + c.replace("\"", "\"\"") + '"';
      }
      b.append(c);
    }
    b.append("\r\n");
    return this;
  }

  @Override
  public String toString() {
    return b.toString();
  }

  private static boolean isNumber(String s) {
    try {
      Double.parseDouble(s);
      return true;
    } catch (NumberFormatException e) {
      return false;
    }
  }
}
