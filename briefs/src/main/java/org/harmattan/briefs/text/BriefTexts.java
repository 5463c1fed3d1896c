package org.harmattan.briefs.text;

import java.util.List;
import java.util.Map;
import org.harmattan.domain.text.Language;
import org.harmattan.domain.text.Texts;

/**
 * The words of a brief, one bundle per part of it under {@code org/harmattan/briefs/text/} (each
 * with its {@code _fr} twin): the renderers' words, each section's, the figure format's.
 */
public final class BriefTexts {
  /** The bundles' base names, without the package: one per part of the brief. */
  public static final List<String> BUNDLES =
      List.of(
          "format",
          "brief",
          "security",
          "capital",
          "corridors",
          "influence",
          "humanitarian",
          "advisories",
          "political",
          "outlook",
          "narrative",
          "render",
          "charts",
          "maps");

  private static final String PACKAGE = "org.harmattan.briefs.text.";

  private static final Map<Language, Texts> TEXTS =
      Texts.perLanguage(BUNDLES.stream().map(b -> PACKAGE + b).toArray(String[]::new));

  private BriefTexts() {}

  /** Every word of a brief in {@code language}. */
  public static Texts of(Language language) {
    return TEXTS.get(language);
  }
}
