package org.harmattan.briefs.claims;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.harmattan.domain.error.HarmattanException;
import org.harmattan.domain.problem.ProblemCode;

/**
 * Reads a claims file: YAML with a list {@code claims} of {@code {id, text, figure, country, from,
 * to, value, tolerance, compare}}; {@code tolerance} is a number in the figure's unit or a
 * percentage of the stated value ({@code 2%}); {@code compare} is the comparison year of change
 * figures.
 */
public final class ClaimsFile {
  private ClaimsFile() {}

  public static List<Claim> read(Path file) {
    String text;
    try {
      text = Files.readString(file, java.nio.charset.StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw HarmattanException.userInput(ProblemCode.FILE_NOT_FOUND, file + ": no such file");
    } catch (IOException e) {
      throw HarmattanException.userInput(
          ProblemCode.BAD_CLAIMS_FILE, file + " cannot be read: " + firstLine(e.getMessage()));
    }
    return parse(text, file.toString());
  }

  /**
   * The claims in a YAML (or JSON, which is YAML) text.
   *
   * @param name how messages name the text: a file name, "the request body"
   */
  public static List<Claim> parse(String text, String name) {
    JsonNode root;
    try {
      root = new ObjectMapper(new YAMLFactory()).readTree(text);
    } catch (IOException e) {
      throw HarmattanException.userInput(
          ProblemCode.BAD_CLAIMS_FILE, name + " is not valid YAML: " + firstLine(e.getMessage()));
    }
    JsonNode list = root == null ? null : root.get("claims");
    if (list == null || !list.isArray()) {
      throw HarmattanException.userInput(
          ProblemCode.BAD_CLAIMS_FILE,
          name
              + ": expected a top-level list 'claims:' of {id, text, figure, country, from, to,"
              + " value, tolerance}");
    }
    List<Claim> claims = new ArrayList<>();
    int n = 0;
    for (JsonNode c : list) {
      n++;
      String where =
          name + ", claim " + n + (c.hasNonNull("id") ? " (" + c.get("id").asText() + ")" : "");
      claims.add(
          new Claim(
              text(c, "id", where),
              c.hasNonNull("text") ? c.get("text").asText() : "",
              text(c, "figure", where),
              text(c, "country", where),
              date(c, "from", where),
              date(c, "to", where),
              number(c, "value", where),
              c.hasNonNull("tolerance")
                  ? tolerance(c.get("tolerance"), where)
                  : Claim.Tolerance.of(0),
              c.hasNonNull("compare") ? (int) number(c, "compare", where) : null));
    }
    return claims;
  }

  private static String text(JsonNode c, String field, String where) {
    if (!c.hasNonNull(field) || c.get(field).asText().isBlank()) {
      throw HarmattanException.userInput(
          ProblemCode.BAD_CLAIMS_FILE, where + ": '" + field + "' is missing");
    }
    return c.get(field).asText().strip();
  }

  private static LocalDate date(JsonNode c, String field, String where) {
    String v = text(c, field, where);
    try {
      return LocalDate.parse(v);
    } catch (DateTimeParseException e) {
      throw HarmattanException.userInput(
          ProblemCode.BAD_CLAIMS_FILE,
          where + ": '" + field + "' is \"" + v + "\" (expected yyyy-MM-dd)");
    }
  }

  private static double number(JsonNode c, String field, String where) {
    JsonNode v = c.get(field);
    if (v == null || !v.isNumber()) {
      throw HarmattanException.userInput(
          ProblemCode.BAD_CLAIMS_FILE,
          where
              + ": '"
              + field
              + "' is "
              + (v == null ? "missing" : "\"" + v.asText() + "\"")
              + " (expected a number)");
    }
    return v.asDouble();
  }

  /** A number in the figure's unit, or a percentage of the stated value: {@code 2%}. */
  private static Claim.Tolerance tolerance(JsonNode v, String where) {
    if (v.isNumber() && v.asDouble() >= 0 && Double.isFinite(v.asDouble())) {
      return Claim.Tolerance.of(v.asDouble());
    }
    return (v.isTextual() ? Claim.Tolerance.parse(v.asText()) : Optional.<Claim.Tolerance>empty())
        .orElseThrow(
            () ->
                HarmattanException.userInput(
                    ProblemCode.BAD_CLAIMS_FILE,
                    where
                        + ": 'tolerance' is \""
                        + v.asText()
                        + "\" (expected "
                        + Claim.Tolerance.EXPECTED
                        + ")"));
  }

  private static String firstLine(String m) {
    return m == null ? "" : m.split("\n", 2)[0];
  }
}
