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
    try {
      SparkSession.Builder b =
          SparkSession.builder()
              .appName("harmattan")
              .master(wanted)
              .config("spark.ui.enabled", "false")
              .config("spark.sql.session.timeZone", "UTC")
              .config("spark.sql.datetime.java8API.enabled", "true")
              .config("spark.sql.ansi.enabled", "true")
              .config("spark.driver.host", "127.0.0.1")
              .config("spark.driver.bindAddress", "127.0.0.1")
              // A store's tables are small next to what Spark's default of 200 shuffle partitions is
              // made for; adaptive execution coalesces further.
              .config("spark.sql.shuffle.partitions", "8")
              .config("spark.sql.parquet.compression.codec", "zstd");
      if (wanted.startsWith("spark://")) {
        // A standalone cluster's workers start executors that must reach this driver.
        b.config("spark.executor.memory", "1g").config("spark.cores.max", "2");
      }
      session = b.getOrCreate();
      master = wanted;
      return session;
    } catch (RuntimeException e) {
      session = null;
      master = null;
      throw new HarmattanException(
          ErrorCategory.USER_INPUT,
          ProblemCode.STORE_FAILURE,
          "could not start Spark on master "
              + wanted
              + ": "
              + e.getMessage()
              + " (expected local[N] or the spark://host:port of a running standalone master)",
          e);
    }
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
