package org.harmattan.engine.spark;

import org.apache.spark.sql.SparkSession;
import org.harmattan.domain.error.ErrorCategory;
import org.harmattan.domain.error.HarmattanException;
import org.harmattan.domain.problem.ProblemCode;

/**
 * The Spark session of this JVM: one, shared by every store opened on the same master (a session
 * takes seconds to start), started again when a store asks for another master, and stopped when the
 * JVM ends.
 */
final class SparkSessions {
  /** The master when none is named: every core of this machine. */
  static final String LOCAL = "local[*]";

  private static SparkSession session;
  private static String master;

  private SparkSessions() {}

  /** The session on {@code sparkMaster} ({@code local[*]}, {@code spark://host:port}, …). */
  static synchronized SparkSession on(String sparkMaster) {
    String wanted = sparkMaster == null || sparkMaster.isBlank() ? LOCAL : sparkMaster.strip();
    if (session != null && wanted.equals(master) && !session.sparkContext().isStopped()) {
      return session;
    }
    stop();
    if (wanted.startsWith("spark://")) {
      requireReachable(wanted);
    }
    try {
      SparkSession.Builder b =
          SparkSession.builder()
              .appName("harmattan")
              .master(wanted)
              .config("spark.ui.enabled", "false")
              .config("spark.sql.session.timeZone", "UTC")
              .config("spark.sql.datetime.java8API.enabled", "true")
              .config("spark.sql.ansi.enabled", "true")
              // Plans of the 44 event columns are printed whole in errors.
              .config("spark.sql.debug.maxToStringFields", "200")
              // A store's tables are small next to what Spark's default of 200 shuffle partitions
              // is
              // made for; adaptive execution coalesces further.
              .config("spark.sql.shuffle.partitions", wanted.startsWith("local") ? "2" : "8")
              // Re-planning at run time pays on large joins, not on a store's lookups of a few
              // thousand ids, where it adds a stage to every query.
              .config("spark.sql.adaptive.enabled", "false")
              .config("spark.sql.parquet.compression.codec", "zstd")
              // The driver lists a store's folders itself: a listing job on the cluster costs more
              // than it saves until there are many thousands of them.
              .config("spark.sql.sources.parallelPartitionDiscovery.threshold", "100000")
              // Every write goes to a new folder that only the manifest makes visible: the
              // committer's second algorithm (one rename per task, not two) and no _SUCCESS marker
              // are safe here and save a file operation per folder.
              .config("spark.hadoop.mapreduce.fileoutputcommitter.algorithm.version", "2")
              .config("spark.hadoop.mapreduce.fileoutputcommitter.marksuccessfuljobs", "false")
              .config("spark.hadoop.parquet.summary.metadata.level", "NONE");
      if (wanted.startsWith("local") || onLoopback(wanted)) {
        // Executors in this JVM or on this machine reach the driver on loopback; a cluster of
        // other machines needs the address Spark picks (or SPARK_LOCAL_IP names).
        b.config("spark.driver.host", "127.0.0.1").config("spark.driver.bindAddress", "127.0.0.1");
      }
      if (wanted.startsWith("local")) {
        // In local mode this JVM writes every file itself (a cluster's executors keep Hadoop's).
        b.config("spark.hadoop.fs.file.impl", NioLocalFileSystem.class.getName());
        // A brief asks dozens of questions of different shapes of one machine's store: compiling
        // each query into Java code costs more than it saves there (the engine contract suite
        // runs in two thirds of the time without it). A cluster, made for large scans, keeps it.
        b.config("spark.sql.codegen.wholeStage", "false");
      }
      if (wanted.startsWith("spark://")) {
        // A standalone cluster's workers start executors that must reach this driver.
        b.config("spark.executor.memory", "1g");
        // Executors run Harmattan's code when they read a file in pieces: the driver ships it.
        b.config(
            "spark.jars",
            String.join(",", ApplicationJars.of(System.getProperty("java.class.path", ""))));
      }
      session = b.getOrCreate();
      master = wanted;
      return session;
    } catch (RuntimeException e) {
      session = null;
      master = null;
      throw new HarmattanException(
          ErrorCategory.USER_INPUT,
          ProblemCode.ENGINE_UNREACHABLE,
          "could not start Spark on master "
              + wanted
              + ": "
              + e.getMessage()
              + " (expected local[N] or the spark://host:port of a running standalone master)",
          e);
    }
  }

  /**
   * Fails with one clear line when no master of a {@code spark://host:port[,host:port]} address
   * accepts a connection: Spark itself would retry for a minute and then stop with a stack trace.
   */
  static void requireReachable(String url) {
    String hosts = url.substring("spark://".length());
    String last = "no address";
    for (String hostPort : hosts.split(",", -1)) {
      int colon = hostPort.lastIndexOf(':');
      if (colon < 0) {
        last = "no port in " + hostPort;
        continue;
      }
      try (java.net.Socket s = new java.net.Socket()) {
        s.connect(
            new java.net.InetSocketAddress(
                hostPort.substring(0, colon), Integer.parseInt(hostPort.substring(colon + 1))),
            3000);
        return;
      } catch (java.io.IOException | NumberFormatException e) {
        last = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      }
    }
    throw new HarmattanException(
        ErrorCategory.USER_INPUT,
        ProblemCode.ENGINE_UNREACHABLE,
        "the Spark master "
            + url
            + " cannot be reached ("
            + last
            + "); start it (sbin/start-master.sh of a Spark 4.2 installation) or give the"
            + " spark://host:port it prints with --spark-master");
  }

  /** Whether every master of a {@code spark://} address is on this machine's loopback. */
  static boolean onLoopback(String url) {
    if (!url.startsWith("spark://")) {
      return false;
    }
    for (String hostPort : url.substring("spark://".length()).split(",", -1)) {
      int colon = hostPort.lastIndexOf(':');
      String host = colon < 0 ? hostPort : hostPort.substring(0, colon);
      if (!host.equals("localhost") && !host.startsWith("127.")) {
        return false;
      }
    }
    return true;
  }

  /** Stops the session, if one runs. */
  static synchronized void stop() {
    if (session != null) {
      session.stop();
      session = null;
      master = null;
    }
  }
}
