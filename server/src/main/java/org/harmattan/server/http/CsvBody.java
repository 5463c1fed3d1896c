package org.harmattan.server.http;

import java.util.List;
import java.util.regex.Pattern;

/**
 * A CSV response body: comment lines (attribution and terms) starting with {@code #}, then rows
 * with CRLF line ends, cells quoted where needed, and a cell a spreadsheet would run as a formula
 * prefixed with an apostrophe, as OWASP's "CSV Injection" advice says: one starting with {@code = +
 * - @}, a tab or a carriage return, unless it is a plain decimal number ("-12", "+3.5", "1.2e-3"),
 * which stays a number. The apostrophe is what Excel and LibreOffice show as "text follows" and do
 * not display; a reader who needs the raw text removes a leading {@code '} from such cells.
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

  // Decimal digits only: Double.parseDouble would also take "-Infinity", "NaN", "0x1p3", "1d" and
  // blanks around, none of which a spreadsheet reads as a number.
  private static final Pattern NUMBER =
      Pattern.compile("[+-]?(?:[0-9]+(?:\\.[0-9]*)?|\\.[0-9]+)(?:[eE][+-]?[0-9]+)?");

  static boolean isNumber(String s) {
    return NUMBER.matcher(s).matches();
  }
}
