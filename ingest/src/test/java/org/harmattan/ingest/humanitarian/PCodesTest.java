package org.harmattan.ingest.humanitarian;

import static org.assertj.core.api.Assertions.assertThat;

import org.harmattan.domain.humanitarian.AdminUnit;
import org.junit.jupiter.api.Test;

class PCodesTest {
  @Test
  void iso3PrefixesBecomeIso2AndTheLevelFollowsFromTheDigits() {
    assertThat(PCodes.normalise("MLI09", "MLI").code()).isEqualTo("ML09");
    assertThat(PCodes.normalise("MLI09", "MLI").level()).isEqualTo(1);
    assertThat(PCodes.normalise("MLI0901", "MLI").code()).isEqualTo("ML0901");
    assertThat(PCodes.normalise("MLI0901", "MLI").level()).isEqualTo(2);
    assertThat(PCodes.normalise("MLI090101", "MLI").code()).isEqualTo("ML090101");
    assertThat(PCodes.normalise("MLI090101", "MLI").level()).isEqualTo(3);
    assertThat(PCodes.normalise("MLI090101", "MLI").style()).isEqualTo(PCode.Style.ISO3_PREFIX);
  }

  @Test
  void codStyleStaysAsItIs() {
    assertThat(PCodes.normalise("ML09", "MLI").code()).isEqualTo("ML09");
    assertThat(PCodes.normalise("ml0901", "MLI").code()).isEqualTo("ML0901");
    PCode commune = PCodes.normalise("ML010312", "MLI");
    assertThat(commune.code()).isEqualTo("ML010312");
    assertThat(commune.level()).isEqualTo(3);
    assertThat(commune.admin1()).isEqualTo("ML01");
    assertThat(commune.style()).isEqualTo(PCode.Style.COD);
  }

  @Test
  void legacyThreeDigitGroupsKeepTheirRegionOnly() {
    // DTM round 60 writes Kayes cercle MLI001001; the COD codes it ML0103.
    PCode cercle = PCodes.normalise("MLI001001", "MLI");
    assertThat(cercle.code()).isNull();
    assertThat(cercle.level()).isEqualTo(2);
    assertThat(cercle.admin1()).isEqualTo("ML01");
    assertThat(cercle.style()).isEqualTo(PCode.Style.LEGACY_3_DIGIT);
    assertThat(cercle.note()).contains("pre-2021 order");
    PCode commune = PCodes.normalise("MLI00900101", "MLI");
    assertThat(commune.level()).isEqualTo(3);
    assertThat(commune.admin1()).isEqualTo("ML09");
    assertThat(PCodes.communeNumber(commune)).isEqualTo("01");
  }

  @Test
  void digitsOnlyGetTheCountryPrefixAndNonsenseIsUnknown() {
    assertThat(PCodes.normalise("10", "BGD").code()).isEqualTo("BD10");
    assertThat(PCodes.normalise("XYZ12", "MLI").code()).isNull();
    assertThat(PCodes.normalise("", "MLI").code()).isNull();
    assertThat(PCodes.normalise("NE020201", "NER").code()).isEqualTo("NE020201");
  }

  @Test
  void namesMatchWithoutAccentsCaseOrCommune() {
    AdminReference ref =
        AdminReference.of(
            java.util.List.of(
                new AdminUnit("MLI", 1, "ML01", "Kayes", "MLI", null, 3),
                new AdminUnit("MLI", 1, "ML04", "Segou", "MLI", null, 6),
                new AdminUnit("MLI", 2, "ML0103", "Kayes", "ML01", null, 15)));
    assertThat(ref.findByName("MLI", 1, "KaYes", null)).map(AdminUnit::pcode).hasValue("ML01");
    assertThat(ref.findByName("MLI", 1, "Ségou", null)).map(AdminUnit::pcode).hasValue("ML04");
    assertThat(ref.findByName("MLI", 2, "Kayes Commune", "ML01"))
        .map(AdminUnit::pcode)
        .hasValue("ML0103");
    assertThat(ref.findByName("MLI", 1, "Tombouctou", null)).isEmpty();
  }
}
