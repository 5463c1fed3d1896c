package org.harmattan.ingest.acled.api;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.harmattan.domain.error.ErrorCategory;
import org.harmattan.domain.error.HarmattanException;
import org.harmattan.domain.problem.ProblemCode;

/**
 * What the client makes of the API's answers: JSON values as a CSV file's fields, ACLED's error
 * messages quoted short, where in a read a row is, and the errors the client fails with.
 */
final class AcledAnswers {
  private static final int SNIPPET_CHARS = 200;

  static final ObjectMapper MAPPER =
      new ObjectMapper()
          // Coordinates sent as JSON numbers are written as the API wrote them, not as doubles.
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .configure(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false);

  private AcledAnswers() {}

  static String where(String what, int page, long offset) {
    return "page " + page + " of " + what + ", row at offset " + offset;
  }

  /** A JSON value as a CSV field: text as is, a number as written, null as empty. */
  static String text(JsonNode value) {
    if (value == null || value.isNull() || value.isMissingNode()) {
      return "";
    }
    if (value.isBigDecimal()) {
      return value.decimalValue().toPlainString();
    }
    return value.asText();
  }

  /** A whole number >= 0 from a JSON string or number (seconds, a count), or null. */
  static Long wholeNumber(JsonNode value) {
    String s = text(value).strip();
    if (!s.matches("\\d{1,12}")) {
      return null;
    }
    return Long.parseLong(s);
  }

  static boolean sameNumber(String a, String b) {
    try {
      return Long.parseLong(a) == Long.parseLong(b);
    } catch (NumberFormatException e) {
      return a.equals(b);
    }
  }

  /** ACLED's error of a {@code success:false} answer: its message, else the error as written. */
  static String errorOf(JsonNode root) {
    JsonNode error = root.get("error");
    if (error == null) {
      error = root.get("message");
    }
    if (error == null || error.isNull()) {
      return "no message (" + snippet(root.toString()) + ")";
    }
    if (error.isObject() && error.hasNonNull("message")) {
      return snippet(text(error.get("message")));
    }
    return snippet(error.isValueNode() ? text(error) : error.toString());
  }

  /** {@code ; it said: "…"} from an error answer, or nothing. */
  static String said(byte[] body) {
    if (body == null || body.length == 0) {
      return "";
    }
    String text = new String(body, StandardCharsets.UTF_8);
    try {
      JsonNode root = MAPPER.readTree(body);
      if (root != null && root.isObject() && (root.has("error") || root.has("message"))) {
        text = errorOf(root);
      }
    } catch (IOException e) {
      // Not JSON: the text as it came.
    }
    return "; it said: " + snippet(text);
  }

  /** The start of a text on one line, quoted. */
  static String snippet(String text) {
    String one = text.replaceAll("\\s+", " ").strip();
    return "\""
        + (one.length() > SNIPPET_CHARS ? one.substring(0, SNIPPET_CHARS) + "…" : one)
        + "\"";
  }

  static HarmattanException malformed(String message) {
    return new HarmattanException(ErrorCategory.SOURCE_DATA, ProblemCode.SOURCE_MALFORMED, message);
  }

  /** A refusal the API's answer blames on the source's side or the request. */
  static HarmattanException refused(String message) {
    return new HarmattanException(ErrorCategory.UNAVAILABLE, ProblemCode.SOURCE_REFUSED, message);
  }

  /** A refusal of the account: its credentials or its access, which the user sets right. */
  static HarmattanException accountRefused(String message) {
    return new HarmattanException(ErrorCategory.USER_INPUT, ProblemCode.SOURCE_REFUSED, message);
  }

  static HarmattanException unavailable(String message) {
    return new HarmattanException(
        ErrorCategory.UNAVAILABLE, ProblemCode.SOURCE_UNAVAILABLE, message);
  }

  static HarmattanException interrupted(String what) {
    return new HarmattanException(
        ErrorCategory.UNAVAILABLE,
        ProblemCode.INTERRUPTED,
        "the read of " + what + " from ACLED's API was interrupted");
  }

  static HarmattanException cannotWrite(Path file, Throwable e) {
    return new HarmattanException(
        ErrorCategory.UNAVAILABLE,
        ProblemCode.CANNOT_WRITE_SYNC_FILE,
        "cannot write " + file + " (" + e.getMessage() + ")",
        e);
  }
}
