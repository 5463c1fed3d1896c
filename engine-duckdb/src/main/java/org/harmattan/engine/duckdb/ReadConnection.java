package org.harmattan.engine.duckdb;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.duckdb.DuckDBConnection;

/**
 * One thread's read connection with the statements it has prepared, kept for the next query of the
 * same text: DuckDB parses, binds and plans a statement each time it is prepared, which costs more
 * than a small aggregate's run. The connection belongs to one thread (see {@code
 * DuckDbStore.reader}), so its statements need no lock.
 */
final class ReadConnection implements AutoCloseable {
  /** How many statements a connection keeps (most recently used kept). */
  static final int KEPT = 64;

  /** A use of a prepared statement: bind, execute, read. */
  @FunctionalInterface
  interface Work<T> {
    T run(PreparedStatement statement) throws SQLException;
  }

  private final DuckDBConnection connection;
  private final Map<String, PreparedStatement> prepared = new LinkedHashMap<>(16, 0.75f, true);

  ReadConnection(DuckDBConnection connection) {
    this.connection = connection;
  }

  DuckDBConnection connection() {
    return connection;
  }

  /**
   * Runs {@code work} on the statement of {@code sql}, prepared once. A statement that fails is
   * dropped (DuckDB's driver closes a statement whose execution failed); when it was a kept one,
   * the work runs once more on a fresh statement, so that a statement made stale by a change of the
   * store's tables answers as a new one would.
   */
  <T> T query(String sql, Work<T> work) throws SQLException {
    PreparedStatement kept = prepared.get(sql);
    if (kept != null && !kept.isClosed()) {
      try {
        return work.run(kept);
      } catch (SQLException e) {
        drop(sql);
      }
    }
    PreparedStatement fresh = connection.prepareStatement(sql);
    keep(sql, fresh);
    try {
      return work.run(fresh);
    } catch (SQLException | RuntimeException e) {
      drop(sql);
      throw e;
    }
  }

  private void keep(String sql, PreparedStatement statement) throws SQLException {
    PreparedStatement replaced = prepared.put(sql, statement);
    if (replaced != null) {
      replaced.close();
    }
    if (prepared.size() > KEPT) {
      Iterator<PreparedStatement> eldest = prepared.values().iterator();
      PreparedStatement out = eldest.next();
      eldest.remove();
      out.close();
    }
  }

  private void drop(String sql) {
    PreparedStatement out = prepared.remove(sql);
    if (out != null) {
      try {
        out.close();
      } catch (SQLException e) {
        // A statement that failed may already be closed; nothing is left to release.
      }
    }
  }

  @Override
  public void close() throws SQLException {
    SQLException first = null;
    for (PreparedStatement p : prepared.values()) {
      try {
        p.close();
      } catch (SQLException e) {
        first = first == null ? e : first;
      }
    }
    prepared.clear();
    try {
      connection.close();
    } catch (SQLException e) {
      first = first == null ? e : first;
    }
    if (first != null) {
      throw first;
    }
  }
}
