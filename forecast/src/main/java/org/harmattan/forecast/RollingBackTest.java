package org.harmattan.forecast;

import static java.util.Objects.requireNonNull;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.harmattan.domain.error.HarmattanException;
import org.harmattan.domain.problem.ProblemCode;

/**
 * A rolling-origin back-test: from each origin (the last month of data) the forecaster forecasts
 * the next {@code horizons} months, scored against what the panel holds for them. Where {@link
 * BackTest} follows the VIEWS windows (a year from October), this one moves month by month, as an
 * analyst re-running the outlook each month would.
 */
public final class RollingBackTest {
  private RollingBackTest() {}

  /**
   * One forecaster's scored cells over every origin.
   *
   * @param model the forecaster
   * @param origins the origins run
   * @param horizons months forecast from each origin
   * @param cells every scored cell, origin by origin
   * @param seconds time spent forecasting
   */
  public record Result(
      String model,
      List<YearMonth> origins,
      int horizons,
      List<Evaluation.CellScore> cells,
      double seconds) {
    public Result {
      requireNonNull(model, "model");
      origins = List.copyOf(origins);
      cells = List.copyOf(cells);
    }

    /** The scores pooled over the cells of the units {@code which} accepts. */
    public Pooled pooled(Predicate<Unit> which) {
      int n = 0;
      double crps = 0;
      double ign = 0;
      double mis90 = 0;
      int covered = 0;
      for (Evaluation.CellScore c : cells) {
        if (!which.test(c.forecast().unit())) {
          continue;
        }
        n++;
        crps += c.crps();
        ign += c.ign();
        mis90 += c.mis90();
        covered += Scores.covers(c.forecast().draws(), c.actual(), 0.1) ? 1 : 0;
      }
      double div = Math.max(1, n);
      return new Pooled(n, crps / div, ign / div, mis90 / div, covered / div);
    }

    /** The scores pooled over every cell. */
    public Pooled pooled() {
      return pooled(u -> true);
    }
  }

  /**
   * Mean scores over cells.
   *
   * @param cells cells scored
   * @param crps mean CRPS
   * @param ign mean IGN (bits)
   * @param mis90 mean interval score of the 90 % interval
   * @param coverage90 share of outcomes inside the 90 % interval
   */
  public record Pooled(int cells, double crps, double ign, double mis90, double coverage90) {}

  /**
   * Runs {@code forecaster} from each of {@code origins}, {@code horizons} months ahead, scoring
   * against {@code panel}; cells past the panel's data are left out.
   */
  public static Result run(
      MonthlyPanel panel,
      Forecaster forecaster,
      List<YearMonth> origins,
      int horizons,
      int draws,
      long seed) {
    return run(panel, forecaster, origins, horizons, draws, seed, false);
  }

  /**
   * Like {@link #run}, leaving out the origins the forecaster cannot forecast from (too little
   * history before them): the result names the origins run, possibly none.
   */
  public static Result runWhereItCan(
      MonthlyPanel panel,
      Forecaster forecaster,
      List<YearMonth> origins,
      int horizons,
      int draws,
      long seed) {
    return run(panel, forecaster, origins, horizons, draws, seed, true);
  }

  private static Result run(
      MonthlyPanel panel,
      Forecaster forecaster,
      List<YearMonth> origins,
      int horizons,
      int draws,
      long seed,
      boolean skipShort) {
    List<Evaluation.CellScore> cells = new ArrayList<>();
    List<YearMonth> run = new ArrayList<>();
    long start = System.nanoTime();
    for (YearMonth origin : origins) {
      try {
        ForecastRun r =
            forecaster.forecast(
                new ForecastRequest(
                    panel, origin, origin.plusMonths(1), origin.plusMonths(horizons), draws, seed));
        cells.addAll(Evaluation.of(r, panel).cellScores());
        run.add(origin);
      } catch (HarmattanException e) {
        boolean tooShort =
            e.problemCode() == ProblemCode.NO_HISTORY
                || e.problemCode() == ProblemCode.FORECAST_PERIOD;
        if (!skipShort || !tooShort) {
          throw e;
        }
      }
    }
    return new Result(forecaster.label(), run, horizons, cells, (System.nanoTime() - start) / 1e9);
  }

  /** The {@code count} monthly origins ending at {@code last}, oldest first. */
  public static List<YearMonth> origins(YearMonth last, int count) {
    List<YearMonth> out = new ArrayList<>();
    for (int i = count - 1; i >= 0; i--) {
      out.add(last.minusMonths(i));
    }
    return out;
  }
}
