package org.harmattan.ingest.hxl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import org.junit.jupiter.api.Test;

class HxlTagTest {
  @Test
  void parsesHashtagAndAttributesWhateverTheSpacingAndCase() {
    HxlTag t = HxlTag.parse("#Country +code +v_iso3");
    assertThat(t.hashtag()).isEqualTo("country");
    assertThat(t.attributes()).isEqualTo(Set.of("code", "v_iso3"));
    assertThat(t).hasToString("#country+code+v_iso3");
  }

  @Test
  void matchesInAnyAttributeOrder() {
    HxlTag t = HxlTag.parse("#affected +idps+ind");
    assertThat(t.matches("#affected+ind+idps")).isTrue();
    assertThat(t.matches("#affected + idps")).isTrue();
    assertThat(t.matchesExactly("#AFFECTED+ind +idps")).isTrue();
    assertThat(t.matches("#affected+idps+hh")).isFalse();
    assertThat(t.matches("#population+idps")).isFalse();
  }

  @Test
  void aRawTwinIsNotTheRoundedColumn() {
    HxlTag raw = HxlTag.parse("#affected+idps+ind+stock+conflict_raw");
    assertThat(raw.matchesExactly("#affected+idps+ind+stock+conflict")).isFalse();
    assertThat(raw.matches("#affected+idps+ind+stock+conflict")).isFalse();
  }

  @Test
  void textThatIsNoHashtagIsNone() {
    assertThat(HxlTag.find("")).isEmpty();
    assertThat(HxlTag.find("#")).isEmpty();
    assertThat(HxlTag.find("Total No# of IDPs")).isEmpty();
    assertThatThrownBy(() -> HxlTag.parse("In Need")).isInstanceOf(IllegalArgumentException.class);
  }
}
