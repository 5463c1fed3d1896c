package org.harmattan.demo;

import java.util.List;

/** RFC 4180 CSV output, as ACLED's export writes it: quotes only where a field needs them. */
final class Csv {
  private Csv() {}

  /** The field, quoted when it holds a comma, a quote, a line break or edge spaces. */
  static String quote(String field) {
    boolean needs =
        !field.isEmpty()
            && (field.charAt(0) == ' '
                || field.charAt(field.length() - 1) == ' '
                || field.indexOf(',') >= 0
                || field.indexOf('"') >= 0
                || field.indexOf('\n') >= 0
                || field.indexOf('\r') >= 0);
    return needs ? '"' + field.replace("\"", "\"\"") + '"' : field;
  }

  /** One record, without the line break. */
  static String line(List<String> fields) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < fields.size(); i++) {
      if (i > 0) {
        sb.append(',');
      }
      sb.append(quote(fields.get(i)));
    }
    return sb.toString();
  }
}
