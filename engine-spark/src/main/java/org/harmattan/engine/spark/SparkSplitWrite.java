package org.harmattan.engine.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.udf;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.year;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.api.java.UDF2;
import org.apache.spark.sql.api.java.UDF4;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.harmattan.domain.error.HarmattanException;
import org.harmattan.engine.spark.Warehouse.Manifest;
import org.harmattan.engine.write.FileRef;
import org.harmattan.engine.write.FileRows;
import org.harmattan.engine.write.LineRange;
import org.harmattan.engine.write.RejectedRow;
import org.harmattan.engine.write.Revisions;
import org.harmattan.engine.write.SplitFile;
import org.harmattan.engine.write.SplitWriter;
import org.harmattan.engine.write.StagedEvent;
import org.harmattan.engine.write.WriteOutcome;
import scala.jdk.javaapi.CollectionConverters;

/**
 * A file of one row per line read, resolved and stored by Spark's executors ({@link SplitFile}): no
 * process holds the file's rows. The driver cuts the file into pieces of whole lines, the executors
 * count each piece's lines (so that every row gets the number a reading of the whole file gives it)
 * and then read, map and stage their pieces into a staging folder of the warehouse; ids the file
 * repeats (few) are resolved in the driver by {@link FileRows}; the versions are compared with the
 * stored ones in a join, by the rules of {@link Revisions} (called from the executors); and the
 * partitions they change, history, quarantine and the ingest log line are written in one commit, as
 * {@link SparkStore#commitEvents} does for a file handed over row by row.
 */
final class SparkSplitWrite {
  /** The most bytes a piece holds: its rows are held by one task while it is read. */
  static final long PIECE_BYTES = 8L << 20;

  private static final String EVENT = "E";
  private static final String QUARANTINED = "Q";
  private static final String SUMMARY = "S";

  private static final String INSERT = "insert";
  private static final String UPDATE = "update";
  private static final String OLDER = "older";
  private static final String RENEW = "renew";
  private static final String SAME = "same";
  private static final String WITHDRAWN = "withdrawn";

  /** The quarantine columns a staged rejected row carries, as the quarantine table names them. */
  private static final List<String> QUARANTINE_COLUMNS =
      List.of(
          "dataset",
          "path",
          "file_sha256",
          "line_number",
          "problem_codes",
          "problem_columns",
          "problem_messages",
          "message",
          "raw");

  /**
   * A staged row: its kind, the piece it came from, the event columns (an accepted row), the last
   * line and core fingerprint of an accepted row, the quarantine columns of a rejected row
   * (prefixed {@code q_}), and a piece's serialized summary.
   */
  static final StructType STAGED = staged();

  /** {@link Revisions#replaces} of the stored and the incoming version, run by the executors. */
  private static final UserDefinedFunction REPLACES =
      udf(
          (UDF4<Object, Long, Object, Long, Boolean>)
              (storedAt, storedHash, incomingAt, incomingHash) ->
                  storedHash != null
                      && Revisions.replaces(
                          new Revisions.Version(instant(storedAt), storedHash),
                          new Revisions.Version(instant(incomingAt), incomingHash)),
          DataTypes.BooleanType);

  /** {@link Revisions#reinstates} of a withdrawal and an incoming version. */
  private static final UserDefinedFunction REINSTATES =
      udf(
          (UDF2<Object, Object, Boolean>)
              (withdrawnAt, incomingAt) ->
                  withdrawnAt != null
                      && Revisions.reinstates(instant(withdrawnAt), instant(incomingAt)),
          DataTypes.BooleanType);

  private final SparkStore store;
  private final Warehouse warehouse;

  SparkSplitWrite(SparkStore store) {
    this.store = store;
    this.warehouse = store.warehouse();
  }

  private static StructType staged() {
    List<StructField> fields = new ArrayList<>();
    fields.add(EventRows.field("kind", DataTypes.StringType, false));
    fields.add(EventRows.field("piece", DataTypes.IntegerType, false));
    for (StructField f : EventRows.PARTITIONED.fields()) {
      fields.add(EventRows.field(f.name(), f.dataType(), true));
    }
    fields.add(EventRows.field("line_last", DataTypes.LongType, true));
    fields.add(EventRows.field("core_hash", DataTypes.LongType, true));
    for (String q : QUARANTINE_COLUMNS) {
      StructField f = Tables.QUARANTINE_ROWS.apply(q);
      fields.add(EventRows.field("q_" + q, f.dataType(), true));
    }
    fields.add(EventRows.field("summary", DataTypes.BinaryType, true));
    return new StructType(fields.toArray(StructField[]::new));
  }

  /** Reads, resolves and stores {@code file} in one commit. */
  <S extends Serializable> SplitWriter.Outcome<S> write(SplitFile<S> file) {
    synchronized (store) {
      try {
        return writeLocked(file);
      } catch (Exception e) {
        // An executor that cannot read the file (not at the same path on a worker, say) fails
        // with the reader's own message: Spark hands it back as the cause of its job's failure.
        for (Throwable t = e; t != null; t = t.getCause()) {
          if (t instanceof HarmattanException h) {
            throw h;
          }
        }
        if (e instanceof RuntimeException r) {
          throw r;
        }
        throw new IllegalStateException(
            "Spark failed reading " + file.file().path() + " in pieces: " + e.getMessage(), e);
      }
    }
  }

  private <S extends Serializable> SplitWriter.Outcome<S> writeLocked(SplitFile<S> file) {
    SparkSession spark = store.spark();
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
    long version = warehouse.nextVersion();
    FileRef ref = file.file();
    List<long[]> pieces = pieces(file, jsc);
    String stagingUri =
        warehouse
            .root()
            .resolve("staging/v" + version + "-" + UUID.randomUUID())
            .toUri()
            .toString();
    // Read once: the staged rows are written to the staging folder and read from there.
    JavaRDD<Row> rows =
        jsc.parallelize(pieces, Math.max(1, pieces.size()))
            .flatMap(piece -> readPiece(file, piece).iterator());
    spark.createDataFrame(rows, STAGED).write().mode(SaveMode.ErrorIfExists).parquet(stagingUri);
    Dataset<Row> staged = spark.read().schema(STAGED).parquet(stagingUri);

    List<S> summaries = summaries(file, staged, pieces.size());
    Map<String, Long> kinds = new HashMap<>();
    for (Row r : staged.groupBy("kind").agg(count(lit(1))).collectAsList()) {
      kinds.put(r.getString(0), r.getLong(1));
    }
    long accepted = kinds.getOrDefault(EVENT, 0L);
    long rejected = kinds.getOrDefault(QUARANTINED, 0L);

    // One version per id: ids the file repeats are resolved in the driver by the shared rules.
    Dataset<Row> events = staged.filter(col("kind").equalTo(EVENT));
    Dataset<Row> repeated =
        events
            .groupBy("id")
            .agg(count(lit(1)).as("n"))
            .filter(col("n").gt(1))
            .select(col("id").as("repeated_id"));
    Column isRepeated = events.col("id").equalTo(repeated.col("repeated_id"));
    FileRows rowsOfRepeats = new FileRows(ref);
    for (Row r : events.join(repeated, isRepeated).collectAsList()) {
      rowsOfRepeats.add(
          new StagedEvent(
              EventRows.toEvent(r),
              EventRows.actors(r),
              r.<Long>getAs("core_hash"),
              r.<Long>getAs("content_hash")),
          new LineRange(r.<Long>getAs("line_number"), r.<Long>getAs("line_last")));
    }
    FileRows.Resolved resolved = rowsOfRepeats.resolve(file.raw());
    List<Row> resolvedRows = new ArrayList<>();
    for (StagedEvent s : resolved.versions()) {
      resolvedRows.add(EventRows.partitioned(s.event(), s.actors(), s.contentHash()));
    }
    Column[] partitioned = columns(EventRows.PARTITIONED);
    Dataset<Row> versions =
        events
            .join(repeated, isRepeated, "left_anti")
            .select(partitioned)
            .unionByName(spark.createDataFrame(resolvedRows, EventRows.PARTITIONED));

    Dataset<Row> classified = classify(spark, versions, stagingUri + "-classified");
    Map<String, Long> outcomes = new HashMap<>();
    for (Row r : classified.groupBy("outcome").agg(count(lit(1))).collectAsList()) {
      outcomes.put(r.getString(0), r.getLong(1));
    }
    long inserted = outcomes.getOrDefault(INSERT, 0L);
    long updated = outcomes.getOrDefault(UPDATE, 0L);
    long unchanged =
        outcomes.getOrDefault(OLDER, 0L)
            + outcomes.getOrDefault(RENEW, 0L)
            + outcomes.getOrDefault(SAME, 0L)
            + outcomes.getOrDefault(WITHDRAWN, 0L);

    Manifest m = warehouse.manifest();
    Map<String, String> partitions = new TreeMap<>(m.partitions());
    Map<String, List<String>> tables = new TreeMap<>(m.tables());
    List<Dataset<Row>> history = new ArrayList<>();
    Set<String> touched = touched(classified);
    if (!touched.isEmpty()) {
      Dataset<Row> base = warehouse.readEvents(p -> touched.contains(p.key()));
      Dataset<Row> leaving =
          classified
              .filter(col("outcome").isin(UPDATE, RENEW))
              .select(
                  col("id").as("leaving_id"),
                  col("outcome").as("leaving_outcome"),
                  col("flags").as("renewed_flags"));
      Dataset<Row> kept =
          base.join(leaving, base.col("id").equalTo(leaving.col("leaving_id")), "left_anti");
      Dataset<Row> leavingRows =
          base.join(leaving, base.col("id").equalTo(leaving.col("leaving_id")));
      Dataset<Row> renewed =
          leavingRows
              .filter(col("leaving_outcome").equalTo(RENEW))
              .withColumn("flags", col("renewed_flags"))
              .select(columns(EventRows.EVENT));
      Dataset<Row> replacedOld =
          leavingRows
              .filter(col("leaving_outcome").equalTo(UPDATE))
              .select(columns(EventRows.EVENT));
      Dataset<Row> fresh =
          classified.filter(col("outcome").isin(INSERT, UPDATE)).select(partitioned);
      Dataset<Row> all =
          SparkEventCommits.withPartition(kept)
              .unionByName(fresh)
              .unionByName(SparkEventCommits.withPartition(renewed));
      Map<String, String> written = warehouse.writeEvents(all, version);
      touched.forEach(partitions::remove);
      partitions.putAll(written);
      if (updated > 0) {
        history.add(SparkEventCommits.asHistory(replacedOld, now, lit(ref.sha256()), lit(null)));
      }
    }
    if (outcomes.getOrDefault(OLDER, 0L) > 0) {
      history.add(olderNotInHistory(classified, now));
    }
    if (!history.isEmpty()) {
      Dataset<Row> all = history.get(0);
      for (int i = 1; i < history.size(); i++) {
        all = all.unionByName(history.get(i));
      }
      store.append(tables, Tables.HISTORY, all, version);
    }
    quarantine(tables, staged, resolved.conflicts(), ref, now, version);
    long quarantined = rejected + resolved.conflicts().size();
    long rowsRead = accepted + rejected;
    WriteOutcome outcome =
        new WriteOutcome(inserted, updated, unchanged, resolved.merged(), quarantined);
    store.logFile(
        tables,
        ref,
        file.format(),
        rowsRead,
        new long[] {inserted, updated, unchanged, resolved.merged(), quarantined},
        now,
        version);
    warehouse.commit(new Manifest(version, partitions, tables));
    return new SplitWriter.Outcome<>(outcome, rowsRead, summaries);
  }

  /**
   * The file's pieces as {from, to, first line}: cut in the driver at line feeds, then the lines of
   * each counted by the executors.
   */
  private static List<long[]> pieces(SplitFile<?> file, JavaSparkContext jsc) {
    int wanted =
        (int)
            Math.max(
                2L * jsc.defaultParallelism(),
                Math.min(Integer.MAX_VALUE / 2, ceilDiv(fileLength(file), PIECE_BYTES)));
    long[] cuts = file.cuts(wanted);
    List<long[]> ranges = new ArrayList<>();
    for (int i = 0; i + 1 < cuts.length; i++) {
      ranges.add(new long[] {cuts[i], cuts[i + 1]});
    }
    if (ranges.isEmpty()) {
      return ranges;
    }
    List<Long> lines =
        jsc.parallelize(ranges, ranges.size()).map(r -> file.countLines(r[0], r[1])).collect();
    List<long[]> pieces = new ArrayList<>(ranges.size());
    long first = 1;
    for (int i = 0; i < ranges.size(); i++) {
      pieces.add(new long[] {ranges.get(i)[0], ranges.get(i)[1], first, i});
      first += lines.get(i);
    }
    return pieces;
  }

  private static long fileLength(SplitFile<?> file) {
    long[] whole = file.cuts(1);
    return whole.length == 0 ? 0 : whole[whole.length - 1];
  }

  private static long ceilDiv(long a, long b) {
    return (a + b - 1) / b;
  }

  /** The staged rows of one piece, read on an executor, its summary last. */
  private static <S extends Serializable> List<Row> readPiece(SplitFile<S> file, long[] piece) {
    int index = (int) piece[3];
    List<Row> out = new ArrayList<>();
    int width = STAGED.size();
    int lineLast = STAGED.fieldIndex("line_last");
    int coreHash = STAGED.fieldIndex("core_hash");
    int q = STAGED.fieldIndex("q_dataset");
    S summary =
        file.read(
            piece[0],
            piece[1],
            piece[2],
            new SplitFile.RowSink() {
              @Override
              public void accepted(StagedEvent event, LineRange lines) {
                Object[] v = new Object[width];
                v[0] = EVENT;
                v[1] = index;
                Row row = EventRows.partitioned(event.event(), event.actors(), event.contentHash());
                for (int i = 0; i < row.size(); i++) {
                  v[2 + i] = external(row.get(i));
                }
                v[lineLast] = lines.last();
                v[coreHash] = event.coreHash();
                out.add(RowFactory.create(v));
              }

              @Override
              public void rejected(RejectedRow r) {
                Object[] v = new Object[width];
                v[0] = QUARANTINED;
                v[1] = index;
                Object[] quarantine = quarantineValues(r);
                for (int i = 0; i < quarantine.length; i++) {
                  v[q + i] = external(quarantine[i]);
                }
                out.add(RowFactory.create(v));
              }
            });
    Object[] v = new Object[width];
    v[0] = SUMMARY;
    v[1] = index;
    v[width - 1] = serialize(summary);
    out.add(RowFactory.create(v));
    return out;
  }

  /**
   * A value as rows made on an executor hold it: a list as a Scala sequence (rows handed to Spark
   * from the driver may hold Java lists; rows of a distributed dataset may not).
   */
  private static Object external(Object value) {
    return value instanceof List<?> list ? CollectionConverters.asScala(list).toSeq() : value;
  }

  /** A rejected row's quarantine columns, in {@link #QUARANTINE_COLUMNS} order. */
  static Object[] quarantineValues(RejectedRow r) {
    return new Object[] {
      r.dataset(),
      r.path(),
      r.fileSha256(),
      r.lineNumber(),
      r.problemCodes(),
      r.problemColumns(),
      r.problemMessages(),
      r.message(),
      r.raw()
    };
  }

  private static byte[] serialize(Serializable o) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(o);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  private static Object deserialize(byte[] bytes) {
    try (ObjectInputStream in =
        new ObjectInputStream(new ByteArrayInputStream(bytes)) {
          @Override
          protected Class<?> resolveClass(java.io.ObjectStreamClass desc)
              throws IOException, ClassNotFoundException {
            return Class.forName(
                desc.getName(), false, Thread.currentThread().getContextClassLoader());
          }
        }) {
      return in.readObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException("a piece's summary cannot be read back", e);
    }
  }

  /** The pieces' summaries, in file order. */
  @SuppressWarnings("unchecked") // the pieces' summaries are what file.read returned: S
  private static <S extends Serializable> List<S> summaries(
      SplitFile<S> file, Dataset<Row> staged, int pieces) {
    List<Row> rows =
        staged
            .filter(col("kind").equalTo(SUMMARY))
            .select("piece", "summary")
            .orderBy("piece")
            .collectAsList();
    if (rows.size() != pieces) {
      throw new IllegalStateException(
          "pieces of " + file.file().path() + " read: " + rows.size() + " of " + pieces);
    }
    List<S> out = new ArrayList<>(rows.size());
    for (Row r : rows) {
      out.add((S) deserialize((byte[]) r.get(1)));
    }
    return out;
  }

  private static Column[] columns(StructType schema) {
    String[] names = schema.fieldNames();
    Column[] out = new Column[names.length];
    for (int i = 0; i < names.length; i++) {
      out[i] = col(names[i]);
    }
    return out;
  }

  /**
   * The file's versions with what becomes of each ({@code outcome}) and what the store holds of its
   * id ({@code held_*}), by the rules of {@link Revisions}, written to a staging folder so that the
   * join runs once.
   */
  private Dataset<Row> classify(SparkSession spark, Dataset<Row> versions, String uri) {
    Dataset<Row> held =
        warehouse
            .readEvents(null)
            .select(
                col("id").as("held_id"),
                col("source_timestamp").as("held_timestamp"),
                col("content_hash").as("held_hash"),
                col("flags").as("held_flags"),
                col("file_sha256").as("held_file"),
                col("country_iso3").as("held_country"),
                year(col("event_date")).as("held_year"));
    Dataset<Row> withdrawn =
        warehouse
            .read(Tables.WITHDRAWALS, Tables.WITHDRAWAL_ROWS)
            .groupBy(col("id").as("withdrawn_id"))
            .agg(max("withdrawn_at").as("withdrawn_at"));
    Column stored = col("held_id").isNotNull();
    Column outcome =
        when(
                col("held_id")
                    .isNull()
                    .and(col("withdrawn_at").isNotNull())
                    .and(
                        REINSTATES
                            .apply(col("withdrawn_at"), col("source_timestamp"))
                            .equalTo(false)),
                lit(WITHDRAWN))
            .when(col("held_id").isNull(), lit(INSERT))
            .when(
                stored.and(
                    REPLACES.apply(
                        col("held_timestamp"),
                        col("held_hash"),
                        col("source_timestamp"),
                        col("content_hash"))),
                lit(UPDATE))
            .when(col("held_hash").notEqual(col("content_hash")), lit(OLDER))
            .when(col("held_flags").equalTo(col("flags")), lit(SAME))
            .otherwise(lit(RENEW));
    versions
        .join(held, versions.col("id").equalTo(held.col("held_id")), "left_outer")
        .join(withdrawn, col("id").equalTo(col("withdrawn_id")), "left_outer")
        .withColumn("outcome", outcome)
        .drop("held_id", "held_flags", "withdrawn_id", "withdrawn_at", "held_timestamp")
        .write()
        .mode(SaveMode.ErrorIfExists)
        .parquet(uri);
    return spark.read().parquet(uri);
  }

  /** A timestamp as a UDF gets it: an {@link Instant}, the session reading dates as java.time. */
  private static Instant instant(Object o) {
    if (o == null || o instanceof Instant) {
      return (Instant) o;
    }
    throw new IllegalStateException(
        "a timestamp came as " + o.getClass().getName() + ", not java.time.Instant");
  }

  /** The partitions a write changes: of its new rows, and of the stored rows it replaces. */
  private static Set<String> touched(Dataset<Row> classified) {
    Set<String> keys = new HashSet<>();
    for (Row r :
        classified
            .filter(col("outcome").isin(INSERT, UPDATE))
            .select("part_country", "part_year")
            .distinct()
            .collectAsList()) {
      keys.add(new EventRows.Partition(r.getString(0), r.getInt(1)).key());
    }
    for (Row r :
        classified
            .filter(col("outcome").isin(UPDATE, RENEW))
            .select("held_country", "held_year")
            .distinct()
            .collectAsList()) {
      keys.add(new EventRows.Partition(r.getString(0), r.getInt(1)).key());
    }
    return keys;
  }

  /**
   * Versions read that are older than the stored ones, for history, once per event and content:
   * superseded by the current version's file.
   */
  private Dataset<Row> olderNotInHistory(Dataset<Row> classified, Instant now) {
    Dataset<Row> inHistory =
        warehouse
            .read(Tables.HISTORY, EventRows.HISTORY)
            .select(col("id").as("h_id"), col("content_hash").as("h_hash"));
    Dataset<Row> older = classified.filter(col("outcome").equalTo(OLDER));
    return SparkEventCommits.asHistory(
        older.join(
            inHistory,
            older
                .col("id")
                .equalTo(col("h_id"))
                .and(older.col("content_hash").equalTo(col("h_hash"))),
            "left_anti"),
        now,
        col("held_file"),
        lit(null));
  }

  /**
   * The file's rejected rows and conflicting repeats into the quarantine, once per file and line
   * however often the file is read.
   */
  private void quarantine(
      Map<String, List<String>> tables,
      Dataset<Row> staged,
      List<RejectedRow> conflicts,
      FileRef ref,
      Instant now,
      long version) {
    Column[] q = new Column[QUARANTINE_COLUMNS.size()];
    for (int i = 0; i < q.length; i++) {
      q[i] = col("q_" + QUARANTINE_COLUMNS.get(i)).as(QUARANTINE_COLUMNS.get(i));
    }
    StructType conflictSchema = new StructType();
    for (String c : QUARANTINE_COLUMNS) {
      conflictSchema = conflictSchema.add(Tables.QUARANTINE_ROWS.apply(c));
    }
    List<Row> conflictRows = new ArrayList<>();
    for (RejectedRow r : conflicts) {
      conflictRows.add(RowFactory.create(quarantineValues(r)));
    }
    Dataset<Row> rows =
        staged
            .filter(col("kind").equalTo(QUARANTINED))
            .select(q)
            .unionByName(store.spark().createDataFrame(conflictRows, conflictSchema));
    Dataset<Row> held =
        warehouse
            .read(tables.getOrDefault(Tables.QUARANTINE, List.of()), Tables.QUARANTINE_ROWS)
            .filter(col("file_sha256").equalTo(ref.sha256()))
            .select(col("line_number").as("held_line"));
    Dataset<Row> fresh =
        rows.join(held, rows.col("line_number").equalTo(col("held_line")), "left_anti")
            .withColumn("quarantined_at", lit(now))
            .withColumn("write_version", lit(version));
    if (!fresh.isEmpty()) {
      store.append(
          tables, Tables.QUARANTINE, fresh.select(columns(Tables.QUARANTINE_ROWS)), version);
    }
  }
}
