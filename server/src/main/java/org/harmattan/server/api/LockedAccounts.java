package org.harmattan.server.api;

import java.util.List;
import java.util.Optional;
import org.harmattan.engine.accounts.Account;
import org.harmattan.engine.accounts.Accounts;
import org.harmattan.engine.accounts.ApiToken;

/** The store's accounts through {@link StoreAccess}: lookups beside queries, changes alone. */
final class LockedAccounts implements Accounts {
  private final StoreAccess access;

  LockedAccounts(StoreAccess access) {
    this.access = access;
  }

  @Override
  public boolean add(Account account) {
    return access.alone(s -> s.accounts().add(account));
  }

  @Override
  public boolean update(Account account) {
    return access.alone(s -> s.accounts().update(account));
  }

  @Override
  public Optional<Account> find(String name) {
    return access.read(s -> s.accounts().find(name));
  }

  @Override
  public List<Account> list() {
    return access.read(s -> s.accounts().list());
  }

  @Override
  public void addToken(ApiToken token) {
    access.alone(
        s -> {
          s.accounts().addToken(token);
          return null;
        });
  }

  @Override
  public boolean updateToken(ApiToken token) {
    return access.alone(s -> s.accounts().updateToken(token));
  }

  @Override
  public Optional<ApiToken> findToken(String id) {
    return access.read(s -> s.accounts().findToken(id));
  }

  @Override
  public List<ApiToken> listTokens(String user) {
    return access.read(s -> s.accounts().listTokens(user));
  }
}
