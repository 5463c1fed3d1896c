package org.harmattan.analytics.warning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.harmattan.domain.figure.Period;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AcledRulesTest {
  private static final LocalDate AS_OF = LocalDate.parse("2024-03-04");

  /** {@code last} events on the as-of date, {@code baseline} events on one day before it. */
  private static DailySeries series(long last, long baseline, LocalDate baselineDay) {
    Map<LocalDate, Long> m = new HashMap<>();
    m.put(AS_OF, last);
    m.merge(baselineDay, baseline, Long::sum);
    return DailySeries.of("Borno", m);
  }

  private static DailySeries weekly(long last, long baselineTotal) {
    return series(last, baselineTotal, AS_OF.minusDays(10));
  }

  private static DailySeries monthly(long last, long baselineTotal) {
    return series(last, baselineTotal, AS_OF.minusDays(100));
  }

  @Test
  void surgeWindowsAreTheLastWeekAndTheFourBefore() {
    Signal s = AcledRules.surge(weekly(4, 8), AS_OF);
    assertThat(s.ruleId()).isEqualTo("acled.surge");
    assertThat(s.area()).isEqualTo("Borno");
    assertThat(s.observedWindow())
        .isEqualTo(new Period(LocalDate.parse("2024-02-27"), LocalDate.parse("2024-03-04")));
    assertThat(s.baselineWindow())
        .isEqualTo(new Period(LocalDate.parse("2024-01-30"), LocalDate.parse("2024-02-26")));
    assertThat(s.pValue()).isNull();
    assertThat(s.rule()).doesNotContainPattern("[0-9]\\.[0-9]");
  }

  @Test
  void surgeFiresAtExactlyTwiceTheWeeklyAverage() {
    Signal s = AcledRules.surge(weekly(4, 8), AS_OF);
    assertThat(s.triggered()).isTrue();
    assertThat(s.level()).isEqualTo("surge");
    assertThat(s.observed()).isEqualTo(4);
    assertThat(s.baseline()).isEqualTo(2);
    assertThat(s.threshold()).isEqualTo(4);
  }

  @Test
  void surgeDoesNotFireJustBelowTwice() {
    Signal s = AcledRules.surge(weekly(3, 8), AS_OF);
    assertThat(s.triggered()).isFalse();
    assertThat(s.level()).isEqualTo("no surge");
  }

  @Test
  void surgeComparesFractionalAveragesExactly() {
    // Average 1.75: 4 is at least 3.5. Average 2.25: 4 is below 4.5.
    assertThat(AcledRules.surge(weekly(4, 7), AS_OF).triggered()).isTrue();
    assertThat(AcledRules.surge(weekly(4, 9), AS_OF).triggered()).isFalse();
  }

  @Test
  void surgeNeedsTheMinimumCount() {
    // Average 1: 2 doubles it but is below the minimum of 3.
    Signal two = AcledRules.surge(weekly(2, 4), AS_OF);
    assertThat(two.triggered()).isFalse();
    assertThat(two.threshold()).isEqualTo(3);
    assertThat(two.notes()).contains(AcledRules.NOTE_BELOW_MINIMUM);
    assertThat(AcledRules.surge(weekly(3, 4), AS_OF).triggered()).isTrue();
  }

  @Test
  void surgeFromZeroIsNewActivity() {
    Signal three = AcledRules.surge(weekly(3, 0), AS_OF);
    assertThat(three.triggered()).isTrue();
    assertThat(three.level()).isEqualTo("new activity");
    assertThat(three.baseline()).isZero();
    assertThat(three.notes()).contains(AcledRules.NOTE_ZERO_BASELINE);

    Signal one = AcledRules.surge(weekly(1, 0), AS_OF);
    assertThat(one.triggered()).isFalse();
    assertThat(one.level()).isEqualTo("no surge");

    Signal none = AcledRules.surge(DailySeries.empty("Borno"), AS_OF);
    assertThat(none.triggered()).isFalse();
    assertThat(none.notes()).containsExactly(AcledRules.NOTE_ZERO_BASELINE);
  }

  @Test
  void surgeIgnoresEventsOutsideItsWindows() {
    // 29 days back is one day before the baseline starts.
    Signal s = AcledRules.surge(series(3, 100, AS_OF.minusDays(35)), AS_OF);
    assertThat(s.baseline()).isZero();
    assertThat(s.triggered()).isTrue();
    Signal edge = AcledRules.surge(series(3, 100, AS_OF.minusDays(34)), AS_OF);
    assertThat(edge.baseline()).isEqualTo(25);
  }

  @Test
  void threatComparesThirtyDaysWithTheYearBefore() {
    Signal s = AcledRules.threat(monthly(10, 60), AS_OF);
    assertThat(s.ruleId()).isEqualTo("acled.threat");
    assertThat(s.triggered()).isTrue();
    assertThat(s.level()).isEqualTo("threat");
    assertThat(s.baseline()).isEqualTo(5);
    assertThat(s.threshold()).isEqualTo(10);
    assertThat(s.observedWindow().lengthDays()).isEqualTo(30);
    assertThat(s.baselineWindow().lengthDays()).isEqualTo(360);
    assertThat(s.baselineWindow().to()).isEqualTo(s.observedWindow().from().minusDays(1));

    Signal below = AcledRules.threat(monthly(9, 60), AS_OF);
    assertThat(below.triggered()).isFalse();
    assertThat(below.level()).isEqualTo("no threat");
  }

  @Test
  void threatFromZeroIsNewActivityAboveTheMinimum() {
    assertThat(AcledRules.threat(monthly(3, 0), AS_OF).level()).isEqualTo("new activity");
    assertThat(AcledRules.threat(monthly(2, 0), AS_OF).triggered()).isFalse();
  }

  @ParameterizedTest(name = "{0} against an average of 100 is {1}")
  @CsvSource({
    "200, substantial increase",
    "125, substantial increase",
    "124, increase",
    "110, increase",
    "109, stable",
    "100, stable",
    "91, stable",
    "90, decrease",
    "76, decrease",
    "75, substantial decrease",
    "0, substantial decrease",
  })
  void changeLevelBandEdges(long last, String level) {
    Signal s = AcledRules.changeLevel(monthly(last, 1200), AS_OF);
    assertThat(s.ruleId()).isEqualTo("acled.change");
    assertThat(s.level()).isEqualTo(level);
    assertThat(s.baseline()).isEqualTo(100);
    assertThat(s.threshold()).isEqualTo(125);
    assertThat(s.triggered()).isEqualTo(level.equals("substantial increase"));
    assertThat(s.references())
        .singleElement()
        .satisfies(r -> assertThat(r.value()).isCloseTo(last / 100.0 - 1, offset(1e-12)));
  }

  @Test
  void changeLevelEdgesHoldForAveragesThatAreNotWholeNumbers() {
    // Total 20, average 5/3: observed 2 is exactly +20 %.
    assertThat(AcledRules.changeLevel(monthly(2, 20), AS_OF).level()).isEqualTo("increase");
    // Total 48, mean 4: observed 5 is exactly +25 %.
    assertThat(AcledRules.changeLevel(monthly(5, 48), AS_OF).level())
        .isEqualTo("substantial increase");
    // Total 120, mean 10: observed 11 is exactly +10 %, 9 exactly -10 %.
    assertThat(AcledRules.changeLevel(monthly(11, 120), AS_OF).level()).isEqualTo("increase");
    assertThat(AcledRules.changeLevel(monthly(9, 120), AS_OF).level()).isEqualTo("decrease");
  }

  @Test
  void changeLevelWithoutBaseline() {
    Signal s = AcledRules.changeLevel(monthly(5, 0), AS_OF);
    assertThat(s.level()).isEqualTo("no baseline");
    assertThat(s.triggered()).isFalse();
    assertThat(s.references()).isEmpty();
    assertThat(s.notes()).containsExactly(AcledRules.NOTE_ZERO_BASELINE);
  }
}
