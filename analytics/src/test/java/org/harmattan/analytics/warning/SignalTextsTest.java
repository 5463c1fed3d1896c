package org.harmattan.analytics.warning;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.harmattan.domain.figure.Period;
import org.harmattan.domain.text.Language;
import org.harmattan.testsupport.BundleLint;
import org.junit.jupiter.api.Test;

/** A signal's words in English are the rule's own; in French, the warning bundle's. */
class SignalTextsTest {
  private static final Period DEC =
      new Period(LocalDate.of(2025, 12, 2), LocalDate.of(2025, 12, 31));

  private static Signal hdx() {
    return new Signal(
        HdxSignals.FATALITIES,
        "MLI",
        true,
        593,
        520,
        521,
        HdxSignals.LEVEL_ABOVE_1_YEAR,
        DEC,
        DEC,
        null,
        "reported fatalities in the last 30 days at least 100 and above the highest 30-day total"
            + " of the year before; above that of the three years before is the higher level",
        List.of(
            "the 3-year maximum is not assessed: the three years before run from 2022-11-04, and"
                + " the store's events begin on 2024-01-01",
            AcledRules.NOTE_ZERO_BASELINE),
        List.of(new Signal.Reference("highest 30-day fatalities in the year before", 520, DEC)));
  }

  @Test
  void englishIsTheRulesOwnWords() {
    Signal s = hdx();
    assertThat(SignalTexts.in(s, Language.EN)).isEqualTo(s);
  }

  @Test
  void frenchWritesTheRuleLevelNotesAndDaysInFrench() {
    Signal fr = SignalTexts.in(hdx(), Language.FR);
    assertThat(fr.level()).isEqualTo("au-dessus du maximum sur 1 an");
    assertThat(fr.rule()).startsWith("décès signalés au cours des 30 derniers jours");
    assertThat(fr.notes())
        .containsExactly(
            "le maximum sur 3 ans n’est pas évalué\u00a0: les trois années précédentes commencent"
                + " le 4 novembre 2022, et les événements de la base le 1er janvier 2024",
            "aucun événement dans la période de référence");
    assertThat(fr.references().get(0).label())
        .isEqualTo("plus haut total de décès sur 30 jours de l’année précédente");
    assertThat(fr.observed()).isEqualTo(593);
    assertThat(fr.ruleId()).isEqualTo(HdxSignals.FATALITIES);
  }

  @Test
  void everyRuleAndLevelHasItsWords() {
    LocalDate asOf = LocalDate.of(2025, 12, 31);
    DailySeries empty = DailySeries.of("MLI", java.util.Map.of());
    for (Signal s :
        List.of(
            AcledRules.surge(empty, asOf),
            AcledRules.threat(empty, asOf),
            AcledRules.changeLevel(empty, asOf),
            HdxSignals.fatalities(empty, asOf),
            CountAnomaly.monthly(empty, asOf))) {
      assertThat(SignalTexts.in(s, Language.EN)).isEqualTo(s);
      assertThat(SignalTexts.in(s, Language.FR).rule()).doesNotContain("events", "the ");
    }
  }

  @Test
  void theBundlesHaveTheirFrenchTwins() {
    assertThat(BundleLint.problems("org/harmattan/analytics/text/warning", "fr")).isEmpty();
    assertThat(BundleLint.problems("org/harmattan/analytics/text/indicators", "fr")).isEmpty();
  }
}
