package org.harmattan.forecast;

import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.harmattan.engine.series.SeriesPoint;

/**
 * Values of units by month: the table every forecaster reads. A unit has no value (NaN) before its
 * first month and after its last; within, a month the source did not state is also NaN.
 */
public final class MonthlyPanel {
  private final List<Unit> units;
  private final YearMonth first;
  private final double[][] values;
  private final Map<String, double[][]> covariates;
  private final Map<String, Integer> rows;

  private MonthlyPanel(List<Unit> units, YearMonth first, double[][] values) {
    this(units, first, values, Map.of());
  }

  private MonthlyPanel(
      List<Unit> units, YearMonth first, double[][] values, Map<String, double[][]> covariates) {
    this.units = List.copyOf(units);
    this.first = first;
    this.values = values;
    this.covariates = Map.copyOf(covariates);
    Map<String, Integer> byId = new java.util.HashMap<>();
    for (int i = 0; i < this.units.size(); i++) {
      byId.putIfAbsent(this.units.get(i).id(), i);
    }
    this.rows = Map.copyOf(byId);
  }

  /**
   * A panel of the given units from {@code first}; {@code values[u][m]} is unit {@code u}'s value
   * in month {@code first + m} (NaN when unknown). The arrays are copied.
   */
  public static MonthlyPanel of(List<Unit> units, YearMonth first, double[][] values) {
    if (units.size() != values.length) {
      throw new IllegalArgumentException(units.size() + " units but " + values.length + " rows");
    }
    double[][] copy = new double[values.length][];
    int width = values.length == 0 ? 0 : values[0].length;
    for (int u = 0; u < values.length; u++) {
      if (values[u].length != width) {
        throw new IllegalArgumentException("row " + u + " has " + values[u].length + " months");
      }
      copy[u] = values[u].clone();
    }
    return new MonthlyPanel(units, first, copy);
  }

  /** The panel of stored series points (one series, one level), units ordered by id. */
  public static MonthlyPanel fromSeries(List<SeriesPoint> points) {
    if (points.isEmpty()) {
      return new MonthlyPanel(List.of(), YearMonth.of(2000, 1), new double[0][0]);
    }
    YearMonth min = points.get(0).month();
    YearMonth max = min;
    Map<String, Unit> units = new LinkedHashMap<>();
    for (SeriesPoint p : points) {
      min = p.month().isBefore(min) ? p.month() : min;
      max = p.month().isAfter(max) ? p.month() : max;
      units.putIfAbsent(p.unitId(), new Unit(p.unitId(), p.unitName(), p.countryIso3()));
    }
    List<Unit> ordered = new ArrayList<>(units.values());
    ordered.sort(Comparator.comparing(MonthlyPanel::numericFirst).thenComparing(Unit::id));
    Map<String, Integer> row = new LinkedHashMap<>();
    for (int i = 0; i < ordered.size(); i++) {
      row.put(ordered.get(i).id(), i);
    }
    int months = (int) ChronoUnit.MONTHS.between(min, max) + 1;
    double[][] values = new double[ordered.size()][months];
    for (double[] r : values) {
      Arrays.fill(r, Double.NaN);
    }
    for (SeriesPoint p : points) {
      values[row.get(p.unitId())][(int) ChronoUnit.MONTHS.between(min, p.month())] = p.value();
    }
    return new MonthlyPanel(ordered, min, values);
  }

  private static long numericFirst(Unit u) {
    try {
      return Long.parseLong(u.id());
    } catch (NumberFormatException e) {
      return Long.MAX_VALUE;
    }
  }

  public List<Unit> units() {
    return units;
  }

  public int unitCount() {
    return units.size();
  }

  /** The first month of the panel. */
  public YearMonth first() {
    return first;
  }

  /** The last month of the panel. */
  public YearMonth last() {
    return first.plusMonths(monthCount() - 1L);
  }

  public int monthCount() {
    return values.length == 0 ? 0 : values[0].length;
  }

  /** The column of {@code month}; may be negative or past the end. */
  public int index(YearMonth month) {
    return (int) ChronoUnit.MONTHS.between(first, month);
  }

  /** The month of column {@code index}. */
  public YearMonth month(int index) {
    return first.plusMonths(index);
  }

  /** Unit {@code u}'s value in column {@code m}; NaN outside the panel or when unknown. */
  public double value(int u, int m) {
    return m < 0 || m >= monthCount() ? Double.NaN : values[u][m];
  }

  /** The row of the unit with this id. */
  public Optional<Integer> find(String unitId) {
    return Optional.ofNullable(rows.get(unitId));
  }

  /** The last column, at or before {@code m}, where unit {@code u} has a value; -1 if none. */
  public int lastKnown(int u, int m) {
    for (int i = Math.min(m, monthCount() - 1); i >= 0; i--) {
      if (!Double.isNaN(values[u][i])) {
        return i;
      }
    }
    return -1;
  }

  /**
   * This panel with a covariate: another monthly quantity of the same units and months (such as
   * event counts beside fatalities) that a model may read but does not forecast.
   *
   * @param name the covariate's name
   * @param matrix {@code matrix[u][m]} as for the values (copied)
   */
  public MonthlyPanel withCovariate(String name, double[][] matrix) {
    if (matrix.length != values.length) {
      throw new IllegalArgumentException(
          "covariate " + name + " has " + matrix.length + " rows for " + values.length + " units");
    }
    Map<String, double[][]> all = new java.util.TreeMap<>(covariates);
    double[][] copy = new double[matrix.length][];
    for (int u = 0; u < matrix.length; u++) {
      if (matrix[u].length != monthCount()) {
        throw new IllegalArgumentException("covariate " + name + " row " + u + " length");
      }
      copy[u] = matrix[u].clone();
    }
    all.put(name, copy);
    return new MonthlyPanel(units, first, values, all);
  }

  /**
   * This panel with covariate {@code covariate} as its values and its values as covariate {@code
   * valuesName}: the same units and months forecast for another quantity (events instead of
   * fatalities).
   */
  public MonthlyPanel withOutcome(String covariate, String valuesName) {
    double[][] outcome = covariates.get(covariate);
    if (outcome == null) {
      throw new IllegalArgumentException("no covariate " + covariate + " in " + covariateNames());
    }
    Map<String, double[][]> rest = new java.util.TreeMap<>(covariates);
    rest.remove(covariate);
    rest.put(valuesName, values);
    return new MonthlyPanel(units, first, outcome, rest);
  }

  /**
   * The units of {@code parts} in one panel over the months of them all: a unit has no value (NaN)
   * in months its part does not hold; a covariate a part lacks is 0 where the part has values.
   */
  public static MonthlyPanel stack(List<MonthlyPanel> parts) {
    List<MonthlyPanel> held = parts.stream().filter(p -> p.unitCount() > 0).toList();
    if (held.isEmpty()) {
      return new MonthlyPanel(List.of(), YearMonth.of(2000, 1), new double[0][0]);
    }
    YearMonth first = held.get(0).first();
    YearMonth last = held.get(0).last();
    java.util.Set<String> names = new java.util.TreeSet<>();
    for (MonthlyPanel p : held) {
      first = p.first().isBefore(first) ? p.first() : first;
      last = p.last().isAfter(last) ? p.last() : last;
      names.addAll(p.covariateNames());
    }
    int months = (int) ChronoUnit.MONTHS.between(first, last) + 1;
    List<Unit> units = new ArrayList<>();
    List<double[]> values = new ArrayList<>();
    Map<String, List<double[]>> cov = new java.util.TreeMap<>();
    names.forEach(n -> cov.put(n, new ArrayList<>()));
    for (MonthlyPanel p : held) {
      int offset = (int) ChronoUnit.MONTHS.between(first, p.first());
      for (int u = 0; u < p.unitCount(); u++) {
        units.add(p.units().get(u));
        values.add(shifted(p.values[u], offset, months, Double.NaN));
        for (String n : names) {
          double[][] c = p.covariates.get(n);
          double[] row = c == null ? new double[p.monthCount()] : c[u];
          cov.get(n).add(shifted(row, offset, months, Double.NaN));
        }
      }
    }
    MonthlyPanel out = of(units, first, values.toArray(new double[0][]));
    for (var e : cov.entrySet()) {
      out = out.withCovariate(e.getKey(), e.getValue().toArray(new double[0][]));
    }
    return out;
  }

  private static double[] shifted(double[] row, int offset, int months, double fill) {
    double[] out = new double[months];
    Arrays.fill(out, fill);
    System.arraycopy(row, 0, out, offset, row.length);
    return out;
  }

  /** This panel with only the units {@code keep} accepts (and their covariates). */
  public MonthlyPanel select(java.util.function.Predicate<Unit> keep) {
    List<Unit> kept = new ArrayList<>();
    List<Integer> rowsKept = new ArrayList<>();
    for (int u = 0; u < units.size(); u++) {
      if (keep.test(units.get(u))) {
        kept.add(units.get(u));
        rowsKept.add(u);
      }
    }
    Map<String, double[][]> cov = new java.util.TreeMap<>();
    covariates.forEach((name, m) -> cov.put(name, pick(m, rowsKept)));
    return new MonthlyPanel(kept, first, pick(values, rowsKept), cov);
  }

  private static double[][] pick(double[][] matrix, List<Integer> rows) {
    double[][] out = new double[rows.size()][];
    for (int i = 0; i < rows.size(); i++) {
      out[i] = matrix[rows.get(i)];
    }
    return out;
  }

  /** The covariates' names, sorted. */
  public List<String> covariateNames() {
    return new java.util.TreeMap<>(covariates).keySet().stream().toList();
  }

  /** Covariate {@code name} of unit {@code u} in column {@code m}; NaN outside or unknown. */
  public double covariate(String name, int u, int m) {
    double[][] c = covariates.get(name);
    return c == null || m < 0 || m >= monthCount() ? Double.NaN : c[u][m];
  }

  /**
   * A panel with the same units and months, and values (and covariates) only up to {@code until}.
   */
  public MonthlyPanel until(YearMonth until) {
    int end = index(until);
    Map<String, double[][]> cutCovariates = new java.util.TreeMap<>();
    covariates.forEach((name, matrix) -> cutCovariates.put(name, cut(matrix, end)));
    return new MonthlyPanel(units, first, cut(values, end), cutCovariates);
  }

  private static double[][] cut(double[][] matrix, int end) {
    double[][] cut = new double[matrix.length][];
    for (int u = 0; u < matrix.length; u++) {
      cut[u] = matrix[u].clone();
      for (int m = Math.max(0, end + 1); m < cut[u].length; m++) {
        cut[u][m] = Double.NaN;
      }
    }
    return cut;
  }
}
