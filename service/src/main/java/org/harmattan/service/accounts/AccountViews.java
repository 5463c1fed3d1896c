package org.harmattan.service.accounts;

import java.util.LinkedHashMap;
import java.util.Map;
import org.harmattan.engine.accounts.Account;
import org.harmattan.engine.accounts.Role;

/** Accounts in the shapes every front door prints or serves: keys in a fixed order. */
public final class AccountViews {
  private AccountViews() {}

  /** {@code {"user","role","token"}}: a token just issued (shown only then). */
  public static Map<String, Object> issued(String name, Role role, String token) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("user", name);
    m.put("role", role.word());
    m.put("token", token);
    return m;
  }

  /** {@code {"user","role","disabled","password","created"}}: never a hash. */
  public static Map<String, Object> account(Account a) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("user", a.name());
    m.put("role", a.role().word());
    m.put("disabled", a.disabled());
    m.put("password", a.passwordHash() != null);
    m.put("created", a.created().toString());
    return m;
  }
}
