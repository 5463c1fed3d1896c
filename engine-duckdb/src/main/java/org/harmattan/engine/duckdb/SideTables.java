package org.harmattan.engine.duckdb;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.harmattan.domain.error.ErrorCategory;
import org.harmattan.domain.error.HarmattanException;
import org.harmattan.domain.problem.ProblemCode;

/**
 * The small JDBC calls of the store's side tables (accounts and tokens, the alert log): bind the
 * values, run, map each row, and fail with one line naming what could not be read or written.
 */
final class SideTables {
  /** Reads one row into a value. */
  @FunctionalInterface
  interface RowReader<T> {
    T read(ResultSet rs) throws SQLException;
  }

  private SideTables() {}

  /**
   * Runs a change.
   *
   * @param what the tables in words, for the message: "accounts", "alert log"
   * @return whether a row changed
   */
  static boolean update(Connection c, String what, String sql, Object... values) {
    try (PreparedStatement p = c.prepareStatement(sql)) {
      bind(p, values);
      return p.executeUpdate() > 0;
    } catch (SQLException e) {
      throw failure(what, e);
    }
  }

  /**
   * Runs a query and reads every row.
   *
   * @param what the tables in words, for the message
   */
  static <T> List<T> query(
      Connection c, String what, String sql, RowReader<T> row, Object... values) {
    List<T> out = new ArrayList<>();
    try (PreparedStatement p = c.prepareStatement(sql)) {
      bind(p, values);
      try (ResultSet rs = p.executeQuery()) {
        while (rs.next()) {
          out.add(row.read(rs));
        }
      }
    } catch (SQLException e) {
      throw failure(what, e);
    }
    return out;
  }

  private static void bind(PreparedStatement p, Object... values) throws SQLException {
    for (int i = 0; i < values.length; i++) {
      p.setObject(i + 1, values[i]);
    }
  }

  private static HarmattanException failure(String what, SQLException e) {
    return new HarmattanException(
        ErrorCategory.INTERNAL,
        ProblemCode.STORE_FAILURE,
        "the " + what + " could not be read or written: " + DuckDbStore.firstLine(e.getMessage()),
        e);
  }
}
