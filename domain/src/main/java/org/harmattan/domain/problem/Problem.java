package org.harmattan.domain.problem;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * One thing wrong with a source row.
 *
 * <p>Code that finds a problem gives it a {@link ProblemCode}; the constructor taking the code as
 * text is for problems read back from where they were stored (the quarantine table).
 *
 * @param code stable machine code from {@link ProblemCode}, e.g. {@code bad_date}
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

  /** A problem of one column. */
  public Problem(ProblemCode code, String column, String message) {
    this(requireNonNull(code, "code").code(), column, message);
  }

  /** A problem that concerns the whole row rather than one column. */
  public static Problem ofRow(ProblemCode code, String message) {
    return new Problem(code, "", message);
  }

  /** The catalogued code, or empty for a code no longer in the catalogue (an old quarantine). */
  public Optional<ProblemCode> findProblemCode() {
    return ProblemCode.findByCode(code);
  }
}
