package org.harmattan.analytics.advisories;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.harmattan.analytics.text.AnalyticsTexts;
import org.harmattan.domain.context.AdvisoryLevel;
import org.harmattan.domain.text.Language;
import org.harmattan.domain.text.Texts;
import org.harmattan.testsupport.BundleLint;
import org.junit.jupiter.api.Test;

/** The words of the advisories and of the humanitarian figures in both languages. */
class AdvisoryWordsTest {
  @Test
  void theBundlesHaveTheirFrenchTwins() {
    for (String name : List.of("humanitarian", "advisories")) {
      assertThat(BundleLint.problems("org/harmattan/analytics/text/" + name, "fr"))
          .as(name)
          .isEmpty();
    }
  }

  @Test
  void levelsAreNamedAsTheGlossaryGivesThem() {
    Texts en = AnalyticsTexts.of(Language.EN);
    Texts fr = AnalyticsTexts.of(Language.FR);
    for (AdvisoryLevel l : AdvisoryLevel.values()) {
      assertThat(ChangeDetector.levelName(en, l)).isEqualTo(l.label());
    }
    assertThat(ChangeDetector.levelName(fr, AdvisoryLevel.DO_NOT_TRAVEL))
        .isEqualTo("déconseillé formellement");
  }

  @Test
  void everyKindOfChangeHasATitleInBothLanguages() {
    for (ChangeKind k : ChangeKind.values()) {
      String key = "advisories.kind." + k.name().toLowerCase(java.util.Locale.ROOT);
      assertThat(AnalyticsTexts.of(Language.EN).t(key)).isEqualTo(k.words());
      assertThat(AnalyticsTexts.of(Language.FR).t(key)).isNotBlank().isNotEqualTo(k.words());
    }
  }
}
