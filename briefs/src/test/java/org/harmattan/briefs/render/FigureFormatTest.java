package org.harmattan.briefs.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.harmattan.briefs.model.Inline;
import org.harmattan.domain.figure.Citation;
import org.harmattan.domain.figure.Figure;
import org.harmattan.domain.figure.Period;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FigureFormatTest {

  @ParameterizedTest(name = "{0} {1} -> {2}")
  @CsvSource(
      delimiter = ';',
      value = {
        "757; events; 757 events",
        "1; events; 1 event",
        "0; events; 0 events",
        "1762; deaths; 1,762 deaths",
        "1; deaths; 1 death",
        "1234567; deaths; 1,234,567 deaths",
        "12.5; events; 12.5 events",
        "2; people; 2 people",
        "1; people; 1 person",
        "3; days; 3 days",
        "1; days; 1 day",
        "5; cells; 5 cells",
        "4; level; level 4",
        "61.2; percent; +61 %",
        "-12.4; percent; \u221212 %",
        "0; percent; 0 %",
        "0.04; percent; +0.04 %",
        "0.00046; share; 0.046 %",
        "5; percent; +5.0 %",
        "-3.25; percent; \u22123.3 %",
        "9.96; percent; +10 %",
        "1250; percent; +1,250 %",
        "0.45; share; 45 %",
        "0.053; share; 5.3 %",
        "0; share; 0 %",
        "1; share; 100 %",
        "4.46; km; 4.5 km",
        "1234.4; km; 1,234 km",
        "12; km; 12 km",
        "3.21; km_per_month; 3.2 km/month",
        "-3.21; km_per_month; \u22123.2 km/month",
        "0.0321; p_value; p = 0.032",
        "0.0004; p_value; p < 0.001",
        "1.6149; ratio; 1.61",
        "4210; count; 4,210",
        "3; wells; 3 wells",
        "2.25; wells; 2.3 wells",
        "0; status; open",
        "1; status; disrupted",
        "2; status; blocked",
        "47.4; index_100; 47/100",
        "0; index_100; 0/100"
      })
  void formatsValueWithUnit(double value, String unit, String expected) {
    assertThat(FigureFormat.ENGLISH.withUnit(value, unit)).isEqualTo(expected);
  }

  @Test
  void statusAndIndexPrintTheSameUnderAHeader() {
    assertThat(FigureFormat.ENGLISH.numberOnly(2, "status")).isEqualTo("blocked");
    assertThat(FigureFormat.ENGLISH.numberOnly(99.6, "index_100")).isEqualTo("100");
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> FigureFormat.ENGLISH.withUnit(3, "status"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not a status code");
  }

  @Test
  void neverPrintsAHyphenForANegativeNumber() {
    assertThat(FigureFormat.ENGLISH.withUnit(-5, "events")).isEqualTo("\u22125 events");
    assertThat(FigureFormat.ENGLISH.withUnit(-1234, "count")).isEqualTo("\u22121,234");
    assertThat(FigureFormat.ENGLISH.numberOnly(-0.0001, "count")).isEqualTo("0");
  }

  @Test
  void numberOnlyDropsTheUnitWordButKeepsPercentSigns() {
    assertThat(FigureFormat.ENGLISH.numberOnly(1762, "deaths")).isEqualTo("1,762");
    assertThat(FigureFormat.ENGLISH.numberOnly(61.2, "percent")).isEqualTo("+61 %");
    assertThat(FigureFormat.ENGLISH.numberOnly(0.45, "share")).isEqualTo("45 %");
  }

  @Test
  void missingValuePrintsNotAvailableWithTheNote() {
    Figure missing = figure(null, "no events in 2017");
    assertThat(FigureFormat.ENGLISH.format(missing)).isEqualTo("n/a (no events in 2017)");
    assertThat(FigureFormat.ENGLISH.format(missing, Inline.Style.NUMBER_ONLY)).isEqualTo("n/a");
    assertThat(FigureFormat.ENGLISH.format(figure(-12.0, null))).isEqualTo("\u221212 %");
  }

  @Test
  void periodsReadAsWords() {
    assertThat(FigureFormat.ENGLISH.formatPeriod(SampleBrief.YEAR_2018))
        .isEqualTo("January\u2013December 2018");
    assertThat(FigureFormat.ENGLISH.formatPeriod(period("2018-03-01", "2018-03-31")))
        .isEqualTo("March 2018");
    assertThat(FigureFormat.ENGLISH.formatPeriod(period("2017-11-01", "2018-02-28")))
        .isEqualTo("November 2017 \u2013 February 2018");
    assertThat(FigureFormat.ENGLISH.formatPeriod(period("2018-01-03", "2018-02-17")))
        .isEqualTo("3 January \u2013 17 February 2018");
    assertThat(FigureFormat.ENGLISH.formatPeriod(period("2018-01-03", "2018-01-17")))
        .isEqualTo("3\u201317 January 2018");
    assertThat(FigureFormat.ENGLISH.formatPeriod(period("2017-12-03", "2018-01-17")))
        .isEqualTo("3 December 2017 \u2013 17 January 2018");
  }

  @Test
  void axisFormatGroupsWithCommasAndUsesTheMinusSign() {
    assertThat(FigureFormat.ENGLISH.axisFormat().format(-12345.5)).isEqualTo("\u221212,345.5");
  }

  private static Period period(String from, String to) {
    return new Period(LocalDate.parse(from), LocalDate.parse(to));
  }

  private static Figure figure(Double value, String note) {
    return new Figure(
        "change",
        "Change",
        value,
        "percent",
        SampleBrief.YEAR_2018,
        SampleBrief.YEAR_2017,
        Map.of(),
        "q",
        new Citation(List.of(), 0, List.of(), LocalDate.of(2024, 1, 1)),
        note);
  }
}
