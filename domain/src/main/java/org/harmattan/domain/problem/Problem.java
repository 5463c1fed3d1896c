package org.harmattan.domain.problem;

import static java.util.Objects.requireNonNull;

/**
 * One thing wrong with a source row.
 *
 * @param code stable machine code, e.g. {@code bad_date}
 * @param column the source column concerned, or empty for whole-row problems
 * @param message what was found, where, and what was expected
 */
public record Problem(String code, String column, String message) {
  public Problem {
    requireNonNull(code, "code");
    requireNonNull(column, "column");
    requireNonNull(message, "message");
    if (code.isBlank()) {
      throw new IllegalArgumentException("code must not be blank");
    }
  }

  /** A problem that concerns the whole row rather than one column. */
  public static Problem ofRow(String code, String message) {
    return new Problem(code, "", message);
  }
}
