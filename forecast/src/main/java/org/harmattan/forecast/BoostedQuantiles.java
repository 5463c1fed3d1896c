package org.harmattan.forecast;

import com.microsoft.ml.lightgbm.PredictionType;
import io.github.metarank.lightgbm4j.LGBMBooster;
import io.github.metarank.lightgbm4j.LGBMDataset;
import io.github.metarank.lightgbm4j.LGBMException;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.harmattan.domain.error.ErrorCategory;
import org.harmattan.domain.error.HarmattanException;
import org.harmattan.domain.problem.ProblemCode;

/**
 * The learned model: gradient-boosted trees (LightGBM) fitted to the quantiles of {@code log(1 +
 * outcome)} at each horizon, relative to the unit's mean level of the last 12 months (so that large
 * and small units share what the trees learn about change), from the features of {@link Features}
 * (the unit's own past, its neighbours, the whole panel, the season), one model per quantile level
 * over every horizon asked. The draws come from the predicted quantile function: stratified
 * uniforms, seeded, mapped through it piecewise linearly (tails extended linearly),
 * back-transformed and rounded.
 */
public final class BoostedQuantiles implements Forecaster {
  /** The quantile levels fitted. */
  static final double[] LEVELS = {0.025, 0.1, 0.2, 0.35, 0.5, 0.65, 0.8, 0.9, 0.975};

  /** Months of origins the model trains on, before the last month of data. */
  static final int TRAINING_MONTHS = 240;

  private static final int ROUNDS = 100;

  private final Map<String, List<String>> neighbours;

  /**
   * A model that reads the neighbours of each unit from {@code neighbours} (unit id to neighbour
   * ids; empty when the units have none).
   */
  public BoostedQuantiles(Map<String, List<String>> neighbours) {
    this.neighbours = Map.copyOf(neighbours);
  }

  @Override
  public String label() {
    return "boosted-quantiles";
  }

  @Override
  public ForecastRun forecast(ForecastRequest request) {
    long start = System.nanoTime();
    MonthlyPanel panel = request.panel().until(request.trainUntil());
    int end = panel.index(request.trainUntil());
    List<ForecastRun.Skipped> skipped = new ArrayList<>();
    List<Integer> rows = History.usable(panel, end, skipped);
    Features features = new Features(panel, neighbours);
    int width = features.count();
    int firstHorizon = request.horizon(request.from());
    int lastHorizon = request.horizon(request.to());

    List<float[]> trainX = new ArrayList<>();
    List<Float> trainY = new ArrayList<>();
    float[] row = new float[width];
    for (int h = firstHorizon; h <= lastHorizon; h++) {
      for (int t = Math.max(0, end - h - TRAINING_MONTHS + 1); t <= end - h; t++) {
        for (int u = 0; u < panel.unitCount(); u++) {
          double target = panel.value(u, t + h);
          if (Double.isNaN(target) || Double.isNaN(panel.value(u, t))) {
            continue;
          }
          features.write(u, t, h, row, 0);
          trainX.add(row.clone());
          trainY.add((float) (Math.log1p(target) - row[Features.BASE]));
        }
      }
    }
    if (trainY.size() < 100) {
      throw HarmattanException.userInput(
          ProblemCode.NO_HISTORY,
          "only "
              + trainY.size()
              + " unit-months of history before "
              + request.trainUntil()
              + ": too few to train "
              + label()
              + "; use a benchmark (--model conflictology)");
    }
    float[] x = flatten(trainX, width);
    float[] y = new float[trainY.size()];
    for (int i = 0; i < y.length; i++) {
      y[i] = trainY.get(i);
    }

    int months = request.months();
    float[] predictX = new float[rows.size() * months * width];
    int k = 0;
    for (int u : rows) {
      for (int i = 0; i < months; i++) {
        features.write(u, end, request.horizon(request.from().plusMonths(i)), predictX, k * width);
        k++;
      }
    }
    double[][] quantiles = fit(x, y, width, predictX, k, request.seed());
    long fitted = System.nanoTime();

    SplittableRandom random = new SplittableRandom(request.seed());
    List<UnitForecast> out = new ArrayList<>();
    k = 0;
    for (int u : rows) {
      for (int i = 0; i < months; i++) {
        double[] q = new double[LEVELS.length];
        for (int l = 0; l < LEVELS.length; l++) {
          q[l] = quantiles[l][k] + predictX[k * width + Features.BASE];
        }
        YearMonth month = request.from().plusMonths(i);
        out.add(
            new UnitForecast(
                panel.units().get(u),
                month,
                request.horizon(month),
                draw(q, request.draws(), random.split())));
        k++;
      }
    }
    return new ForecastRun(
        label(),
        out,
        skipped,
        new ForecastRun.Timing((fitted - start) / 1e9, (System.nanoTime() - fitted) / 1e9));
  }

  private static float[] flatten(List<float[]> rows, int width) {
    float[] x = new float[rows.size() * width];
    for (int i = 0; i < rows.size(); i++) {
      System.arraycopy(rows.get(i), 0, x, i * width, width);
    }
    return x;
  }

  private static double[][] fit(
      float[] x, float[] y, int width, float[] predictX, int predictRows, long seed) {
    double[][] out = new double[LEVELS.length][];
    int trainRows = y.length;
    try {
      NativeLightGbm.load();
      for (int l = 0; l < LEVELS.length; l++) {
        String params =
            String.format(
                Locale.ROOT,
                "objective=quantile alpha=%s num_leaves=31 learning_rate=0.075 min_data_in_leaf=50"
                    + " feature_fraction=0.9 bagging_fraction=0.7 bagging_freq=1 seed=%d"
                    + " deterministic=true force_col_wise=true num_threads=2 verbosity=-1",
                LEVELS[l],
                seed + l);
        try (Handles h =
            new Handles(LGBMDataset.createFromMat(x, trainRows, width, true, params, null))) {
          h.dataset.setField("label", y);
          h.booster = LGBMBooster.create(h.dataset, params);
          for (int r = 0; r < ROUNDS; r++) {
            if (h.booster.updateOneIter()) {
              break;
            }
          }
          out[l] =
              predictRows == 0
                  ? new double[0]
                  : h.booster.predictForMat(
                      predictX, predictRows, width, true, PredictionType.C_API_PREDICT_NORMAL);
        }
      }
    } catch (LGBMException | UnsatisfiedLinkError | java.io.UncheckedIOException e) {
      throw new HarmattanException(
          ErrorCategory.INTERNAL,
          ProblemCode.MODEL_FAILURE,
          "the gradient-boosting library failed: " + e.getMessage(),
          e);
    }
    return out;
  }

  /** Draws from the quantile function given at {@link #LEVELS} (log scale). */
  static double[] draw(double[] quantiles, int n, SplittableRandom random) {
    double[] q = quantiles.clone();
    Arrays.sort(q);
    int last = q.length - 1;
    double low = q[0] - (q[1] - q[0]) * LEVELS[0] / (LEVELS[1] - LEVELS[0]);
    double high =
        q[last] + (q[last] - q[last - 1]) * (1 - LEVELS[last]) / (LEVELS[last] - LEVELS[last - 1]);
    double[] draws = new double[n];
    for (int i = 0; i < n; i++) {
      double p = (i + random.nextDouble()) / n;
      double v;
      if (p <= LEVELS[0]) {
        v = low + (q[0] - low) * p / LEVELS[0];
      } else if (p >= LEVELS[last]) {
        v = q[last] + (high - q[last]) * (p - LEVELS[last]) / (1 - LEVELS[last]);
      } else {
        int j = 0;
        while (LEVELS[j + 1] < p) {
          j++;
        }
        v = q[j] + (q[j + 1] - q[j]) * (p - LEVELS[j]) / (LEVELS[j + 1] - LEVELS[j]);
      }
      draws[i] = Math.max(0, Math.rint(Math.expm1(Math.max(0, v))));
    }
    for (int i = n - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      double t = draws[i];
      draws[i] = draws[j];
      draws[j] = t;
    }
    return draws;
  }

  /** A dataset and booster closed together (they hold native memory). */
  private static final class Handles implements AutoCloseable {
    private final LGBMDataset dataset;
    private LGBMBooster booster;

    Handles(LGBMDataset dataset) {
      this.dataset = dataset;
    }

    @Override
    public void close() throws LGBMException {
      try {
        if (booster != null) {
          booster.close();
        }
      } finally {
        dataset.close();
      }
    }
  }
}
