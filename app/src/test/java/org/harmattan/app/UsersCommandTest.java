package org.harmattan.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Clock;
import org.harmattan.engine.Store;
import org.harmattan.engine.accounts.Role;
import org.harmattan.service.Stores;
import org.harmattan.service.accounts.AccountService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code harmattan users}: the first admin, its token shown once, and the account list. */
class UsersCommandTest {
  @TempDir Path dir;

  @Test
  void addPrintsTheContractJsonWithATokenThatAuthenticates() throws Exception {
    String store = dir.resolve("store.duckdb").toString();
    CliRun r = CliRun.of("users", "add", "Amadou", "--role", "admin", "--store", store, "--json");
    assertThat(r.code()).as(r.err()).isZero();
    JsonNode j = new ObjectMapper().readTree(r.out());
    assertThat(j.fieldNames()).toIterable().containsExactly("user", "role", "token");
    assertThat(j.get("user").asText()).isEqualTo("amadou");
    assertThat(j.get("role").asText()).isEqualTo("admin");
    String token = j.get("token").asText();
    assertThat(token).startsWith("hmt_");
    try (Store s = Stores.open(Path.of(store))) {
      AccountService accounts = new AccountService(s.accounts(), Clock.systemUTC());
      assertThat(accounts.authenticateToken(token))
          .get()
          .extracting(p -> p.role())
          .isEqualTo(Role.ADMIN);
      // The store keeps no token in clear.
      assertThat(s.accounts().listTokens("amadou").get(0).secretHash())
          .startsWith("$argon2id$")
          .doesNotContain(token.substring(17));
    }
    CliRun list = CliRun.of("users", "list", "--store", store);
    assertThat(list.out()).contains("amadou").contains("admin").contains("enabled");
    assertThat(list.out()).doesNotContain(token);
  }

  @Test
  void mistakesAreOneLineUsageErrors() {
    String store = dir.resolve("store.duckdb").toString();
    assertThat(CliRun.of("users", "add", "zoe", "--role", "viewer", "--store", store).code())
        .isZero();
    CliRun again = CliRun.of("users", "add", "zoe", "--role", "viewer", "--store", store);
    CliRun badRole = CliRun.of("users", "add", "ali", "--role", "boss", "--store", store);
    CliRun badName = CliRun.of("users", "add", "no spaces", "--role", "viewer", "--store", store);
    CliRun nobody = CliRun.of("users", "disable", "nobody", "--store", store);
    assertThat(again.code()).isEqualTo(2);
    assertThat(again.err()).contains("an account named 'zoe' exists");
    assertThat(badRole.code()).isEqualTo(2);
    assertThat(badRole.err()).contains("--role 'boss' is not viewer, analyst or admin");
    assertThat(badName.code()).isEqualTo(2);
    assertThat(badName.err()).contains("is not 2 to 64 letters");
    assertThat(nobody.code()).isEqualTo(2);
    assertThat(nobody.err()).contains("no account is named 'nobody'");
    for (CliRun r : new CliRun[] {again, badRole, badName, nobody}) {
      assertThat(r.err()).doesNotContain("Exception").doesNotContain("\tat ");
    }
  }
}
