package org.harmattan.forecast;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.harmattan.domain.figure.SourceRef;
import org.harmattan.engine.series.SeriesPoint;
import org.harmattan.testsupport.PlainCsv;
import org.harmattan.testsupport.SharedData;

/**
 * The VIEWS files of {@code ../shared/data/views_cm}, read plainly for tests: the country-month
 * series (independently of the product's ingest), the competition's benchmark draws and per-cell
 * scores (Parquet and CSV, read with DuckDB).
 */
final class ViewsFiles {
  static final String SERIES = "views_cm/cm_ged_sb_1990-01_2022-12.csv";

  private ViewsFiles() {}

  /** The country-month series as a panel, read with the plain CSV reader. */
  static MonthlyPanel panel() {
    Path file = SharedData.require(SERIES);
    SourceRef source = new SourceRef("views", "cm_ged_sb_1990-01_2022-12.csv", "test");
    List<SeriesPoint> points = new ArrayList<>();
    int line = 1;
    for (Map<String, String> row : PlainCsv.readMaps(file, 0)) {
      line++;
      points.add(
          new SeriesPoint(
              "ged_sb",
              "country",
              row.get("country_id"),
              row.get("name"),
              row.get("isoab"),
              YearMonth.of(Integer.parseInt(row.get("year")), Integer.parseInt(row.get("month"))),
              Double.parseDouble(row.get("ged_sb")),
              source,
              line));
    }
    return MonthlyPanel.fromSeries(points);
  }

  /** The month of a VIEWS {@code month_id} (1 = January 1980). */
  static YearMonth month(int monthId) {
    return YearMonth.of(1980, 1).plusMonths(monthId - 1L);
  }

  /** A benchmark's draws in a window: country id and month id to draws in draw order. */
  static Map<String, double[]> draws(String benchmark, int year) {
    Path dir =
        SharedData.require(
                "views_cm/benchmarks/" + benchmark + "/window=Y" + year + "/eval_crps.csv")
            .getParent();
    Map<String, double[]> out = new HashMap<>();
    query(
        "select country_id, month_id, list(outcome::double order by draw) from read_parquet('"
            + dir.resolve("*.parquet")
            + "', hive_partitioning=false) group by all",
        r -> {
          Object[] values = (Object[]) r.getArray(3).getArray();
          double[] d = new double[values.length];
          for (int i = 0; i < d.length; i++) {
            d[i] = ((Number) values[i]).doubleValue();
          }
          out.put(key(r.getInt(1), r.getInt(2)), d);
        });
    return out;
  }

  /**
   * A benchmark's published per-cell score ({@code crps}, {@code ign}, {@code mis}) in a window.
   */
  static Map<String, Double> scores(String benchmark, int year, String score) {
    Path file =
        SharedData.require(
            "views_cm/benchmarks/" + benchmark + "/window=Y" + year + "/eval_" + score + ".csv");
    Map<String, Double> out = new HashMap<>();
    for (Map<String, String> row : PlainCsv.readMaps(file, 0)) {
      out.put(
          key(Integer.parseInt(row.get("country_id")), Integer.parseInt(row.get("month_id"))),
          Double.parseDouble(row.get("value")));
    }
    return out;
  }

  /** The v2 actuals of the test windows: country id and month id to deaths. */
  static Map<String, Double> actuals() {
    Path file = SharedData.require("views_cm/cm_actuals_v2_2018-01_2022-12.csv");
    Map<String, Double> out = new HashMap<>();
    for (Map<String, String> row : PlainCsv.readMaps(file, 0)) {
      out.put(
          key(Integer.parseInt(row.get("country_id")), Integer.parseInt(row.get("month_id"))),
          Double.parseDouble(row.get("ged_sb")));
    }
    return out;
  }

  static String key(int countryId, int monthId) {
    return countryId + "/" + monthId;
  }

  static String key(String countryId, YearMonth month) {
    int monthId = (month.getYear() - 1980) * 12 + month.getMonthValue();
    return countryId + "/" + monthId;
  }

  interface RowHandler {
    void row(ResultSet r) throws SQLException;
  }

  static void query(String sql, RowHandler handler) {
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
        Statement s = c.createStatement();
        ResultSet r = s.executeQuery(sql)) {
      while (r.next()) {
        handler.row(r);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("reading the benchmark files: " + e.getMessage(), e);
    }
  }
}
