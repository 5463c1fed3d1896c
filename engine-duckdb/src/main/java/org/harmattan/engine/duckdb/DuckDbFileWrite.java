package org.harmattan.engine.duckdb;

import static org.harmattan.engine.duckdb.Appending.decimal;
import static org.harmattan.engine.duckdb.Appending.instant;
import static org.harmattan.engine.duckdb.Appending.integer;
import static org.harmattan.engine.duckdb.Appending.stringList;
import static org.harmattan.engine.duckdb.Appending.text;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;
import org.harmattan.domain.error.HarmattanException;
import org.harmattan.domain.event.Event;
import org.harmattan.domain.event.Provenance;
import org.harmattan.engine.duckdb.StagingCodes.Column;
import org.harmattan.engine.write.ActorColumns;
import org.harmattan.engine.write.FileRef;
import org.harmattan.engine.write.FileWrite;
import org.harmattan.engine.write.LineRange;
import org.harmattan.engine.write.RawText;
import org.harmattan.engine.write.RejectedRow;
import org.harmattan.engine.write.Revisions;
import org.harmattan.engine.write.StagedEvent;
import org.harmattan.engine.write.WriteOutcome;

/**
 * One file's events written to the DuckDB store: appended to a staging table through DuckDB's
 * Appender, then merged set-based in SQL in the same transaction, so that a failed or abandoned
 * write leaves the store as it was. Repeated ids are resolved by {@link Revisions#resolveRepeats};
 * the SQL of the merge is {@link Revisions#replaces} row by row, and {@link Revisions#reinstates}
 * for the rows of events withdrawn (the {@code withdrawals} table).
 */
final class DuckDbFileWrite implements FileWrite {
  private final Path store;
  private final DuckDBConnection connection;
  private final FileRef file;
  private final Instant now;
  private final String threads;
  private long rejected;
  private DuckDBAppender staging;
  private StagingCodes codes;
  private DuckDBAppender quarantineStaging;
  private boolean open = true;

  /** Whether the staged rows are a table yet ({@link #materialize}), not a view. */
  private boolean materialized;

  private DuckDbFileWrite(
      Path store, DuckDBConnection connection, FileRef file, Instant now, String threads) {
    this.store = store;
    this.connection = connection;
    this.file = file;
    this.now = now;
    this.threads = threads;
  }

  /**
   * Opens the transaction and the staging tables.
   *
   * @param store the store's file, for messages
   */
  static DuckDbFileWrite begin(Path store, DuckDBConnection connection, FileRef file)
      throws SQLException {
    String threads = setting(connection, "threads");
    connection.setAutoCommit(false);
    DuckDbFileWrite w = new DuckDbFileWrite(store, connection, file, Instant.now(), threads);
    try (Statement s = connection.createStatement()) {
      // Most text columns are appended as codes (StagingCodes), the list columns among them as
      // JSON text; the staging view makes them text and lists again at the commit (stage).
      s.execute("CREATE OR REPLACE TEMP TABLE ingest_appended (" + APPENDED_COLUMNS + ")");
      s.execute("CREATE OR REPLACE TEMP TABLE ingest_codes (" + StagingCodes.TABLE_COLUMNS + ")");
      s.execute(
          "CREATE OR REPLACE TEMP TABLE quarantine_staging AS SELECT * FROM quarantine LIMIT 0");
      // While appending, DuckDB gets one thread: the appender works on the calling thread anyway,
      // the reader needs the other core, and measured on 300,000 rows the appender's flushes took
      // half the time with threads = 1 (0.6 s against 1.1-1.6 s). The merge gets them back.
      s.execute("SET threads = 1");
      w.codes = StagingCodes.into(connection.createAppender("temp", "main", "ingest_codes"));
      w.staging = connection.createAppender("temp", "main", "ingest_appended");
      // Rejected rows are staged as they come, as accepted ones are: a file whose every row is
      // bad must not be held in memory until the commit.
      w.quarantineStaging = connection.createAppender("temp", "main", "quarantine_staging");
    } catch (SQLException | RuntimeException e) {
      w.close();
      throw e;
    }
    return w;
  }

  @Override
  public void accepted(StagedEvent staged, LineRange lines) {
    try {
      staging.beginRow();
      appendEvent(staged.event(), staged.actors(), staged.contentHash());
      staging.append(lines.last());
      staging.append(staged.coreHash());
      staging.endRow();
    } catch (SQLException e) {
      throw failure(e);
    }
  }

  @Override
  public void rejected(RejectedRow row) {
    try {
      stageRejected(row);
    } catch (SQLException e) {
      throw failure(e);
    }
  }

  @Override
  public WriteOutcome commit(String format, long rowsRead, RawText raw) {
    try {
      staging.close();
      codes.close();
      restoreThreads();
      stage();
      Repeats repeats = resolveRepeats(raw);
      for (RejectedRow conflict : repeats.conflicts()) {
        stageRejected(conflict);
      }
      quarantineStaging.close();
      Map<String, Long> outcome = mergeStaged();
      appendQuarantine();
      WriteOutcome result =
          new WriteOutcome(
              outcome.getOrDefault("inserted", 0L),
              outcome.getOrDefault("updated", 0L),
              outcome.getOrDefault("unchanged", 0L),
              repeats.merged(),
              rejected);
      logFile(format, rowsRead, result);
      try (Statement s = connection.createStatement()) {
        s.execute(materialized ? "DROP TABLE ingest_staging" : "DROP VIEW ingest_staging");
        s.execute("DROP TABLE ingest_appended");
        s.execute("DROP TABLE ingest_codes");
        s.execute("DROP TABLE quarantine_staging");
      }
      connection.commit();
      connection.setAutoCommit(true);
      open = false;
      return result;
    } catch (SQLException e) {
      throw failure(e);
    }
  }

  @Override
  public void close() {
    if (!open) {
      return;
    }
    open = false;
    try {
      if (staging != null) {
        staging.close();
      }
      if (codes != null) {
        codes.close();
      }
      if (quarantineStaging != null) {
        quarantineStaging.close();
      }
    } catch (SQLException | RuntimeException e) {
      // The rollback below discards what the appender held.
    }
    // Each step on its own: after a failed commit (a full disk) DuckDB has no transaction left to
    // roll back, and the connection must still get its threads and auto-commit back.
    SQLException first = null;
    try {
      connection.rollback();
    } catch (SQLException e) {
      first = e;
    }
    try {
      restoreThreads();
    } catch (SQLException e) {
      first = first == null ? e : first;
    }
    try {
      connection.setAutoCommit(true);
    } catch (SQLException e) {
      first = first == null ? e : first;
    }
    if (first != null) {
      throw failure(first);
    }
  }

  private void restoreThreads() throws SQLException {
    try (Statement s = connection.createStatement()) {
      s.execute("SET threads = " + Integer.parseInt(threads));
    }
  }

  private HarmattanException failure(SQLException e) {
    return StoreFailures.of(store, "storing " + file.path(), e, true);
  }

  private static String setting(DuckDBConnection c, String name) throws SQLException {
    try (PreparedStatement p = c.prepareStatement("SELECT current_setting(?)")) {
      p.setString(1, name);
      try (ResultSet rs = p.executeQuery()) {
        rs.next();
        return rs.getString(1);
      }
    }
  }

  private void appendEvent(Event e, ActorColumns actors, long contentHash) throws SQLException {
    DuckDBAppender a = staging;
    Provenance p = e.provenance();
    // The id is not appended: it is the source's and the source id's (DERIVED).
    codes.append(a, Column.SOURCE, e.source().name());
    a.append(e.sourceEventId());
    a.append(e.date());
    a.append(e.endDate());
    codes.append(a, Column.DATE_PRECISION, e.datePrecision().name());
    codes.append(a, Column.EVENT_TYPE, e.eventType().label());
    codes.append(a, Column.SUB_EVENT_TYPE, e.subEventType());
    codes.append(a, Column.SOURCE_EVENT_TYPE, e.sourceEventType());
    codes.append(a, Column.SOURCE_SUB_EVENT_TYPE, e.sourceSubEventType());
    codes.append(a, Column.DISORDER_TYPE, e.disorderType());
    codes.append(a, Column.ACTOR1, actors.actor1());
    integer(a, actors.inter1());
    codes.append(a, Column.ASSOC_ACTOR_1, Appending.jsonList(actors.assoc1()));
    codes.append(a, Column.ACTOR2, actors.actor2());
    integer(a, actors.inter2());
    codes.append(a, Column.ASSOC_ACTOR_2, Appending.jsonList(actors.assoc2()));
    integer(a, actors.interaction());
    a.append(e.civilianTargeting());
    codes.append(a, Column.COUNTRY_ISO3, e.countryIso3());
    codes.append(a, Column.ADMIN1, e.admin1());
    codes.append(a, Column.ADMIN2, e.admin2());
    codes.append(a, Column.ADMIN3, e.admin3());
    codes.append(a, Column.LOCATION, e.location());
    decimal(a, e.latitude());
    decimal(a, e.longitude());
    integer(a, e.geoPrecision());
    a.append(e.fatalities().best());
    a.append(e.fatalities().low());
    a.append(e.fatalities().high());
    text(a, e.notes());
    codes.append(a, Column.SOURCE_NAMES, e.sourceNames());
    codes.append(a, Column.SOURCE_SCALE, e.sourceScale());
    codes.append(a, Column.TAGS, Appending.jsonList(e.tags()));
    a.append(e.machineCoded());
    codes.append(a, Column.DATASET, p.dataset());
    codes.append(a, Column.FILE_SHA256, p.fileSha256());
    a.append(p.lineNumber());
    instant(a, p.sourceTimestamp());
    instant(a, p.ingestedAt());
    a.append(contentHash);
    codes.append(a, Column.FLAGS, Appending.jsonList(EventTables.flagCodes(e)));
  }

  /**
   * The staged columns made in SQL from the appended ones rather than appended: an event's id is
   * its source's name and its source id ({@link Event#idFor}, which every event is held to), and a
   * string appended costs the appender several times an integer (StagingCodes).
   */
  private static final Map<String, String> DERIVED =
      Map.of("id", "lower(list_extract(d.source, a.source + 1)) || ':' || a.source_event_id");

  /** The list columns, appended as JSON text ({@link Appending#jsonList}). */
  private static final List<String> LIST_COLUMNS =
      List.of("assoc_actor_1", "assoc_actor_2", "tags", "flags");

  /** The columns of the staged events and what the merge needs of them, names only. */
  private static final List<String> STAGED_NAMES = stagedNames();

  /**
   * The appended columns: the staged ones but the {@link #DERIVED}, the coded ones as integers
   * ({@link StagingCodes}).
   */
  private static final String APPENDED_COLUMNS = appendedColumns();

  private static List<String> stagedNames() {
    List<String> names = new ArrayList<>(EventTables.EVENT_COLUMN_LIST);
    names.add("line_last");
    names.add("core_hash");
    return List.copyOf(names);
  }

  private static String appendedColumns() {
    List<String> out = new ArrayList<>();
    for (String c :
        (EventTables.EVENT_COLUMNS + ", line_last BIGINT NOT NULL, core_hash BIGINT NOT NULL")
            .split(",", -1)) {
      String column = c.strip();
      String name = column.substring(0, column.indexOf(' '));
      if (DERIVED.containsKey(name)) {
        continue;
      }
      out.add(StagingCodes.Column.find(name).isPresent() ? name + " INTEGER" : column);
    }
    return String.join(", ", out);
  }

  /**
   * Makes the appended rows the staging view: the coded columns' texts back in place, the list
   * columns lists again. A first load reads it once, into the events; what updates or deletes
   * staged rows, or reads them several times, makes it a table first ({@link #materialize}).
   */
  private void stage() throws SQLException {
    try (Statement s = connection.createStatement()) {
      s.execute(
          "CREATE OR REPLACE TEMP VIEW ingest_staging AS SELECT "
              + StagingCodes.decoded(STAGED_NAMES, DERIVED)
              + " FROM ingest_appended a, "
              + StagingCodes.texts(LIST_COLUMNS)
              + " d");
    }
  }

  /** Makes the staging view a table of the same name and rows, in their order; once. */
  private void materialize() throws SQLException {
    if (materialized) {
      return;
    }
    try (Statement s = connection.createStatement()) {
      s.execute("CREATE OR REPLACE TEMP TABLE ingest_staged AS SELECT * FROM ingest_staging");
      s.execute("DROP VIEW ingest_staging");
      s.execute("ALTER TABLE ingest_staged RENAME TO ingest_staging");
    }
    materialized = true;
  }

  /** The outcome of resolving the file's repeated event ids. */
  private record Repeats(long merged, List<RejectedRow> conflicts) {}

  /** A repeated row as staged: the rules' view plus what the quarantine message names. */
  private record StagedRepeat(String id, String sourceEventId, Revisions.Repeat repeat) {}

  /**
   * Rows of one file that share an event id, resolved by {@link Revisions#resolveRepeats}: the kept
   * row gets the resolved actors, the others leave staging, conflicts go to the quarantine.
   */
  private Repeats resolveRepeats(RawText raw) throws SQLException {
    Map<String, List<StagedRepeat>> groups = new LinkedHashMap<>();
    // The rows whose source id repeats, found among the appended rows (the id is made of the source
    // and the source id, DERIVED, and grouping by it would make it for every row); a source id
    // repeated under two sources is two ids, whose groups of one are dropped below.
    try (Statement s = connection.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT id, line_number, line_last, core_hash, source_timestamp, actor1, inter1,"
                    + " assoc_actor_1, actor2, inter2, assoc_actor_2, interaction, source_event_id"
                    + " FROM ingest_staging WHERE source_event_id IN (SELECT source_event_id FROM"
                    + " ingest_appended GROUP BY source_event_id HAVING count(*) > 1) ORDER BY id,"
                    + " line_number")) {
      while (rs.next()) {
        LocalDateTime ts = rs.getObject(5, LocalDateTime.class);
        Revisions.Repeat repeat =
            new Revisions.Repeat(
                new LineRange(rs.getLong(2), rs.getLong(3)),
                rs.getLong(4),
                ts == null ? null : ts.toInstant(ZoneOffset.UTC),
                new ActorColumns(
                    rs.getString(6),
                    (Integer) rs.getObject(7),
                    stringList(rs.getArray(8)),
                    rs.getString(9),
                    (Integer) rs.getObject(10),
                    stringList(rs.getArray(11)),
                    (Integer) rs.getObject(12)));
        groups
            .computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
            .add(new StagedRepeat(rs.getString(1), rs.getString(13), repeat));
      }
    }
    groups.values().removeIf(g -> g.size() < 2);
    if (groups.isEmpty()) {
      return new Repeats(0, List.of());
    }
    long merged = 0;
    Map<StagedRepeat, Long> conflicts = new LinkedHashMap<>();
    try (Statement s = connection.createStatement()) {
      s.execute(
          "CREATE OR REPLACE TEMP TABLE dup_keep (id VARCHAR, keep_line BIGINT, actor1 VARCHAR,"
              + " inter1 INTEGER, assoc_actor_1 VARCHAR[], actor2 VARCHAR, inter2 INTEGER,"
              + " assoc_actor_2 VARCHAR[], content_hash BIGINT)");
    }
    try (DuckDBAppender keep = connection.createAppender("temp", "main", "dup_keep")) {
      for (List<StagedRepeat> group : groups.values()) {
        Revisions.Resolution r =
            Revisions.resolveRepeats(group.stream().map(StagedRepeat::repeat).toList());
        merged += r.merged();
        long keptLine = r.kept().lines().first();
        for (StagedRepeat row : group) {
          if (r.conflicts().contains(row.repeat())) {
            conflicts.put(row, keptLine);
          }
        }
        ActorColumns actors = r.actors();
        keep.beginRow();
        keep.append(group.get(0).id());
        keep.append(keptLine);
        text(keep, actors.actor1());
        integer(keep, actors.inter1());
        keep.append(actors.assoc1());
        text(keep, actors.actor2());
        integer(keep, actors.inter2());
        keep.append(actors.assoc2());
        keep.append(r.contentHash());
        keep.endRow();
      }
    }
    materialize();
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
    Map<Long, String> text =
        raw.lines(conflicts.keySet().stream().map(c -> c.repeat().lines()).toList());
    List<RejectedRow> out = new ArrayList<>();
    for (Map.Entry<StagedRepeat, Long> c : conflicts.entrySet()) {
      long line = c.getKey().repeat().lines().first();
      out.add(
          new RejectedRow(
              file.dataset(),
              file.path(),
              file.sha256(),
              line,
              List.of(Revisions.conflict(c.getKey().sourceEventId(), c.getValue())),
              text.getOrDefault(line, "")));
    }
    return new Repeats(merged, out);
  }

  /**
   * The order a file's events are stored in: by country, then date. A country's window is what
   * nearly every query asks for, and DuckDB skips the row groups whose country and date ranges miss
   * it; events stored in the file's order (often by date across countries) spread every window over
   * all row groups.
   */
  static final String CLUSTER_ORDER = "country_iso3, event_date";

  /**
   * The appended rows as events in {@link #CLUSTER_ORDER}: sorted while their texts are still codes
   * (the country's code read as its text for the order), then decoded, which keeps their order.
   * Sorting the decoded rows carries every text through the sort: on 1M rows of ACLED the insert
   * took 4.6-5.5 s sorted decoded, 3.1-3.6 s sorted coded (3.7-4.0 s unsorted).
   */
  private static final String APPENDED_IN_ORDER =
      "SELECT "
          + StagingCodes.decoded(EventTables.EVENT_COLUMN_LIST, DERIVED)
          + " FROM (SELECT a.* FROM ingest_appended a, "
          + StagingCodes.texts(List.of(), StagingCodes.Column.COUNTRY_ISO3)
          + " k ORDER BY list_extract(k.country_iso3, a.country_iso3 + 1), a.event_date) a, "
          + StagingCodes.texts(LIST_COLUMNS)
          + " d";

  /**
   * Merges the staged events: new ids are inserted, unless the event was withdrawn and the staged
   * version is no newer than its latest withdrawal ({@link Revisions#reinstates}), when it is
   * unchanged; a known id is replaced when {@link Revisions#replaces} says the staged version is
   * newer, its old version going to history; otherwise it is unchanged, and an older version with
   * other content is kept in history once. An unchanged event read with the same content takes the
   * flags of this reading.
   */
  private Map<String, Long> mergeStaged() throws SQLException {
    Map<String, Long> counts = new HashMap<>();
    try (Statement s = connection.createStatement()) {
      // A first load (or a file of only new events, none withdrawn) needs no outcome table: every
      // staged event is inserted, and one INSERT ... SELECT is about half the work of the general
      // merge below.
      if (DuckDbStore.single(
                  s, "SELECT count(*) FROM ingest_staging s SEMI JOIN events e ON e.id = s.id")
              == 0
          && DuckDbStore.single(
                  s, "SELECT count(*) FROM ingest_staging s SEMI JOIN withdrawals w ON w.id = s.id")
              == 0) {
        counts.put(
            "inserted",
            (long)
                s.executeUpdate(
                    "INSERT INTO events ("
                        + EventTables.EVENT_COLUMN_NAMES
                        + ") "
                        + (materialized
                            ? "SELECT "
                                + EventTables.EVENT_COLUMN_NAMES
                                + " FROM ingest_staging ORDER BY "
                                + CLUSTER_ORDER
                            : APPENDED_IN_ORDER)));
        return counts;
      }
      materialize();
      // Revisions.reinstates for a withdrawn event out of the view (its latest withdrawal), and
      // Revisions.replaces for a current one, in SQL.
      s.execute(
          "CREATE OR REPLACE TEMP TABLE ingest_outcome AS SELECT s.id, CASE WHEN e.id IS NULL THEN"
              + " CASE WHEN w.withdrawn_at IS NOT NULL AND (s.source_timestamp IS NULL OR"
              + " s.source_timestamp <= w.withdrawn_at) THEN 'unchanged' ELSE 'inserted' END"
              + " WHEN s.content_hash = e.content_hash THEN 'unchanged' WHEN"
              + " s.source_timestamp IS NOT NULL AND e.source_timestamp IS NOT NULL AND"
              + " s.source_timestamp <> e.source_timestamp THEN CASE WHEN"
              + " s.source_timestamp > e.source_timestamp THEN 'updated' ELSE 'older' END WHEN"
              + " s.source_timestamp IS NOT NULL AND e.source_timestamp IS NULL THEN 'updated' WHEN"
              + " s.source_timestamp IS NULL AND e.source_timestamp IS NOT NULL THEN 'older' WHEN"
              + " s.content_hash > e.content_hash THEN 'updated' ELSE 'older' END AS outcome"
              + " FROM ingest_staging s LEFT JOIN events e ON e.id = s.id LEFT JOIN (SELECT id,"
              + " max(withdrawn_at) AS withdrawn_at FROM withdrawals GROUP BY id) w ON w.id ="
              + " s.id");
      try (ResultSet rs =
          s.executeQuery("SELECT outcome, count(*) FROM ingest_outcome GROUP BY outcome")) {
        while (rs.next()) {
          counts.put(rs.getString(1), rs.getLong(2));
        }
      }
    }
    long older = counts.getOrDefault("older", 0L);
    if (older > 0) {
      counts.remove("older");
      counts.merge("unchanged", older, Long::sum);
      keepOlderInHistory();
    }
    if (counts.getOrDefault("updated", 0L) > 0) {
      try (PreparedStatement p =
          connection.prepareStatement(
              "INSERT INTO events_history ("
                  + EventTables.EVENT_COLUMN_NAMES
                  + ", superseded_at, superseded_by_sha256) SELECT "
                  + EventTables.columns("e")
                  + ", ?, ? FROM events e JOIN ingest_outcome o ON o.id = e.id AND o.outcome ="
                  + " 'updated'")) {
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
      // Flags are derived from the content and take no part in its fingerprint: the same content
      // read again is unchanged, but carries the flags this reading found (a store made before a
      // flag existed gets it so). An event stored before the column (NULL) and read again without
      // flags is left as it is.
      s.execute(
          "UPDATE events AS e SET flags = s.flags FROM ingest_staging s, ingest_outcome o WHERE"
              + " o.id = s.id AND o.outcome = 'unchanged' AND e.id = s.id AND e.content_hash ="
              + " s.content_hash AND coalesce(e.flags, []::VARCHAR[]) <> s.flags");
      s.execute(
          "INSERT INTO events ("
              + EventTables.EVENT_COLUMN_NAMES
              + ") SELECT "
              + EventTables.STAGED_EVENT_COLUMNS
              + " FROM ingest_staging s JOIN ingest_outcome o ON o.id = s.id AND o.outcome IN"
              + " ('inserted', 'updated') ORDER BY s."
              + CLUSTER_ORDER.replace(", ", ", s."));
      s.execute("DROP TABLE ingest_outcome");
    }
    return counts;
  }

  /**
   * Keeps the staged versions older than the current ones ({@code older} outcomes) in history, each
   * event and content once: history then holds the same versions whatever order the files came in.
   * The current version is the one that supersedes them.
   */
  private void keepOlderInHistory() throws SQLException {
    try (PreparedStatement p =
        connection.prepareStatement(
            "INSERT INTO events_history ("
                + EventTables.EVENT_COLUMN_NAMES
                + ", superseded_at, superseded_by_sha256) SELECT "
                + EventTables.STAGED_EVENT_COLUMNS
                + ", ?, e.file_sha256 FROM ingest_staging s JOIN ingest_outcome o ON o.id = s.id"
                + " AND o.outcome = 'older' JOIN events e ON e.id = s.id WHERE NOT EXISTS (SELECT"
                + " 1 FROM events_history h WHERE h.id = s.id AND h.content_hash ="
                + " s.content_hash)")) {
      p.setTimestamp(1, Timestamp.from(now));
      p.executeUpdate();
    }
  }

  /** A rejected row into the quarantine's staging table. */
  private void stageRejected(RejectedRow r) throws SQLException {
    appendQuarantineRow(quarantineStaging, r, LocalDateTime.ofInstant(now, ZoneOffset.UTC));
    rejected++;
  }

  /**
   * One rejected row into a staging table shaped as {@code quarantine}: the form every write of
   * this engine (events, series) quarantines rows in.
   */
  static void appendQuarantineRow(DuckDBAppender a, RejectedRow r, LocalDateTime at)
      throws SQLException {
    a.beginRow();
    a.append(r.dataset());
    a.append(r.path());
    a.append(r.fileSha256());
    a.append(r.lineNumber());
    a.append(r.problemCodes());
    a.append(r.problemColumns());
    a.append(r.problemMessages());
    a.append(r.message());
    a.append(r.raw());
    a.append(at);
    a.endRow();
  }

  /** The staged rejected rows into the quarantine, once per file and line however often read. */
  private void appendQuarantine() throws SQLException {
    try (PreparedStatement q =
        connection.prepareStatement(
            "INSERT INTO quarantine SELECT * FROM quarantine_staging qs WHERE NOT EXISTS (SELECT 1"
                + " FROM quarantine q WHERE q.file_sha256 = qs.file_sha256 AND q.line_number ="
                + " qs.line_number)")) {
      q.executeUpdate();
    }
  }

  private void logFile(String format, long rowsRead, WriteOutcome o) throws SQLException {
    try (PreparedStatement p =
        connection.prepareStatement(
            "INSERT INTO ingest_files VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      p.setString(1, file.path());
      p.setString(2, file.sha256());
      p.setString(3, format);
      p.setLong(4, rowsRead);
      p.setLong(5, o.inserted());
      p.setLong(6, o.updated());
      p.setLong(7, o.unchanged());
      p.setLong(8, o.merged());
      p.setLong(9, o.quarantined());
      p.setTimestamp(10, Timestamp.from(now));
      p.executeUpdate();
    }
  }
}
