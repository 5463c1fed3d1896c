package org.harmattan.analytics.warning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Map;
import org.harmattan.analytics.warning.DailySeries.RollingMax;
import org.harmattan.domain.figure.Period;
import org.junit.jupiter.api.Test;

class DailySeriesTest {
  private static LocalDate d(String iso) {
    return LocalDate.parse(iso);
  }

  @Test
  void missingDaysCountZeroAndSumsIncludeBothEnds() {
    DailySeries s =
        DailySeries.of(
            "Borno", Map.of(d("2024-02-28"), 2L, d("2024-02-29"), 3L, d("2024-03-01"), 0L));
    assertThat(s.count(d("2024-02-27"))).isZero();
    assertThat(s.count(d("2024-02-29"))).isEqualTo(3);
    assertThat(s.sum(d("2024-02-28"), d("2024-02-29"))).isEqualTo(5);
    assertThat(s.sum(d("2024-02-29"), d("2024-02-29"))).isEqualTo(3);
    assertThat(s.sum(YearMonth.of(2024, 2))).isEqualTo(5);
    assertThat(s.sum(YearMonth.of(2024, 3))).isZero();
    assertThat(s.nonZeroDays()).containsOnlyKeys(d("2024-02-28"), d("2024-02-29"));
  }

  @Test
  void rejectsNegativeCounts() {
    assertThatThrownBy(() -> DailySeries.of("Borno", Map.of(d("2024-01-01"), -1L)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("2024-01-01");
  }

  @Test
  void weekBlocksEndOnTheAsOfDateAcrossALeapDay() {
    LocalDate asOf = d("2024-03-04");
    assertThat(DailySeries.block(asOf, 7, 0)).isEqualTo(new Period(d("2024-02-27"), asOf));
    assertThat(DailySeries.block(asOf, 7, 1))
        .isEqualTo(new Period(d("2024-02-20"), d("2024-02-26")));
    // The same dates a year earlier have no 29 February, so the week reaches one day further back.
    assertThat(DailySeries.block(d("2023-03-04"), 7, 0))
        .isEqualTo(new Period(d("2023-02-26"), d("2023-03-04")));
  }

  @Test
  void monthBlocksAreThirtyDaysNotCalendarMonths() {
    // Ending on 31 March 2024: 2 March to 31 March; the block before runs over 29 February.
    LocalDate asOf = d("2024-03-31");
    assertThat(DailySeries.block(asOf, 30, 0)).isEqualTo(new Period(d("2024-03-02"), asOf));
    assertThat(DailySeries.block(asOf, 30, 1))
        .isEqualTo(new Period(d("2024-02-01"), d("2024-03-01")));
    // Twelve blocks before the last one cover 360 days.
    Period baseline = DailySeries.blocksBefore(DailySeries.block(asOf, 30, 0), 30, 12);
    assertThat(baseline).isEqualTo(new Period(d("2023-03-08"), d("2024-03-01")));
    assertThat(baseline.lengthDays()).isEqualTo(360);
  }

  @Test
  void blockSumsAreOldestFirst() {
    LocalDate asOf = d("2024-12-31");
    DailySeries s =
        DailySeries.of(
            "Sahel",
            Map.of(asOf, 1L, d("2024-12-25"), 10L, d("2024-12-24"), 100L, d("2024-12-03"), 1000L));
    assertThat(s.weeklySums(asOf, 5)).containsExactly(1000, 0, 0, 100, 11);
    assertThat(s.monthlySums(asOf, 2)).containsExactly(0, 1111);
    assertThat(s.blockSums(asOf, 1, 2)).containsExactly(0, 1);
  }

  @Test
  void rollingMaxFindsTheMostRecentHighestWindow() {
    DailySeries s =
        DailySeries.of(
            "Borno", Map.of(d("2024-01-10"), 5L, d("2024-01-12"), 5L, d("2024-03-01"), 10L));
    RollingMax max = s.maxRollingSum(d("2024-01-01"), d("2024-03-31"), 3);
    assertThat(max.sum()).isEqualTo(10);
    // Windows ending 1 to 3 March all hold the 10 events; the latest is reported.
    assertThat(max.window()).isEqualTo(new Period(d("2024-03-01"), d("2024-03-03")));
    assertThat(max.searched()).isEqualTo(new Period(d("2024-01-01"), d("2024-03-31")));

    RollingMax early = s.maxRollingSum(d("2024-01-01"), d("2024-02-15"), 3);
    assertThat(early.sum()).isEqualTo(10);
    assertThat(early.window()).isEqualTo(new Period(d("2024-01-10"), d("2024-01-12")));
  }

  @Test
  void rollingMaxOfAnEmptyRangeIsZeroAtTheLastWindow() {
    RollingMax max = DailySeries.empty("x").maxRollingSum(d("2024-01-01"), d("2024-01-05"), 30);
    assertThat(max.sum()).isZero();
    assertThat(max.window().to()).isEqualTo(d("2024-01-05"));
  }
}
