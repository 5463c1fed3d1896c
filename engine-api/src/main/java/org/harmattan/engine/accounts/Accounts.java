package org.harmattan.engine.accounts;

import java.util.List;
import java.util.Optional;

/** Users and API tokens, in the store. Names compare exactly (callers normalise them). */
public interface Accounts {

  /**
   * Adds an account.
   *
   * @return false (and changes nothing) when an account of that name exists
   */
  boolean add(Account account);

  /** Replaces the account of the same name; false when there is none. */
  boolean update(Account account);

  Optional<Account> find(String name);

  /** Every account, by name. */
  List<Account> list();

  /** Adds a token; its id must be new. */
  void addToken(ApiToken token);

  /** Replaces the token of the same id; false when there is none. */
  boolean updateToken(ApiToken token);

  Optional<ApiToken> findToken(String id);

  /** The tokens of {@code user}, oldest first. */
  List<ApiToken> listTokens(String user);
}
