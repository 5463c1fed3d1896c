package org.harmattan.bench;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
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
 *
 * <p>Each side runs {@value #ROUNDS} times, the two in turns, each time in a JVM of its own started
 * with this one's options (a cold start, as a user's {@code harmattan ingest} is) into a new
 * database; the ratio is that of the medians. The ratio of a single run of each had moved by up to
 * a tenth of itself between runs of the same code on a shared machine.
 */
public final class IngestBenchmark {
  private static final String SAMPLE = "acled/acled_global_2022H1_sample9000__acledR.csv";

  /** Runs of each side. */
  private static final int ROUNDS = 3;

  /** The first argument that makes this JVM one side's run: {@code --side NAME CSV DATABASE}. */
  private static final String SIDE = "--side";

  /** The line a side's run ends with: its seconds, rows in, rows quarantined, peak heap bytes. */
  private static final String RESULT = "RESULT";

  private IngestBenchmark() {}

  /** What one side's run measured. */
  private record Run(double seconds, long rows, long quarantined, long peakHeap) {}

  public static void main(String[] args) throws Exception {
    if (args.length == 4 && args[0].equals(SIDE)) {
      Run run =
          args[1].equals("reference")
              ? duckDbReadCsv(Path.of(args[2]), Path.of(args[3]))
              : harmattanIngest(Path.of(args[2]), Path.of(args[3]));
      System.out.printf(
          Locale.ROOT,
          "%s %s %d %d %d%n",
          RESULT,
          Double.toString(run.seconds()),
          run.rows(),
          run.quarantined(),
          run.peakHeap());
      return;
    }
    long rows = args.length > 0 ? Long.parseLong(args[0]) : 1_000_000L;
    Path data = args.length > 1 ? Path.of(args[1]) : Path.of("../shared/data");
    Path sample = data.resolve(SAMPLE);
    if (!Files.exists(sample)) {
      System.err.println(
          "bench: " + sample + " not found; the benchmark scales up real ACLED rows from it");
      System.exit(2);
    }
    Path work = Files.createTempDirectory("harmattan-bench");
    try {
      run(rows, sample, work);
    } finally {
      BenchSupport.deleteTree(work);
    }
  }

  private static void run(long rows, Path sample, Path work) throws IOException {
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
    double[] reference = new double[ROUNDS];
    double[] ours = new double[ROUNDS];
    long peak = 0;
    for (int r = 0; r < ROUNDS; r++) {
      Run ref = side("reference", csv, work.resolve("reference-" + r + ".duckdb"));
      Run run = side("ingest", csv, work.resolve("store-" + r + ".duckdb"));
      if (ref.rows() != rows || run.rows() + run.quarantined() != rows) {
        System.err.printf(
            Locale.ROOT,
            "bench: FAIL: %,d rows written; DuckDB loaded %,d, Harmattan inserted %,d and"
                + " quarantined %,d%n",
            rows,
            ref.rows(),
            run.rows(),
            run.quarantined());
        System.exit(1);
      }
      reference[r] = ref.seconds();
      ours[r] = run.seconds();
      peak = Math.max(peak, run.peakHeap());
      System.out.printf(
          Locale.ROOT,
          "Run %d: DuckDB read_csv into a table %.2f s; Harmattan ingest (validation, provenance,"
              + " versioned merge) %.2f s, %,d inserted, %,d quarantined%n",
          r + 1,
          ref.seconds(),
          run.seconds(),
          run.rows(),
          run.quarantined());
    }
    double refMedian = BenchSupport.median(reference);
    double oursMedian = BenchSupport.median(ours);
    System.out.printf(
        Locale.ROOT,
        "Reference, DuckDB read_csv into a table: %.2f s (%,.0f rows/s; median of %d runs, each"
            + " in a new JVM, in turns with Harmattan's)%n",
        refMedian,
        rows / refMedian,
        ROUNDS);
    System.out.printf(
        Locale.ROOT,
        "Harmattan ingest (validation, provenance, versioned merge): %.2f s (%,.0f rows/s; median"
            + " of %d runs, each in a new JVM)%n",
        oursMedian,
        rows / oursMedian,
        ROUNDS);
    System.out.printf(
        Locale.ROOT,
        "Peak heap used: %,d MB (max heap %,d MB)%n",
        peak >> 20,
        Runtime.getRuntime().maxMemory() >> 20);
    System.out.printf(
        Locale.ROOT,
        "Ratio Harmattan / DuckDB read_csv: %.2fx (target: within 2x)%n",
        oursMedian / refMedian);
  }

  /**
   * Runs one side in a JVM of its own, started with this JVM's options and class path; its standard
   * error is this one's.
   */
  private static Run side(String name, Path csv, Path database) throws IOException {
    List<String> command =
        BenchSupport.javaCommand(
            IngestBenchmark.class, List.of(SIDE, name, csv.toString(), database.toString()));
    Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    String result = null;
    try (BufferedReader out =
        new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = out.readLine(); line != null; line = out.readLine()) {
        if (line.startsWith(RESULT + " ")) {
          result = line;
        }
      }
    }
    int exit = BenchSupport.exitCode(p, "the " + name + " run was going");
    if (exit != 0 || result == null) {
      throw new IOException("the " + name + " run ended with exit code " + exit + ", no result");
    }
    String[] f = result.split(" ", -1);
    Files.deleteIfExists(database);
    return new Run(
        Double.parseDouble(f[1]), Long.parseLong(f[2]), Long.parseLong(f[3]), Long.parseLong(f[4]));
  }

  private static Run harmattanIngest(Path csv, Path database) throws IOException, SQLException {
    // DuckDB's native library is loaded before the clock starts, as it is for the reference, whose
    // time starts with its connection open.
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:")) {
      c.getMetaData();
    }
    HeapWatch heap = new HeapWatch();
    heap.start();
    long t0 = System.nanoTime();
    IngestReport report;
    try (DuckDbStore store = DuckDbStore.open(database)) {
      report =
          new EventIngest(LocalDate.now(ZoneOffset.UTC))
              .ingest(SourceFile.inspect(csv), Optional.empty(), store.events(), b -> {});
    }
    double seconds = BenchSupport.seconds(t0);
    return new Run(seconds, report.inserted(), report.quarantined(), heap.stopWatching());
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

  private static Run duckDbReadCsv(Path csv, Path db) throws SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + db);
        Statement s = c.createStatement()) {
      long t0 = System.nanoTime();
      s.execute("CREATE TABLE raw AS SELECT * FROM read_csv('" + csv + "', header = true)");
      double seconds = BenchSupport.seconds(t0);
      try (ResultSet rs = s.executeQuery("SELECT count(*) FROM raw")) {
        rs.next();
        return new Run(seconds, rs.getLong(1), 0, 0);
      }
    }
  }

  /** Samples used heap every 50 ms. */
  private static final class HeapWatch extends Thread {
    private volatile boolean running = true;
    private volatile long peakBytes;

    HeapWatch() {
      setDaemon(true);
    }

    @Override
    public void run() {
      long peak = 0;
      while (running) {
        long used = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
          if (pool.getType() == MemoryType.HEAP) {
            used += pool.getUsage().getUsed();
          }
        }
        peak = Math.max(peak, used);
        peakBytes = peak;
        try {
          Thread.sleep(50);
        } catch (InterruptedException e) {
          return;
        }
      }
    }

    /** Stops sampling and returns the peak seen. */
    long stopWatching() {
      running = false;
      interrupt();
      try {
        join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return peakBytes;
    }
  }
}
