package org.harmattan.engine.duckdb;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.duckdb.DuckDBAppender;

/**
 * The text columns of staged events that repeat a few values (types, actors, places, sources, the
 * file), appended as integer codes and read back as text through the staging view at the commit
 * ({@link #decoded}, {@link #texts}). DuckDB's appender takes a string several times as long as an
 * integer (measured on 400,000 rows of 16 columns: 276 ns a value for strings of 12 bytes or more,
 * which cross into native code one by one, 140 ns for shorter ones, 32 ns for integers), and the
 * appender is what bounds the speed of an ingest. Each column's codes count from 0 in order of
 * first appearance; every code's text goes once to the table {@code ingest_codes} as it is given. A
 * column remembers at most {@link #REMEMBERED} texts, then starts afresh (a text seen again gets a
 * new code), so that a column of texts that never repeat holds the heap no more than one that does.
 */
final class StagingCodes implements AutoCloseable {
  /** The coded columns: every text column of an event but its id, source id and notes. */
  enum Column {
    SOURCE,
    DATE_PRECISION,
    EVENT_TYPE,
    SUB_EVENT_TYPE,
    SOURCE_EVENT_TYPE,
    SOURCE_SUB_EVENT_TYPE,
    DISORDER_TYPE,
    ACTOR1,
    ASSOC_ACTOR_1,
    ACTOR2,
    ASSOC_ACTOR_2,
    COUNTRY_ISO3,
    ADMIN1,
    ADMIN2,
    ADMIN3,
    LOCATION,
    SOURCE_NAMES,
    SOURCE_SCALE,
    TAGS,
    DATASET,
    FILE_SHA256,
    FLAGS;

    private final String sqlName = name().toLowerCase(Locale.ROOT);

    /** The column's name in the store. */
    String sqlName() {
      return sqlName;
    }

    /** The coded column named {@code sqlName}, if there is one. */
    static Optional<Column> find(String sqlName) {
      for (Column c : values()) {
        if (c.sqlName().equals(sqlName)) {
          return Optional.of(c);
        }
      }
      return Optional.empty();
    }
  }

  /** How many texts a column remembers before it starts afresh. */
  static final int REMEMBERED = 16_384;

  private final DuckDBAppender entries;
  private final Map<Column, Map<String, Integer>> known = new EnumMap<>(Column.class);

  /** How many codes each column has given. */
  private final Map<Column, Integer> given = new EnumMap<>(Column.class);

  private StagingCodes(DuckDBAppender entries) {
    this.entries = entries;
    for (Column c : Column.values()) {
      known.put(c, new HashMap<>());
    }
  }

  /**
   * Codes whose texts go through {@code entries}, an appender to the table {@code ingest_codes} of
   * {@link #TABLE_COLUMNS} (column name, code, text).
   */
  static StagingCodes into(DuckDBAppender entries) {
    return new StagingCodes(entries);
  }

  /** The table of the codes' texts. */
  static final String TABLE_COLUMNS = "col VARCHAR NOT NULL, code INTEGER NOT NULL, text VARCHAR";

  /** Appends the code of {@code text} (null for null) as the value of {@code column}. */
  void append(DuckDBAppender a, Column column, String text) throws SQLException {
    if (text == null) {
      a.appendNull();
      return;
    }
    Map<String, Integer> codes = known.get(column);
    Integer code = codes.get(text);
    if (code == null) {
      code = given.merge(column, 1, Integer::sum) - 1;
      if (codes.size() == REMEMBERED) {
        codes.clear();
      }
      codes.put(text, code);
      entries.beginRow();
      entries.append(column.sqlName());
      entries.append(code.intValue());
      entries.append(text);
      entries.endRow();
    }
    a.append(code.intValue());
  }

  /**
   * The SELECT list that turns the appended columns of {@code names} (the table's columns in order,
   * alias {@code a}) back into what they were, with the codes' texts of {@link #texts} (alias
   * {@code d}), and those of {@code derived} (name to expression over {@code a} and {@code d}) made
   * as their expressions say.
   */
  static String decoded(List<String> names, Map<String, String> derived) {
    List<String> out = new ArrayList<>();
    for (String n : names) {
      out.add(
          derived.containsKey(n)
              ? derived.get(n) + " AS " + n
              : Column.find(n)
                  .map(c -> "list_extract(d." + n + ", a." + n + " + 1) AS " + n)
                  .orElse("a." + n));
    }
    return String.join(", ", out);
  }

  /**
   * A one-row subquery holding each coded column's texts as a list in code order, named as the
   * column, those of {@code listColumns} (appended as JSON text) cast to lists, once per text.
   */
  static String texts(List<String> listColumns) {
    return texts(listColumns, Column.values());
  }

  /** The subquery of {@link #texts(List)} for {@code columns} only. */
  static String texts(List<String> listColumns, Column... columns) {
    List<String> out = new ArrayList<>();
    for (Column c : columns) {
      String value =
          listColumns.contains(c.sqlName()) ? "CAST(CAST(text AS JSON) AS VARCHAR[])" : "text";
      out.add(
          "(SELECT list("
              + value
              + " ORDER BY code) FROM ingest_codes WHERE col = '"
              + c.sqlName()
              + "') AS "
              + c.sqlName());
    }
    return "(SELECT " + String.join(", ", out) + ")";
  }

  @Override
  public void close() throws SQLException {
    entries.close();
  }
}
