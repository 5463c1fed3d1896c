package org.harmattan.engine.duckdb;

import static org.harmattan.engine.duckdb.Appending.instant;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;
import org.harmattan.domain.error.ErrorCategory;
import org.harmattan.domain.error.HarmattanException;
import org.harmattan.domain.event.SourceSystem;
import org.harmattan.domain.problem.ProblemCode;
import org.harmattan.engine.write.EventWriter;
import org.harmattan.engine.write.FileRef;
import org.harmattan.engine.write.FileWrite;
import org.harmattan.engine.write.Revisions;
import org.harmattan.engine.write.WithdrawOutcome;
import org.harmattan.engine.write.Withdrawal;

/**
 * The event write port of the DuckDB store: files through {@link DuckDbFileWrite}, withdrawals into
 * the {@code withdrawals} table, and the points an incremental sync resumes from.
 *
 * <p>A withdrawal is resolved by {@link Revisions#resolveWithdrawals} against what the store holds
 * of the events the list names (read set-based for the list's ids), then applied set-based in one
 * transaction: every new withdrawal appended to {@code withdrawals}; each current version it takes
 * out copied to {@code events_history} with {@code superseded_by_sha256 = 'withdrawn'} (never a
 * SHA-256) and the withdrawal's time and reason in {@code withdrawn_at} and {@code
 * withdrawal_reason}, then deleted from {@code events}.
 */
final class DuckDbEventWriter implements EventWriter {
  /** The {@code superseded_by_sha256} of a version a withdrawal took out of the view. */
  static final String WITHDRAWN = "withdrawn";

  private final Path path;
  private final DuckDBConnection connection;
  private final Supplier<? extends Connection> reader;

  /**
   * @param path the store's file, for messages
   * @param connection the store's write connection
   * @param reader the calling thread's read connection, for lookups (asked for only then)
   */
  DuckDbEventWriter(Path path, DuckDBConnection connection, Supplier<? extends Connection> reader) {
    this.path = path;
    this.connection = connection;
    this.reader = reader;
  }

  /**
   * The {@code withdrawals} table, and the columns of {@code events_history} that name a withdrawal
   * (added to stores made before them).
   */
  static void createSchema(Statement s) throws SQLException {
    s.execute(
        "CREATE TABLE IF NOT EXISTS withdrawals (id VARCHAR NOT NULL, source VARCHAR NOT NULL,"
            + " source_event_id VARCHAR NOT NULL, withdrawn_at TIMESTAMP NOT NULL,"
            + " reason VARCHAR NOT NULL, recorded_at TIMESTAMP NOT NULL)");
    s.execute("ALTER TABLE events_history ADD COLUMN IF NOT EXISTS withdrawn_at TIMESTAMP");
    s.execute("ALTER TABLE events_history ADD COLUMN IF NOT EXISTS withdrawal_reason VARCHAR");
  }

  @Override
  public FileWrite begin(FileRef file) {
    try {
      return DuckDbFileWrite.begin(path, connection, file);
    } catch (SQLException e) {
      throw failure("starting to store " + file.path(), e);
    }
  }

  @Override
  public WithdrawOutcome withdraw(List<Withdrawal> withdrawals) {
    List<Withdrawal> all = List.copyOf(withdrawals);
    try {
      if (!connection.getAutoCommit()) {
        throw new HarmattanException(
            ErrorCategory.INTERNAL,
            ProblemCode.STORE_FAILURE,
            "withdrawing events failed on "
                + path
                + ": the write of a file is open (one write at a time per store; commit or close"
                + " it first)");
      }
      connection.setAutoCommit(false);
    } catch (SQLException e) {
      throw failure("withdrawing events", e);
    }
    WithdrawOutcome outcome;
    try {
      outcome = apply(all, Instant.now());
      connection.commit();
    } catch (SQLException e) {
      StoreFailures.rollbackAfter(connection, e);
      throw failure("withdrawing events", e);
    } catch (RuntimeException e) {
      StoreFailures.rollbackAfter(connection, e);
      throw e;
    }
    try {
      connection.setAutoCommit(true);
    } catch (SQLException e) {
      throw failure("ending the withdrawal", e);
    }
    return outcome;
  }

  private WithdrawOutcome apply(List<Withdrawal> all, Instant now) throws SQLException {
    if (all.isEmpty()) {
      return new WithdrawOutcome(0, 0, 0, 0);
    }
    Set<String> ids = new LinkedHashSet<>();
    for (Withdrawal w : all) {
      ids.add(w.eventId());
    }
    try (Statement s = connection.createStatement()) {
      s.execute("CREATE OR REPLACE TEMP TABLE withdraw_ids (id VARCHAR NOT NULL)");
      s.execute(
          "CREATE OR REPLACE TEMP TABLE withdraw_removing (id VARCHAR NOT NULL, withdrawn_at"
              + " TIMESTAMP NOT NULL, reason VARCHAR NOT NULL)");
    }
    try (DuckDBAppender a = connection.createAppender("temp", "main", "withdraw_ids")) {
      for (String id : ids) {
        a.beginRow();
        a.append(id);
        a.endRow();
      }
    }
    Revisions.WithdrawalResolution r = Revisions.resolveWithdrawals(all, held());
    try (DuckDBAppender a =
        connection.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "withdrawals")) {
      for (Withdrawal w : r.recorded()) {
        a.beginRow();
        a.append(w.eventId());
        a.append(w.source().name());
        a.append(w.sourceEventId());
        instant(a, w.withdrawnAt());
        a.append(w.reason());
        instant(a, now);
        a.endRow();
      }
    }
    if (!r.removing().isEmpty()) {
      try (DuckDBAppender a = connection.createAppender("temp", "main", "withdraw_removing")) {
        for (Withdrawal w : r.removing()) {
          a.beginRow();
          a.append(w.eventId());
          instant(a, w.withdrawnAt());
          a.append(w.reason());
          a.endRow();
        }
      }
      try (PreparedStatement p =
          connection.prepareStatement(
              "INSERT INTO events_history ("
                  + EventTables.EVENT_COLUMN_NAMES
                  + ", superseded_at, superseded_by_sha256, withdrawn_at, withdrawal_reason) SELECT "
                  + EventTables.columns("e")
                  + ", ?, ?, r.withdrawn_at, r.reason FROM events e JOIN withdraw_removing r ON"
                  + " r.id = e.id")) {
        p.setTimestamp(1, Timestamp.from(now));
        p.setString(2, WITHDRAWN);
        p.executeUpdate();
      }
      try (Statement s = connection.createStatement()) {
        s.execute("DELETE FROM events WHERE id IN (SELECT id FROM withdraw_removing)");
      }
    }
    try (Statement s = connection.createStatement()) {
      s.execute("DROP TABLE withdraw_ids");
      s.execute("DROP TABLE withdraw_removing");
    }
    return r.outcome();
  }

  /** What the store holds of the events of {@code withdraw_ids}: current versions, withdrawals. */
  private Map<String, Revisions.Held> held() throws SQLException {
    Map<String, Instant> current = new HashMap<>();
    Set<String> isCurrent = new HashSet<>();
    Map<String, Set<Instant>> times = new HashMap<>();
    try (Statement s = connection.createStatement()) {
      try (ResultSet rs =
          s.executeQuery(
              "SELECT e.id, e.source_timestamp FROM events e SEMI JOIN withdraw_ids i ON i.id ="
                  + " e.id")) {
        while (rs.next()) {
          isCurrent.add(rs.getString(1));
          current.put(rs.getString(1), toInstant(rs, 2));
        }
      }
      try (ResultSet rs =
          s.executeQuery(
              "SELECT w.id, w.withdrawn_at FROM withdrawals w SEMI JOIN withdraw_ids i ON i.id ="
                  + " w.id")) {
        while (rs.next()) {
          times.computeIfAbsent(rs.getString(1), k -> new HashSet<>()).add(toInstant(rs, 2));
        }
      }
    }
    Set<String> ids = new HashSet<>(isCurrent);
    ids.addAll(times.keySet());
    Map<String, Revisions.Held> held = new HashMap<>();
    for (String id : ids) {
      held.put(
          id,
          new Revisions.Held(
              isCurrent.contains(id), current.get(id), times.getOrDefault(id, Set.of())));
    }
    return held;
  }

  @Override
  public Optional<Instant> findLatestWithdrawal(SourceSystem source) {
    return latest("SELECT max(withdrawn_at) FROM withdrawals WHERE source = ?", source.name());
  }

  @Override
  public Optional<Instant> findLatestSourceTimestamp(SourceSystem source, String countryIso3) {
    return latest(
        "SELECT max(source_timestamp) FROM events WHERE source = ? AND country_iso3 = ?",
        source.name(),
        countryIso3);
  }

  private Optional<Instant> latest(String sql, String... values) {
    try (PreparedStatement p = reader.get().prepareStatement(sql)) {
      for (int i = 0; i < values.length; i++) {
        p.setString(i + 1, values[i]);
      }
      try (ResultSet rs = p.executeQuery()) {
        rs.next();
        return Optional.ofNullable(toInstant(rs, 1));
      }
    } catch (SQLException e) {
      throw failure("reading where a sync resumes", e);
    }
  }

  /** A TIMESTAMP column (UTC) as an instant, or null. */
  private static Instant toInstant(ResultSet rs, int column) throws SQLException {
    if (rs.getObject(column) == null) {
      return null;
    }
    return rs.getObject(column, LocalDateTime.class).toInstant(ZoneOffset.UTC);
  }

  private HarmattanException failure(String what, SQLException e) {
    return StoreFailures.of(path, what, e, true);
  }
}
