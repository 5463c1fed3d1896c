package org.harmattan.engine.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Instant;
import org.harmattan.engine.accounts.Account;
import org.harmattan.engine.accounts.Accounts;
import org.harmattan.engine.accounts.ApiToken;
import org.harmattan.engine.accounts.Role;
import org.junit.jupiter.api.Test;

/** The contract suite's cases on accounts: users and their tokens. */
interface AccountContract extends EngineCase {
  @Test
  default void accountsAreAddedOnceFoundListedByNameAndUpdated() {
    Accounts a = store().accounts();
    Instant made = Instant.parse("2026-11-26T10:15:30Z");
    assertThat(a.add(new Account("zoe", Role.VIEWER, null, false, made))).isTrue();
    assertThat(a.add(new Account("amadou", Role.ADMIN, "$argon2id$x", false, made))).isTrue();
    assertThat(a.add(new Account("zoe", Role.ADMIN, null, false, made))).isFalse();
    assertThat(a.list())
        .extracting(Account::name, Account::role)
        .containsExactly(tuple("amadou", Role.ADMIN), tuple("zoe", Role.VIEWER));
    assertThat(a.find("amadou"))
        .get()
        .extracting(Account::passwordHash, Account::created)
        .containsExactly("$argon2id$x", made);
    assertThat(a.update(a.find("zoe").orElseThrow().withDisabled(true).withRole(Role.ANALYST)))
        .isTrue();
    assertThat(a.find("zoe"))
        .get()
        .extracting(Account::disabled, Account::role)
        .containsExactly(true, Role.ANALYST);
    assertThat(a.update(new Account("nobody", Role.VIEWER, null, false, made))).isFalse();
    assertThat(a.find("nobody")).isEmpty();
  }

  @Test
  default void tokensAreFoundByIdListedPerUserAndRevoked() {
    Accounts a = store().accounts();
    Instant first = Instant.parse("2026-11-26T10:00:00Z");
    Instant second = Instant.parse("2026-11-26T11:00:00Z");
    a.addToken(new ApiToken("t2", "zoe", "$hash2", second, null));
    a.addToken(new ApiToken("t1", "zoe", "$hash1", first, null));
    a.addToken(new ApiToken("t3", "amadou", "$hash3", first, null));
    assertThat(a.listTokens("zoe")).extracting(ApiToken::id).containsExactly("t1", "t2");
    assertThat(a.findToken("t3"))
        .get()
        .extracting(ApiToken::user, ApiToken::secretHash)
        .containsExactly("amadou", "$hash3");
    Instant revoked = Instant.parse("2026-11-27T08:00:00Z");
    assertThat(a.updateToken(a.findToken("t1").orElseThrow().withRevoked(revoked))).isTrue();
    assertThat(a.findToken("t1")).get().extracting(ApiToken::revoked).isEqualTo(revoked);
    assertThat(a.findToken("t9")).isEmpty();
  }
}
