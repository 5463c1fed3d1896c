package org.harmattan.ingest.gdelt;

import static org.assertj.core.api.Assertions.assertThat;

import org.harmattan.domain.event.EventType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GdeltCameoTest {

  @ParameterizedTest(name = "root {0}, code {1} -> {2}")
  @CsvSource({
    "01, 010, OTHER",
    "04, 042, OTHER",
    "12, 120, OTHER",
    "13, 138, STRATEGIC_DEVELOPMENTS",
    "14, 140, PROTESTS",
    "14, 141, PROTESTS",
    "14, 1411, PROTESTS",
    "14, 145, RIOTS",
    "14, 1452, RIOTS",
    "15, 150, STRATEGIC_DEVELOPMENTS",
    "16, 160, STRATEGIC_DEVELOPMENTS",
    "17, 173, STRATEGIC_DEVELOPMENTS",
    "18, 180, VIOLENCE_AGAINST_CIVILIANS",
    "18, 181, VIOLENCE_AGAINST_CIVILIANS",
    "18, 1822, VIOLENCE_AGAINST_CIVILIANS",
    "18, 183, EXPLOSIONS_REMOTE_VIOLENCE",
    "18, 1831, EXPLOSIONS_REMOTE_VIOLENCE",
    "18, 1834, EXPLOSIONS_REMOTE_VIOLENCE",
    "18, 186, VIOLENCE_AGAINST_CIVILIANS",
    "19, 190, BATTLES",
    "19, 193, BATTLES",
    "19, 194, EXPLOSIONS_REMOTE_VIOLENCE",
    "19, 195, EXPLOSIONS_REMOTE_VIOLENCE",
    "19, 1951, EXPLOSIONS_REMOTE_VIOLENCE",
    "19, 196, BATTLES",
    "20, 200, VIOLENCE_AGAINST_CIVILIANS",
    "20, 202, VIOLENCE_AGAINST_CIVILIANS",
    "20, 204, EXPLOSIONS_REMOTE_VIOLENCE",
    "20, 2042, EXPLOSIONS_REMOTE_VIOLENCE"
  })
  void mapsCameoCodes(String root, String code, EventType expected) {
    assertThat(GdeltCameo.findEventType(root, code)).contains(expected);
  }

  @Test
  void everyRootCodeHasAType() {
    for (int root = 1; root <= 20; root++) {
      String code = String.format(java.util.Locale.ROOT, "%02d", root);
      assertThat(GdeltCameo.findEventType(code, code + "0")).as("root %s", code).isPresent();
    }
  }

  @Test
  void unknownRootCodesAreEmpty() {
    assertThat(GdeltCameo.findEventType("21", "210")).isEmpty();
    assertThat(GdeltCameo.findEventType("00", "000")).isEmpty();
    assertThat(GdeltCameo.findEventType("--", "---")).isEmpty();
  }
}
