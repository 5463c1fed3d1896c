package org.harmattan.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.harmattan.domain.event.SourceSystem;
import org.harmattan.engine.duckdb.DuckDbStore;
import org.harmattan.forecast.BackTest;
import org.harmattan.forecast.Benchmarks;
import org.harmattan.forecast.Evaluation;
import org.harmattan.forecast.EventPanels;
import org.harmattan.forecast.ForecastRequest;
import org.harmattan.forecast.ForecastRun;
import org.harmattan.forecast.Forecaster;
import org.harmattan.forecast.MonthlyPanel;
import org.harmattan.forecast.RollingBackTest;
import org.harmattan.service.forecast.ForecastService;
import org.harmattan.service.ingest.FileOutcome;
import org.harmattan.service.ingest.IngestService;

/**
 * The back-test of the learned model against the VIEWS competition's four benchmarks, with the time
 * of one window split into fitting and drawing:
 *
 * <ol>
 *   <li>country-month: the shipped VIEWS series, windows 2018–2022 (window Y: the year Y forecast
 *       from data ending October Y−1), 191 countries × 12 months, 1,000 draws; per window and
 *       pooled;
 *   <li>Mali admin-1: fatalities per region and month from the two ACLED files of Mali in
 *       ../shared/data, a forecast from each month of 2018–2019 for the 1 to 3 months after it;
 *       months past the data (which end in February 2019) are not scored.
 * </ol>
 *
 * The goal of fitting and forecasting all countries of one window in under a minute is reported
 * against the measured time; the benchmarks' times in the same run are the reference.
 */
public final class ForecastBenchmark {
  private static final String VIEWS = "views_cm/cm_ged_sb_1990-01_2022-12.csv";
  private static final List<String> MALI =
      List.of(
          "acled/acled_mali_2017-01-01_2019-02-27__AC0519.csv",
          "acled_hdx_hxl/conflict_data_mli.csv");
  private static final long SEED = 7;

  private ForecastBenchmark() {}

  /**
   * Runs the back-tests.
   *
   * @param args the shared data folder, the first and last window (default 2018 2022), draws
   *     (default 1000)
   */
  public static void main(String[] args) throws IOException {
    Path data = Path.of(args.length > 0 ? args[0] : "../shared/data");
    int first = args.length > 1 ? Integer.parseInt(args[1]) : 2018;
    int last = args.length > 2 ? Integer.parseInt(args[2]) : 2022;
    int draws = args.length > 3 ? Integer.parseInt(args[3]) : 1000;
    Path work = Files.createTempDirectory("harmattan-forecast-bench");
    try (DuckDbStore store = DuckDbStore.open(work.resolve("bench.duckdb"))) {
      IngestService ingest = new IngestService(store, LocalDate.now(java.time.ZoneOffset.UTC));
      List<String> files = new ArrayList<>(MALI);
      files.add(0, VIEWS);
      for (String f : files) {
        FileOutcome o = ingest.ingest(data.resolve(f), IngestService.Options.detect(), b -> {});
        if (o instanceof FileOutcome.Failed failed) {
          throw new IllegalStateException(f + ": " + failed.message());
        }
      }
      MonthlyPanel views = MonthlyPanel.fromSeries(store.series().listSeries("ged_sb", "country"));
      countryMonth(views, first, last, draws);
      EventPanels.Built mali =
          EventPanels.fatalities(
              store.analytics(),
              "MLI",
              Set.of(SourceSystem.ACLED),
              YearMonth.of(1990, 1),
              YearMonth.of(2019, 1),
              false);
      admin1(mali.panel(), draws);
    } finally {
      BenchSupport.deleteTree(work);
    }
  }

  private static List<Forecaster> forecasters(MonthlyPanel panel) {
    List<Forecaster> all = new ArrayList<>();
    all.add(ForecastService.forecaster(ForecastService.LEARNED, panel));
    all.add(Benchmarks.CONFLICTOLOGY);
    all.add(Benchmarks.ZERO);
    all.add(Benchmarks.LAST_POISSON);
    all.add(Benchmarks.BOOTSTRAP);
    return all;
  }

  private static void countryMonth(MonthlyPanel panel, int first, int last, int draws) {
    if (first > last) {
      return;
    }
    System.out.printf(
        Locale.ROOT,
        "Country-month back-test: %d units, %s to %s, windows %d-%d, %d draws, seed %d%n%n",
        panel.unitCount(),
        panel.first(),
        panel.last(),
        first,
        last,
        draws,
        SEED);
    System.out.println(
        "| window | model | CRPS | IGN | MIS 90 % | coverage 90 % | fit s | draw s |");
    System.out.println("|---|---|---|---|---|---|---|---|");
    Map<String, double[]> pooled = new LinkedHashMap<>();
    Map<String, Integer> windowsWon = new LinkedHashMap<>();
    for (int year = first; year <= last; year++) {
      Map<String, Evaluation> byModel = new LinkedHashMap<>();
      for (Forecaster f : forecasters(panel)) {
        ForecastRun run =
            f.forecast(
                new ForecastRequest(
                    panel,
                    BackTest.trainUntil(year),
                    YearMonth.of(year, 1),
                    YearMonth.of(year, 12),
                    draws,
                    SEED));
        Evaluation e = Evaluation.of(run, panel);
        byModel.put(f.label(), e);
        double[] p = pooled.computeIfAbsent(f.label(), k -> new double[5]);
        p[0] += e.crps() * e.cells();
        p[1] += e.ign() * e.cells();
        p[2] += e.mis90() * e.cells();
        p[3] += e.coverage90() * e.cells();
        p[4] += e.cells();
        System.out.printf(
            Locale.ROOT,
            "| %d | %s | %.2f | %.3f | %.1f | %.1f %% | %.1f | %.1f |%n",
            year,
            f.label(),
            e.crps(),
            e.ign(),
            e.mis90(),
            100 * e.coverage90(),
            run.timing().trainSeconds(),
            run.timing().drawSeconds());
      }
      if (byModel.get("boosted-quantiles").crps() < byModel.get("conflictology").crps()) {
        windowsWon.merge("boosted-quantiles", 1, Integer::sum);
      }
    }
    for (var e : pooled.entrySet()) {
      double[] p = e.getValue();
      System.out.printf(
          Locale.ROOT,
          "| pooled | %s | %.2f | %.3f | %.1f | %.1f %% | | |%n",
          e.getKey(),
          p[0] / p[4],
          p[1] / p[4],
          p[2] / p[4],
          100 * p[3] / p[4]);
    }
    double learned = pooled.get("boosted-quantiles")[0];
    double bench = pooled.get("conflictology")[0];
    System.out.printf(
        Locale.ROOT,
        "%nboosted-quantiles against conflictology: pooled CRPS %+.1f %% (goal: -5 %% or better),"
            + " better in %d of %d windows (goal: 4 of 5)%n%n",
        100 * (learned - bench) / bench,
        windowsWon.getOrDefault("boosted-quantiles", 0),
        last - first + 1);
  }

  private static void admin1(MonthlyPanel panel, int draws) {
    List<YearMonth> origins = new ArrayList<>();
    for (YearMonth m = YearMonth.of(2018, 1);
        !m.isAfter(YearMonth.of(2019, 12));
        m = m.plusMonths(1)) {
      if (m.isBefore(panel.last())) {
        origins.add(m);
      }
    }
    System.out.printf(
        Locale.ROOT,
        "Mali admin-1 back-test: %d regions, ACLED fatalities %s to %s; origins %s to %s"
            + " (monthly; the data end in %s), horizons 1-3, %d draws, seed %d%n%n",
        panel.unitCount(),
        panel.first(),
        panel.last(),
        origins.get(0),
        origins.get(origins.size() - 1),
        panel.last(),
        draws,
        SEED);
    System.out.println("| model | cells | CRPS | IGN | MIS 90 % | coverage 90 % | seconds |");
    System.out.println("|---|---|---|---|---|---|---|");
    for (Forecaster f : forecasters(panel)) {
      RollingBackTest.Result r = RollingBackTest.run(panel, f, origins, 3, draws, SEED);
      RollingBackTest.Pooled p = r.pooled();
      System.out.printf(
          Locale.ROOT,
          "| %s | %d | %.2f | %.3f | %.1f | %.1f %% | %.1f |%n",
          f.label(),
          p.cells(),
          p.crps(),
          p.ign(),
          p.mis90(),
          100 * p.coverage90(),
          r.seconds());
    }
  }
}
