package org.harmattan.domain.context;

import java.util.Locale;
import java.util.Optional;

/** What a timeline entry records; the case file writes the lower-case code. */
public enum EntryKind {
  COUP,
  /** An election held (a postponement is {@link #ELECTION_POSTPONED}). */
  ELECTION,
  ELECTION_POSTPONED,
  PARTY_BAN,
  WITHDRAWAL,
  ALLIANCE,
  FOREIGN_FORCES,
  RATING,
  MAJOR_ATTACK,
  TRANSITION,
  SANCTION,
  REFERENDUM,
  BLOCKADE,
  /** A government's travel advisory changed (detected, not written by hand). */
  ADVISORY_CHANGE;

  /** The code written in case files, e.g. {@code election_postponed}. */
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The kind with this code, if any. */
  public static Optional<EntryKind> findByCode(String code) {
    for (EntryKind k : values()) {
      if (k.code().equals(code)) {
        return Optional.of(k);
      }
    }
    return Optional.empty();
  }
}
