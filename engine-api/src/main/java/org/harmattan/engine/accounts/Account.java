package org.harmattan.engine.accounts;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/**
 * A user of the platform.
 *
 * @param name the unique login name
 * @param role what the user may do
 * @param passwordHash the slow salted hash of the password (PHC string), or null when the user
 *     signs in with tokens only
 * @param disabled whether the account is switched off (its tokens stop working)
 * @param created when the account was made
 */
public record Account(
    String name, Role role, String passwordHash, boolean disabled, Instant created) {
  public Account {
    requireNonNull(name, "name");
    requireNonNull(role, "role");
    requireNonNull(created, "created");
  }

  public Account withDisabled(boolean d) {
    return new Account(name, role, passwordHash, d, created);
  }

  public Account withPasswordHash(String hash) {
    return new Account(name, role, hash, disabled, created);
  }

  public Account withRole(Role r) {
    return new Account(name, r, passwordHash, disabled, created);
  }
}
