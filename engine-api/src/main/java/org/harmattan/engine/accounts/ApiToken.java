package org.harmattan.engine.accounts;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/**
 * An API token of a user. The token a client sends is {@code id} and a secret; the store keeps the
 * id in clear (to find the token) and only a slow salted hash of the secret.
 *
 * @param id the public part of the token
 * @param user the account it acts for
 * @param secretHash the hash of the secret part (PHC string)
 * @param created when it was issued
 * @param revoked when it was withdrawn, or null while it is valid
 */
public record ApiToken(
    String id, String user, String secretHash, Instant created, Instant revoked) {
  public ApiToken {
    requireNonNull(id, "id");
    requireNonNull(user, "user");
    requireNonNull(secretHash, "secretHash");
    requireNonNull(created, "created");
  }

  public ApiToken withRevoked(Instant when) {
    return new ApiToken(id, user, secretHash, created, when);
  }
}
