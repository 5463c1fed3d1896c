package org.harmattan.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.harmattan.analytics.indicators.FigureIds;
import org.harmattan.analytics.indicators.SecurityRequest;
import org.harmattan.domain.event.SourceSystem;
import org.harmattan.domain.figure.Period;
import org.harmattan.engine.Store;
import org.harmattan.ingest.EventIngest;
import org.harmattan.ingest.IngestReport;
import org.harmattan.ingest.SourceFile;
import org.harmattan.ingest.common.Countries;
import org.harmattan.service.Stores;

/**
 * The two engines side by side, in one run: for real ACLED rows scaled ×10 and ×100 (by default;
 * {@link ScaledAcled}), the time to ingest the file into a fresh store and to compute a
 * country-year brief's figures (security and early-warning, the engine-bound part of a brief), on
 * the embedded DuckDB store and on Spark in this JVM with one and with two executor cores ({@code
 * local[1]}, {@code local[2]}). Spark runs through the same front door as the command line ({@link
 * Stores#open}), so the Spark engine must be on the class path ({@code bench/run-engines} puts it
 * there). The figures of the three runs must be equal, or the benchmark fails.
 *
 * <p>The same rows are then written as a GDELT 2.0 export ({@link ScaledGdelt}) and timed again:
 * DuckDB reads it row by row, Spark in pieces on its executors.
 *
 * <p>The ratios are what they are on this machine: Spark is built to scale out over a cluster, not
 * to beat an embedded engine on one laptop.
 */
public final class EngineScalingBenchmark {
  private static final int WARM_RUNS = 3;

  private EngineScalingBenchmark() {}

  /** One engine's times on one file. */
  private record Times(
      String engine,
      long inserted,
      double ingest,
      double cold,
      double warm,
      double events,
      double deaths) {}

  public static void main(String[] args) throws Exception {
    List<Integer> scales = new ArrayList<>();
    for (String s : (args.length > 0 ? args[0] : "10,100").split(",", -1)) {
      scales.add(Integer.parseInt(s.strip()));
    }
    Path data = args.length > 1 ? Path.of(args[1]) : Path.of("../shared/data");
    Path sample = ScaledAcled.sampleOrExit(data);
    String[] country = BriefBenchmark.topCountry(sample);
    String iso3 =
        Countries.get()
            .findIso3ByNumeric(Integer.parseInt(country[1]))
            .orElseThrow(() -> new IllegalStateException("no ISO3 for iso " + country[1]));
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    SecurityRequest request =
        new SecurityRequest(
            iso3,
            new Period(
                LocalDate.of(BriefBenchmark.YEAR, 1, 1), LocalDate.of(BriefBenchmark.YEAR, 12, 31)),
            new Period(
                LocalDate.of(BriefBenchmark.COMPARE_YEAR, 1, 1),
                LocalDate.of(BriefBenchmark.COMPARE_YEAR, 12, 31)),
            Set.of(SourceSystem.ACLED),
            today);
    System.out.printf(
        Locale.ROOT,
        "Engines: DuckDB (embedded) and Spark 4.2 in this JVM (local[1], local[2]); %d cores"
            + " available. Brief figures: %s (%s, the country with most rows in the sample), %d"
            + " against %d.%n",
        Runtime.getRuntime().availableProcessors(),
        country[0],
        iso3,
        BriefBenchmark.YEAR,
        BriefBenchmark.COMPARE_YEAR);
    Path work = Files.createTempDirectory("harmattan-engine-bench");
    try {
      for (int scale : scales) {
        Path csv = work.resolve("acled-x" + scale + ".csv");
        long rows = (long) ScaledAcled.write(sample, csv, 1) * scale;
        int sampleRows = ScaledAcled.write(sample, csv, rows);
        System.out.printf(Locale.ROOT, "%n== Real rows scaled x%d ==%n", scale);
        System.out.println(ScaledAcled.describe(rows, sampleRows));
        report(measureAll(work, "x" + scale, csv, request, today));

        // The same rows as a GDELT 2.0 export: Spark reads it in pieces on its executors.
        Path tsv = work.resolve("gdelt-x" + scale + ".tsv");
        long lines = ScaledGdelt.write(csv, tsv);
        Files.delete(csv);
        System.out.printf(
            Locale.ROOT,
            "%n== The same rows as a GDELT 2.0 export (%,d lines, %,d MB; ACLED's types as CAMEO"
                + " codes, its revision times as DATEADDED); Spark reads it in pieces ==%n",
            lines,
            Files.size(tsv) >> 20);
        SecurityRequest gdelt =
            new SecurityRequest(
                request.countryIso3(),
                request.period(),
                request.comparison(),
                Set.of(SourceSystem.GDELT),
                today);
        report(measureAll(work, "g" + scale, tsv, gdelt, today));
        Files.delete(tsv);
      }
    } finally {
      BenchSupport.deleteTree(work);
    }
  }

  /** The file ingested and briefed on DuckDB, then on Spark with one and with two cores. */
  private static List<Times> measureAll(
      Path work, String name, Path file, SecurityRequest request, LocalDate today) {
    List<Times> times = new ArrayList<>();
    times.add(
        measure(
            "DuckDB",
            new Stores.Config(work.resolve(name + ".duckdb"), Stores.DUCKDB, null),
            file,
            request,
            today));
    for (String master : List.of("local[1]", "local[2]")) {
      times.add(
          measure(
              "Spark " + master,
              new Stores.Config(work.resolve(name + "-" + master.charAt(6)), Stores.SPARK, master),
              file,
              request,
              today));
    }
    return times;
  }

  private static Times measure(
      String name, Stores.Config config, Path csv, SecurityRequest request, LocalDate today) {
    try (Store store = Stores.open(config)) {
      long t0 = System.nanoTime();
      IngestReport report =
          new EventIngest(today)
              .ingest(SourceFile.inspect(csv), Optional.empty(), store.events(), b -> {});
      double ingest = BenchSupport.seconds(t0);
      // Rows without a country GDELT's reader knows (none in ACLED's sample) would be quarantined.
      if (report.inserted() + report.quarantined() != report.rowsRead()) {
        throw new IllegalStateException(
            name
                + ": "
                + report.inserted()
                + " inserted and "
                + report.quarantined()
                + " quarantined of "
                + report.rowsRead()
                + " rows read");
      }
      long c0 = System.nanoTime();
      BriefBenchmark.Computed first = BriefBenchmark.compute(store.analytics(), request);
      double cold = BenchSupport.seconds(c0);
      double[] runs = new double[WARM_RUNS];
      for (int i = 0; i < WARM_RUNS; i++) {
        long s = System.nanoTime();
        BriefBenchmark.compute(store.analytics(), request);
        runs[i] = BenchSupport.seconds(s);
      }
      return new Times(
          name,
          report.inserted(),
          ingest,
          cold,
          BenchSupport.median(runs),
          first.security().getFigure(FigureIds.EVENTS_TOTAL).getValue(),
          first.security().getFigure(FigureIds.FATALITIES_TOTAL).getValue());
    }
  }

  private static void report(List<Times> times) {
    Times duck = times.get(0);
    System.out.printf(
        Locale.ROOT,
        "%-16s %10s %12s %12s %10s %10s%n",
        "engine",
        "ingest s",
        "brief cold s",
        "brief warm s",
        "events",
        "deaths");
    for (Times t : times) {
      System.out.printf(
          Locale.ROOT,
          "%-16s %10.2f %12.3f %12.3f %,10.0f %,10.0f%n",
          t.engine(),
          t.ingest(),
          t.cold(),
          t.warm(),
          t.events(),
          t.deaths());
      if (t.events() != duck.events()
          || t.deaths() != duck.deaths()
          || t.inserted() != duck.inserted()) {
        throw new IllegalStateException(t.engine() + " gives other figures than DuckDB");
      }
    }
    Times one = times.get(1);
    Times two = times.get(2);
    System.out.printf(
        Locale.ROOT,
        "Spark local[2] / DuckDB: ingest %.1fx, brief warm %.1fx. Spark speed-up from 1 to 2"
            + " executor cores: ingest %.2fx, brief warm %.2fx.%n",
        two.ingest() / duck.ingest(),
        two.warm() / duck.warm(),
        one.ingest() / two.ingest(),
        one.warm() / two.warm());
  }
}
