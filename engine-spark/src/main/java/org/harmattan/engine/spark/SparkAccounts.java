package org.harmattan.engine.spark;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.harmattan.engine.accounts.Account;
import org.harmattan.engine.accounts.Accounts;
import org.harmattan.engine.accounts.ApiToken;
import org.harmattan.engine.accounts.Role;

/**
 * The accounts port of a Spark store: users and tokens are a few rows, read from the warehouse when
 * first asked for and written back whole, in a commit of their own, on every change.
 */
final class SparkAccounts implements Accounts {
  private final SparkStore store;
  private Map<String, Account> accounts;
  private Map<String, ApiToken> tokens;

  SparkAccounts(SparkStore store) {
    this.store = store;
  }

  private void load() {
    if (accounts != null) {
      return;
    }
    accounts = new TreeMap<>();
    for (Row r : store.rows(Tables.ACCOUNTS, Tables.ACCOUNT_ROWS)) {
      Account a =
          new Account(
              r.getAs("name"),
              Role.valueOf(r.getAs("role")),
              r.getAs("password_hash"),
              r.<Boolean>getAs("disabled"),
              r.<Instant>getAs("created"));
      accounts.put(a.name(), a);
    }
    List<ApiToken> list = new ArrayList<>();
    for (Row r : store.rows(Tables.TOKENS, Tables.TOKEN_ROWS)) {
      list.add(
          new ApiToken(
              r.getAs("id"),
              r.getAs("user"),
              r.getAs("secret_hash"),
              r.<Instant>getAs("created"),
              r.<Instant>getAs("revoked")));
    }
    list.sort(Comparator.comparing(ApiToken::created).thenComparing(ApiToken::id));
    tokens = new LinkedHashMap<>();
    list.forEach(t -> tokens.put(t.id(), t));
  }

  private void saveAccounts() {
    List<Row> rows = new ArrayList<>();
    for (Account a : accounts.values()) {
      rows.add(
          RowFactory.create(
              a.name(), a.role().name(), a.passwordHash(), a.disabled(), a.created()));
    }
    store.replaceTable(Tables.ACCOUNTS, Tables.ACCOUNT_ROWS, rows);
  }

  private void saveTokens() {
    List<Row> rows = new ArrayList<>();
    for (ApiToken t : tokens.values()) {
      rows.add(RowFactory.create(t.id(), t.user(), t.secretHash(), t.created(), t.revoked()));
    }
    store.replaceTable(Tables.TOKENS, Tables.TOKEN_ROWS, rows);
  }

  @Override
  public synchronized boolean add(Account account) {
    load();
    if (accounts.putIfAbsent(account.name(), account) != null) {
      return false;
    }
    saveAccounts();
    return true;
  }

  @Override
  public synchronized boolean update(Account account) {
    load();
    if (accounts.replace(account.name(), account) == null) {
      return false;
    }
    saveAccounts();
    return true;
  }

  @Override
  public synchronized Optional<Account> find(String name) {
    load();
    return Optional.ofNullable(accounts.get(name));
  }

  @Override
  public synchronized List<Account> list() {
    load();
    return List.copyOf(accounts.values());
  }

  @Override
  public synchronized void addToken(ApiToken token) {
    load();
    if (tokens.putIfAbsent(token.id(), token) != null) {
      throw new IllegalArgumentException("a token with id " + token.id() + " exists");
    }
    saveTokens();
  }

  @Override
  public synchronized boolean updateToken(ApiToken token) {
    load();
    if (tokens.replace(token.id(), token) == null) {
      return false;
    }
    saveTokens();
    return true;
  }

  @Override
  public synchronized Optional<ApiToken> findToken(String id) {
    load();
    return Optional.ofNullable(tokens.get(id));
  }

  @Override
  public synchronized List<ApiToken> listTokens(String user) {
    load();
    List<ApiToken> out = new ArrayList<>();
    for (ApiToken t : tokens.values()) {
      if (t.user().equals(user)) {
        out.add(t);
      }
    }
    out.sort(Comparator.comparing(ApiToken::created).thenComparing(ApiToken::id));
    return out;
  }
}
