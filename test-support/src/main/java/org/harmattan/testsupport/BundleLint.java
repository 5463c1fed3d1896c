package org.harmattan.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks a message bundle against its translations: the same keys in every language, the same
 * arguments ({@code {0}}, {@code {1}}) in each key's texts, no lone ASCII apostrophe (every pattern
 * goes through {@code MessageFormat}, where one is an escape and would vanish).
 */
public final class BundleLint {
  private static final Pattern ARGUMENT = Pattern.compile("\\{(\\d+)[^}]*}");
  private static final Pattern LONE_APOSTROPHE = Pattern.compile("(?<!')'(?!')");

  private BundleLint() {}

  /**
   * What is wrong with the bundle {@code baseName} (a resource path without ".properties", e.g.
   * {@code org/harmattan/briefs/text/security}) and its twins {@code baseName_LANG.properties}.
   *
   * @return one line per problem, empty when none
   */
  public static List<String> problems(String baseName, String... languages) {
    Properties base = load(baseName + ".properties");
    List<String> problems = new ArrayList<>(apostrophes(baseName, base));
    for (String lang : languages) {
      Properties other = load(baseName + "_" + lang + ".properties");
      problems.addAll(apostrophes(baseName + "_" + lang, other));
      for (String key : new TreeSet<>(base.stringPropertyNames())) {
        String text = other.getProperty(key);
        if (text == null) {
          problems.add(baseName + "_" + lang + ": no text for '" + key + "'");
        } else if (!arguments(text).equals(arguments(base.getProperty(key)))) {
          problems.add(
              baseName
                  + "_"
                  + lang
                  + ": '"
                  + key
                  + "' takes arguments "
                  + arguments(text)
                  + ", the base text "
                  + arguments(base.getProperty(key)));
        }
      }
      for (String key : new TreeSet<>(other.stringPropertyNames())) {
        if (!base.containsKey(key)) {
          problems.add(baseName + "_" + lang + ": '" + key + "' is not in the base bundle");
        }
      }
    }
    return problems;
  }

  private static List<String> apostrophes(String name, Properties p) {
    List<String> problems = new ArrayList<>();
    for (String key : new TreeSet<>(p.stringPropertyNames())) {
      if (LONE_APOSTROPHE.matcher(p.getProperty(key)).find()) {
        problems.add(name + ": '" + key + "' has a lone apostrophe (write '' or ’)");
      }
    }
    return problems;
  }

  private static Set<String> arguments(String text) {
    Set<String> args = new TreeSet<>();
    Matcher m = ARGUMENT.matcher(text);
    while (m.find()) {
      args.add(m.group(1));
    }
    return args;
  }

  private static Properties load(String resource) {
    try (InputStream in = BundleLint.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalArgumentException("no bundle " + resource + " on the class path");
      }
      Properties p = new Properties();
      p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
      return p;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
