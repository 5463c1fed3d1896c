package org.harmattan.analytics.corridors;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.harmattan.analytics.corridors.PassageClassifier.Passage;
import org.harmattan.domain.event.EventType;
import org.junit.jupiter.api.Test;

class PassageClassifierTest {
  private static Optional<PassageCategory> category(EventType t, String sub, String notes) {
    return PassageClassifier.classify(t, sub, notes).map(Passage::category);
  }

  @Test
  void iedSubEventTypeAloneIsEnough() {
    Passage p =
        PassageClassifier.classify(
                EventType.EXPLOSIONS_REMOTE_VIOLENCE, "Remote explosive/landmine/IED", null)
            .orElseThrow();

    assertThat(p.category()).isEqualTo(PassageCategory.IED);
    assertThat(p.reasons()).containsExactly("sub-event type: Remote explosive/landmine/IED");
  }

  @Test
  void frenchKeywordsMatchWithoutAccentsOrCase() {
    assertThat(
            category(
                EventType.BATTLES,
                "Armed clash",
                "Des hommes armés ont tendu une EMBUSCADE à un convoi de camions-citernes."))
        .contains(PassageCategory.AMBUSH);
    assertThat(
            PassageClassifier.classify(
                    EventType.VIOLENCE_AGAINST_CIVILIANS,
                    "Attack",
                    "Des assaillants ont incendié trois Camions-Citernes sur l'axe Kayes-Diboli.")
                .orElseThrow()
                .reasons())
        .containsExactlyInAnyOrder("keyword: camions", "keyword: citernes");
    assertThat(
            category(
                EventType.BATTLES, "Armed clash", "Attaque d'un poste de contrôle près de Kati."))
        .contains(PassageCategory.CHECKPOINT);
    assertThat(category(EventType.BATTLES, "Armed clash", "Un engin explosif a visé l'escorte."))
        .contains(PassageCategory.IED);
  }

  @Test
  void wordsMatchWhole() {
    // "businesses" is not "bus", "trucking" not "truck", "minerals" not "mine".
    assertThat(
            category(
                EventType.VIOLENCE_AGAINST_CIVILIANS,
                "Attack",
                "Gunmen attacked businesses of a trucking company dealing in minerals."))
        .isEmpty();
    assertThat(
            category(
                EventType.BATTLES,
                "Armed clash",
                "Militants attacked soldiers guarding a gold mine."))
        .isEmpty();
  }

  @Test
  void blockadeCountsForStrategicDevelopmentsButProtestsNeverCount() {
    assertThat(
            category(
                EventType.STRATEGIC_DEVELOPMENTS,
                "Change to group/activity",
                "JNIM announced a blockade (blocus) on fuel imports."))
        .contains(PassageCategory.BLOCKADE);
    assertThat(
            category(
                EventType.PROTESTS, "Peaceful protest", "Drivers protested the fuel blockade."))
        .isEmpty();
    assertThat(
            category(
                EventType.STRATEGIC_DEVELOPMENTS,
                "Disrupted weapons use",
                "FAMa defused an IED on the road."))
        .as("strategic developments count for looting and blockades only")
        .isEmpty();
  }

  @Test
  void lootingNeedsARoad() {
    assertThat(
            category(
                EventType.STRATEGIC_DEVELOPMENTS,
                "Looting/property destruction",
                "Militants looted shops in the village."))
        .isEmpty();
    Passage p =
        PassageClassifier.classify(
                EventType.STRATEGIC_DEVELOPMENTS,
                "Looting/property destruction",
                "Des hommes armés ont pillé les passagers sur la route nationale.")
            .orElseThrow();
    assertThat(p.category()).isEqualTo(PassageCategory.LOOTING);
    assertThat(p.reasons())
        .containsExactly(
            "sub-event type: Looting/property destruction", "keyword: pille", "keyword: route");
  }

  @Test
  void fuelTankerAttackIsAnAttackOnVehicles() {
    assertThat(
            category(
                EventType.VIOLENCE_AGAINST_CIVILIANS,
                "Attack",
                "JNIM militants fired on a convoy of fuel tankers near Kati."))
        .contains(PassageCategory.ATTACK_ON_VEHICLES);
    assertThat(category(EventType.BATTLES, "Armed clash", "Clashes between FAMa and JNIM."))
        .isEmpty();
  }
}
