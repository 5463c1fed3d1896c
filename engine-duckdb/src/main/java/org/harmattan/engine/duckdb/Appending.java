package org.harmattan.engine.duckdb;

import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.duckdb.DuckDBAppender;

/** Nullable values through DuckDB's appender, and DuckDB lists back as Java lists. */
final class Appending {
  private Appending() {}

  static void text(DuckDBAppender a, String v) throws SQLException {
    if (v == null) {
      a.appendNull();
    } else {
      a.append(v);
    }
  }

  static void integer(DuckDBAppender a, Integer v) throws SQLException {
    if (v == null) {
      a.appendNull();
    } else {
      a.append(v.intValue());
    }
  }

  static void decimal(DuckDBAppender a, Double v) throws SQLException {
    if (v == null) {
      a.appendNull();
    } else {
      a.append(v.doubleValue());
    }
  }

  static void instant(DuckDBAppender a, Instant v) throws SQLException {
    if (v == null) {
      a.appendNull();
    } else {
      // The microseconds a LocalDateTime in UTC would give, without making one for every row.
      a.appendEpochMicros(Instant.EPOCH.until(v, ChronoUnit.MICROS));
    }
  }

  /**
   * A list of strings as a JSON array ({@code ["a","b"]}), which DuckDB casts back to the same
   * VARCHAR[]: quotes, backslashes and control characters escaped, every other character as it is.
   */
  static String jsonList(List<String> values) {
    if (values.isEmpty()) {
      return "[]";
    }
    StringBuilder b = new StringBuilder(2 + values.size() * 24);
    b.append('[');
    for (int i = 0; i < values.size(); i++) {
      if (i > 0) {
        b.append(',');
      }
      String v = values.get(i);
      b.append('"');
      for (int k = 0; k < v.length(); k++) {
        char c = v.charAt(k);
        if (c == '"' || c == '\\') {
          b.append('\\').append(c);
        } else if (c < 0x20) {
          b.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) c));
        } else {
          b.append(c);
        }
      }
      b.append('"');
    }
    return b.append(']').toString();
  }

  /** A DuckDB VARCHAR[] as strings, NULL elements and a NULL list skipped. */
  static List<String> stringList(java.sql.Array array) throws SQLException {
    if (array == null) {
      return List.of();
    }
    Object[] values = (Object[]) array.getArray();
    List<String> out = new ArrayList<>(values.length);
    for (Object v : values) {
      if (v != null) {
        out.add(v.toString());
      }
    }
    return out;
  }
}
