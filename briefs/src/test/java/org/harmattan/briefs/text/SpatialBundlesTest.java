package org.harmattan.briefs.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.harmattan.testsupport.BundleLint;
import org.junit.jupiter.api.Test;

/** The words of the capital, corridors and influence sections have their French twins. */
class SpatialBundlesTest {
  @Test
  void capitalCorridorsAndInfluenceBundlesAreWhole() {
    for (String b : new String[] {"capital", "corridors", "influence"}) {
      assertThat(BundleLint.problems("org/harmattan/briefs/text/" + b, "fr")).as(b).isEmpty();
    }
  }
}
