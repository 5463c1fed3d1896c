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
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;
import org.harmattan.domain.error.ErrorCategory;
import org.harmattan.domain.error.HarmattanException;
import org.harmattan.domain.figure.SourceRef;
import org.harmattan.domain.humanitarian.AdminUnit;
import org.harmattan.domain.humanitarian.Observation;
import org.harmattan.domain.problem.Problem;
import org.harmattan.domain.problem.ProblemCode;
import org.harmattan.engine.query.ObservationSource;
import org.harmattan.engine.write.FileRef;
import org.harmattan.engine.write.ObservationOutcome;
import org.harmattan.engine.write.ObservationRecord;
import org.harmattan.engine.write.ObservationRow;
import org.harmattan.engine.write.ObservationWrite;
import org.harmattan.engine.write.RejectedRow;

/**
 * Humanitarian tables of the store: {@code observations} (one row per observation, keyed by record
 * id, so that re-ingesting a file changes nothing) and {@code admin_units} (the admin reference,
 * one row per P-code, the latest ingest winning). Rejected rows go to the shared quarantine.
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
  }

  /** The admin units the store holds, as a reference for placing names and codes. */
  List<AdminUnit> listAdminUnits() throws SQLException {
    List<AdminUnit> units = new ArrayList<>();
    try (Statement s = connection.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT country_iso3, admin_level, pcode, name, parent_pcode, valid_from,"
                    + " line_number FROM admin_units")) {
      while (rs.next()) {
        units.add(
            new AdminUnit(
                rs.getString(1),
                rs.getInt(2),
                rs.getString(3),
                rs.getString(4),
                rs.getString(5),
                rs.getObject(6, LocalDate.class),
                rs.getLong(7)));
      }
    }
    return units;
  }

  /** Starts a write; the caller opens the transaction, and commits it after {@link Write#store}. */
  Write begin(FileRef file) {
    return new Write(file);
  }

  /** Stores what {@code sink} collected from {@code file}; the caller holds the transaction. */
  private ObservationOutcome store(
      FileRef file, Collect sink, String dataset, long rowsRead, Instant now) throws SQLException {
    Set<String> known = new HashSet<>();
    try (PreparedStatement p =
        connection.prepareStatement("SELECT record_id FROM observations WHERE file_sha256 = ?")) {
      p.setString(1, file.sha256());
      try (ResultSet rs = p.executeQuery()) {
        while (rs.next()) {
          known.add(rs.getString(1));
        }
      }
    }
    Set<String> knownUnits = new HashSet<>();
    try (Statement s = connection.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT pcode || '|' || name || '|' || coalesce(parent_pcode, '') FROM admin_units")) {
      while (rs.next()) {
        knownUnits.add(rs.getString(1));
      }
    }
    long inserted = 0;
    List<ObservationRecord> fresh = new ArrayList<>();
    List<AdminUnit> freshUnits = new ArrayList<>();
    for (ObservationRow row : sink.rows) {
      boolean isNew = false;
      for (ObservationRecord r : row.observations()) {
        if (!known.contains(r.observation().recordId())) {
          fresh.add(r);
          isNew = true;
        }
      }
      for (AdminUnit u : row.units()) {
        if (!knownUnits.contains(
            u.pcode() + "|" + u.name() + "|" + (u.parentPcode() == null ? "" : u.parentPcode()))) {
          freshUnits.add(u);
          isNew = true;
        }
      }
      if (isNew) {
        inserted++;
      }
    }
    LocalDateTime at = LocalDateTime.ofInstant(now, ZoneOffset.UTC);
    try (DuckDBAppender a =
        connection.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "observations")) {
      for (ObservationRecord r : fresh) {
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
    if (!freshUnits.isEmpty()) {
      try (PreparedStatement del =
          connection.prepareStatement("DELETE FROM admin_units WHERE pcode = ?")) {
        for (AdminUnit u : freshUnits) {
          del.setString(1, u.pcode());
          del.addBatch();
        }
        del.executeBatch();
      }
      try (DuckDBAppender a =
          connection.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "admin_units")) {
        for (AdminUnit u : freshUnits) {
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
    long quarantined = sink.rejected.size();
    insertQuarantine(sink.rejected, at);
    ObservationOutcome outcome =
        new ObservationOutcome(inserted, sink.rows.size() - inserted, quarantined);
    try (PreparedStatement p =
        connection.prepareStatement(
            "INSERT INTO ingest_files VALUES (?, ?, ?, ?, ?, 0, ?, 0, ?, ?)")) {
      p.setString(1, file.path());
      p.setString(2, file.sha256());
      p.setString(3, dataset);
      p.setLong(4, rowsRead);
      p.setLong(5, outcome.inserted());
      p.setLong(6, outcome.unchanged());
      p.setLong(7, outcome.quarantined());
      p.setTimestamp(8, Timestamp.from(now));
      p.executeUpdate();
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
        List<String> codes = new ArrayList<>();
        List<String> columns = new ArrayList<>();
        List<String> messages = new ArrayList<>();
        for (Problem pr : r.problems()) {
          codes.add(pr.code());
          columns.add(pr.column());
          messages.add(pr.message());
        }
        p.setString(1, r.dataset());
        p.setString(2, r.path());
        p.setString(3, r.fileSha256());
        p.setLong(4, r.lineNumber());
        p.setArray(5, connection.createArrayOf("VARCHAR", codes.toArray()));
        p.setArray(6, connection.createArrayOf("VARCHAR", columns.toArray()));
        p.setArray(7, connection.createArrayOf("VARCHAR", messages.toArray()));
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
          out.add(
              new Observation(
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
                  rs.getLong(16)));
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

  /** Keeps what the reader hands over until the reader is done. */
  private static final class Collect {
    final List<ObservationRow> rows = new ArrayList<>();
    final List<RejectedRow> rejected = new ArrayList<>();

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
    private final Collect sink = new Collect();

    private Write(FileRef file) {
      this.file = file;
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
          outcome = store(file, sink, dataset, rowsRead, Instant.now());
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
