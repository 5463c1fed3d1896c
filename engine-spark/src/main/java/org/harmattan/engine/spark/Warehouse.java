package org.harmattan.engine.spark;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.harmattan.domain.error.ErrorCategory;
import org.harmattan.domain.error.HarmattanException;
import org.harmattan.domain.problem.ProblemCode;

/**
 * The folder of a Spark store: Parquet folders, and a manifest ({@code manifest.json}) naming which
 * of them make up each table. A write puts its rows in new folders and then replaces the manifest
 * in one atomic move: that move is the commit, so readers never see half a write and a write that
 * fails or is abandoned leaves the store as it was (its folders, named by no manifest, are removed
 * at the next commit or open).
 *
 * <p>Events are partitioned by country and year: the manifest names one folder per partition, and a
 * write rewrites only the partitions it changes (copy on write), so that a query for one country
 * and window reads only the folders of that country's years. The other tables are lists of folders
 * a write appends one to ({@code history}, {@code quarantine}, {@code files}, {@code withdrawals})
 * or small tables a write replaces whole (accounts, alerts, series).
 */
final class Warehouse {
  static final String EVENTS = "events";

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String MANIFEST = "manifest.json";

  private final SparkSession spark;
  private final Path root;
  private Manifest manifest;

  /**
   * What the store holds: the version of the last commit, the folder of each event partition
   * (relative to the root, by {@code COUNTRY/YEAR}) and the folders of every other table.
   */
  record Manifest(long version, Map<String, String> partitions, Map<String, List<String>> tables) {
    Manifest {
      partitions = new TreeMap<>(partitions);
      Map<String, List<String>> copy = new TreeMap<>();
      tables.forEach((k, v) -> copy.put(k, List.copyOf(v)));
      tables = copy;
    }

    static Manifest empty() {
      return new Manifest(0, Map.of(), Map.of());
    }
  }

  private final boolean readOnly;

  /** The lock a writing process holds on {@code write.lock}: one writer per warehouse. */
  private java.nio.channels.FileChannel lockFile;

  private java.nio.channels.FileLock lock;

  /**
   * The warehouse at {@code root}, created when missing unless {@code readOnly}; a read-only
   * warehouse leaves folders no manifest names alone (a writer may be filling them).
   */
  Warehouse(SparkSession spark, Path root, boolean readOnly) {
    this.spark = spark;
    this.root = root.toAbsolutePath();
    this.readOnly = readOnly;
    try {
      if (!readOnly) {
        Files.createDirectories(this.root);
      }
      Path file = this.root.resolve(MANIFEST);
      manifest =
          Files.exists(file) ? JSON.readValue(file.toFile(), Manifest.class) : Manifest.empty();
    } catch (IOException e) {
      throw failure("opening the warehouse " + this.root, e);
    }
    if (!readOnly) {
      lockForWriting();
      removeUnnamed();
    }
  }

  /** Takes the warehouse's write lock, or fails with a clear message when another holds it. */
  private void lockForWriting() {
    Path file = root.resolve("write.lock");
    try {
      lockFile =
          java.nio.channels.FileChannel.open(
              file,
              java.nio.file.StandardOpenOption.CREATE,
              java.nio.file.StandardOpenOption.WRITE);
      try {
        lock = lockFile.tryLock();
      } catch (java.nio.channels.OverlappingFileLockException e) {
        lock = null;
      }
    } catch (IOException e) {
      throw failure("locking the warehouse " + root, e);
    }
    if (lock == null) {
      close();
      throw HarmattanException.userInput(
          ProblemCode.STORE_LOCKED,
          root
              + ": another process (or another store of this one) is writing to this Spark"
              + " warehouse; wait for it to finish, or open the warehouse to read only");
    }
  }

  /** Releases the write lock. */
  synchronized void close() {
    try {
      if (lock != null) {
        lock.release();
        lock = null;
      }
      if (lockFile != null) {
        lockFile.close();
        lockFile = null;
      }
    } catch (IOException e) {
      throw failure("unlocking the warehouse " + root, e);
    }
  }

  SparkSession spark() {
    return spark;
  }

  Path root() {
    return root;
  }

  synchronized Manifest manifest() {
    return manifest;
  }

  /** The version the next commit gets: new folders are named after it. */
  synchronized long nextVersion() {
    return manifest.version() + 1;
  }

  /** The rows of a table ({@code schema} when it has none yet). */
  Dataset<Row> read(String table, StructType schema) {
    return read(manifest().tables().getOrDefault(table, List.of()), schema);
  }

  /** The rows of the given folders. */
  Dataset<Row> read(Collection<String> folders, StructType schema) {
    if (folders.isEmpty()) {
      return spark.createDataFrame(List.of(), schema);
    }
    String[] paths =
        folders.stream().map(f -> root.resolve(f).toUri().toString()).toArray(String[]::new);
    return spark.read().schema(schema).parquet(paths);
  }

  /** The current events of the partitions {@code keep} accepts (every one when null). */
  Dataset<Row> readEvents(java.util.function.Predicate<EventRows.Partition> keep) {
    List<String> folders = new ArrayList<>();
    manifest()
        .partitions()
        .forEach(
            (key, folder) -> {
              if (keep == null || keep.test(EventRows.Partition.parse(key))) {
                folders.add(folder);
              }
            });
    return read(folders, EventRows.EVENT);
  }

  /** Writes rows into a new folder, which no manifest names yet; returns it (relative). */
  String write(Dataset<Row> rows, String table, long version) {
    String folder = table + "/v" + version + "-" + java.util.UUID.randomUUID();
    rows.coalesce(1)
        .write()
        .mode(SaveMode.ErrorIfExists)
        .parquet(root.resolve(folder).toUri().toString());
    return folder;
  }

  /**
   * Writes event rows ({@link EventRows#PARTITIONED}) into a new folder, one subfolder per
   * partition; returns the subfolder of each partition written, by key.
   */
  Map<String, String> writeEvents(Dataset<Row> rows, long version) {
    String folder = EVENTS + "/v" + version + "-" + java.util.UUID.randomUUID();
    // One task per partition, so that each partition is one file whatever the files it was read
    // from: otherwise every task writes a file into every partition it holds rows of.
    rows.repartition(
            org.apache.spark.sql.functions.col("part_country"),
            org.apache.spark.sql.functions.col("part_year"))
        .write()
        .mode(SaveMode.ErrorIfExists)
        .partitionBy("part_country", "part_year")
        .parquet(root.resolve(folder).toUri().toString());
    Map<String, String> written = new TreeMap<>();
    Path base = root.resolve(folder);
    if (!Files.isDirectory(base)) {
      return written;
    }
    try (Stream<Path> countries = Files.list(base)) {
      for (Path c : countries.filter(Files::isDirectory).toList()) {
        String country = unescape(c.getFileName().toString(), "part_country=");
        try (Stream<Path> years = Files.list(c)) {
          for (Path y : years.filter(Files::isDirectory).toList()) {
            String year = unescape(y.getFileName().toString(), "part_year=");
            written.put(country + "/" + year, root.relativize(y).toString());
          }
        }
      }
    } catch (IOException e) {
      throw failure("listing the partitions written to " + base, e);
    }
    return written;
  }

  private static String unescape(String name, String prefix) {
    if (!name.startsWith(prefix)) {
      throw new IllegalStateException("not a partition folder: " + name);
    }
    return java.net.URLDecoder.decode(
        name.substring(prefix.length()), java.nio.charset.StandardCharsets.UTF_8);
  }

  /**
   * Commits a new manifest: the one move that makes a write visible. Folders the old manifest named
   * and the new one does not are removed afterwards.
   */
  synchronized void commit(Manifest next) {
    if (readOnly) {
      throw new IllegalStateException("the warehouse " + root + " was opened to be read only");
    }
    if (next.version() != manifest.version() + 1) {
      throw new IllegalStateException(
          "manifest version " + next.version() + " does not follow " + manifest.version());
    }
    Path file = root.resolve(MANIFEST);
    Path tmp = root.resolve(MANIFEST + ".tmp");
    try {
      JSON.writerWithDefaultPrettyPrinter().writeValue(tmp.toFile(), next);
      Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw failure("committing the manifest " + file, e);
    }
    manifest = next;
    removeUnnamed();
  }

  /** Removes every data folder the manifest does not name (left by rewrites and failed writes). */
  private void removeUnnamed() {
    Set<String> named = new HashSet<>();
    manifest.tables().values().forEach(named::addAll);
    try (Stream<Path> tables = Files.list(root)) {
      for (Path table : tables.filter(Files::isDirectory).toList()) {
        try (Stream<Path> folders = Files.list(table)) {
          for (Path f : folders.filter(Files::isDirectory).toList()) {
            if (table.getFileName().toString().equals(EVENTS)) {
              removePartitionsNotNamed(f);
            } else if (!named.contains(root.relativize(f).toString())) {
              deleteTree(f);
            }
          }
        }
      }
    } catch (IOException e) {
      throw failure("tidying the warehouse " + root, e);
    }
  }

  /** An events folder holds partitions of which some may still be named. */
  private void removePartitionsNotNamed(Path folder) throws IOException {
    Set<String> named = new HashSet<>(manifest.partitions().values());
    boolean any = false;
    try (Stream<Path> countries = Files.list(folder)) {
      for (Path c : countries.filter(Files::isDirectory).toList()) {
        try (Stream<Path> years = Files.list(c)) {
          for (Path y : years.filter(Files::isDirectory).toList()) {
            if (named.contains(root.relativize(y).toString())) {
              any = true;
            } else {
              deleteTree(y);
            }
          }
        }
      }
    }
    if (!any) {
      deleteTree(folder);
    }
  }

  private static void deleteTree(Path p) throws IOException {
    try (Stream<Path> all = Files.walk(p)) {
      for (Path x : all.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(x);
      }
    }
  }

  static HarmattanException failure(String what, Exception e) {
    return new HarmattanException(
        ErrorCategory.INTERNAL, ProblemCode.STORE_FAILURE, what + " failed: " + e.getMessage(), e);
  }
}
