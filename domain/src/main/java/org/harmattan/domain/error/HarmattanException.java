package org.harmattan.domain.error;

import static java.util.Objects.requireNonNull;

/**
 * The application's one exception type. The message is written for the user: what, where, what was
 * expected and what to do.
 */
public final class HarmattanException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String code;
  private final ErrorCategory category;

  public HarmattanException(ErrorCategory category, String code, String message) {
    this(category, code, message, null);
  }

  public HarmattanException(ErrorCategory category, String code, String message, Throwable cause) {
    super(requireNonNull(message, "message"), cause);
    this.category = requireNonNull(category, "category");
    this.code = requireNonNull(code, "code");
  }

  public static HarmattanException userInput(String code, String message) {
    return new HarmattanException(ErrorCategory.USER_INPUT, code, message);
  }

  public static HarmattanException sourceData(String code, String message) {
    return new HarmattanException(ErrorCategory.SOURCE_DATA, code, message);
  }

  public String code() {
    return code;
  }

  public ErrorCategory category() {
    return category;
  }
}
