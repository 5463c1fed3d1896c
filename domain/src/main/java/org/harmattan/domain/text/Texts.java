package org.harmattan.domain.text;

import static java.util.Objects.requireNonNull;

import java.text.MessageFormat;
import java.time.LocalDate;
import java.time.Month;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.TreeSet;

/**
 * The words of one language, from message bundles ({@code .properties} files, UTF-8, one per area
 * of the code, each with a {@code _fr} twin). A text is a {@link MessageFormat} pattern: {@code
 * {0}} is replaced by the first argument. Arguments are strings the caller has already formatted
 * (numbers through the figure format), so the pattern never formats a number itself. Every pattern
 * goes through {@link MessageFormat}, so an ASCII apostrophe is always written {@code ''} (French
 * writes the typographic ’, which needs no escape); a test checks each bundle for a lone one.
 *
 * <p>Dates are written here too: months and days in the language's words ("3 January 2018", "3
 * janvier 2018", "1er janvier 2018").
 */
public final class Texts {
  private final Language language;
  private final List<ResourceBundle> bundles;

  private Texts(Language language, List<ResourceBundle> bundles) {
    this.language = language;
    this.bundles = bundles;
  }

  /**
   * The texts of {@code language} from the bundles named (base names such as {@code
   * org.harmattan.briefs.text.security}), looked up in the order given.
   *
   * @throws MissingResourceException when a bundle is not on the class path
   */
  public static Texts of(Language language, String... bundleNames) {
    requireNonNull(language, "language");
    List<ResourceBundle> bundles = new ArrayList<>();
    ResourceBundle.Control control =
        ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);
    for (String name : bundleNames) {
      bundles.add(ResourceBundle.getBundle(name, language.locale(), control));
    }
    return new Texts(language, List.copyOf(bundles));
  }

  /** The texts of every language from the same bundles (see {@link #of}), read once. */
  public static Map<Language, Texts> perLanguage(String... bundleNames) {
    Map<Language, Texts> all = new EnumMap<>(Language.class);
    for (Language l : Language.values()) {
      all.put(l, of(l, bundleNames));
    }
    return Collections.unmodifiableMap(all);
  }

  public Language language() {
    return language;
  }

  public Locale locale() {
    return language.locale();
  }

  /** Whether some bundle holds {@code key}. */
  public boolean has(String key) {
    for (ResourceBundle b : bundles) {
      if (b.containsKey(key)) {
        return true;
      }
    }
    return false;
  }

  /**
   * The text of {@code key} with its arguments in place.
   *
   * @throws MissingResourceException when no bundle holds the key (a defect, caught by the tests
   *     that render every section in every language)
   */
  public String t(String key, Object... args) {
    return new MessageFormat(pattern(key), locale()).format(args);
  }

  /**
   * The text of {@code key + ".one"} or {@code key + ".other"} by the language's rule for {@code n}
   * (English: one for 1; French: one for 0 and 1), with the arguments in place.
   */
  public String plural(String key, double n, Object... args) {
    return t(pluralKey(key, n), args);
  }

  /**
   * {@code key + ".one"} or {@code key + ".other"} by the language's rule for {@code n}: the key of
   * a text whose arguments are not all strings (figure references, see {@code Prose.t}).
   */
  public String pluralKey(String key, double n) {
    return key + (isOne(n) ? ".one" : ".other");
  }

  /** Whether {@code n} takes the singular in this language. */
  public boolean isOne(double n) {
    double a = Math.abs(n);
    return switch (language) {
      case FR -> a < 2;
      case EN -> a == 1.0;
    };
  }

  /** The month's name as written inside a sentence: "January", "janvier". */
  public String month(Month m) {
    return m.getDisplayName(TextStyle.FULL, locale());
  }

  /** A month and its year: "March 2018", "mars 2018". */
  public String monthYear(LocalDate date) {
    return month(date.getMonth()) + " " + date.getYear();
  }

  /** A day in words: "3 January 2018", "3 janvier 2018", "1er janvier 2018". */
  public String day(LocalDate date) {
    return dayOfMonth(date) + " " + monthYear(date);
  }

  /** The day's number as written before its month: "1", "1er" in French. */
  public String dayOfMonth(LocalDate date) {
    int d = date.getDayOfMonth();
    return language == Language.FR && d == 1 ? "1er" : Integer.toString(d);
  }

  /** {@code s} with its first letter in upper case, as a legend entry or a sentence begins. */
  public String capitalise(String s) {
    return s.isEmpty() ? s : s.substring(0, 1).toUpperCase(locale()) + s.substring(1);
  }

  /**
   * A number with {@code digits} decimals, half-up, as the language writes it: "17.57", "17,57" (no
   * grouping: for coordinates and parameters, not for counts).
   */
  public String decimal(double value, int digits) {
    String s = String.format(Locale.ROOT, "%." + digits + "f", value);
    return language == Language.FR ? s.replace('.', ',') : s;
  }

  /** Items joined as a list in words: "a", "a and b", "a, b and c" ("a, b et c"). */
  public String list(List<String> items) {
    if (items.isEmpty()) {
      return "";
    }
    if (items.size() == 1) {
      return items.get(0);
    }
    String and = language == Language.FR ? " et " : " and ";
    return String.join(", ", items.subList(0, items.size() - 1))
        + and
        + items.get(items.size() - 1);
  }

  /** Every key of the bundles, sorted (for the tests that compare languages). */
  public Set<String> keys() {
    Set<String> keys = new TreeSet<>();
    for (ResourceBundle b : bundles) {
      Enumeration<String> e = b.getKeys();
      keys.addAll(Collections.list(e));
    }
    return keys;
  }

  private String pattern(String key) {
    for (ResourceBundle b : bundles) {
      if (b.containsKey(key)) {
        return b.getString(key);
      }
    }
    throw new MissingResourceException(
        "no text '" + key + "' in " + language.code() + " bundles", Texts.class.getName(), key);
  }
}
