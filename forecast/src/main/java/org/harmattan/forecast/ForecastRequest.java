package org.harmattan.forecast;

import static java.util.Objects.requireNonNull;

import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import org.harmattan.domain.error.HarmattanException;
import org.harmattan.domain.problem.ProblemCode;

/**
 * What to forecast: the panel, the last month of data a forecaster may use, the months to forecast,
 * how many draws and the seed that makes the draws reproducible.
 *
 * @param panel the series
 * @param trainUntil the last month of data used
 * @param from the first month forecast (after {@code trainUntil})
 * @param to the last month forecast
 * @param draws draws per unit and month
 * @param seed the random seed
 */
public record ForecastRequest(
    MonthlyPanel panel, YearMonth trainUntil, YearMonth from, YearMonth to, int draws, long seed) {

  /** The longest horizon forecast, in months after the last month of data. */
  public static final int MAX_HORIZON = 36;

  public ForecastRequest {
    requireNonNull(panel, "panel");
    requireNonNull(trainUntil, "trainUntil");
    requireNonNull(from, "from");
    requireNonNull(to, "to");
    if (panel.unitCount() == 0) {
      throw HarmattanException.userInput(
          ProblemCode.NO_SERIES, "the store holds no series to forecast: ingest one first");
    }
    if (trainUntil.isAfter(panel.last())) {
      throw HarmattanException.userInput(
          ProblemCode.FORECAST_PERIOD,
          "the data end in " + panel.last() + ": cannot train until " + trainUntil);
    }
    if (trainUntil.isBefore(panel.first().plusMonths(11))) {
      throw HarmattanException.userInput(
          ProblemCode.FORECAST_PERIOD,
          "the data start in "
              + panel.first()
              + ": training needs at least 12 months before "
              + trainUntil);
    }
    if (!from.isAfter(trainUntil)) {
      throw HarmattanException.userInput(
          ProblemCode.FORECAST_PERIOD,
          "the first month forecast ("
              + from
              + ") must come after the training data ("
              + trainUntil
              + ")");
    }
    if (to.isBefore(from)) {
      throw HarmattanException.userInput(
          ProblemCode.FORECAST_PERIOD,
          "the period " + from + " to " + to + " ends before it starts");
    }
    if (ChronoUnit.MONTHS.between(trainUntil, to) > MAX_HORIZON) {
      throw HarmattanException.userInput(
          ProblemCode.FORECAST_PERIOD,
          "forecasts reach at most "
              + MAX_HORIZON
              + " months past the data ("
              + trainUntil
              + "); "
              + to
              + " is further");
    }
    if (draws < 1 || draws > 100_000) {
      throw HarmattanException.userInput(
          ProblemCode.FORECAST_PERIOD, "draws must be between 1 and 100000, not " + draws);
    }
  }

  /** The number of months forecast. */
  public int months() {
    return (int) ChronoUnit.MONTHS.between(from, to) + 1;
  }

  /** How many months after the data {@code month} lies. */
  public int horizon(YearMonth month) {
    return (int) ChronoUnit.MONTHS.between(trainUntil, month);
  }
}
