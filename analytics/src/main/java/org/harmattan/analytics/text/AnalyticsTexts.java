package org.harmattan.analytics.text;

import java.util.List;
import java.util.Map;
import org.harmattan.domain.text.Language;
import org.harmattan.domain.text.Texts;

/**
 * The words of the figures' labels and notes, one bundle per part of analytics under {@code
 * org/harmattan/analytics/text/} (each with its {@code _fr} twin).
 */
public final class AnalyticsTexts {
  /** The bundles' base names, without the package: one per part of analytics. */
  public static final List<String> BUNDLES =
      List.of(
          "indicators",
          "warning",
          "capital",
          "corridors",
          "influence",
          "humanitarian",
          "advisories");

  private static final String PACKAGE = "org.harmattan.analytics.text.";

  private static final Map<Language, Texts> TEXTS =
      Texts.perLanguage(BUNDLES.stream().map(b -> PACKAGE + b).toArray(String[]::new));

  private AnalyticsTexts() {}

  /** The labels' and notes' words in {@code language}. */
  public static Texts of(Language language) {
    return TEXTS.get(language);
  }
}
