package org.harmattan.analytics.warning;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.harmattan.domain.figure.Period;
import org.junit.jupiter.api.Test;

class HdxSignalsTest {
  // A leap year: the observed window is 2 to 31 March 2024.
  private static final LocalDate AS_OF = LocalDate.parse("2024-03-31");
  private static final LocalDate WINDOW_START = LocalDate.parse("2024-03-02");

  private static DailySeries fatalities(long last, Map<LocalDate, Long> past) {
    Map<LocalDate, Long> m = new HashMap<>(past);
    m.put(AS_OF, last);
    return DailySeries.of("Nigeria", m);
  }

  @Test
  void windowsAreTheLastThirtyDaysAndTheYearOfWindowsBefore() {
    Signal s = HdxSignals.fatalities(fatalities(100, Map.of()), AS_OF);
    assertThat(s.ruleId()).isEqualTo("hdx.fatalities");
    assertThat(s.observedWindow()).isEqualTo(new Period(WINDOW_START, AS_OF));
    // Window ends run over the 365 days before 2 March 2024 (29 February included): 3 March
    // 2023 to 1 March 2024; the first such window starts 29 days before 3 March 2023.
    assertThat(s.baselineWindow())
        .isEqualTo(new Period(LocalDate.parse("2023-02-02"), LocalDate.parse("2024-03-01")));
  }

  @Test
  void needsAHundredFatalities() {
    Signal below = HdxSignals.fatalities(fatalities(99, Map.of()), AS_OF);
    assertThat(below.triggered()).isFalse();
    assertThat(below.level()).isEqualTo("below minimum");
    assertThat(below.threshold()).isEqualTo(100);

    Signal at = HdxSignals.fatalities(fatalities(100, Map.of()), AS_OF);
    assertThat(at.triggered()).isTrue();
    assertThat(at.level()).isEqualTo("above 3-year maximum");
  }

  /**
   * The windows of the three years before start on 2 February 2021 (the first window end, 1,094
   * days before 1 March 2024, less 29 days), those of the year before on 2 February 2023.
   */
  @Test
  void theHigherLevelIsNotClaimedWithoutThreeYearsOfHistory() {
    Signal held =
        HdxSignals.fatalities(fatalities(100, Map.of()), AS_OF, LocalDate.parse("2021-02-02"));
    assertThat(held.level()).isEqualTo("above 3-year maximum");
    assertThat(held.notes()).isEmpty();
    assertThat(held.references()).hasSize(2);

    Signal shortOfThree =
        HdxSignals.fatalities(fatalities(100, Map.of()), AS_OF, LocalDate.parse("2021-02-03"));
    assertThat(shortOfThree.triggered()).isTrue();
    assertThat(shortOfThree.level()).isEqualTo("above 1-year maximum");
    assertThat(shortOfThree.notes())
        .containsExactly(
            "the 3-year maximum is not assessed: the three years before run from 2021-02-02, and"
                + " the store's events begin on 2021-02-03");
    assertThat(shortOfThree.references())
        .extracting(Signal.Reference::label)
        .containsExactly("highest 30-day fatalities in the year before");
  }

  @Test
  void withoutTheYearBeforeTheRuleIsNotEvaluated() {
    Signal yearHeld =
        HdxSignals.fatalities(fatalities(150, Map.of()), AS_OF, LocalDate.parse("2023-02-02"));
    assertThat(yearHeld.triggered()).isTrue();
    assertThat(yearHeld.level()).isEqualTo("above 1-year maximum");

    Signal short1 =
        HdxSignals.fatalities(fatalities(150, Map.of()), AS_OF, LocalDate.parse("2023-02-03"));
    assertThat(short1.triggered()).isFalse();
    assertThat(short1.level()).isEqualTo("not enough history");
    assertThat(short1.notes())
        .containsExactly(
            "not evaluated: the rule compares with the 30-day totals of the year before, from"
                + " 2023-02-02, and the store's events begin on 2023-02-03");
  }

  @Test
  void equalToTheOneYearMaximumIsNotAbove() {
    LocalDate spike = LocalDate.parse("2023-10-01");
    Signal equal = HdxSignals.fatalities(fatalities(150, Map.of(spike, 150L)), AS_OF);
    assertThat(equal.triggered()).isFalse();
    assertThat(equal.level()).isEqualTo("not above 1-year maximum");
    assertThat(equal.baseline()).isEqualTo(150);
    assertThat(equal.threshold()).isEqualTo(151);
    assertThat(equal.notes()).containsExactly(HdxSignals.NOTE_EQUALS_MAXIMUM);

    Signal above = HdxSignals.fatalities(fatalities(151, Map.of(spike, 150L)), AS_OF);
    assertThat(above.triggered()).isTrue();
    assertThat(above.level()).isEqualTo("above 3-year maximum");
  }

  @Test
  void reportsBothMaximaAndWhichWasExceeded() {
    LocalDate yearSpike = LocalDate.parse("2023-10-01");
    LocalDate olderSpike = LocalDate.parse("2022-01-15");
    Map<LocalDate, Long> past = Map.of(yearSpike, 150L, olderSpike, 200L);

    Signal between = HdxSignals.fatalities(fatalities(180, past), AS_OF);
    assertThat(between.triggered()).isTrue();
    assertThat(between.level()).isEqualTo("above 1-year maximum");
    assertThat(between.references()).hasSize(2);
    Signal.Reference year = between.references().get(0);
    Signal.Reference threeYears = between.references().get(1);
    assertThat(year.value()).isEqualTo(150);
    // The most recent 30-day window holding the spike ends 29 days after it.
    assertThat(year.window()).isEqualTo(new Period(yearSpike, LocalDate.parse("2023-10-30")));
    assertThat(threeYears.value()).isEqualTo(200);
    assertThat(threeYears.window().contains(olderSpike)).isTrue();

    assertThat(HdxSignals.fatalities(fatalities(200, past), AS_OF).level())
        .isEqualTo("above 1-year maximum");
    assertThat(HdxSignals.fatalities(fatalities(201, past), AS_OF).level())
        .isEqualTo("above 3-year maximum");
  }

  @Test
  void oneYearReachBackEndsAtTheFirstWindow() {
    // 2 February 2023 is the first day of the first window searched; 1 February 2023 is not in
    // any window of the year before, but is in the three years before.
    Signal in =
        HdxSignals.fatalities(fatalities(120, Map.of(LocalDate.parse("2023-02-02"), 120L)), AS_OF);
    assertThat(in.baseline()).isEqualTo(120);
    assertThat(in.triggered()).isFalse();

    Signal out =
        HdxSignals.fatalities(fatalities(120, Map.of(LocalDate.parse("2023-02-01"), 120L)), AS_OF);
    assertThat(out.baseline()).isZero();
    assertThat(out.triggered()).isTrue();
    assertThat(out.level()).isEqualTo("above 1-year maximum");
    assertThat(out.references().get(1).value()).isEqualTo(120);
  }

  @Test
  void fatalitiesInsideTheObservedWindowDoNotRaiseTheBaseline() {
    Signal s =
        HdxSignals.fatalities(
            fatalities(60, Map.of(WINDOW_START, 60L, WINDOW_START.minusDays(1), 5L)), AS_OF);
    assertThat(s.observed()).isEqualTo(120);
    assertThat(s.baseline()).isEqualTo(5);
    assertThat(s.triggered()).isTrue();
  }
}
