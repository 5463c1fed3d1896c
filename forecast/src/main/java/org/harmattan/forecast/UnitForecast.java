package org.harmattan.forecast;

import static java.util.Objects.requireNonNull;

import java.time.YearMonth;
import java.util.Arrays;

/**
 * The forecast of one unit for one month: draws from the predictive distribution, whole numbers of
 * the outcome; the horizon counts months after the last month of data (1 = the next month).
 */
public final class UnitForecast {
  private final Unit unit;
  private final YearMonth month;
  private final int horizon;
  private final double[] draws;

  public UnitForecast(Unit unit, YearMonth month, int horizon, double[] draws) {
    this.unit = requireNonNull(unit, "unit");
    this.month = requireNonNull(month, "month");
    this.horizon = horizon;
    this.draws = draws.clone();
    if (draws.length == 0) {
      throw new IllegalArgumentException("a forecast needs at least one draw");
    }
  }

  public Unit unit() {
    return unit;
  }

  public YearMonth month() {
    return month;
  }

  public int horizon() {
    return horizon;
  }

  /** The number of draws. */
  public int size() {
    return draws.length;
  }

  /** The draw {@code i}. */
  public double draw(int i) {
    return draws[i];
  }

  public double[] draws() {
    return draws.clone();
  }

  /** The mean of the draws. */
  public double mean() {
    return Arrays.stream(draws).average().orElse(0);
  }

  /** The draws' quantile at {@code p} (linear interpolation between order statistics). */
  public double quantile(double p) {
    return Scores.quantile(sorted(), p);
  }

  /** The share of draws above {@code threshold}. */
  public double probabilityAbove(double threshold) {
    long above = Arrays.stream(draws).filter(d -> d > threshold).count();
    return (double) above / draws.length;
  }

  double[] sorted() {
    double[] s = draws.clone();
    Arrays.sort(s);
    return s;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof UnitForecast f
        && unit.equals(f.unit)
        && month.equals(f.month)
        && horizon == f.horizon
        && Arrays.equals(draws, f.draws);
  }

  @Override
  public int hashCode() {
    return 31 * (31 * unit.hashCode() + month.hashCode()) + Arrays.hashCode(draws);
  }

  @Override
  public String toString() {
    return "UnitForecast[" + unit.id() + " " + month + " h" + horizon + " n=" + draws.length + "]";
  }
}
