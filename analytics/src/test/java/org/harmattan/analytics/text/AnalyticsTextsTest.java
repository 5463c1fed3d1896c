package org.harmattan.analytics.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.harmattan.domain.text.Language;
import org.harmattan.testsupport.BundleLint;
import org.junit.jupiter.api.Test;

/** The figures' labels and notes have every text in every language. */
class AnalyticsTextsTest {
  @Test
  void everyBundleHasEveryTextInFrenchWithTheSameArguments() {
    for (String bundle : AnalyticsTexts.BUNDLES) {
      assertThat(BundleLint.problems("org/harmattan/analytics/text/" + bundle, "fr"))
          .as(bundle)
          .isEmpty();
    }
    assertThat(AnalyticsTexts.of(Language.FR).keys())
        .isEqualTo(AnalyticsTexts.of(Language.EN).keys());
  }
}
