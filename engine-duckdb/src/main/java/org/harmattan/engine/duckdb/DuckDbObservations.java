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
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;
import org.harmattan.domain.error.ErrorCategory;
import org.harmattan.domain.error.HarmattanException;
import org.harmattan.domain.figure.SourceRef;
import org.harmattan.domain.humanitarian.AdminUnit;
import org.harmattan.domain.humanitarian.Observation;
import org.harmattan.domain.problem.ProblemCode;
import org.harmattan.engine.query.ObservationSource;
import org.harmattan.engine.write.AdminUnits;
import org.harmattan.engine.write.AdminUnits.SourcedUnit;
import org.harmattan.engine.write.FileRef;
import org.harmattan.engine.write.KeptTable;
import org.harmattan.engine.write.ObservationOutcome;
import org.harmattan.engine.write.ObservationRecord;
import org.harmattan.engine.write.ObservationRow;
import org.harmattan.engine.write.ObservationWrite;
import org.harmattan.engine.write.RejectedRow;

/**
 * Humanitarian tables of the store: {@code observations} (one row per observation, keyed by record
 * id; a file's reading replaces what the same file gave before), {@code admin_units} (every unit
 * every P-code table gave; the reference chooses one per P-code by {@link AdminUnits#choose}) and
 * {@code kept_tables} (the bytes of each humanitarian table, to place its rows again when the
 * reference changes). Rejected rows go to the shared quarantine.
 */
final class DuckDbObservations implements ObservationSource {
  static final String OBSERVATION_COLUMNS =
      "record_id VARCHAR NOT NULL, dataset VARCHAR NOT NULL, edition VARCHAR NOT NULL,"
          + " indicator VARCHAR NOT NULL, qualifier VARCHAR, country_iso3 VARCHAR NOT NULL,"
          + " admin_level INTEGER NOT NULL, pcode VARCHAR, admin_name VARCHAR, vintage DATE NOT"
          + " NULL, value DOUBLE NOT NULL, unit VARCHAR NOT NULL, source_system VARCHAR NOT NULL,"
          + " source_dataset VARCHAR NOT NULL, file_sha256 VARCHAR NOT NULL, line_number BIGINT"
          + " NOT NULL, source_pcode VARCHAR, place_note VARCHAR NOT NULL, ingested_at TIMESTAMP"
          + " NOT NULL";
  static final String ADMIN_UNIT_COLUMNS =
      "country_iso3 VARCHAR NOT NULL, admin_level INTEGER NOT NULL, pcode VARCHAR NOT NULL,"
          + " name VARCHAR NOT NULL, parent_pcode VARCHAR, valid_from DATE, file_sha256 VARCHAR"
          + " NOT NULL, line_number BIGINT NOT NULL";

  private final Path store;
  private final DuckDBConnection connection;

  /**
   * @param store the store's file, for messages
   */
  DuckDbObservations(Path store, DuckDBConnection connection) {
    this.store = store;
    this.connection = connection;
  }

  static void createSchema(Statement s) throws SQLException {
    s.execute("CREATE TABLE IF NOT EXISTS observations (" + OBSERVATION_COLUMNS + ")");
    s.execute("CREATE TABLE IF NOT EXISTS admin_units (" + ADMIN_UNIT_COLUMNS + ")");
    s.execute(
        "CREATE TABLE IF NOT EXISTS kept_tables (sha256 VARCHAR PRIMARY KEY, path VARCHAR NOT"
            + " NULL, dataset VARCHAR NOT NULL, year INTEGER, reference VARCHAR NOT NULL, content"
            + " BLOB NOT NULL)");
  }

  /**
   * The admin reference: every unit every P-code table gave, chosen by {@link AdminUnits#choose}.
   */
  List<AdminUnit> listAdminUnits() throws SQLException {
    List<SourcedUnit> units = new ArrayList<>();
    try (Statement s = connection.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT country_iso3, admin_level, pcode, name, parent_pcode, valid_from,"
                    + " line_number, file_sha256 FROM admin_units")) {
      while (rs.next()) {
        units.add(new SourcedUnit(unit(rs), rs.getString(8)));
      }
    }
    return AdminUnits.choose(units);
  }

  private static AdminUnit unit(ResultSet rs) throws SQLException {
    return new AdminUnit(
        rs.getString(1),
        rs.getInt(2),
        rs.getString(3),
        rs.getString(4),
        rs.getString(5),
        rs.getObject(6, LocalDate.class),
        rs.getLong(7));
  }

  /** The tables kept, with the reference each was placed against. */
  List<KeptTable> listKeptTables() throws SQLException {
    List<KeptTable> out = new ArrayList<>();
    try (Statement s = connection.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT path, dataset, sha256, year, reference FROM kept_tables ORDER BY path,"
                    + " sha256")) {
      while (rs.next()) {
        Object year = rs.getObject(4);
        out.add(
            new KeptTable(
                new FileRef(rs.getString(1), rs.getString(2), rs.getString(3)),
                year == null ? OptionalInt.empty() : OptionalInt.of(((Number) year).intValue()),
                rs.getString(5)));
      }
    }
    return out;
  }

  /** The bytes of a kept table. */
  byte[] readKeptTable(String sha256) throws SQLException {
    try (PreparedStatement p =
        connection.prepareStatement("SELECT content FROM kept_tables WHERE sha256 = ?")) {
      p.setString(1, sha256);
      try (ResultSet rs = p.executeQuery()) {
        if (!rs.next()) {
          throw new HarmattanException(
              ErrorCategory.INTERNAL,
              ProblemCode.STORE_FAILURE,
              store + ": no kept table of SHA-256 " + sha256);
        }
        return rs.getBytes(1);
      }
    }
  }

  /**
   * Starts a write; the caller opens the transaction, and commits it after {@link Write#store}.
   *
   * @param logged whether the write is an ingest, recorded in the ingest log
   */
  Write begin(FileRef file, boolean logged) {
    return new Write(file, logged);
  }

  /**
   * Replaces what the store held from {@code file} with what {@code sink} collected; the caller
   * holds the transaction.
   */
  private ObservationOutcome store(
      FileRef file, Collect sink, String dataset, long rowsRead, Instant now, boolean logged)
      throws SQLException {
    Map<String, ObservationRecord> before = new HashMap<>();
    LocalDateTime firstIngested = null;
    try (PreparedStatement p =
        connection.prepareStatement(
            "SELECT record_id, dataset, edition, indicator, qualifier, country_iso3, admin_level,"
                + " pcode, admin_name, vintage, value, unit, source_system, source_dataset,"
                + " file_sha256, line_number, source_pcode, place_note, ingested_at FROM"
                + " observations WHERE file_sha256 = ?")) {
      p.setString(1, file.sha256());
      try (ResultSet rs = p.executeQuery()) {
        while (rs.next()) {
          Observation o = observation(rs);
          before.put(o.recordId(), new ObservationRecord(o, rs.getString(17), rs.getString(18)));
          LocalDateTime at = rs.getObject(19, LocalDateTime.class);
          if (firstIngested == null || at.isBefore(firstIngested)) {
            firstIngested = at;
          }
        }
      }
    }
    List<AdminUnit> unitsHeld = new ArrayList<>();
    try (Statement s = connection.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT DISTINCT country_iso3, admin_level, pcode, name, parent_pcode, valid_from,"
                    + " 0 FROM admin_units")) {
      while (rs.next()) {
        unitsHeld.add(unit(rs));
      }
    }
    ObservationOutcome outcome =
        AdminUnits.outcome(sink.rows, sink.rejected.size(), before, unitsHeld);
    for (String table : List.of("observations", "admin_units", "quarantine")) {
      try (PreparedStatement del =
          connection.prepareStatement("DELETE FROM " + table + " WHERE file_sha256 = ?")) {
        del.setString(1, file.sha256());
        del.executeUpdate();
      }
    }
    LocalDateTime at =
        firstIngested != null ? firstIngested : LocalDateTime.ofInstant(now, ZoneOffset.UTC);
    try (DuckDBAppender a =
        connection.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "observations")) {
      for (ObservationRow row : sink.rows) {
        for (ObservationRecord r : row.observations()) {
          Observation o = r.observation();
          a.beginRow();
          a.append(o.recordId());
          a.append(o.dataset());
          a.append(o.edition());
          a.append(o.indicator());
          text(a, o.qualifier());
          a.append(o.countryIso3());
          a.append(o.adminLevel());
          text(a, o.pcode());
          text(a, o.adminName());
          a.append(o.vintage());
          a.append(o.value());
          a.append(o.unit());
          a.append(o.source().system());
          a.append(o.source().dataset());
          a.append(o.source().sha256());
          a.append(o.line());
          text(a, r.sourcePcode());
          a.append(r.placeNote());
          a.append(at);
          a.endRow();
        }
      }
    }
    try (DuckDBAppender a =
        connection.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "admin_units")) {
      for (ObservationRow row : sink.rows) {
        for (AdminUnit u : row.units()) {
          a.beginRow();
          a.append(u.countryIso3());
          a.append(u.level());
          a.append(u.pcode());
          a.append(u.name());
          text(a, u.parentPcode());
          if (u.validFrom() == null) {
            a.appendNull();
          } else {
            a.append(u.validFrom());
          }
          a.append(file.sha256());
          a.append(u.line());
          a.endRow();
        }
      }
    }
    insertQuarantine(sink.rejected, LocalDateTime.ofInstant(now, ZoneOffset.UTC));
    if (sink.kept != null) {
      try (PreparedStatement p =
          connection.prepareStatement(
              "INSERT OR REPLACE INTO kept_tables VALUES (?, ?, ?, ?, ?, ?)")) {
        p.setString(1, file.sha256());
        p.setString(2, file.path());
        p.setString(3, file.dataset());
        if (sink.keptYear.isPresent()) {
          p.setInt(4, sink.keptYear.getAsInt());
        } else {
          p.setNull(4, java.sql.Types.INTEGER);
        }
        p.setString(5, sink.keptReference);
        p.setBytes(6, sink.kept);
        p.executeUpdate();
      }
    }
    if (logged) {
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
    }
    return outcome;
  }

  private void insertQuarantine(List<RejectedRow> rows, LocalDateTime at) throws SQLException {
    try (PreparedStatement p =
        connection.prepareStatement(
            "INSERT INTO quarantine SELECT ?, ?, ?, ?, ?::VARCHAR[], ?::VARCHAR[], ?::VARCHAR[], ?,"
                + " ?, ? WHERE NOT EXISTS (SELECT 1 FROM quarantine q WHERE q.file_sha256 = ? AND"
                + " q.line_number = ?)")) {
      for (RejectedRow r : rows) {
        p.setString(1, r.dataset());
        p.setString(2, r.path());
        p.setString(3, r.fileSha256());
        p.setLong(4, r.lineNumber());
        p.setArray(5, connection.createArrayOf("VARCHAR", r.problemCodes().toArray()));
        p.setArray(6, connection.createArrayOf("VARCHAR", r.problemColumns().toArray()));
        p.setArray(7, connection.createArrayOf("VARCHAR", r.problemMessages().toArray()));
        p.setString(8, r.message());
        p.setString(9, r.raw());
        p.setObject(10, at);
        p.setString(11, r.fileSha256());
        p.setLong(12, r.lineNumber());
        p.executeUpdate();
      }
    }
  }

  private static void text(DuckDBAppender a, String v) throws SQLException {
    if (v == null) {
      a.appendNull();
    } else {
      a.append(v);
    }
  }

  @Override
  public List<AdminUnit> listAdminUnits(String countryIso3) {
    try {
      return listAdminUnits().stream().filter(u -> u.countryIso3().equals(countryIso3)).toList();
    } catch (SQLException e) {
      throw new HarmattanException(
          ErrorCategory.INTERNAL,
          ProblemCode.STORE_FAILURE,
          "reading the admin reference failed: " + e.getMessage(),
          e);
    }
  }

  @Override
  public List<Observation> listObservations(String countryIso3, String indicator) {
    List<Observation> out = new ArrayList<>();
    try (PreparedStatement p =
        connection.prepareStatement(
            "SELECT record_id, dataset, edition, indicator, qualifier, country_iso3, admin_level,"
                + " pcode, admin_name, vintage, value, unit, source_system, source_dataset,"
                + " file_sha256, line_number FROM observations WHERE country_iso3 = ? AND (? IS"
                + " NULL OR indicator = ?) ORDER BY vintage, dataset, edition, record_id")) {
      p.setString(1, countryIso3);
      p.setString(2, indicator);
      p.setString(3, indicator);
      try (ResultSet rs = p.executeQuery()) {
        while (rs.next()) {
          out.add(observation(rs));
        }
      }
    } catch (SQLException e) {
      throw new HarmattanException(
          ErrorCategory.INTERNAL,
          ProblemCode.STORE_FAILURE,
          "listing observations failed: " + e.getMessage(),
          e);
    }
    return out;
  }

  @Override
  public Map<String, LocalDate> listReadDays() {
    Map<String, LocalDate> days = new HashMap<>();
    try (Statement s = connection.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT sha256, CAST(min(ingested_at) AS DATE) FROM ingest_files GROUP BY sha256")) {
      while (rs.next()) {
        days.put(rs.getString(1), rs.getObject(2, LocalDate.class));
      }
    } catch (SQLException e) {
      throw new HarmattanException(
          ErrorCategory.INTERNAL,
          ProblemCode.STORE_FAILURE,
          "listing the files read failed: " + e.getMessage(),
          e);
    }
    return days;
  }

  /** The observation of the current row, its columns in the order of the table's first 16. */
  private static Observation observation(ResultSet rs) throws SQLException {
    return new Observation(
        rs.getString(1),
        rs.getString(2),
        rs.getString(3),
        rs.getString(4),
        rs.getString(5),
        rs.getString(6),
        rs.getInt(7),
        rs.getString(8),
        rs.getString(9),
        rs.getObject(10, LocalDate.class),
        rs.getDouble(11),
        rs.getString(12),
        new SourceRef(rs.getString(13), rs.getString(14), rs.getString(15)),
        rs.getLong(16));
  }

  /** Keeps what the reader hands over until the reader is done. */
  private static final class Collect {
    final List<ObservationRow> rows = new ArrayList<>();
    final List<RejectedRow> rejected = new ArrayList<>();
    byte[] kept;
    OptionalInt keptYear = OptionalInt.empty();
    String keptReference;

    void accepted(ObservationRow row) {
      rows.add(row);
    }

    void rejected(RejectedRow row) {
      rejected.add(row);
    }
  }

  /** One file's rows, collected, then stored in one transaction at commit. */
  final class Write implements ObservationWrite {
    private final FileRef file;
    private final boolean logged;
    private final Collect sink = new Collect();

    private Write(FileRef file, boolean logged) {
      this.file = file;
      this.logged = logged;
    }

    @Override
    public void keep(byte[] content, OptionalInt year, String reference) {
      sink.kept = content.clone();
      sink.keptYear = year;
      sink.keptReference = reference;
    }

    @Override
    public void accepted(ObservationRow row) {
      sink.accepted(row);
    }

    @Override
    public void rejected(RejectedRow row) {
      sink.rejected(row);
    }

    @Override
    public ObservationOutcome commit(String dataset, long rowsRead) {
      try {
        connection.setAutoCommit(false);
        ObservationOutcome outcome;
        try {
          outcome = store(file, sink, dataset, rowsRead, Instant.now(), logged);
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
    }
  }
}
