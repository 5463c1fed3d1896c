package org.harmattan.alerts;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.harmattan.domain.error.HarmattanException;
import org.harmattan.domain.problem.ProblemCode;

/**
 * Reading the YAML files of alerting and watching (rules, subscriptions, the watch configuration):
 * a missing file, an unreadable one and YAML that does not parse each end in one line naming the
 * file and, for YAML, the line and column. Mistakes carry {@code bad_rules_file} unless the reader
 * names its own code.
 */
public final class YamlFiles {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private YamlFiles() {}

  /** The text of a file. */
  public static String read(Path file) {
    return read(file, ProblemCode.BAD_RULES_FILE);
  }

  /** The text of a file; a failure carries {@code code}. */
  public static String read(Path file, ProblemCode code) {
    try {
      return Files.readString(file);
    } catch (NoSuchFileException e) {
      throw fail(code, file, "the file does not exist");
    } catch (IOException e) {
      throw fail(code, file, "cannot read it (" + e.getMessage() + ")");
    }
  }

  /**
   * The tree of a YAML text (null for an empty text).
   *
   * @param text the YAML
   * @param where the file's name, for messages
   */
  public static JsonNode parse(String text, Object where) {
    return parse(text, where, ProblemCode.BAD_RULES_FILE);
  }

  /** The tree of a YAML text (null for an empty text); a failure carries {@code code}. */
  public static JsonNode parse(String text, Object where, ProblemCode code) {
    try {
      return YAML.readTree(text);
    } catch (JacksonException e) {
      var at = e.getLocation();
      throw fail(
          code,
          where,
          "not valid YAML"
              + (at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr())
              + ": "
              + e.getOriginalMessage());
    }
  }

  /** A mistake in a file: {@code WHERE: WHAT}. */
  public static HarmattanException fail(Object where, String what) {
    return fail(ProblemCode.BAD_RULES_FILE, where, what);
  }

  /** A mistake in a file, with its code: {@code WHERE: WHAT}. */
  public static HarmattanException fail(ProblemCode code, Object where, String what) {
    return HarmattanException.userInput(code, where + ": " + what);
  }
}
