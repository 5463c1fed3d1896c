package org.harmattan.forecast;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;

/**
 * A forecast run scored against what happened: the mean of each score over the cells (unit-months)
 * whose outcome is known.
 *
 * @param model the forecaster
 * @param cells cells scored
 * @param crps mean CRPS
 * @param ign mean IGN (bits)
 * @param mis90 mean interval score of the 90 % interval
 * @param mis95 mean interval score of the 95 % interval
 * @param coverage90 share of outcomes inside the 90 % interval
 * @param cellScores the scores cell by cell, in the run's order
 */
public record Evaluation(
    String model,
    int cells,
    double crps,
    double ign,
    double mis90,
    double mis95,
    double coverage90,
    List<CellScore> cellScores) {
  public Evaluation {
    requireNonNull(model, "model");
    cellScores = List.copyOf(cellScores);
  }

  /**
   * One cell's scores.
   *
   * @param forecast the forecast
   * @param actual the outcome
   * @param crps its CRPS
   * @param ign its IGN
   * @param mis90 its 90 % interval score
   */
  public record CellScore(
      UnitForecast forecast, double actual, double crps, double ign, double mis90) {}

  /**
   * Scores {@code run} against the values of {@code actuals}; cells without a value are left out.
   */
  public static Evaluation of(ForecastRun run, MonthlyPanel actuals) {
    List<CellScore> cells = new ArrayList<>();
    double crps = 0;
    double ign = 0;
    double mis90 = 0;
    double mis95 = 0;
    int covered = 0;
    for (UnitForecast f : run.forecasts()) {
      int u = actuals.find(f.unit().id()).orElse(-1);
      double y = u < 0 ? Double.NaN : actuals.value(u, actuals.index(f.month()));
      if (Double.isNaN(y)) {
        continue;
      }
      double[] d = f.draws();
      CellScore c = new CellScore(f, y, Scores.crps(d, y), Scores.ign(d, y), Scores.mis(d, y, 0.1));
      cells.add(c);
      crps += c.crps();
      ign += c.ign();
      mis90 += c.mis90();
      mis95 += Scores.mis(d, y, 0.05);
      covered += Scores.covers(d, y, 0.1) ? 1 : 0;
    }
    int n = cells.size();
    double div = Math.max(1, n);
    return new Evaluation(
        run.model(), n, crps / div, ign / div, mis90 / div, mis95 / div, covered / div, cells);
  }
}
