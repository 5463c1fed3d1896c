package org.harmattan.engine.duckdb;

import static java.util.Objects.requireNonNull;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import org.duckdb.DuckDBConnection;
import org.duckdb.DuckDBDriver;
import org.harmattan.domain.error.ErrorCategory;
import org.harmattan.domain.error.HarmattanException;
import org.harmattan.domain.event.Event;
import org.harmattan.domain.humanitarian.AdminUnit;
import org.harmattan.domain.problem.Problem;
import org.harmattan.domain.problem.ProblemCode;
import org.harmattan.engine.Store;
import org.harmattan.engine.accounts.Accounts;
import org.harmattan.engine.alerts.AlertLog;
import org.harmattan.engine.query.AnalyticsEngine;
import org.harmattan.engine.query.ObservationSource;
import org.harmattan.engine.query.StoreStatus;
import org.harmattan.engine.series.SeriesSource;
import org.harmattan.engine.series.SeriesWriter;
import org.harmattan.engine.write.EventWriter;
import org.harmattan.engine.write.FileRef;
import org.harmattan.engine.write.KeptTable;
import org.harmattan.engine.write.ObservationWrite;
import org.harmattan.engine.write.ObservationWriter;
import org.harmattan.engine.write.RejectedRow;

/**
 * The embedded event store in one DuckDB file.
 *
 * <p>Tables: {@code events} (the current version of each event), {@code events_history} (superseded
 * versions: ACLED revises events and re-issues them with a later {@code timestamp}; and versions
 * their source withdrew, marked {@code superseded_by_sha256 = 'withdrawn'} with the withdrawal's
 * {@code withdrawn_at} and {@code withdrawal_reason}, columns that are null for a revision), {@code
 * withdrawals} (every withdrawal recorded: event id, source, source event id, {@code withdrawn_at},
 * reason, {@code recorded_at}; see {@link DuckDbEventWriter}), {@code quarantine} (rejected rows
 * with their raw text and problems) and {@code ingest_files} (one line per ingest); humanitarian
 * tables ({@link DuckDbObservations}) and monthly series ({@code series_points}, {@link
 * DuckDbSeries}) beside them. An ingest appends the file's rows to a staging table through the
 * Appender, then merges set-based in one transaction, so a failed ingest leaves the store as it
 * was.
 */
public final class DuckDbStore implements Store {

  private final Path path;
  private final DuckDBConnection connection;

  /**
   * One read connection per thread, duplicated from the write connection: queries from several
   * threads (the server's) run side by side, and a connection is never used by two threads at once.
   * DuckDB's MVCC shows each query the last committed state.
   */
  private final Map<Thread, ReadConnection> readers = new HashMap<>();

  private DuckDbStore(Path path, DuckDBConnection connection) {
    this.path = path;
    this.connection = connection;
  }

  /** Opens (creating if needed) the store at {@code path}. */
  public static DuckDbStore open(Path path) {
    requireNonNull(path, "path");
    try {
      Path parent = path.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
    } catch (java.io.IOException e) {
      throw new HarmattanException(
          ErrorCategory.USER_INPUT,
          ProblemCode.STORE_NOT_CREATABLE,
          "cannot create the folder for the store " + path + " (" + e.getMessage() + ")",
          e);
    }
    DuckDBConnection c = connect(path, false);
    try {
      createSchema(c);
    } catch (SQLException e) {
      closeQuietly(c, e);
      throw StoreFailures.of(path, "opening the store", e, false);
    }
    return new DuckDbStore(path, c);
  }

  /**
   * Opens the store at {@code path} for reading only, for commands that only read: a store whose
   * file or folder cannot be written can still be read, and readers never write to the file. A
   * store that does not exist yet is created, and one made before tables or columns were added is
   * brought up to date, both through {@link #open}.
   */
  public static DuckDbStore openReadOnly(Path path) {
    requireNonNull(path, "path");
    if (!Files.exists(path)) {
      return open(path);
    }
    DuckDBConnection c = connect(path, true);
    boolean current;
    try {
      current = hasCurrentSchema(c);
    } catch (SQLException e) {
      closeQuietly(c, e);
      throw StoreFailures.of(path, "reading the store's tables", e, false);
    }
    if (current) {
      return new DuckDbStore(path, c);
    }
    closeQuietly(c, null);
    return open(path);
  }

  private static DuckDBConnection connect(Path path, boolean readOnly) {
    Properties properties = new Properties();
    if (readOnly) {
      properties.setProperty(DuckDBDriver.DUCKDB_READONLY_PROPERTY, "true");
    }
    try {
      return DriverManager.getConnection("jdbc:duckdb:" + path.toAbsolutePath(), properties)
          .unwrap(DuckDBConnection.class);
    } catch (SQLException e) {
      String m = String.valueOf(e.getMessage());
      String lower = m.toLowerCase(Locale.ROOT);
      if (lower.contains("lock")) {
        throw StoreFailures.locked(path, e);
      }
      if (StoreFailures.isReadOnly(lower)) {
        throw StoreFailures.readOnly(path, "opening the store", e);
      }
      if (lower.contains("no space left on device")) {
        throw StoreFailures.of(path, "opening the store", e, false);
      }
      throw new HarmattanException(
          ErrorCategory.UNAVAILABLE,
          ProblemCode.STORE_UNAVAILABLE,
          "cannot open the store " + path + ": " + firstLine(m),
          e);
    }
  }

  /**
   * Whether the store has every table and column this version creates: they are compared with those
   * of an empty in-memory store the same code makes.
   */
  private static boolean hasCurrentSchema(Connection c) throws SQLException {
    Set<String> expected;
    try (Connection empty = DriverManager.getConnection("jdbc:duckdb:")) {
      createSchema(empty);
      expected = columns(empty);
    }
    return columns(c).containsAll(expected);
  }

  private static Set<String> columns(Connection c) throws SQLException {
    Set<String> out = new HashSet<>();
    try (Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT table_name || '.' || column_name FROM information_schema.columns WHERE"
                    + " table_catalog = current_database() AND table_schema = 'main'")) {
      while (rs.next()) {
        out.add(rs.getString(1));
      }
    }
    return out;
  }

  private static void closeQuietly(Connection c, Exception failure) {
    try {
      c.close();
    } catch (SQLException e) {
      if (failure != null) {
        failure.addSuppressed(e);
      }
    }
  }

  public Path path() {
    return path;
  }

  @Override
  public ObservationSource observations() {
    return new DuckDbObservations(path, reader());
  }

  @Override
  public ObservationWriter humanitarian() {
    DuckDbObservations observations = new DuckDbObservations(path, connection);
    return new ObservationWriter() {
      @Override
      public List<AdminUnit> listAdminUnits() {
        try {
          return observations.listAdminUnits();
        } catch (SQLException e) {
          throw internal("reading the admin reference", e);
        }
      }

      @Override
      public ObservationWrite begin(FileRef file) {
        return observations.begin(file, true);
      }

      @Override
      public ObservationWrite placeAgain(FileRef file) {
        return observations.begin(file, false);
      }

      @Override
      public List<KeptTable> listKeptTables() {
        try {
          return observations.listKeptTables();
        } catch (SQLException e) {
          throw internal("listing the kept humanitarian tables", e);
        }
      }

      @Override
      public byte[] readKeptTable(String sha256) {
        try {
          return observations.readKeptTable(sha256);
        } catch (SQLException e) {
          throw internal("reading a kept humanitarian table", e);
        }
      }
    };
  }

  @Override
  public SeriesSource series() {
    return new DuckDbSeries(path, reader());
  }

  @Override
  public SeriesWriter seriesWriter() {
    DuckDbSeries series = new DuckDbSeries(path, connection);
    return series::begin;
  }

  @Override
  public EventWriter events() {
    return new DuckDbEventWriter(path, connection, this::reader);
  }

  @Override
  public Accounts accounts() {
    return new DuckDbAccounts(connection, reader());
  }

  @Override
  public AlertLog alerts() {
    return new DuckDbAlertLog(connection, reader());
  }

  @Override
  public AnalyticsEngine analytics() {
    return new DuckDbAnalytics(readConnection());
  }

  private static void createSchema(Connection connection) throws SQLException {
    try (Statement s = connection.createStatement()) {
      s.execute("CREATE TABLE IF NOT EXISTS events (" + EventTables.EVENT_COLUMNS + ")");
      s.execute(
          "CREATE TABLE IF NOT EXISTS events_history ("
              + EventTables.EVENT_COLUMNS
              + ", superseded_at TIMESTAMP NOT NULL, superseded_by_sha256 VARCHAR NOT NULL)");
      EventTables.addLaterColumns(s);
      DuckDbEventWriter.createSchema(s);
      s.execute(
          "CREATE TABLE IF NOT EXISTS quarantine (dataset VARCHAR NOT NULL, path VARCHAR NOT NULL,"
              + " file_sha256 VARCHAR NOT NULL, line_number BIGINT NOT NULL,"
              + " problem_codes VARCHAR[] NOT NULL, problem_columns VARCHAR[] NOT NULL,"
              + " problem_messages VARCHAR[] NOT NULL, message VARCHAR NOT NULL,"
              + " raw VARCHAR NOT NULL, quarantined_at TIMESTAMP NOT NULL)");
      s.execute(
          "CREATE TABLE IF NOT EXISTS ingest_files (path VARCHAR NOT NULL, sha256 VARCHAR NOT NULL,"
              + " format VARCHAR NOT NULL, rows_read BIGINT NOT NULL, inserted BIGINT NOT NULL,"
              + " updated BIGINT NOT NULL, unchanged BIGINT NOT NULL, merged BIGINT NOT NULL,"
              + " quarantined BIGINT NOT NULL, ingested_at TIMESTAMP NOT NULL)");
      DuckDbObservations.createSchema(s);
      DuckDbSeries.createSchema(s);
      DuckDbAccounts.createSchema(s);
      DuckDbAlertLog.createSchema(s);
    }
  }

  @Override
  public StoreStatus status() {
    try (Statement s = reader().createStatement()) {
      long events = single(s, "SELECT count(*) FROM events");
      Map<String, Long> bySource = grouped(s, "source");
      Map<String, Long> byCountry = grouped(s, "country_iso3");
      long quarantined = single(s, "SELECT count(*) FROM quarantine");
      long history = single(s, "SELECT count(*) FROM events_history");
      long files = single(s, "SELECT count(*) FROM ingest_files");
      long observations = single(s, "SELECT count(*) FROM observations");
      long adminUnits = single(s, "SELECT count(DISTINCT pcode) FROM admin_units");
      long seriesPoints = single(s, "SELECT count(*) FROM series_points");
      long withdrawn =
          single(
              s,
              "SELECT count(*) FROM (SELECT DISTINCT id FROM withdrawals) w ANTI JOIN events e ON"
                  + " e.id = w.id");
      return new StoreStatus(
          events,
          bySource,
          byCountry,
          quarantined,
          history,
          files,
          observations,
          adminUnits,
          seriesPoints,
          withdrawn);
    } catch (SQLException e) {
      throw internal("status", e);
    }
  }

  static long single(Statement s, String sql) throws SQLException {
    try (ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static Map<String, Long> grouped(Statement s, String column) throws SQLException {
    Map<String, Long> out = new TreeMap<>();
    try (ResultSet rs =
        s.executeQuery("SELECT " + column + ", count(*) FROM events GROUP BY 1 ORDER BY 1")) {
      while (rs.next()) {
        out.put(rs.getString(1), rs.getLong(2));
      }
    }
    return out;
  }

  @Override
  public List<RejectedRow> listQuarantine(int limit) {
    List<RejectedRow> out = new ArrayList<>();
    try (PreparedStatement p =
        reader()
            .prepareStatement(
                "SELECT dataset, path, file_sha256, line_number, problem_codes, problem_columns,"
                    + " problem_messages, raw FROM quarantine ORDER BY quarantined_at, path,"
                    + " line_number LIMIT ?")) {
      p.setInt(1, limit);
      try (ResultSet rs = p.executeQuery()) {
        while (rs.next()) {
          List<String> codes = Appending.stringList(rs.getArray(5));
          List<String> columns = Appending.stringList(rs.getArray(6));
          List<String> messages = Appending.stringList(rs.getArray(7));
          List<Problem> problems = new ArrayList<>();
          for (int i = 0; i < codes.size(); i++) {
            problems.add(new Problem(codes.get(i), columns.get(i), messages.get(i)));
          }
          out.add(
              new RejectedRow(
                  rs.getString(1),
                  rs.getString(2),
                  rs.getString(3),
                  rs.getLong(4),
                  problems,
                  rs.getString(8)));
        }
      }
    } catch (SQLException e) {
      throw internal("quarantine listing", e);
    }
    return out;
  }

  @Override
  public Optional<Event> findEvent(String id) {
    try (PreparedStatement p =
        reader()
            .prepareStatement(
                "SELECT " + EventTables.EVENT_COLUMN_NAMES + " FROM events WHERE id = ?")) {
      p.setString(1, id);
      try (ResultSet rs = p.executeQuery()) {
        return rs.next() ? Optional.of(EventTables.toEvent(rs)) : Optional.empty();
      }
    } catch (SQLException e) {
      throw internal("event lookup", e);
    }
  }

  @Override
  public long countHistory(String id) {
    try (PreparedStatement p =
        reader().prepareStatement("SELECT count(*) FROM events_history WHERE id = ?")) {
      p.setString(1, id);
      try (ResultSet rs = p.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    } catch (SQLException e) {
      throw internal("history lookup", e);
    }
  }

  private HarmattanException internal(String what, SQLException e) {
    return StoreFailures.of(path, what, e, false);
  }

  static String firstLine(String m) {
    if (m == null) {
      return "unknown error";
    }
    return Arrays.stream(m.split("\n")).findFirst().orElse(m);
  }

  /**
   * This thread's read connection, made on first use; making one closes those of threads that have
   * ended (a server's pool replaces idle threads).
   */
  private DuckDBConnection reader() {
    return readConnection().connection();
  }

  /** As {@link #reader()}, with the statements the connection keeps. */
  private ReadConnection readConnection() {
    Thread self = Thread.currentThread();
    synchronized (readers) {
      ReadConnection r = readers.get(self);
      if (r != null) {
        return r;
      }
      try {
        var ended = readers.entrySet().iterator();
        while (ended.hasNext()) {
          var e = ended.next();
          if (!e.getKey().isAlive()) {
            e.getValue().close();
            ended.remove();
          }
        }
        r = new ReadConnection(connection.duplicate());
      } catch (SQLException e) {
        throw internal("opening a read connection", e);
      }
      readers.put(self, r);
      return r;
    }
  }

  @Override
  public void close() {
    // Every connection is closed even when one fails (after a fatal write error DuckDB may refuse),
    // so that the database is released for the next open.
    SQLException first = null;
    synchronized (readers) {
      for (ReadConnection r : readers.values()) {
        try {
          r.close();
        } catch (SQLException e) {
          first = first == null ? e : first;
        }
      }
      readers.clear();
    }
    try {
      connection.close();
    } catch (SQLException e) {
      first = first == null ? e : first;
    }
    if (first != null) {
      throw internal("closing", first);
    }
  }
}
