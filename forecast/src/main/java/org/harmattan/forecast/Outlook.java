package org.harmattan.forecast;

import static java.util.Objects.requireNonNull;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.harmattan.domain.error.HarmattanException;
import org.harmattan.domain.problem.ProblemCode;

/**
 * The outlook of a panel: the learned model's forecast of the months after the data for every unit
 * with history, the chance that the next month exceeds the past year's worst, and the model's own
 * record against conflictology over the last origins of the same panel.
 *
 * <p>When the panel is too short to train the learned model, the outlook is conflictology's (each
 * unit's last 12 months as its distribution), without a record, and says so.
 */
public final class Outlook {
  /** Months looked back for the past year's worst month. */
  public static final int PAST_MONTHS = 12;

  /** Months each back-test origin forecasts. */
  public static final int RECORD_HORIZONS = 3;

  private Outlook() {}

  /**
   * What to compute.
   *
   * @param origin the last month of data
   * @param months months forecast after it
   * @param draws draws per unit and month
   * @param seed the random seed
   * @param recordOrigins back-test origins (monthly, the last {@link #RECORD_HORIZONS} months
   *     before {@code origin} back); 0 for no record
   */
  public record Options(YearMonth origin, int months, int draws, long seed, int recordOrigins) {
    public Options {
      requireNonNull(origin, "origin");
    }
  }

  /**
   * One unit's outlook.
   *
   * @param unit the unit
   * @param forecasts month by month
   * @param pastMax the highest monthly value of the {@link #PAST_MONTHS} months up to the origin
   * @param nextAbovePastMax the share of the next month's draws above {@code pastMax}
   */
  public record UnitOutlook(
      Unit unit, List<UnitForecast> forecasts, double pastMax, double nextAbovePastMax) {
    public UnitOutlook {
      requireNonNull(unit, "unit");
      forecasts = List.copyOf(forecasts);
    }

    /**
     * The quantile {@code p} of the total of the first {@code months} months, the months' draws
     * paired in order (as if the months moved together, as conflict months do): the sum of the
     * months' quantiles.
     */
    public double totalQuantile(int months, double p) {
      double sum = 0;
      for (int i = 0; i < Math.min(months, forecasts.size()); i++) {
        sum += forecasts.get(i).quantile(p);
      }
      return sum;
    }
  }

  /**
   * The model's record against conflictology.
   *
   * @param origins the origins run
   * @param horizons months forecast from each
   * @param model the model's scores
   * @param conflictology conflictology's on the same cells
   */
  public record TrackRecord(
      List<YearMonth> origins,
      int horizons,
      RollingBackTest.Result model,
      RollingBackTest.Result conflictology) {
    public TrackRecord {
      origins = List.copyOf(origins);
      requireNonNull(model, "model");
      requireNonNull(conflictology, "conflictology");
    }
  }

  /**
   * An outlook.
   *
   * @param options what was asked
   * @param model the forecaster used: the learned model, or conflictology when the panel is too
   *     short to train it
   * @param modelNote why the learned model was not used, or null
   * @param units the units forecast, in the panel's order
   * @param skipped units without the history a forecast needs
   * @param record the back-test record, or null when none could be run
   * @param recordNote why there is no record, or null
   */
  public record Result(
      Options options,
      String model,
      String modelNote,
      List<UnitOutlook> units,
      List<ForecastRun.Skipped> skipped,
      TrackRecord record,
      String recordNote) {
    public Result {
      requireNonNull(options, "options");
      requireNonNull(model, "model");
      units = List.copyOf(units);
      skipped = List.copyOf(skipped);
    }
  }

  /** The outlook of {@code panel} as {@code o} asks. */
  public static Result compute(MonthlyPanel panel, Options o) {
    YearMonth origin = o.origin();
    ForecastRequest request =
        new ForecastRequest(
            panel,
            origin,
            origin.plusMonths(1),
            origin.plusMonths(o.months()),
            o.draws(),
            o.seed());
    Forecaster learned = new BoostedQuantiles(Map.of());
    Forecaster used = learned;
    String modelNote = null;
    ForecastRun run;
    try {
      run = learned.forecast(request);
    } catch (HarmattanException e) {
      if (e.problemCode() != ProblemCode.NO_HISTORY) {
        throw e;
      }
      used = Benchmarks.CONFLICTOLOGY;
      modelNote = e.getMessage();
      run = used.forecast(request);
    }
    TrackRecord record = null;
    String recordNote = null;
    if (used != learned) {
      recordNote = "No record: the learned model could not be trained";
    } else if (o.recordOrigins() > 0) {
      List<YearMonth> candidates =
          RollingBackTest.origins(origin.minusMonths(RECORD_HORIZONS), o.recordOrigins());
      RollingBackTest.Result model =
          RollingBackTest.runWhereItCan(
              panel, learned, candidates, RECORD_HORIZONS, o.draws(), o.seed());
      if (model.origins().isEmpty()) {
        recordNote =
            "No record of the model for this country: the data, from "
                + panel.first()
                + ", are too short to forecast from any of the "
                + candidates.size()
                + " months to "
                + candidates.get(candidates.size() - 1);
      } else {
        record =
            new TrackRecord(
                model.origins(),
                RECORD_HORIZONS,
                model,
                RollingBackTest.run(
                    panel,
                    Benchmarks.CONFLICTOLOGY,
                    model.origins(),
                    RECORD_HORIZONS,
                    o.draws(),
                    o.seed()));
      }
    }
    Map<Unit, List<UnitForecast>> byUnit = new LinkedHashMap<>();
    for (UnitForecast f : run.forecasts()) {
      byUnit.computeIfAbsent(f.unit(), k -> new ArrayList<>()).add(f);
    }
    int end = panel.index(origin);
    List<UnitOutlook> units = new ArrayList<>();
    for (var e : byUnit.entrySet()) {
      int u = panel.find(e.getKey().id()).orElseThrow();
      double max = 0;
      for (int m = end - PAST_MONTHS + 1; m <= end; m++) {
        double v = panel.value(u, m);
        max = Double.isNaN(v) ? max : Math.max(max, v);
      }
      units.add(
          new UnitOutlook(
              e.getKey(), e.getValue(), max, e.getValue().get(0).probabilityAbove(max)));
    }
    return new Result(o, used.label(), modelNote, units, run.skipped(), record, recordNote);
  }
}
