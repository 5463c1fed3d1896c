package org.harmattan.engine.memory;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.harmattan.engine.accounts.Account;
import org.harmattan.engine.accounts.Accounts;
import org.harmattan.engine.accounts.ApiToken;

/** The accounts port over two maps. */
final class InMemoryAccounts implements Accounts {
  private final Map<String, Account> accounts = new TreeMap<>();
  private final Map<String, ApiToken> tokens = new LinkedHashMap<>();

  @Override
  public synchronized boolean add(Account account) {
    return accounts.putIfAbsent(account.name(), account) == null;
  }

  @Override
  public synchronized boolean update(Account account) {
    return accounts.replace(account.name(), account) != null;
  }

  @Override
  public synchronized Optional<Account> find(String name) {
    return Optional.ofNullable(accounts.get(name));
  }

  @Override
  public synchronized List<Account> list() {
    return List.copyOf(accounts.values());
  }

  @Override
  public synchronized void addToken(ApiToken token) {
    if (tokens.putIfAbsent(token.id(), token) != null) {
      throw new IllegalArgumentException("a token with id " + token.id() + " exists");
    }
  }

  @Override
  public synchronized boolean updateToken(ApiToken token) {
    return tokens.replace(token.id(), token) != null;
  }

  @Override
  public synchronized Optional<ApiToken> findToken(String id) {
    return Optional.ofNullable(tokens.get(id));
  }

  @Override
  public synchronized List<ApiToken> listTokens(String user) {
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
