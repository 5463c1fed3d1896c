package org.harmattan.ingest.advisories;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.harmattan.domain.error.HarmattanException;
import org.harmattan.domain.problem.ProblemCode;

/**
 * Jackson's tree for the advisory documents, with errors that name the file and the field's JSON
 * path ({@code $.details.parts[2].body}) and say what was expected there.
 */
final class Json {
  private static final JsonMapper MAPPER =
      JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();

  /** Jackson's "(for Array starting at [Source: …; line: 5, column: 21])". */
  private static final Pattern STARTING_AT =
      Pattern.compile(
          "\\s*\\(for (\\w+) starting at \\[[^\\]]*line: (\\d+), column: (\\d+)\\]\\)",
          Pattern.DOTALL);

  private Json() {}

  /** Parses {@code content}; a syntax error names the file, line and column. */
  static JsonNode parse(byte[] content, String file) {
    JsonNode root;
    try {
      root = MAPPER.readTree(content);
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      String where = at == null ? "" : " line " + at.getLineNr() + ", column " + at.getColumnNr();
      throw HarmattanException.sourceData(
          ProblemCode.ADVISORY_JSON, file + where + ": not valid JSON (" + what(e) + ")");
    } catch (IOException e) {
      throw HarmattanException.sourceData(
          ProblemCode.ADVISORY_JSON, file + ": not valid JSON (" + e.getMessage() + ")");
    }
    if (root == null || root.isMissingNode()) {
      throw HarmattanException.sourceData(
          ProblemCode.ADVISORY_JSON, file + ": the document is empty (expected a JSON object)");
    }
    return root;
  }

  /** Jackson's message without its source description, e.g. "expected ']' (in the Array …)". */
  private static String what(JsonProcessingException e) {
    String m = e.getOriginalMessage();
    if (m == null) {
      return e.getClass().getSimpleName();
    }
    Matcher s = STARTING_AT.matcher(m);
    if (s.find()) {
      m =
          m.substring(0, s.start())
              + " in the "
              + s.group(1).toLowerCase(Locale.ROOT)
              + " that starts at line "
              + s.group(2)
              + ", column "
              + s.group(3)
              + m.substring(s.end());
    }
    return m.strip();
  }

  static JsonNode object(JsonNode v, String file, String path) {
    if (v.isObject()) {
      return v;
    }
    throw wrong(file, path, "an object", v);
  }

  static JsonNode array(JsonNode v, String file, String path) {
    if (v.isArray()) {
      return v;
    }
    throw wrong(file, path, "an array", v);
  }

  static String string(JsonNode v, String file, String path) {
    if (v.isTextual()) {
      return v.textValue();
    }
    throw wrong(file, path, "a string", v);
  }

  static boolean bool(JsonNode v, String file, String path) {
    if (v.isBoolean()) {
      return v.booleanValue();
    }
    throw wrong(file, path, "true or false", v);
  }

  static long number(JsonNode v, String file, String path) {
    if (v.isNumber()) {
      return v.longValue();
    }
    throw wrong(file, path, "a number", v);
  }

  /** The member {@code key} of the object {@code m} at {@code path}, which must be present. */
  static JsonNode get(JsonNode m, String key, String file, String path) {
    JsonNode v = m.get(key);
    if (v == null) {
      throw HarmattanException.sourceData(
          ProblemCode.ADVISORY_FIELD, file + ": field " + path + "." + key + " is missing");
    }
    return v;
  }

  /** The member {@code key} of {@code m} if it is present and not null. */
  static Optional<JsonNode> find(JsonNode m, String key) {
    JsonNode v = m.get(key);
    return v == null || v.isNull() ? Optional.empty() : Optional.of(v);
  }

  /** The member {@code key} of {@code m} if it is a string. */
  static Optional<String> findString(JsonNode m, String key) {
    JsonNode v = m.get(key);
    return v != null && v.isTextual() ? Optional.of(v.textValue()) : Optional.empty();
  }

  private static HarmattanException wrong(String file, String path, String expected, JsonNode v) {
    String found =
        v.isNull()
            ? "null"
            : v.isObject() ? "an object" : v.isArray() ? "an array" : "'" + v.asText() + "'";
    return HarmattanException.sourceData(
        ProblemCode.ADVISORY_FIELD,
        file + ": field " + path + " is " + found + " (expected " + expected + ")");
  }
}
