package org.harmattan.briefs.assemble;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.harmattan.domain.figure.Period;
import org.junit.jupiter.api.Test;

class PeriodsTest {
  private static Period period(String from, String to) {
    return new Period(LocalDate.parse(from), LocalDate.parse(to));
  }

  @Test
  void aWindowReadsAsAMonthARunOfMonthsOrTwoDays() {
    assertThat(Periods.span(period("2018-03-01", "2018-03-31"))).isEqualTo("March 2018");
    assertThat(Periods.span(period("2018-01-01", "2018-12-31"))).isEqualTo("January–December 2018");
    assertThat(Periods.span(period("2017-11-01", "2018-02-28")))
        .isEqualTo("November 2017 – February 2018");
    assertThat(Periods.span(period("2018-01-05", "2018-02-28")))
        .isEqualTo("5 January 2018 – 28 February 2018");
  }

  @Test
  void aComparisonWithinOneYearReadsAsTheSameMonths() {
    assertThat(Periods.against(period("2017-01-01", "2017-06-30")))
        .isEqualTo("the same months of 2017");
    assertThat(Periods.against(period("2016-07-01", "2017-06-30")))
        .isEqualTo("July 2016 – June 2017");
  }
}
