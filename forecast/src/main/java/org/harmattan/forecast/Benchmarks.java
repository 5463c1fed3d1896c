package org.harmattan.forecast;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * The four benchmarks of the VIEWS prediction competition 2023/24, as its published draws show
 * them: {@code zero} (every draw 0), {@code last-poisson} (Poisson draws around the unit's value in
 * the last month of data), {@code bootstrap} (draws from every unit's values of the last 240
 * months, pooled) and {@code conflictology} (the unit's own last 12 months, one draw each, the same
 * for every month forecast).
 */
public enum Benchmarks implements Forecaster {
  ZERO("zero"),
  LAST_POISSON("last-poisson"),
  BOOTSTRAP("bootstrap"),
  CONFLICTOLOGY("conflictology");

  /** Months pooled by the bootstrap benchmark. */
  static final int BOOTSTRAP_MONTHS = 240;

  private final String label;

  Benchmarks(String label) {
    this.label = label;
  }

  @Override
  public String label() {
    return label;
  }

  /** The benchmark of a command-line name. */
  public static Optional<Benchmarks> find(String name) {
    for (Benchmarks b : values()) {
      if (b.label.equals(name.toLowerCase(Locale.ROOT))) {
        return Optional.of(b);
      }
    }
    return Optional.empty();
  }

  @Override
  public ForecastRun forecast(ForecastRequest request) {
    long start = System.nanoTime();
    MonthlyPanel panel = request.panel();
    int end = panel.index(request.trainUntil());
    List<ForecastRun.Skipped> skipped = new ArrayList<>();
    List<Integer> rows = History.usable(panel, end, skipped);
    double[] pool = this == BOOTSTRAP ? pooled(panel, end) : new double[0];
    SplittableRandom random = new SplittableRandom(request.seed());
    List<UnitForecast> out = new ArrayList<>();
    for (int u : rows) {
      Unit unit = panel.units().get(u);
      SplittableRandom unitRandom = random.split();
      for (int i = 0; i < request.months(); i++) {
        YearMonth month = request.from().plusMonths(i);
        out.add(
            new UnitForecast(
                unit,
                month,
                request.horizon(month),
                draws(panel, u, end, request, pool, unitRandom)));
      }
    }
    return new ForecastRun(label, out, skipped, (System.nanoTime() - start) / 1e9);
  }

  private double[] draws(
      MonthlyPanel panel,
      int u,
      int end,
      ForecastRequest request,
      double[] pool,
      SplittableRandom random) {
    int n = request.draws();
    return switch (this) {
      case ZERO -> new double[n];
      case LAST_POISSON -> {
        double[] d = new double[n];
        double lambda = panel.value(u, end);
        for (int i = 0; i < n; i++) {
          d[i] = Draws.poisson(random, lambda);
        }
        yield d;
      }
      case BOOTSTRAP -> {
        double[] d = new double[n];
        for (int i = 0; i < n; i++) {
          d[i] = pool[random.nextInt(pool.length)];
        }
        yield d;
      }
      case CONFLICTOLOGY -> {
        double[] d = new double[History.MIN_MONTHS];
        for (int i = 0; i < d.length; i++) {
          d[i] = panel.value(u, end - History.MIN_MONTHS + 1 + i);
        }
        yield d;
      }
    };
  }

  private static double[] pooled(MonthlyPanel panel, int end) {
    List<Double> values = new ArrayList<>();
    for (int u = 0; u < panel.unitCount(); u++) {
      for (int m = end - BOOTSTRAP_MONTHS + 1; m <= end; m++) {
        double v = panel.value(u, m);
        if (!Double.isNaN(v)) {
          values.add(v);
        }
      }
    }
    return values.stream().mapToDouble(Double::doubleValue).toArray();
  }
}
