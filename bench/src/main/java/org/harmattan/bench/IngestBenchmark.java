package org.harmattan.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.harmattan.engine.duckdb.DuckDbStore;
import org.harmattan.ingest.EventIngest;
import org.harmattan.ingest.IngestReport;
import org.harmattan.ingest.SourceFile;

/**
 * Ingest throughput against DuckDB's own {@code read_csv} of the same file, in the same run.
 *
 * <p>The input is made by scaling up the real rows of the 2022 ACLED sample in ../shared/data: each
 * copy of a row gets a new event id, so every row is a distinct event. The benchmark says so in its
 * output.
 */
public final class IngestBenchmark {
  private static final String SAMPLE = "acled/acled_global_2022H1_sample9000__acledR.csv";

  private IngestBenchmark() {}

  public static void main(String[] args) throws Exception {
    long rows = args.length > 0 ? Long.parseLong(args[0]) : 1_000_000L;
    Path data = args.length > 1 ? Path.of(args[1]) : Path.of("../shared/data");
    Path sample = data.resolve(SAMPLE);
    if (!Files.exists(sample)) {
      System.err.println(
          "bench: " + sample + " not found; the benchmark scales up real ACLED rows from it");
      System.exit(2);
    }
    Path work = Files.createTempDirectory("harmattan-bench");
    Path csv = work.resolve("acled-scaled.csv");
    System.out.printf(
        Locale.ROOT,
        "Input: %,d rows made by scaling up the %s real rows of %s (event ids rewritten per"
            + " copy)%n",
        rows,
        "9,000",
        SAMPLE);
    scaleUp(sample, csv, rows);
    System.out.printf(Locale.ROOT, "File: %s, %,d MB%n", csv, Files.size(csv) >> 20);

    double reference = duckDbReadCsv(csv, work.resolve("reference.duckdb"));
    System.out.printf(
        Locale.ROOT,
        "Reference, DuckDB read_csv into a table: %.2f s (%,.0f rows/s)%n",
        reference,
        rows / reference);

    HeapWatch heap = new HeapWatch();
    heap.start();
    long t0 = System.nanoTime();
    IngestReport report;
    try (DuckDbStore store = DuckDbStore.open(work.resolve("store.duckdb"))) {
      report =
          new EventIngest(LocalDate.now(ZoneOffset.UTC))
              .ingest(SourceFile.inspect(csv), Optional.empty(), store.events(), b -> {});
    }
    double seconds = (System.nanoTime() - t0) / 1e9;
    heap.stopWatching();
    System.out.printf(
        Locale.ROOT,
        "Harmattan ingest (validation, provenance, versioned merge): %.2f s (%,.0f rows/s);"
            + " %,d inserted, %,d quarantined%n",
        seconds,
        rows / seconds,
        report.inserted(),
        report.quarantined());
    System.out.printf(
        Locale.ROOT,
        "Peak heap used: %,d MB (max heap %,d MB)%n",
        heap.peakBytes >> 20,
        Runtime.getRuntime().maxMemory() >> 20);
    System.out.printf(
        Locale.ROOT,
        "Ratio Harmattan / DuckDB read_csv: %.2fx (target: within 2x)%n",
        seconds / reference);
    BenchSupport.deleteTree(work);
  }

  private static void scaleUp(Path sample, Path out, long rows) throws IOException {
    List<String> lines = Files.readAllLines(sample, StandardCharsets.UTF_8);
    List<String> data = lines.subList(1, lines.size());
    try (BufferedWriter w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
      w.write(lines.get(0));
      w.newLine();
      long written = 0;
      for (int copy = 0; written < rows; copy++) {
        for (String line : data) {
          if (written >= rows) {
            break;
          }
          // The first field is the quoted event id: "UGA7752" -> "UGA7752x12".
          int close = line.indexOf('"', 1);
          w.write(line, 0, close);
          w.write("x");
          w.write(Integer.toString(copy));
          w.write(line, close, line.length() - close);
          w.newLine();
          written++;
        }
      }
    }
  }

  private static double duckDbReadCsv(Path csv, Path db) throws SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + db);
        Statement s = c.createStatement()) {
      long t0 = System.nanoTime();
      s.execute("CREATE TABLE raw AS SELECT * FROM read_csv('" + csv + "', header = true)");
      double seconds = (System.nanoTime() - t0) / 1e9;
      try (ResultSet rs = s.executeQuery("SELECT count(*) FROM raw")) {
        rs.next();
        System.out.printf(Locale.ROOT, "Reference loaded %,d rows%n", rs.getLong(1));
      }
      return seconds;
    }
  }

  /** Samples used heap every 50 ms. */
  private static final class HeapWatch extends Thread {
    volatile boolean running = true;
    long peakBytes;

    HeapWatch() {
      setDaemon(true);
    }

    @Override
    public void run() {
      while (running) {
        long used = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
          if (pool.getType() == MemoryType.HEAP) {
            used += pool.getUsage().getUsed();
          }
        }
        peakBytes = Math.max(peakBytes, used);
        try {
          Thread.sleep(50);
        } catch (InterruptedException e) {
          return;
        }
      }
    }

    void stopWatching() {
      running = false;
    }
  }
}
