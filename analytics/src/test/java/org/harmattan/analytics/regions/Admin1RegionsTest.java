package org.harmattan.analytics.regions;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class Admin1RegionsTest {
  @Test
  void namesMatchWithAccentsCaseSpacesAndPunctuationIgnored() {
    assertThat(Admin1Regions.normalise("Ségou")).isEqualTo(Admin1Regions.normalise("SEGOU"));
    assertThat(Admin1Regions.normalise("Boucle du Mouhoun"))
        .isEqualTo(Admin1Regions.normalise("Boucle-du-Mouhoun"));
    assertThat(Admin1Regions.normalise("Tombouctou"))
        .isNotEqualTo(Admin1Regions.normalise("Timbuktu"));
  }
}
