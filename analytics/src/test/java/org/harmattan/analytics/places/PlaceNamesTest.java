package org.harmattan.analytics.places;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PlaceNamesTest {

  @Test
  void accentsCaseAndPunctuationDoNotMatter() {
    assertThat(PlaceNames.normalise("Ségou")).isEqualTo("segou");
    assertThat(PlaceNames.normalise("  SEGOU ")).isEqualTo("segou");
    assertThat(PlaceNames.normalise("Sébabougou")).isEqualTo("sebabougou");
    assertThat(PlaceNames.normalise("Nioro-du-Sahel")).isEqualTo("nioro du sahel");
    assertThat(PlaceNames.normalise("Nioro  du\tSahel.")).isEqualTo("nioro du sahel");
    assertThat(PlaceNames.normalise("Ménaka")).isEqualTo("menaka");
    assertThat(PlaceNames.normalise("Dioïla")).isEqualTo("dioila");
  }

  @Test
  void nonLatinNamesAreKept() {
    assertThat(PlaceNames.normalise("Томбукту")).isEqualTo("томбукту");
    assertThat(PlaceNames.normalise("...")).isEmpty();
  }
}
