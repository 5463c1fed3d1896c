package org.harmattan.domain.text;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** A language Harmattan writes briefs in. English is the default. */
public enum Language {
  /** English. */
  EN(Locale.ENGLISH),
  /** French. */
  FR(Locale.FRENCH);

  private final Locale locale;

  Language(Locale locale) {
    this.locale = locale;
  }

  /** The locale of the language (no country). */
  public Locale locale() {
    return locale;
  }

  /** The ISO 639-1 code: "en", "fr". */
  public String code() {
    return locale.getLanguage();
  }

  /**
   * The language of an ISO 639-1 code, any case.
   *
   * @throws IllegalArgumentException naming the codes known, for any other text
   */
  public static Language parse(String code) {
    for (Language l : values()) {
      if (l.code().equalsIgnoreCase(code == null ? "" : code.strip())) {
        return l;
      }
    }
    throw new IllegalArgumentException(
        "'"
            + code
            + "' is not a language Harmattan writes (expected one of "
            + Arrays.stream(values()).map(Language::code).collect(Collectors.joining(", "))
            + ")");
  }
}
