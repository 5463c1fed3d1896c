package org.harmattan.engine.duckdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.duckdb.DuckDBConnection;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The statements a read connection keeps answer as freshly prepared ones would. */
class ReadConnectionTest {
  private DuckDBConnection writer;
  private ReadConnection reader;

  @BeforeEach
  void openAnInMemoryDatabaseWithTenNumbers() throws SQLException {
    writer = (DuckDBConnection) DriverManager.getConnection("jdbc:duckdb:");
    try (Statement s = writer.createStatement()) {
      s.execute("CREATE TABLE t AS SELECT range AS n FROM range(10)");
    }
    reader = new ReadConnection(writer.duplicate());
  }

  @AfterEach
  void close() throws SQLException {
    reader.close();
    writer.close();
  }

  private long countAbove(long bound) throws SQLException {
    return reader.query(
        "SELECT count(*) FROM t WHERE n > ?",
        p -> {
          p.setLong(1, bound);
          try (ResultSet rs = p.executeQuery()) {
            rs.next();
            return rs.getLong(1);
          }
        });
  }

  @Test
  void aKeptStatementAnswersWithTheParametersOfEachQueryAndSeesLaterWrites() throws SQLException {
    assertThat(countAbove(4)).isEqualTo(5);
    assertThat(countAbove(7)).isEqualTo(2);
    try (Statement s = writer.createStatement()) {
      s.execute("INSERT INTO t VALUES (20), (21)");
    }

    assertThat(countAbove(7)).isEqualTo(4);
  }

  @Test
  void moreTextsThanKeptStillAnswerEach() throws SQLException {
    for (int i = 0; i < ReadConnection.KEPT * 2; i++) {
      long below = i % 10;
      long counted =
          reader.query(
              "SELECT count(*) FROM t WHERE n < " + below,
              p -> {
                try (ResultSet rs = p.executeQuery()) {
                  rs.next();
                  return rs.getLong(1);
                }
              });
      assertThat(counted).isEqualTo(below);
    }
  }

  @Test
  void aStatementMadeStaleByANewTableAnswersFromTheNewTable() throws SQLException {
    assertThat(countAbove(4)).isEqualTo(5);
    try (Statement s = writer.createStatement()) {
      s.execute("DROP TABLE t");
      s.execute("CREATE TABLE t AS SELECT range AS n FROM range(100)");
    }

    assertThat(countAbove(4)).isEqualTo(95);
  }

  @Test
  void aFailedQueryLeavesTheNextOneOfTheSameTextWorking() throws SQLException {
    String sql = "SELECT CAST(? AS INTEGER)";
    assertThatThrownBy(
            () ->
                reader.query(
                    sql,
                    p -> {
                      p.setString(1, "not a number");
                      try (ResultSet rs = p.executeQuery()) {
                        return rs.next();
                      }
                    }))
        .isInstanceOf(SQLException.class);

    int answer =
        reader.query(
            sql,
            p -> {
              p.setString(1, "42");
              try (ResultSet rs = p.executeQuery()) {
                rs.next();
                return rs.getInt(1);
              }
            });
    assertThat(answer).isEqualTo(42);
  }
}
