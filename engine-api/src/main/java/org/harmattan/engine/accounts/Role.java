package org.harmattan.engine.accounts;

import java.util.Locale;
import java.util.Optional;

/** What an account may do; each role may do everything the roles before it may. */
public enum Role {
  /** Figures, briefs and aggregates. */
  VIEWER,
  /** Also raw events, ingest, claim checks and starting briefs. */
  ANALYST,
  /** Also users, the quarantine and settings. */
  ADMIN;

  /** Whether this role may do what {@code needed} may. */
  public boolean covers(Role needed) {
    return compareTo(needed) >= 0;
  }

  /** The lower-case word used on the command line and in JSON. */
  public String word() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The role named {@code word} (any case), if there is one. */
  public static Optional<Role> find(String word) {
    if (word == null) {
      return Optional.empty();
    }
    for (Role r : values()) {
      if (r.word().equals(word.strip().toLowerCase(Locale.ROOT))) {
        return Optional.of(r);
      }
    }
    return Optional.empty();
  }
}
