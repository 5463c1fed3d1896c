package org.harmattan.engine.duckdb;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import org.harmattan.engine.accounts.Account;
import org.harmattan.engine.accounts.Accounts;
import org.harmattan.engine.accounts.ApiToken;
import org.harmattan.engine.accounts.Role;

/** The accounts port on two tables of the store: {@code accounts} and {@code api_tokens}. */
final class DuckDbAccounts implements Accounts {
  private static final String ACCOUNT_COLUMNS = "name, role, password_hash, disabled, created";
  private static final String WHAT = "accounts";
  private static final String TOKEN_COLUMNS = "id, user_name, secret_hash, created, revoked";

  private final Connection connection;
  private final Connection reader;

  /**
   * @param connection the store's write connection, for changes
   * @param reader the calling thread's read connection, for lookups
   */
  DuckDbAccounts(Connection connection, Connection reader) {
    this.connection = connection;
    this.reader = reader;
  }

  static void createSchema(Statement s) throws SQLException {
    s.execute(
        "CREATE TABLE IF NOT EXISTS accounts (name VARCHAR PRIMARY KEY, role VARCHAR NOT NULL,"
            + " password_hash VARCHAR, disabled BOOLEAN NOT NULL, created TIMESTAMP NOT NULL)");
    s.execute(
        "CREATE TABLE IF NOT EXISTS api_tokens (id VARCHAR PRIMARY KEY, user_name VARCHAR NOT"
            + " NULL, secret_hash VARCHAR NOT NULL, created TIMESTAMP NOT NULL, revoked"
            + " TIMESTAMP)");
  }

  @Override
  public boolean add(Account a) {
    if (find(a.name()).isPresent()) {
      return false;
    }
    return write(
        "INSERT INTO accounts (" + ACCOUNT_COLUMNS + ") VALUES (?, ?, ?, ?, ?)",
        a.name(),
        a.role().name(),
        a.passwordHash(),
        a.disabled(),
        Timestamp.from(a.created()));
  }

  @Override
  public boolean update(Account a) {
    return write(
        "UPDATE accounts SET role = ?, password_hash = ?, disabled = ? WHERE name = ?",
        a.role().name(),
        a.passwordHash(),
        a.disabled(),
        a.name());
  }

  @Override
  public Optional<Account> find(String name) {
    List<Account> found =
        readAccounts("SELECT " + ACCOUNT_COLUMNS + " FROM accounts WHERE name = ?", name);
    return found.stream().findFirst();
  }

  @Override
  public List<Account> list() {
    return readAccounts("SELECT " + ACCOUNT_COLUMNS + " FROM accounts ORDER BY name");
  }

  @Override
  public void addToken(ApiToken t) {
    write(
        "INSERT INTO api_tokens (" + TOKEN_COLUMNS + ") VALUES (?, ?, ?, ?, ?)",
        t.id(),
        t.user(),
        t.secretHash(),
        Timestamp.from(t.created()),
        t.revoked() == null ? null : Timestamp.from(t.revoked()));
  }

  @Override
  public boolean updateToken(ApiToken t) {
    return write(
        "UPDATE api_tokens SET secret_hash = ?, revoked = ? WHERE id = ?",
        t.secretHash(),
        t.revoked() == null ? null : Timestamp.from(t.revoked()),
        t.id());
  }

  @Override
  public Optional<ApiToken> findToken(String id) {
    return readTokens("SELECT " + TOKEN_COLUMNS + " FROM api_tokens WHERE id = ?", id).stream()
        .findFirst();
  }

  @Override
  public List<ApiToken> listTokens(String user) {
    return readTokens(
        "SELECT " + TOKEN_COLUMNS + " FROM api_tokens WHERE user_name = ? ORDER BY created, id",
        user);
  }

  private boolean write(String sql, Object... values) {
    return SideTables.update(connection, WHAT, sql, values);
  }

  private List<Account> readAccounts(String sql, Object... values) {
    return SideTables.query(
        reader,
        WHAT,
        sql,
        rs ->
            new Account(
                rs.getString(1),
                Role.valueOf(rs.getString(2)),
                rs.getString(3),
                rs.getBoolean(4),
                rs.getTimestamp(5).toInstant()),
        values);
  }

  private List<ApiToken> readTokens(String sql, Object... values) {
    return SideTables.query(
        reader,
        WHAT,
        sql,
        rs -> {
          Timestamp revoked = rs.getTimestamp(5);
          return new ApiToken(
              rs.getString(1),
              rs.getString(2),
              rs.getString(3),
              rs.getTimestamp(4).toInstant(),
              revoked == null ? null : revoked.toInstant());
        },
        values);
  }
}
