package org.harmattan.engine.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.max;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.harmattan.domain.error.HarmattanException;
import org.harmattan.domain.event.Event;
import org.harmattan.domain.event.SourceSystem;
import org.harmattan.domain.humanitarian.AdminUnit;
import org.harmattan.domain.humanitarian.Observation;
import org.harmattan.domain.problem.Problem;
import org.harmattan.domain.problem.ProblemCode;
import org.harmattan.engine.Store;
import org.harmattan.engine.accounts.Accounts;
import org.harmattan.engine.alerts.AlertLog;
import org.harmattan.engine.query.AnalyticsEngine;
import org.harmattan.engine.query.CountResult;
import org.harmattan.engine.query.ObservationSource;
import org.harmattan.engine.query.StoreStatus;
import org.harmattan.engine.series.SeriesSource;
import org.harmattan.engine.series.SeriesWriter;
import org.harmattan.engine.spark.Warehouse.Manifest;
import org.harmattan.engine.write.EventWriter;
import org.harmattan.engine.write.FileRef;
import org.harmattan.engine.write.FileRows;
import org.harmattan.engine.write.FileWrite;
import org.harmattan.engine.write.ObservationWriter;
import org.harmattan.engine.write.RejectedRow;
import org.harmattan.engine.write.Revisions;
import org.harmattan.engine.write.SplitFile;
import org.harmattan.engine.write.SplitWriter;
import org.harmattan.engine.write.WithdrawOutcome;
import org.harmattan.engine.write.Withdrawal;
import org.harmattan.engine.write.WriteOutcome;

/**
 * A store on Apache Spark: its tables are Parquet folders of a warehouse ({@link Warehouse}), its
 * queries Spark jobs, so that the same store runs in one JVM ({@code local[*]}) or on a cluster
 * whose executors all see the warehouse folder. It applies the same rules as every engine ({@link
 * Revisions}): a file's rows are resolved in the driver ({@link FileRows}), compared with the
 * stored versions of their ids, and the partitions they change are written again ({@link
 * SparkEventCommits}, under the store's lock).
 *
 * <p>Humanitarian observations, the admin reference, monthly series, accounts and alerts are small
 * tables, read into the driver and written again whole by each of their writes.
 */
public final class SparkStore implements Store {
  private final Warehouse warehouse;
  private final SparkAccounts accounts;
  private final SparkAlertLog alerts;
  private final SparkEventCommits eventCommits;

  private SparkStore(Warehouse warehouse) {
    this.warehouse = warehouse;
    this.accounts = new SparkAccounts(this);
    this.alerts = new SparkAlertLog(this);
    this.eventCommits = new SparkEventCommits(this);
  }

  /**
   * Opens (creating it when needed) the store whose warehouse is the folder {@code root}, on the
   * Spark master {@code master} ({@code local[*]} when null).
   */
  public static SparkStore open(Path root, String master) {
    return open(root, master, false);
  }

  /**
   * Opens the store whose warehouse is the folder {@code root}; one opened {@code readOnly} must
   * exist already and is only read (another process may be writing to it).
   */
  public static SparkStore open(Path root, String master, boolean readOnly) {
    if (java.nio.file.Files.isRegularFile(root)) {
      throw HarmattanException.userInput(
          ProblemCode.STORE_NOT_FOUND,
          root
              + " is a file, not a Spark warehouse (expected a folder; a file is the embedded"
              + " DuckDB store: leave out --engine spark to use it)");
    }
    SparkSession spark = SparkSessions.on(master);
    return new SparkStore(new Warehouse(spark, root, readOnly));
  }

  /** Stops this JVM's Spark session (a later open starts one again). */
  public static void stopSpark() {
    SparkSessions.stop();
  }

  Warehouse warehouse() {
    return warehouse;
  }

  SparkSession spark() {
    return warehouse.spark();
  }

  @Override
  public AnalyticsEngine analytics() {
    return new SparkAnalytics(warehouse);
  }

  @Override
  public ObservationSource observations() {
    SparkStore store = this;
    return new ObservationSource() {
      @Override
      public List<Observation> listObservations(String countryIso3, String indicator) {
        return SparkHumanitarian.list(store, countryIso3, indicator);
      }

      @Override
      public List<AdminUnit> listAdminUnits(String countryIso3) {
        return new SparkHumanitarian(store)
            .listAdminUnits().stream().filter(u -> u.countryIso3().equals(countryIso3)).toList();
      }

      @Override
      public Map<String, LocalDate> listReadDays() {
        Map<String, LocalDate> days = new HashMap<>();
        for (Row r : store.rows(Tables.FILES, Tables.FILE_ROWS)) {
          days.merge(
              r.getAs("sha256"),
              LocalDate.ofInstant(EventRows.instant(r, "ingested_at"), ZoneOffset.UTC),
              (a, b) -> a.isBefore(b) ? a : b);
        }
        return days;
      }
    };
  }

  @Override
  public ObservationWriter humanitarian() {
    return new SparkHumanitarian(this);
  }

  @Override
  public SeriesSource series() {
    return (series, level) -> SparkSeries.list(this, series, level);
  }

  @Override
  public SeriesWriter seriesWriter() {
    return file -> new SparkSeries(this, file);
  }

  @Override
  public Accounts accounts() {
    return accounts;
  }

  @Override
  public AlertLog alerts() {
    return alerts;
  }

  @Override
  public EventWriter events() {
    SparkStore store = this;
    return new EventWriter() {
      @Override
      public FileWrite begin(FileRef file) {
        return new SparkFileWrite(store, file);
      }

      @Override
      public Optional<SplitWriter> splitWriter() {
        return Optional.of(
            new SplitWriter() {
              @Override
              public <S extends java.io.Serializable> Outcome<S> write(SplitFile<S> file) {
                return new SparkSplitWrite(store).write(file);
              }
            });
      }

      @Override
      public WithdrawOutcome withdraw(List<Withdrawal> withdrawals) {
        return store.withdraw(withdrawals);
      }

      @Override
      public Optional<Instant> findLatestWithdrawal(SourceSystem source) {
        List<Row> r =
            warehouse
                .read(Tables.WITHDRAWALS, Tables.WITHDRAWAL_ROWS)
                .filter(col("source").equalTo(source.name()))
                .agg(max("withdrawn_at"))
                .collectAsList();
        return Optional.ofNullable(r.get(0).isNullAt(0) ? null : r.get(0).<Instant>getAs(0));
      }

      @Override
      public Optional<Instant> findLatestSourceTimestamp(SourceSystem source, String countryIso3) {
        List<Row> r =
            warehouse
                .readEvents(p -> p.country().equals(countryIso3))
                .filter(col("source").equalTo(source.name()))
                .agg(max("source_timestamp"))
                .collectAsList();
        return Optional.ofNullable(r.get(0).isNullAt(0) ? null : r.get(0).<Instant>getAs(0));
      }
    };
  }

  // ---------------------------------------------------------------------------------------------
  // Events (SparkEventCommits), under the store's lock

  /**
   * Stores the versions of one file, its quarantine and its line in the ingest log, in one commit
   * ({@link SparkEventCommits#commit}).
   */
  synchronized WriteOutcome commitEvents(
      FileRef file,
      String format,
      long rowsRead,
      FileRows.Resolved resolved,
      List<RejectedRow> rejected,
      Instant now) {
    return eventCommits.commit(file, format, rowsRead, resolved, rejected, now);
  }

  /** Withdraws events, in one commit ({@link SparkEventCommits#withdraw}). */
  synchronized WithdrawOutcome withdraw(List<Withdrawal> list) {
    return eventCommits.withdraw(list);
  }

  /** Adds a folder of rows to an appended table of the manifest being made. */
  void append(Map<String, List<String>> tables, String table, Dataset<Row> rows, long version) {
    List<String> folders = new ArrayList<>(tables.getOrDefault(table, List.of()));
    folders.add(warehouse.write(rows, table, version));
    tables.put(table, folders);
  }

  /** Rows into the quarantine, once per file and line however often the file is read. */
  void addQuarantine(
      Map<String, List<String>> tables, List<RejectedRow> rows, Instant now, long version) {
    if (rows.isEmpty()) {
      return;
    }
    Set<String> shas = new HashSet<>();
    rows.forEach(r -> shas.add(r.fileSha256()));
    Set<String> held = new HashSet<>();
    if (!tables.getOrDefault(Tables.QUARANTINE, List.of()).isEmpty()) {
      for (Row r :
          warehouse
              .read(tables.get(Tables.QUARANTINE), Tables.QUARANTINE_ROWS)
              .filter(col("file_sha256").isin(shas.toArray()))
              .select("file_sha256", "line_number")
              .collectAsList()) {
        held.add(r.getString(0) + "\u001f" + r.getLong(1));
      }
    }
    List<Row> out = new ArrayList<>();
    for (RejectedRow r : rows) {
      if (!held.add(r.fileSha256() + "\u001f" + r.lineNumber())) {
        continue;
      }
      Object[] q = SparkSplitWrite.quarantineValues(r);
      Object[] v = java.util.Arrays.copyOf(q, q.length + 2);
      v[q.length] = now;
      v[q.length + 1] = version;
      out.add(RowFactory.create(v));
    }
    if (!out.isEmpty()) {
      append(
          tables, Tables.QUARANTINE, spark().createDataFrame(out, Tables.QUARANTINE_ROWS), version);
    }
  }

  /** The file's line in the ingest log: inserted, updated, unchanged, merged, quarantined. */
  void logFile(
      Map<String, List<String>> tables,
      FileRef file,
      String format,
      long rowsRead,
      long[] counts,
      Instant now,
      long version) {
    Row row =
        RowFactory.create(
            file.path(),
            file.sha256(),
            format,
            rowsRead,
            counts[0],
            counts[1],
            counts[2],
            counts[3],
            counts[4],
            now);
    append(tables, Tables.FILES, spark().createDataFrame(List.of(row), Tables.FILE_ROWS), version);
  }

  /** Replaces a small table whole with {@code rows}, in a commit of its own. */
  synchronized void replaceTable(String table, StructType schema, List<Row> rows) {
    long version = warehouse.nextVersion();
    Manifest m = warehouse.manifest();
    Map<String, List<String>> tables = new TreeMap<>(m.tables());
    tables.put(
        table, List.of(warehouse.write(spark().createDataFrame(rows, schema), table, version)));
    warehouse.commit(new Manifest(version, m.partitions(), tables));
  }

  /** A commit of series points (replacing the table), quarantined rows and the ingest log line. */
  synchronized void commitSeries(
      FileRef file,
      String dataset,
      long rowsRead,
      List<Row> points,
      List<RejectedRow> rejected,
      long[] counts,
      Instant now) {
    long version = warehouse.nextVersion();
    Manifest m = warehouse.manifest();
    Map<String, List<String>> tables = new TreeMap<>(m.tables());
    tables.put(
        Tables.SERIES,
        List.of(
            warehouse.write(
                spark().createDataFrame(points, Tables.SERIES_ROWS), Tables.SERIES, version)));
    addQuarantine(tables, rejected, now, version);
    logFile(tables, file, dataset, rowsRead, counts, now, version);
    warehouse.commit(new Manifest(version, m.partitions(), tables));
  }

  /**
   * One humanitarian file's commit: the observations, admin units and (when given) kept tables
   * replaced whole, the file's quarantined rows replaced by this reading's, and the ingest log's
   * line unless {@code counts} is null (a table placed again).
   */
  synchronized void commitHumanitarian(
      FileRef file,
      String dataset,
      long rowsRead,
      List<Row> observations,
      List<Row> units,
      List<Row> kept,
      List<RejectedRow> rejected,
      long[] counts,
      Instant now) {
    long version = warehouse.nextVersion();
    Manifest m = warehouse.manifest();
    Map<String, List<String>> tables = new TreeMap<>(m.tables());
    replace(tables, Tables.OBSERVATIONS, Tables.OBSERVATION_ROWS, observations, version);
    replace(tables, Tables.ADMIN_UNITS, Tables.ADMIN_UNIT_ROWS, units, version);
    if (kept != null) {
      replace(tables, Tables.KEPT, Tables.KEPT_ROWS, kept, version);
    }
    List<Row> quarantine = new ArrayList<>();
    boolean held = false;
    for (Row r : rows(Tables.QUARANTINE, Tables.QUARANTINE_ROWS)) {
      if (r.<String>getAs("file_sha256").equals(file.sha256())) {
        held = true;
      } else {
        quarantine.add(r);
      }
    }
    if (held) {
      replace(tables, Tables.QUARANTINE, Tables.QUARANTINE_ROWS, quarantine, version);
    }
    addQuarantine(tables, rejected, now, version);
    if (counts != null) {
      logFile(tables, file, dataset, rowsRead, counts, now, version);
    }
    warehouse.commit(new Manifest(version, m.partitions(), tables));
  }

  /** A table of the manifest being made, replaced whole by {@code rows} (none: no folder). */
  private void replace(
      Map<String, List<String>> tables,
      String table,
      StructType schema,
      List<Row> rows,
      long version) {
    tables.put(
        table,
        rows.isEmpty()
            ? List.of()
            : List.of(warehouse.write(spark().createDataFrame(rows, schema), table, version)));
  }

  /** The rows of a table. */
  List<Row> rows(String table, StructType schema) {
    if (warehouse.manifest().tables().getOrDefault(table, List.of()).isEmpty()) {
      return List.of();
    }
    return warehouse.read(table, schema).collectAsList();
  }

  // ---------------------------------------------------------------------------------------------
  // What the store holds

  @Override
  public synchronized StoreStatus status() {
    Map<String, Long> bySource = new TreeMap<>();
    Map<String, Long> byCountry = new TreeMap<>();
    long events = 0;
    if (!warehouse.manifest().partitions().isEmpty()) {
      for (Row r :
          warehouse.readEvents(null).groupBy("source", "country_iso3").count().collectAsList()) {
        long n = r.getLong(2);
        bySource.merge(r.getString(0), n, Long::sum);
        byCountry.merge(r.getString(1), n, Long::sum);
        events += n;
      }
    }
    long withdrawn = 0;
    if (!warehouse.manifest().tables().getOrDefault(Tables.WITHDRAWALS, List.of()).isEmpty()) {
      Dataset<Row> w =
          warehouse.read(Tables.WITHDRAWALS, Tables.WITHDRAWAL_ROWS).select("id").distinct();
      Dataset<Row> current = warehouse.readEvents(null).select("id");
      withdrawn = w.join(current, w.col("id").equalTo(current.col("id")), "left_anti").count();
    }
    long[] humanitarian = SparkHumanitarian.counts(this);
    return new StoreStatus(
        events,
        bySource,
        byCountry,
        count(Tables.QUARANTINE, Tables.QUARANTINE_ROWS),
        count(Tables.HISTORY, EventRows.HISTORY),
        count(Tables.FILES, Tables.FILE_ROWS),
        humanitarian[0],
        humanitarian[1],
        count(Tables.SERIES, Tables.SERIES_ROWS),
        withdrawn);
  }

  private long count(String table, StructType schema) {
    if (warehouse.manifest().tables().getOrDefault(table, List.of()).isEmpty()) {
      return 0;
    }
    return warehouse.read(table, schema).count();
  }

  @Override
  public synchronized List<RejectedRow> listQuarantine(int limit) {
    List<Row> rows = new ArrayList<>(rows(Tables.QUARANTINE, Tables.QUARANTINE_ROWS));
    rows.sort(
        java.util.Comparator.comparingLong((Row r) -> r.<Long>getAs("write_version"))
            .thenComparing(r -> r.<String>getAs("path"), CountResult.ID_ORDER)
            .thenComparingLong(r -> r.<Long>getAs("line_number")));
    List<RejectedRow> out = new ArrayList<>();
    for (Row r : rows) {
      if (out.size() >= limit) {
        break;
      }
      List<String> codes = EventRows.strings(r, "problem_codes");
      List<String> columns = EventRows.strings(r, "problem_columns");
      List<String> messages = EventRows.strings(r, "problem_messages");
      List<Problem> problems = new ArrayList<>();
      for (int i = 0; i < codes.size(); i++) {
        problems.add(new Problem(codes.get(i), columns.get(i), messages.get(i)));
      }
      out.add(
          new RejectedRow(
              r.getAs("dataset"),
              r.getAs("path"),
              r.getAs("file_sha256"),
              r.<Long>getAs("line_number"),
              problems,
              r.getAs("raw")));
    }
    return out;
  }

  @Override
  public synchronized Optional<Event> findEvent(String id) {
    if (warehouse.manifest().partitions().isEmpty()) {
      return Optional.empty();
    }
    List<Row> rows = warehouse.readEvents(null).filter(col("id").equalTo(id)).collectAsList();
    return rows.isEmpty() ? Optional.empty() : Optional.of(EventRows.toEvent(rows.get(0)));
  }

  @Override
  public synchronized long countHistory(String id) {
    if (warehouse.manifest().tables().getOrDefault(Tables.HISTORY, List.of()).isEmpty()) {
      return 0;
    }
    return warehouse.read(Tables.HISTORY, EventRows.HISTORY).filter(col("id").equalTo(id)).count();
  }

  /**
   * Releases the warehouse's write lock. The session stays up for the next store of this JVM; it
   * stops when the JVM ends.
   */
  @Override
  public void close() {
    warehouse.close();
  }
}
