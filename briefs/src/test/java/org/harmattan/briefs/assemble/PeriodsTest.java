package org.harmattan.briefs.assemble;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.harmattan.briefs.text.BriefTexts;
import org.harmattan.domain.figure.Period;
import org.harmattan.domain.text.Language;
import org.harmattan.domain.text.Texts;
import org.junit.jupiter.api.Test;

class PeriodsTest {
  private static final Texts EN = BriefTexts.of(Language.EN);
  private static final Texts FR = BriefTexts.of(Language.FR);

  private static Period period(String from, String to) {
    return new Period(LocalDate.parse(from), LocalDate.parse(to));
  }

  @Test
  void aWindowReadsAsAMonthARunOfMonthsOrTwoDays() {
    assertThat(Periods.span(EN, period("2018-03-01", "2018-03-31"))).isEqualTo("March 2018");
    assertThat(Periods.span(EN, period("2018-01-01", "2018-12-31")))
        .isEqualTo("January–December 2018");
    assertThat(Periods.span(EN, period("2017-11-01", "2018-02-28")))
        .isEqualTo("November 2017 – February 2018");
    assertThat(Periods.span(EN, period("2018-01-05", "2018-02-28")))
        .isEqualTo("5 January 2018 – 28 February 2018");
  }

  @Test
  void aComparisonWithinOneYearReadsAsTheSameMonths() {
    assertThat(Periods.against(EN, period("2017-01-01", "2017-06-30")))
        .isEqualTo("the same months of 2017");
    assertThat(Periods.against(EN, period("2016-07-01", "2017-06-30")))
        .isEqualTo("July 2016 – June 2017");
  }

  @Test
  void inFrenchMonthsAreLowercaseAndTheFirstIsPremier() {
    assertThat(Periods.span(FR, period("2018-01-01", "2018-12-31")))
        .isEqualTo("janvier–décembre 2018");
    assertThat(Periods.span(FR, period("2018-01-01", "2018-02-14")))
        .isEqualTo("1er janvier 2018 – 14 février 2018");
    assertThat(Periods.against(FR, period("2017-01-01", "2017-06-30")))
        .isEqualTo("la même période de 2017");
  }
}
