package org.harmattan.engine.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.year;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.harmattan.engine.spark.EventRows.Partition;
import org.harmattan.engine.spark.Warehouse.Manifest;
import org.harmattan.engine.write.EventWriter;
import org.harmattan.engine.write.FileRef;
import org.harmattan.engine.write.FileRows;
import org.harmattan.engine.write.RejectedRow;
import org.harmattan.engine.write.Revisions;
import org.harmattan.engine.write.StagedEvent;
import org.harmattan.engine.write.WithdrawOutcome;
import org.harmattan.engine.write.Withdrawal;
import org.harmattan.engine.write.WriteOutcome;

/**
 * The writes that change a Spark store's events: one file's versions ({@link #commit}) and
 * withdrawals ({@link #withdraw}), each one commit of the warehouse's manifest with the history,
 * quarantine and ingest-log rows it adds. The store calls them under its lock.
 */
final class SparkEventCommits {
  private final SparkStore store;
  private final Warehouse warehouse;

  SparkEventCommits(SparkStore store) {
    this.store = store;
    this.warehouse = store.warehouse();
  }

  private SparkSession spark() {
    return warehouse.spark();
  }

  /** What the store holds of an event id a write names. */
  private record Held(
      Instant sourceTimestamp,
      long contentHash,
      List<String> flags,
      Partition partition,
      String fileSha256) {
    Revisions.Version version() {
      return new Revisions.Version(sourceTimestamp, contentHash);
    }
  }

  private static final StructType IDS =
      new StructType().add(EventRows.field("id", DataTypes.StringType, false));

  private Dataset<Row> ids(Collection<String> ids) {
    List<Row> rows = new ArrayList<>(ids.size());
    for (String id : ids) {
      rows.add(RowFactory.create(id));
    }
    return spark().createDataFrame(rows, IDS);
  }

  /** The current versions of the given ids, by id. */
  private Map<String, Held> held(Dataset<Row> ids) {
    Map<String, Held> out = new HashMap<>();
    if (warehouse.manifest().partitions().isEmpty()) {
      return out;
    }
    for (Row r :
        warehouse
            .readEvents(null)
            .select(
                "id",
                "source_timestamp",
                "content_hash",
                "flags",
                "country_iso3",
                "event_date",
                "file_sha256")
            .join(ids, "id")
            .collectAsList()) {
      out.put(
          r.getString(0),
          new Held(
              r.isNullAt(1) ? null : r.<Instant>getAs(1),
              r.getLong(2),
              EventRows.strings(r, "flags"),
              Partition.of(r.getString(4), r.getAs(5)),
              r.getString(6)));
    }
    return out;
  }

  /** The withdrawals on record for the given ids: their times, by id. */
  private Map<String, Set<Instant>> withdrawals(Dataset<Row> ids) {
    Map<String, Set<Instant>> out = new HashMap<>();
    if (warehouse.manifest().tables().getOrDefault(Tables.WITHDRAWALS, List.of()).isEmpty()) {
      return out;
    }
    for (Row r :
        warehouse
            .read(Tables.WITHDRAWALS, Tables.WITHDRAWAL_ROWS)
            .select("id", "withdrawn_at")
            .join(ids, "id")
            .collectAsList()) {
      out.computeIfAbsent(r.getString(0), k -> new HashSet<>()).add(r.getAs(1));
    }
    return out;
  }

  /**
   * Stores the versions of one file ({@link EventWriter}'s rules, as the reference engine states
   * them), its quarantine and its line in the ingest log, in one commit.
   */
  WriteOutcome commit(
      FileRef file,
      String format,
      long rowsRead,
      FileRows.Resolved resolved,
      List<RejectedRow> rejected,
      Instant now) {
    long version = warehouse.nextVersion();
    List<StagedEvent> versions = resolved.versions();
    Map<String, StagedEvent> byId = new LinkedHashMap<>();
    for (StagedEvent s : versions) {
      byId.put(s.event().id(), s);
    }
    Dataset<Row> incomingIds = ids(byId.keySet()).cache();
    Map<String, Held> held = held(incomingIds);
    Map<String, Set<Instant>> withdrawn = withdrawals(incomingIds);
    long inserted = 0;
    long updated = 0;
    long unchanged = 0;
    List<Row> newRows = new ArrayList<>();
    Set<String> replaced = new HashSet<>();
    Map<String, List<String>> renewedFlags = new HashMap<>();
    Set<Partition> touched = new HashSet<>();
    List<StagedEvent> older = new ArrayList<>();
    for (StagedEvent incoming : versions) {
      String id = incoming.event().id();
      Held stored = held.get(id);
      Instant latestWithdrawal = latest(withdrawn.get(id));
      Revisions.Version version0 =
          new Revisions.Version(
              incoming.event().provenance().sourceTimestamp(), incoming.contentHash());
      if (stored == null
          && latestWithdrawal != null
          && !Revisions.reinstates(
              latestWithdrawal, incoming.event().provenance().sourceTimestamp())) {
        unchanged++;
      } else if (stored == null) {
        newRows.add(
            EventRows.partitioned(incoming.event(), incoming.actors(), incoming.contentHash()));
        touched.add(Partition.of(incoming.event().countryIso3(), incoming.event().date()));
        inserted++;
      } else if (Revisions.replaces(stored.version(), version0)) {
        newRows.add(
            EventRows.partitioned(incoming.event(), incoming.actors(), incoming.contentHash()));
        touched.add(Partition.of(incoming.event().countryIso3(), incoming.event().date()));
        touched.add(stored.partition());
        replaced.add(id);
        updated++;
      } else {
        if (stored.contentHash() != incoming.contentHash()) {
          older.add(incoming);
        } else {
          List<String> flags = incoming.event().flags().stream().map(f -> f.code()).toList();
          if (!flags.equals(stored.flags())) {
            renewedFlags.put(id, flags);
            touched.add(stored.partition());
          }
        }
        unchanged++;
      }
    }
    incomingIds.unpersist();
    Manifest m = warehouse.manifest();
    Map<String, String> partitions = new TreeMap<>(m.partitions());
    Map<String, List<String>> tables = new TreeMap<>(m.tables());
    List<Dataset<Row>> history = new ArrayList<>();
    if (!touched.isEmpty()) {
      Set<String> keys = new HashSet<>();
      touched.forEach(p -> keys.add(p.key()));
      Dataset<Row> base = warehouse.readEvents(p -> keys.contains(p.key()));
      Set<String> leaving = new HashSet<>(replaced);
      leaving.addAll(renewedFlags.keySet());
      Dataset<Row> kept = base;
      if (!leaving.isEmpty()) {
        Dataset<Row> leavingIds = ids(leaving);
        kept = base.join(leavingIds, base.col("id").equalTo(leavingIds.col("id")), "left_anti");
        if (!replaced.isEmpty()) {
          history.add(
              asHistory(base.join(ids(replaced), "id"), now, lit(file.sha256()), lit(null)));
        }
      }
      Dataset<Row> rows = withPartition(kept).unionByName(staged(newRows, version));
      if (!renewedFlags.isEmpty()) {
        rows = rows.unionByName(withPartition(renewed(base, renewedFlags)));
      }
      Map<String, String> written = warehouse.writeEvents(rows, version);
      keys.forEach(partitions::remove);
      partitions.putAll(written);
    }
    if (!older.isEmpty()) {
      Dataset<Row> olderRows = olderNotInHistory(older, held, now);
      if (olderRows != null) {
        history.add(olderRows);
      }
    }
    if (!history.isEmpty()) {
      Dataset<Row> all = history.get(0);
      for (int i = 1; i < history.size(); i++) {
        all = all.unionByName(history.get(i));
      }
      store.append(tables, Tables.HISTORY, all, version);
    }
    List<RejectedRow> quarantined = new ArrayList<>(rejected);
    quarantined.addAll(resolved.conflicts());
    store.addQuarantine(tables, quarantined, now, version);
    WriteOutcome outcome =
        new WriteOutcome(inserted, updated, unchanged, resolved.merged(), quarantined.size());
    store.logFile(
        tables,
        file,
        format,
        rowsRead,
        new long[] {inserted, updated, unchanged, resolved.merged(), quarantined.size()},
        now,
        version);
    warehouse.commit(new Manifest(version, partitions, tables));
    return outcome;
  }

  /**
   * Event rows as history rows: the event columns, then when they left the view, the file of the
   * version that superseded them (none for a withdrawal) and the withdrawal's reason.
   */
  static Dataset<Row> asHistory(
      Dataset<Row> rows, Instant now, Column supersededBy, Column reason) {
    String[] names = EventRows.EVENT.fieldNames();
    Column[] out = new Column[names.length + 3];
    for (int i = 0; i < names.length; i++) {
      out[i] = rows.col(names[i]);
    }
    out[names.length] = lit(now).as("superseded_at");
    out[names.length + 1] = supersededBy.cast(DataTypes.StringType).as("superseded_by_sha256");
    out[names.length + 2] = reason.cast(DataTypes.StringType).as("withdrawal_reason");
    return rows.select(out);
  }

  /** Rows handed to Spark in one piece at most; more go through a staging folder. */
  private static final int IN_ONE_PIECE = 20_000;

  /**
   * The file's new event rows as a dataset: in one piece when few, else written in chunks to a
   * staging folder of the warehouse (no manifest names it: the next commit removes it) and read
   * from there, so that no task carries a large file's rows in its plan.
   */
  private Dataset<Row> staged(List<Row> rows, long version) {
    if (rows.size() <= IN_ONE_PIECE) {
      return spark().createDataFrame(rows, EventRows.PARTITIONED);
    }
    String folder = "staging/v" + version + "-" + java.util.UUID.randomUUID();
    String uri = warehouse.root().resolve(folder).toUri().toString();
    for (int from = 0; from < rows.size(); from += IN_ONE_PIECE) {
      spark()
          .createDataFrame(
              rows.subList(from, Math.min(rows.size(), from + IN_ONE_PIECE)), EventRows.PARTITIONED)
          .write()
          .mode(org.apache.spark.sql.SaveMode.Append)
          .parquet(uri);
    }
    return spark().read().schema(EventRows.PARTITIONED).parquet(uri);
  }

  /** Event rows with the columns that choose their partition folder. */
  static Dataset<Row> withPartition(Dataset<Row> events) {
    return events
        .withColumn("part_country", col("country_iso3"))
        .withColumn("part_year", year(col("event_date")));
  }

  /** The stored rows of the given ids with the flags this reading gave them. */
  private Dataset<Row> renewed(Dataset<Row> base, Map<String, List<String>> flags) {
    StructType schema =
        new StructType()
            .add(EventRows.field("renew_id", DataTypes.StringType, false))
            .add(
                EventRows.field(
                    "renewed_flags",
                    DataTypes.createArrayType(DataTypes.StringType, false),
                    false));
    List<Row> rows = new ArrayList<>();
    flags.forEach((id, f) -> rows.add(RowFactory.create(id, f)));
    Dataset<Row> renew = spark().createDataFrame(rows, schema);
    return base.join(renew, base.col("id").equalTo(renew.col("renew_id")))
        .withColumn("flags", col("renewed_flags"))
        .drop("renew_id", "renewed_flags");
  }

  /**
   * Versions read that are older than the stored ones, for history: each event and content once,
   * superseded by the current version's file.
   */
  private Dataset<Row> olderNotInHistory(
      List<StagedEvent> older, Map<String, Held> held, Instant now) {
    Set<String> ids = new HashSet<>();
    older.forEach(s -> ids.add(s.event().id()));
    Set<String> inHistory = new HashSet<>();
    if (!warehouse.manifest().tables().getOrDefault(Tables.HISTORY, List.of()).isEmpty()) {
      for (Row r :
          warehouse
              .read(Tables.HISTORY, EventRows.HISTORY)
              .select("id", "content_hash")
              .join(ids(ids), "id")
              .collectAsList()) {
        inHistory.add(r.getString(0) + "\u001f" + r.getLong(1));
      }
    }
    List<Row> rows = new ArrayList<>();
    for (StagedEvent s : older) {
      if (inHistory.add(s.event().id() + "\u001f" + s.contentHash())) {
        Object[] v = EventRows.values(s.event(), s.actors(), s.contentHash());
        Object[] h = java.util.Arrays.copyOf(v, v.length + 3);
        h[v.length] = now;
        h[v.length + 1] = held.get(s.event().id()).fileSha256();
        h[v.length + 2] = null;
        rows.add(RowFactory.create(h));
      }
    }
    return rows.isEmpty() ? null : spark().createDataFrame(rows, EventRows.HISTORY);
  }

  private static Instant latest(Set<Instant> times) {
    Instant latest = null;
    if (times != null) {
      for (Instant t : times) {
        if (latest == null || t.isAfter(latest)) {
          latest = t;
        }
      }
    }
    return latest;
  }

  /**
   * Withdraws events ({@link Revisions#resolveWithdrawals}'s rules): the events removed go to the
   * history with their reason, the withdrawals are recorded, in one commit.
   */
  WithdrawOutcome withdraw(List<Withdrawal> list) {
    List<Withdrawal> all = List.copyOf(list);
    Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
    Set<String> idSet = new HashSet<>();
    all.forEach(w -> idSet.add(w.eventId()));
    if (idSet.isEmpty()) {
      return Revisions.resolveWithdrawals(all, Map.of()).outcome();
    }
    Dataset<Row> ids = ids(idSet);
    Map<String, Held> current = held(ids);
    Map<String, Set<Instant>> recorded = withdrawals(ids);
    Map<String, Revisions.Held> state = new HashMap<>();
    for (String id : idSet) {
      Held h = current.get(id);
      state.put(
          id,
          new Revisions.Held(
              h != null,
              h == null ? null : h.sourceTimestamp(),
              recorded.getOrDefault(id, Set.of())));
    }
    Revisions.WithdrawalResolution r = Revisions.resolveWithdrawals(all, state);
    if (r.recorded().isEmpty() && r.removing().isEmpty()) {
      return r.outcome();
    }
    long version = warehouse.nextVersion();
    Manifest m = warehouse.manifest();
    Map<String, String> partitions = new TreeMap<>(m.partitions());
    Map<String, List<String>> tables = new TreeMap<>(m.tables());
    if (!r.removing().isEmpty()) {
      Set<String> keys = new HashSet<>();
      List<Row> reasons = new ArrayList<>();
      for (Withdrawal w : r.removing()) {
        keys.add(current.get(w.eventId()).partition().key());
        reasons.add(RowFactory.create(w.eventId(), w.reason()));
      }
      Dataset<Row> base = warehouse.readEvents(p -> keys.contains(p.key()));
      Dataset<Row> why =
          spark()
              .createDataFrame(
                  reasons,
                  new StructType()
                      .add(EventRows.field("why_id", DataTypes.StringType, false))
                      .add(EventRows.field("why", DataTypes.StringType, false)));
      Dataset<Row> leaving = base.join(why, base.col("id").equalTo(why.col("why_id")));
      store.append(
          tables, Tables.HISTORY, asHistory(leaving, now, lit(null), leaving.col("why")), version);
      Dataset<Row> kept = base.join(why, base.col("id").equalTo(why.col("why_id")), "left_anti");
      Map<String, String> written = warehouse.writeEvents(withPartition(kept), version);
      keys.forEach(partitions::remove);
      partitions.putAll(written);
    }
    if (!r.recorded().isEmpty()) {
      List<Row> rows = new ArrayList<>();
      for (Withdrawal w : r.recorded()) {
        rows.add(
            RowFactory.create(
                w.eventId(),
                w.source().name(),
                w.sourceEventId(),
                w.withdrawnAt(),
                w.reason(),
                now));
      }
      store.append(
          tables,
          Tables.WITHDRAWALS,
          spark().createDataFrame(rows, Tables.WITHDRAWAL_ROWS),
          version);
    }
    warehouse.commit(new Manifest(version, partitions, tables));
    return r.outcome();
  }
}
