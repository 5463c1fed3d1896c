package org.harmattan.engine.duckdb;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;
import org.harmattan.domain.error.ErrorCategory;
import org.harmattan.domain.error.HarmattanException;
import org.harmattan.domain.figure.SourceRef;
import org.harmattan.domain.problem.ProblemCode;
import org.harmattan.engine.series.SeriesOutcome;
import org.harmattan.engine.series.SeriesPoint;
import org.harmattan.engine.series.SeriesSource;
import org.harmattan.engine.series.SeriesVersions;
import org.harmattan.engine.series.SeriesWrite;
import org.harmattan.engine.write.FileRef;
import org.harmattan.engine.write.RejectedRow;

/**
 * Monthly series in the store: {@code series_points}, one row per series, level, unit id and month
 * (the month as its first day), with the unit's name and country, the value and the file and line
 * it came from, and that file's reach (the last month it gives a value for). A write collects a
 * file's points and, at commit, appends them to a staging table and merges them in one transaction:
 * a new key is inserted; a known key is replaced when its file outranks the stored point's ({@link
 * SeriesVersions}: the later reach, then the smaller SHA-256), counted as updated when its value
 * differs; otherwise it is unchanged. Rejected rows go to the shared quarantine, the file to {@code
 * ingest_files}.
 */
final class DuckDbSeries implements SeriesSource {
  static final String POINT_COLUMNS =
      "series VARCHAR NOT NULL, level VARCHAR NOT NULL, unit_id VARCHAR NOT NULL, month DATE NOT"
          + " NULL, unit_name VARCHAR NOT NULL, country_iso3 VARCHAR NOT NULL, value DOUBLE NOT"
          + " NULL, source_system VARCHAR NOT NULL, source_dataset VARCHAR NOT NULL, file_sha256"
          + " VARCHAR NOT NULL, line_number BIGINT NOT NULL";

  private static final String POINT_COLUMN_NAMES =
      "series, level, unit_id, month, unit_name, country_iso3, value, source_system,"
          + " source_dataset, file_sha256, line_number";

  private static final String KEY_MATCH =
      "p.series = s.series AND p.level = s.level AND p.unit_id = s.unit_id AND p.month = s.month";

  private final Path store;
  private final DuckDBConnection connection;

  /**
   * @param store the store's file, for messages
   */
  DuckDbSeries(Path store, DuckDBConnection connection) {
    this.store = store;
    this.connection = connection;
  }

  static void createSchema(Statement s) throws SQLException {
    s.execute(
        "CREATE TABLE IF NOT EXISTS series_points ("
            + POINT_COLUMNS
            + ", ingested_at TIMESTAMP NOT NULL)");
    // The reach of each point's file (null for points stored before it was kept).
    s.execute("ALTER TABLE series_points ADD COLUMN IF NOT EXISTS file_reach DATE");
  }

  /** Starts a write; nothing reaches the store before {@link Write#commit}. */
  Write begin(FileRef file) {
    return new Write(file);
  }

  @Override
  public List<SeriesPoint> listSeries(String series, String level) {
    List<SeriesPoint> out = new ArrayList<>();
    try (PreparedStatement p =
        connection.prepareStatement(
            "SELECT "
                + POINT_COLUMN_NAMES
                + " FROM series_points WHERE series = ? AND level = ? ORDER BY unit_id, month")) {
      p.setString(1, series);
      p.setString(2, level);
      try (ResultSet rs = p.executeQuery()) {
        while (rs.next()) {
          out.add(
              new SeriesPoint(
                  rs.getString(1),
                  rs.getString(2),
                  rs.getString(3),
                  rs.getString(5),
                  rs.getString(6),
                  YearMonth.from(rs.getObject(4, LocalDate.class)),
                  rs.getDouble(7),
                  new SourceRef(rs.getString(8), rs.getString(9), rs.getString(10)),
                  rs.getLong(11)));
        }
      }
    } catch (SQLException e) {
      throw new HarmattanException(
          ErrorCategory.INTERNAL,
          ProblemCode.STORE_FAILURE,
          "listing the series "
              + series
              + " ("
              + level
              + ") failed: "
              + DuckDbStore.firstLine(e.getMessage()),
          e);
    }
    return out;
  }

  /** A point's key, for refusing a second point of one key in one write. */
  private record Key(String series, String level, String unitId, YearMonth month) {
    static Key of(SeriesPoint p) {
      return new Key(p.series(), p.level(), p.unitId(), p.month());
    }
  }

  /** One file's points and rejected rows, collected, then stored in one transaction at commit. */
  final class Write implements SeriesWrite {
    private final FileRef file;
    private final List<SeriesPoint> points = new ArrayList<>();
    private final Set<Key> keys = new HashSet<>();
    private final List<RejectedRow> rejected = new ArrayList<>();
    private boolean open = true;

    private Write(FileRef file) {
      this.file = file;
    }

    @Override
    public void accepted(SeriesPoint point) {
      checkOpen();
      if (!keys.add(Key.of(point))) {
        throw new IllegalArgumentException(
            "a second point for " + Key.of(point) + " in one write of " + file.path());
      }
      points.add(point);
    }

    @Override
    public void rejected(RejectedRow row) {
      checkOpen();
      rejected.add(row);
    }

    @Override
    public SeriesOutcome commit(String dataset, long rowsRead) {
      checkOpen();
      open = false;
      Instant now = Instant.now();
      try {
        connection.setAutoCommit(false);
        SeriesOutcome outcome;
        try {
          outcome = store(dataset, rowsRead, now);
          connection.commit();
        } catch (RuntimeException | SQLException e) {
          StoreFailures.rollbackAfter(connection, e);
          throw e;
        }
        connection.setAutoCommit(true);
        return outcome;
      } catch (SQLException e) {
        throw StoreFailures.of(store, "storing " + file.path(), e, true);
      }
    }

    @Override
    public void close() {
      // Nothing reaches the store before commit: what was collected is dropped.
      open = false;
      points.clear();
      rejected.clear();
    }

    private void checkOpen() {
      if (!open) {
        throw file.writeClosed();
      }
    }

    /** Stages, merges, quarantines and logs; the caller holds the transaction. */
    private SeriesOutcome store(String dataset, long rowsRead, Instant now) throws SQLException {
      LocalDateTime at = LocalDateTime.ofInstant(now, ZoneOffset.UTC);
      try (Statement s = connection.createStatement()) {
        s.execute(
            "CREATE OR REPLACE TEMP TABLE series_staging (" + POINT_COLUMNS + ", outcome VARCHAR)");
      }
      YearMonth reach = SeriesVersions.reach(points);
      LocalDate fileReach = reach == null ? null : reach.atDay(1);
      try (DuckDBAppender a = connection.createAppender("temp", "main", "series_staging")) {
        for (SeriesPoint p : points) {
          a.beginRow();
          a.append(p.series());
          a.append(p.level());
          a.append(p.unitId());
          a.append(p.month().atDay(1));
          a.append(p.unitName());
          a.append(p.countryIso3());
          a.append(p.value());
          a.append(p.source().system());
          a.append(p.source().dataset());
          a.append(p.source().sha256());
          a.append(p.line());
          a.appendNull();
          a.endRow();
        }
      }
      Map<String, Long> counts = new HashMap<>();
      // The rank of SeriesVersions: a later reach, then a smaller SHA-256, outranks.
      if (fileReach != null) {
        try (PreparedStatement rank =
            connection.prepareStatement(
                "UPDATE series_staging AS s SET outcome = CASE WHEN NOT (p.file_reach IS NULL OR"
                    + " CAST(? AS DATE) > p.file_reach OR (CAST(? AS DATE) = p.file_reach AND"
                    + " s.file_sha256 < p.file_sha256)) THEN 'kept' WHEN p.value = s.value THEN"
                    + " 'same' ELSE 'updated' END FROM series_points p WHERE "
                    + KEY_MATCH)) {
          rank.setObject(1, fileReach);
          rank.setObject(2, fileReach);
          rank.executeUpdate();
        }
      }
      try (Statement s = connection.createStatement()) {
        s.execute("UPDATE series_staging SET outcome = 'inserted' WHERE outcome IS NULL");
        try (ResultSet rs =
            s.executeQuery("SELECT outcome, count(*) FROM series_staging GROUP BY outcome")) {
          while (rs.next()) {
            counts.put(rs.getString(1), rs.getLong(2));
          }
        }
      }
      try (PreparedStatement p =
          connection.prepareStatement(
              "UPDATE series_points AS p SET unit_name = s.unit_name, country_iso3 ="
                  + " s.country_iso3, value = s.value, source_system = s.source_system,"
                  + " source_dataset = s.source_dataset, file_sha256 = s.file_sha256, line_number"
                  + " = s.line_number, ingested_at = ?, file_reach = ? FROM series_staging s"
                  + " WHERE s.outcome IN ('updated', 'same') AND "
                  + KEY_MATCH)) {
        p.setObject(1, at);
        p.setObject(2, fileReach);
        p.executeUpdate();
      }
      try (PreparedStatement p =
          connection.prepareStatement(
              "INSERT INTO series_points SELECT "
                  + POINT_COLUMN_NAMES
                  + ", ?, ? FROM series_staging WHERE outcome = 'inserted'")) {
        p.setObject(1, at);
        p.setObject(2, fileReach);
        p.executeUpdate();
      }
      try (Statement s = connection.createStatement()) {
        s.execute("DROP TABLE series_staging");
      }
      insertQuarantine(at);
      SeriesOutcome outcome =
          new SeriesOutcome(
              counts.getOrDefault("inserted", 0L),
              counts.getOrDefault("updated", 0L),
              counts.getOrDefault("same", 0L) + counts.getOrDefault("kept", 0L),
              rejected.size());
      try (PreparedStatement p =
          connection.prepareStatement(
              "INSERT INTO ingest_files VALUES (?, ?, ?, ?, ?, ?, ?, 0, ?, ?)")) {
        p.setString(1, file.path());
        p.setString(2, file.sha256());
        p.setString(3, dataset);
        p.setLong(4, rowsRead);
        p.setLong(5, outcome.inserted());
        p.setLong(6, outcome.updated());
        p.setLong(7, outcome.unchanged());
        p.setLong(8, outcome.quarantined());
        p.setTimestamp(9, Timestamp.from(now));
        p.executeUpdate();
      }
      return outcome;
    }

    /** The rejected rows into the quarantine, once per file and line however often it is read. */
    private void insertQuarantine(LocalDateTime at) throws SQLException {
      if (rejected.isEmpty()) {
        return;
      }
      try (Statement s = connection.createStatement()) {
        s.execute(
            "CREATE OR REPLACE TEMP TABLE series_quarantine_staging AS SELECT * FROM quarantine"
                + " LIMIT 0");
      }
      try (DuckDBAppender a =
          connection.createAppender("temp", "main", "series_quarantine_staging")) {
        for (RejectedRow r : rejected) {
          DuckDbFileWrite.appendQuarantineRow(a, r, at);
        }
      }
      try (Statement s = connection.createStatement()) {
        s.execute(
            "INSERT INTO quarantine SELECT * FROM series_quarantine_staging qs WHERE NOT EXISTS"
                + " (SELECT 1 FROM quarantine q WHERE q.file_sha256 = qs.file_sha256 AND"
                + " q.line_number = qs.line_number)");
        s.execute("DROP TABLE series_quarantine_staging");
      }
    }
  }
}
