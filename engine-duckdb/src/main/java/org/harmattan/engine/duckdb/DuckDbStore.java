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
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeMap;
import java.util.function.LongConsumer;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;
import org.harmattan.domain.error.ErrorCategory;
import org.harmattan.domain.error.HarmattanException;
import org.harmattan.domain.event.ActorRole;
import org.harmattan.domain.event.DatePrecision;
import org.harmattan.domain.event.Event;
import org.harmattan.domain.event.EventType;
import org.harmattan.domain.event.Fatalities;
import org.harmattan.domain.event.Provenance;
import org.harmattan.domain.event.SourceSystem;
import org.harmattan.domain.problem.Problem;
import org.harmattan.domain.problem.ProblemCode;
import org.harmattan.engine.query.AnalyticsEngine;
import org.harmattan.engine.query.ObservationSource;
import org.harmattan.engine.write.LineRange;
import org.harmattan.engine.write.RejectedRow;
import org.harmattan.ingest.EventFileReader;
import org.harmattan.ingest.IngestReport;
import org.harmattan.ingest.RawLines;
import org.harmattan.ingest.ReadSummary;
import org.harmattan.ingest.SourceFile;
import org.harmattan.ingest.SourceFormat;
import org.harmattan.ingest.row.RowContext;

/**
 * The embedded event store in one DuckDB file.
 *
 * <p>Tables: {@code events} (the current version of each event), {@code events_history} (superseded
 * versions: ACLED revises events and re-issues them with a later {@code timestamp}), {@code
 * quarantine} (rejected rows with their raw text and problems) and {@code ingest_files} (one line
 * per ingest). An ingest appends the file's rows to a staging table through the Appender, then
 * merges set-based in one transaction, so a failed ingest leaves the store as it was.
 */
public final class DuckDbStore implements AutoCloseable {

  private static final String EVENT_COLUMNS =
      "id VARCHAR NOT NULL, source VARCHAR NOT NULL, source_event_id VARCHAR NOT NULL,"
          + " event_date DATE NOT NULL, end_date DATE NOT NULL, date_precision VARCHAR NOT NULL,"
          + " event_type VARCHAR NOT NULL, sub_event_type VARCHAR, source_event_type VARCHAR,"
          + " source_sub_event_type VARCHAR, disorder_type VARCHAR,"
          + " actor1 VARCHAR, inter1 INTEGER, assoc_actor_1 VARCHAR[],"
          + " actor2 VARCHAR, inter2 INTEGER, assoc_actor_2 VARCHAR[], interaction INTEGER,"
          + " civilian_targeting BOOLEAN NOT NULL, country_iso3 VARCHAR NOT NULL,"
          + " admin1 VARCHAR, admin2 VARCHAR, admin3 VARCHAR, location VARCHAR,"
          + " latitude DOUBLE, longitude DOUBLE, geo_precision INTEGER,"
          + " fatalities_best INTEGER NOT NULL, fatalities_low INTEGER NOT NULL,"
          + " fatalities_high INTEGER NOT NULL, notes VARCHAR, source_names VARCHAR,"
          + " source_scale VARCHAR, tags VARCHAR[], machine_coded BOOLEAN NOT NULL,"
          + " dataset VARCHAR NOT NULL, file_sha256 VARCHAR NOT NULL, line_number BIGINT NOT NULL,"
          + " source_timestamp TIMESTAMP, ingested_at TIMESTAMP NOT NULL,"
          + " content_hash BIGINT NOT NULL";

  private static final String EVENT_COLUMN_NAMES =
      "id, source, source_event_id, event_date, end_date, date_precision, event_type,"
          + " sub_event_type, source_event_type, source_sub_event_type, disorder_type, actor1,"
          + " inter1, assoc_actor_1, actor2, inter2, assoc_actor_2, interaction,"
          + " civilian_targeting, country_iso3, admin1, admin2, admin3, location, latitude,"
          + " longitude, geo_precision, fatalities_best, fatalities_low, fatalities_high, notes,"
          + " source_names, source_scale, tags, machine_coded, dataset, file_sha256, line_number,"
          + " source_timestamp, ingested_at, content_hash";

  /** The event columns of the staging table, qualified: "s.id, s.source, …". */
  private static final String STAGED_EVENT_COLUMNS =
      String.join(
          ", ",
          java.util.Arrays.stream(EVENT_COLUMN_NAMES.split(",", -1))
              .map(c -> "s." + c.strip())
              .toList());

  private final Path path;
  private final DuckDBConnection connection;

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
    try {
      Connection c = DriverManager.getConnection("jdbc:duckdb:" + path.toAbsolutePath());
      DuckDbStore store = new DuckDbStore(path, c.unwrap(DuckDBConnection.class));
      store.createSchema();
      return store;
    } catch (SQLException e) {
      String m = String.valueOf(e.getMessage());
      if (m.contains("lock")) {
        throw new HarmattanException(
            ErrorCategory.UNAVAILABLE,
            ProblemCode.STORE_LOCKED,
            "the store "
                + path
                + " is in use by another process; wait for it to finish or use --store",
            e);
      }
      throw new HarmattanException(
          ErrorCategory.UNAVAILABLE,
          ProblemCode.STORE_UNAVAILABLE,
          "cannot open the store " + path + ": " + firstLine(m),
          e);
    }
  }

  public Path path() {
    return path;
  }

  /** The humanitarian observations of this store, for analytics. */
  public ObservationSource observations() {
    return new DuckDbObservations(connection);
  }

  /**
   * Reads a humanitarian file (CSV or XLSX: IOM DTM, Cadre Harmonisé, people in need, IDMC,
   * population, or the HDX P-code table as the admin reference) and stores its observations or
   * admin units in one transaction. Re-ingesting the same file changes nothing.
   *
   * @param year the year the file describes, for datasets that do not state it; else from its name
   */
  public HumanitarianIngestReport ingestHumanitarian(SourceFile file, OptionalInt year) {
    Instant now = Instant.now();
    try {
      connection.setAutoCommit(false);
      try {
        HumanitarianIngestReport report =
            new DuckDbObservations(connection).ingest(file, year, now);
        connection.commit();
        return report;
      } catch (RuntimeException | SQLException e) {
        connection.rollback();
        throw e;
      } finally {
        connection.setAutoCommit(true);
      }
    } catch (SQLException e) {
      throw new HarmattanException(
          ErrorCategory.INTERNAL,
          ProblemCode.STORE_FAILURE,
          "storing " + file.path() + " failed: " + firstLine(e.getMessage()),
          e);
    }
  }

  /** The analytics port on this store. */
  public AnalyticsEngine analytics() {
    return new DuckDbAnalytics(connection);
  }

  private void createSchema() throws SQLException {
    try (Statement s = connection.createStatement()) {
      s.execute("CREATE TABLE IF NOT EXISTS events (" + EVENT_COLUMNS + ")");
      s.execute(
          "CREATE TABLE IF NOT EXISTS events_history ("
              + EVENT_COLUMNS
              + ", superseded_at TIMESTAMP NOT NULL, superseded_by_sha256 VARCHAR NOT NULL)");
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
    }
  }

  /**
   * Reads {@code file} and merges it into the store in one transaction.
   *
   * @param forced the format the user named, or empty to detect it
   * @param progress receives bytes read so far
   */
  public IngestReport ingest(
      SourceFile file, Optional<SourceFormat> forced, LocalDate today, LongConsumer progress) {
    Instant now = Instant.now();
    RowContext context = new RowContext(file.dataset(), file.sha256(), now);
    try {
      connection.setAutoCommit(false);
      try {
        IngestReport report = ingestInTransaction(file, forced, today, progress, context, now);
        connection.commit();
        return report;
      } catch (RuntimeException | SQLException e) {
        connection.rollback();
        throw e;
      } finally {
        connection.setAutoCommit(true);
      }
    } catch (SQLException e) {
      throw new HarmattanException(
          ErrorCategory.INTERNAL,
          ProblemCode.STORE_FAILURE,
          "storing " + file.path() + " failed: " + firstLine(e.getMessage()),
          e);
    }
  }

  private IngestReport ingestInTransaction(
      SourceFile file,
      Optional<SourceFormat> forced,
      LocalDate today,
      LongConsumer progress,
      RowContext context,
      Instant now)
      throws SQLException {
    try (Statement s = connection.createStatement()) {
      s.execute(
          "CREATE OR REPLACE TEMP TABLE ingest_staging ("
              + EVENT_COLUMNS
              + ", line_last BIGINT NOT NULL, core_hash BIGINT NOT NULL)");
      s.execute(
          "CREATE OR REPLACE TEMP TABLE quarantine_staging AS SELECT * FROM quarantine LIMIT 0");
    }
    List<RejectedRow> rejected = new ArrayList<>();
    ReadSummary summary;
    // While appending, DuckDB gets one thread: the appender works on the calling thread anyway,
    // the reader needs the other core, and measured on 300,000 rows the appender's flushes took
    // half the time with threads = 1 (0.6 s against 1.1-1.6 s). The merge below gets them back.
    String threads = setting("threads");
    try (Statement s = connection.createStatement()) {
      s.execute("SET threads = 1");
    }
    try (DuckDBAppender staging = connection.createAppender("temp", "main", "ingest_staging")) {
      StagingTarget target = new StagingTarget(staging, rejected);
      summary =
          ReadAhead.run(
              (sink, bytes) -> new EventFileReader(today).read(file, forced, context, sink, bytes),
              StagedEvent::of,
              target,
              progress);
    } finally {
      try (Statement s = connection.createStatement()) {
        s.execute("SET threads = " + Integer.parseInt(threads));
      }
    }
    Duplicates dups = resolveDuplicates(file);
    rejected.addAll(dups.rejected);
    Map<String, Long> outcome = mergeStaged(file, now);
    appendQuarantine(rejected, now);
    try (PreparedStatement q =
        connection.prepareStatement(
            "INSERT INTO quarantine SELECT * FROM quarantine_staging qs WHERE NOT EXISTS (SELECT 1"
                + " FROM quarantine q WHERE q.file_sha256 = qs.file_sha256 AND q.line_number ="
                + " qs.line_number)")) {
      q.executeUpdate();
    }
    IngestReport report =
        new IngestReport(
            file.path().toString(),
            summary.format(),
            file.sha256(),
            summary.rowsRead(),
            outcome.getOrDefault("inserted", 0L),
            outcome.getOrDefault("updated", 0L),
            outcome.getOrDefault("unchanged", 0L),
            dups.merged,
            rejected.size(),
            summary.notes());
    try (PreparedStatement p =
        connection.prepareStatement(
            "INSERT INTO ingest_files VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      p.setString(1, report.path());
      p.setString(2, report.sha256());
      p.setString(3, report.format().id());
      p.setLong(4, report.rowsRead());
      p.setLong(5, report.inserted());
      p.setLong(6, report.updated());
      p.setLong(7, report.unchanged());
      p.setLong(8, report.merged());
      p.setLong(9, report.quarantined());
      p.setTimestamp(10, Timestamp.from(now));
      p.executeUpdate();
    }
    try (Statement s = connection.createStatement()) {
      s.execute("DROP TABLE ingest_staging");
      s.execute("DROP TABLE quarantine_staging");
    }
    return report;
  }

  /**
   * An accepted event with its hashes, computed on the reading thread (see {@link ReadAhead}) so
   * that the appending thread only appends.
   */
  private record StagedEvent(Event event, ActorColumns actors, long coreHash, long contentHash) {
    static StagedEvent of(Event event) {
      long core = EventHashes.core(event);
      ActorColumns actors = ActorColumns.of(event);
      return new StagedEvent(event, actors, core, actors.contentHash(core));
    }
  }

  private String setting(String name) throws SQLException {
    try (PreparedStatement p = connection.prepareStatement("SELECT current_setting(?)")) {
      p.setString(1, name);
      try (ResultSet rs = p.executeQuery()) {
        rs.next();
        return rs.getString(1);
      }
    }
  }

  /** Appends accepted events to the staging table; rejected rows are kept for the end. */
  private static final class StagingTarget implements ReadAhead.Target<StagedEvent> {
    private final DuckDBAppender appender;
    private final List<RejectedRow> rejected;

    StagingTarget(DuckDBAppender appender, List<RejectedRow> rejected) {
      this.appender = appender;
      this.rejected = rejected;
    }

    @Override
    public void accepted(StagedEvent staged, LineRange lines) throws SQLException {
      appender.beginRow();
      appendEvent(appender, staged.event(), staged.actors(), staged.contentHash());
      appender.append(lines.last());
      appender.append(staged.coreHash());
      appender.endRow();
    }

    @Override
    public void rejected(RejectedRow row) {
      rejected.add(row);
    }
  }

  private static void appendEvent(DuckDBAppender a, Event e, ActorColumns actors, long contentHash)
      throws SQLException {
    Provenance p = e.provenance();
    a.append(e.id());
    a.append(e.source().name());
    a.append(e.sourceEventId());
    a.append(e.date());
    a.append(e.endDate());
    a.append(e.datePrecision().name());
    a.append(e.eventType().label());
    appendText(a, e.subEventType());
    appendText(a, e.sourceEventType());
    appendText(a, e.sourceSubEventType());
    appendText(a, e.disorderType());
    appendText(a, actors.actor1());
    appendInt(a, actors.inter1());
    a.append(actors.assoc1());
    appendText(a, actors.actor2());
    appendInt(a, actors.inter2());
    a.append(actors.assoc2());
    appendInt(a, actors.interaction());
    a.append(e.civilianTargeting());
    a.append(e.countryIso3());
    appendText(a, e.admin1());
    appendText(a, e.admin2());
    appendText(a, e.admin3());
    appendText(a, e.location());
    appendDouble(a, e.latitude());
    appendDouble(a, e.longitude());
    appendInt(a, e.geoPrecision());
    a.append(e.fatalities().best());
    a.append(e.fatalities().low());
    a.append(e.fatalities().high());
    appendText(a, e.notes());
    appendText(a, e.sourceNames());
    appendText(a, e.sourceScale());
    a.append(e.tags());
    a.append(e.machineCoded());
    a.append(p.dataset());
    a.append(p.fileSha256());
    a.append(p.lineNumber());
    appendInstant(a, p.sourceTimestamp());
    appendInstant(a, p.ingestedAt());
    a.append(contentHash);
  }

  private static void appendText(DuckDBAppender a, String v) throws SQLException {
    if (v == null) {
      a.appendNull();
    } else {
      a.append(v);
    }
  }

  private static void appendInt(DuckDBAppender a, Integer v) throws SQLException {
    if (v == null) {
      a.appendNull();
    } else {
      a.append(v.intValue());
    }
  }

  private static void appendDouble(DuckDBAppender a, Double v) throws SQLException {
    if (v == null) {
      a.appendNull();
    } else {
      a.append(v.doubleValue());
    }
  }

  private static void appendInstant(DuckDBAppender a, Instant v) throws SQLException {
    if (v == null) {
      a.appendNull();
    } else {
      // The microseconds a LocalDateTime in UTC would give, without making one for every row.
      a.appendEpochMicros(Instant.EPOCH.until(v, ChronoUnit.MICROS));
    }
  }

  /** The outcome of folding repeated event ids within one file. */
  private record Duplicates(long merged, List<RejectedRow> rejected) {}

  /**
   * Rows of one file that share an event id: rows that differ only in actors are one event of a
   * monadic export and merge; rows that differ otherwise conflict, and all but the latest version
   * (by source timestamp, then line) go to quarantine.
   */
  private Duplicates resolveDuplicates(SourceFile file) throws SQLException {
    Map<String, List<StagedRow>> groups = new LinkedHashMap<>();
    try (Statement s = connection.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT id, line_number, line_last, core_hash, source_timestamp, actor1, inter1,"
                    + " assoc_actor_1, actor2, inter2, assoc_actor_2, interaction, source_event_id"
                    + " FROM ingest_staging WHERE id IN (SELECT id FROM ingest_staging GROUP BY id"
                    + " HAVING count(*) > 1) ORDER BY id, line_number")) {
      while (rs.next()) {
        StagedRow row =
            new StagedRow(
                rs.getString(1),
                rs.getLong(2),
                rs.getLong(3),
                rs.getLong(4),
                rs.getTimestamp(5),
                new ActorColumns(
                    rs.getString(6),
                    (Integer) rs.getObject(7),
                    stringList(rs.getArray(8)),
                    rs.getString(9),
                    (Integer) rs.getObject(10),
                    stringList(rs.getArray(11)),
                    (Integer) rs.getObject(12)),
                rs.getString(13));
        groups.computeIfAbsent(row.id, k -> new ArrayList<>()).add(row);
      }
    }
    if (groups.isEmpty()) {
      return new Duplicates(0, List.of());
    }
    long merged = 0;
    List<StagedRow> conflicts = new ArrayList<>();
    Map<StagedRow, StagedRow> conflictKeeper = new HashMap<>();
    try (Statement s = connection.createStatement()) {
      s.execute(
          "CREATE OR REPLACE TEMP TABLE dup_keep (id VARCHAR, keep_line BIGINT, actor1 VARCHAR,"
              + " inter1 INTEGER, assoc_actor_1 VARCHAR[], actor2 VARCHAR, inter2 INTEGER,"
              + " assoc_actor_2 VARCHAR[], content_hash BIGINT)");
    }
    try (DuckDBAppender keep = connection.createAppender("temp", "main", "dup_keep")) {
      for (List<StagedRow> group : groups.values()) {
        StagedRow keeper = group.get(0);
        boolean sameCore = group.stream().allMatch(r -> r.coreHash == keeper.coreHash);
        ActorColumns actors = keeper.actors;
        StagedRow kept = keeper;
        if (sameCore) {
          for (int i = 1; i < group.size(); i++) {
            actors = actors.mergedWith(group.get(i).actors);
          }
          merged += group.size() - 1;
        } else {
          for (StagedRow r : group) {
            if (later(r, kept)) {
              kept = r;
            }
          }
          actors = kept.actors;
          for (StagedRow r : group) {
            if (!r.equals(kept)) {
              conflicts.add(r);
              conflictKeeper.put(r, kept);
            }
          }
        }
        keep.beginRow();
        keep.append(kept.id);
        keep.append(kept.line);
        appendText(keep, actors.actor1());
        appendInt(keep, actors.inter1());
        keep.append(actors.assoc1());
        appendText(keep, actors.actor2());
        appendInt(keep, actors.inter2());
        keep.append(actors.assoc2());
        keep.append(actors.contentHash(kept.coreHash));
        keep.endRow();
      }
    }
    try (Statement s = connection.createStatement()) {
      s.execute(
          "UPDATE ingest_staging AS s SET actor1 = d.actor1, inter1 = d.inter1, assoc_actor_1 ="
              + " d.assoc_actor_1, actor2 = d.actor2, inter2 = d.inter2, assoc_actor_2 ="
              + " d.assoc_actor_2, content_hash = d.content_hash FROM dup_keep d WHERE s.id = d.id"
              + " AND s.line_number = d.keep_line");
      s.execute(
          "DELETE FROM ingest_staging AS s USING dup_keep d WHERE s.id = d.id AND s.line_number"
              + " <> d.keep_line");
      s.execute("DROP TABLE dup_keep");
    }
    List<LineRange> ranges = new ArrayList<>();
    for (StagedRow r : conflicts) {
      ranges.add(new LineRange(r.line, r.lineLast));
    }
    Map<Long, String> raw = RawLines.read(file, ranges);
    List<RejectedRow> rejected = new ArrayList<>();
    for (StagedRow r : conflicts) {
      StagedRow kept = conflictKeeper.get(r);
      rejected.add(
          new RejectedRow(
              file.dataset(),
              file.path().toString(),
              file.sha256(),
              r.line,
              List.of(
                  new Problem(
                      ProblemCode.DUPLICATE_EVENT_ID,
                      "event_id",
                      "event "
                          + r.sourceEventId
                          + " also appears on line "
                          + kept.line
                          + " with other values, and that row was kept (expected one row per"
                          + " event, or rows that differ only in their actors as in a monadic"
                          + " export)")),
              raw.getOrDefault(r.line, "")));
    }
    return new Duplicates(merged, rejected);
  }

  private static boolean later(StagedRow a, StagedRow b) {
    if (a.timestamp != null && b.timestamp != null && !a.timestamp.equals(b.timestamp)) {
      return a.timestamp.after(b.timestamp);
    }
    return false;
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

  /** One staged row of a repeated event id. */
  private record StagedRow(
      String id,
      long line,
      long lineLast,
      long coreHash,
      Timestamp timestamp,
      ActorColumns actors,
      String sourceEventId) {}

  /**
   * Merges the staged events: new ids are inserted; a known id is replaced when the staged version
   * is newer (a later source timestamp or, for sources without one, different content), its old
   * version going to history; otherwise it is unchanged.
   */
  private Map<String, Long> mergeStaged(SourceFile file, Instant now) throws SQLException {
    Map<String, Long> counts = new HashMap<>();
    try (Statement s = connection.createStatement()) {
      // A first load (or a file of only new events) needs no outcome table: every staged event is
      // inserted, and one INSERT ... SELECT is about half the work of the general merge below.
      if (single(s, "SELECT count(*) FROM ingest_staging s SEMI JOIN events e ON e.id = s.id")
          == 0) {
        counts.put(
            "inserted",
            (long)
                s.executeUpdate(
                    "INSERT INTO events SELECT " + EVENT_COLUMN_NAMES + " FROM ingest_staging"));
        return counts;
      }
      s.execute(
          "CREATE OR REPLACE TEMP TABLE ingest_outcome AS SELECT s.id, CASE WHEN e.id IS NULL THEN"
              + " 'inserted' WHEN s.source_timestamp IS NOT NULL AND e.source_timestamp IS NOT"
              + " NULL THEN CASE WHEN s.source_timestamp > e.source_timestamp THEN 'updated' ELSE"
              + " 'unchanged' END WHEN s.content_hash <> e.content_hash THEN 'updated' ELSE"
              + " 'unchanged' END AS outcome FROM ingest_staging s LEFT JOIN events e ON e.id ="
              + " s.id");
      try (ResultSet rs =
          s.executeQuery("SELECT outcome, count(*) FROM ingest_outcome GROUP BY outcome")) {
        while (rs.next()) {
          counts.put(rs.getString(1), rs.getLong(2));
        }
      }
    }
    if (counts.getOrDefault("updated", 0L) > 0) {
      try (PreparedStatement p =
          connection.prepareStatement(
              "INSERT INTO events_history SELECT e.*, ?, ? FROM events e JOIN ingest_outcome o ON"
                  + " o.id = e.id AND o.outcome = 'updated'")) {
        p.setTimestamp(1, Timestamp.from(now));
        p.setString(2, file.sha256());
        p.executeUpdate();
      }
      try (Statement s = connection.createStatement()) {
        s.execute(
            "DELETE FROM events WHERE id IN (SELECT id FROM ingest_outcome WHERE outcome ="
                + " 'updated')");
      }
    }
    try (Statement s = connection.createStatement()) {
      s.execute(
          "INSERT INTO events SELECT "
              + STAGED_EVENT_COLUMNS
              + " FROM ingest_staging s JOIN ingest_outcome o ON o.id = s.id AND o.outcome IN"
              + " ('inserted', 'updated')");
      s.execute("DROP TABLE ingest_outcome");
    }
    return counts;
  }

  private void appendQuarantine(List<RejectedRow> rows, Instant now) throws SQLException {
    try (DuckDBAppender a = connection.createAppender("temp", "main", "quarantine_staging")) {
      for (RejectedRow r : rows) {
        List<String> codes = new ArrayList<>();
        List<String> columns = new ArrayList<>();
        List<String> messages = new ArrayList<>();
        for (Problem p : r.problems()) {
          codes.add(p.code());
          columns.add(p.column());
          messages.add(p.message());
        }
        a.beginRow();
        a.append(r.dataset());
        a.append(r.path());
        a.append(r.fileSha256());
        a.append(r.lineNumber());
        a.append(codes);
        a.append(columns);
        a.append(messages);
        a.append(r.message());
        a.append(r.raw());
        a.append(LocalDateTime.ofInstant(now, ZoneOffset.UTC));
        a.endRow();
      }
    }
  }

  /** Counts of what the store holds. */
  public StoreStatus status() {
    try (Statement s = connection.createStatement()) {
      long events = single(s, "SELECT count(*) FROM events");
      Map<String, Long> bySource = grouped(s, "source");
      Map<String, Long> byCountry = grouped(s, "country_iso3");
      long quarantined = single(s, "SELECT count(*) FROM quarantine");
      long history = single(s, "SELECT count(*) FROM events_history");
      long files = single(s, "SELECT count(*) FROM ingest_files");
      long observations = single(s, "SELECT count(*) FROM observations");
      long adminUnits = single(s, "SELECT count(*) FROM admin_units");
      return new StoreStatus(
          events, bySource, byCountry, quarantined, history, files, observations, adminUnits);
    } catch (SQLException e) {
      throw internal("status", e);
    }
  }

  private static long single(Statement s, String sql) throws SQLException {
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

  /** Quarantined rows, oldest file first, then by line; at most {@code limit}. */
  public List<RejectedRow> listQuarantine(int limit) {
    List<RejectedRow> out = new ArrayList<>();
    try (PreparedStatement p =
        connection.prepareStatement(
            "SELECT dataset, path, file_sha256, line_number, problem_codes, problem_columns,"
                + " problem_messages, raw FROM quarantine ORDER BY quarantined_at, path,"
                + " line_number LIMIT ?")) {
      p.setInt(1, limit);
      try (ResultSet rs = p.executeQuery()) {
        while (rs.next()) {
          List<String> codes = stringList(rs.getArray(5));
          List<String> columns = stringList(rs.getArray(6));
          List<String> messages = stringList(rs.getArray(7));
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

  /** The current version of an event, if the store has it. */
  public Optional<Event> findEvent(String id) {
    try (PreparedStatement p =
        connection.prepareStatement("SELECT " + EVENT_COLUMN_NAMES + " FROM events WHERE id = ?")) {
      p.setString(1, id);
      try (ResultSet rs = p.executeQuery()) {
        return rs.next() ? Optional.of(toEvent(rs)) : Optional.empty();
      }
    } catch (SQLException e) {
      throw internal("event lookup", e);
    }
  }

  /** How many superseded versions of an event the history holds. */
  public long countHistory(String id) {
    try (PreparedStatement p =
        connection.prepareStatement("SELECT count(*) FROM events_history WHERE id = ?")) {
      p.setString(1, id);
      try (ResultSet rs = p.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    } catch (SQLException e) {
      throw internal("history lookup", e);
    }
  }

  private static Event toEvent(ResultSet rs) throws SQLException {
    Event.Builder b =
        Event.builder(SourceSystem.valueOf(rs.getString("source")), rs.getString("source_event_id"))
            .date(rs.getObject("event_date", LocalDate.class))
            .endDate(rs.getObject("end_date", LocalDate.class))
            .datePrecision(DatePrecision.valueOf(rs.getString("date_precision")))
            .eventType(
                EventType.findByLabel(rs.getString("event_type"))
                    .orElseThrow(() -> new SQLException("unknown event type in store")))
            .subEventType(rs.getString("sub_event_type"))
            .sourceEventType(rs.getString("source_event_type"))
            .sourceSubEventType(rs.getString("source_sub_event_type"))
            .disorderType(rs.getString("disorder_type"))
            .interaction((Integer) rs.getObject("interaction"))
            .civilianTargeting(rs.getBoolean("civilian_targeting"))
            .countryIso3(rs.getString("country_iso3"))
            .admin1(rs.getString("admin1"))
            .admin2(rs.getString("admin2"))
            .admin3(rs.getString("admin3"))
            .location(rs.getString("location"))
            .point((Double) rs.getObject("latitude"), (Double) rs.getObject("longitude"))
            .geoPrecision((Integer) rs.getObject("geo_precision"))
            .fatalities(
                new Fatalities(
                    rs.getInt("fatalities_best"),
                    rs.getInt("fatalities_low"),
                    rs.getInt("fatalities_high")))
            .notes(rs.getString("notes"))
            .sourceNames(rs.getString("source_names"))
            .sourceScale(rs.getString("source_scale"))
            .tags(stringList(rs.getArray("tags")));
    String actor1 = rs.getString("actor1");
    if (actor1 != null) {
      b.actor(ActorRole.ACTOR_1, actor1, (Integer) rs.getObject("inter1"));
    }
    for (String a : stringList(rs.getArray("assoc_actor_1"))) {
      b.actor(ActorRole.ASSOCIATED_1, a, null);
    }
    String actor2 = rs.getString("actor2");
    if (actor2 != null) {
      b.actor(ActorRole.ACTOR_2, actor2, (Integer) rs.getObject("inter2"));
    }
    for (String a : stringList(rs.getArray("assoc_actor_2"))) {
      b.actor(ActorRole.ASSOCIATED_2, a, null);
    }
    Timestamp ts = rs.getTimestamp("source_timestamp");
    b.provenance(
        new Provenance(
            rs.getString("dataset"),
            rs.getString("file_sha256"),
            rs.getLong("line_number"),
            ts == null ? null : toInstant(rs.getObject("source_timestamp", LocalDateTime.class)),
            toInstant(rs.getObject("ingested_at", LocalDateTime.class))));
    return b.build();
  }

  private static Instant toInstant(LocalDateTime t) {
    return t.toInstant(ZoneOffset.UTC);
  }

  private HarmattanException internal(String what, SQLException e) {
    return new HarmattanException(
        ErrorCategory.INTERNAL,
        ProblemCode.STORE_FAILURE,
        what + " failed on " + path + ": " + firstLine(e.getMessage()),
        e);
  }

  private static String firstLine(String m) {
    if (m == null) {
      return "unknown error";
    }
    return Arrays.stream(m.split("\n")).findFirst().orElse(m);
  }

  @Override
  public void close() {
    try {
      connection.close();
    } catch (SQLException e) {
      throw internal("closing", e);
    }
  }
}
