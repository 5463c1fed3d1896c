package org.harmattan.analytics.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.harmattan.testsupport.BundleLint;
import org.junit.jupiter.api.Test;

/** The words of the capital's, corridors' and influence figures have their French twins. */
class SpatialBundlesTest {
  @Test
  void capitalCorridorsAndInfluenceBundlesAreWhole() {
    for (String b : new String[] {"capital", "corridors", "influence"}) {
      assertThat(BundleLint.problems("org/harmattan/analytics/text/" + b, "fr")).as(b).isEmpty();
    }
  }
}
