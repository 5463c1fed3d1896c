package org.harmattan.domain.error;

import static java.util.Objects.requireNonNull;

import org.harmattan.domain.problem.ProblemCode;

/**
 * The application's one exception type. The message is written for the user: what, where, what was
 * expected and what to do. The code comes from the catalogue, {@link ProblemCode}.
 */
public final class HarmattanException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final ProblemCode code;
  private final ErrorCategory category;

  public HarmattanException(ErrorCategory category, ProblemCode code, String message) {
    this(category, code, message, null);
  }

  public HarmattanException(
      ErrorCategory category, ProblemCode code, String message, Throwable cause) {
    super(requireNonNull(message, "message"), cause);
    this.category = requireNonNull(category, "category");
    this.code = requireNonNull(code, "code");
  }

  public static HarmattanException userInput(ProblemCode code, String message) {
    return new HarmattanException(ErrorCategory.USER_INPUT, code, message);
  }

  public static HarmattanException sourceData(ProblemCode code, String message) {
    return new HarmattanException(ErrorCategory.SOURCE_DATA, code, message);
  }

  /** The stable code, as printed in JSON: {@code file_not_found}. */
  public String code() {
    return code.code();
  }

  /** The code as a constant of the catalogue. */
  public ProblemCode problemCode() {
    return code;
  }

  public ErrorCategory category() {
    return category;
  }
}
