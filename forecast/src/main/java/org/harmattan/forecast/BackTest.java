package org.harmattan.forecast;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/**
 * The rolling-origin back-test of the VIEWS competition: window {@code Y} is the calendar year
 * {@code Y} forecast from data ending in October of {@code Y - 1}, scored against the panel's
 * values for {@code Y}.
 */
public final class BackTest {
  private BackTest() {}

  /**
   * One forecaster's result in one window.
   *
   * @param window the year forecast
   * @param evaluation its scores
   * @param seconds time spent forecasting
   */
  public record Result(int window, Evaluation evaluation, double seconds) {}

  /** The last month of data for window {@code year}: October of the year before. */
  public static YearMonth trainUntil(int year) {
    return YearMonth.of(year - 1, 10);
  }

  /** Runs {@code forecaster} on each window of {@code years}, scoring against {@code panel}. */
  public static List<Result> run(
      MonthlyPanel panel, Forecaster forecaster, List<Integer> years, int draws, long seed) {
    List<Result> out = new ArrayList<>();
    for (int year : years) {
      ForecastRequest request =
          new ForecastRequest(
              panel, trainUntil(year), YearMonth.of(year, 1), YearMonth.of(year, 12), draws, seed);
      long start = System.nanoTime();
      ForecastRun run = forecaster.forecast(request);
      double seconds = (System.nanoTime() - start) / 1e9;
      out.add(new Result(year, Evaluation.of(run, panel), seconds));
    }
    return out;
  }
}
