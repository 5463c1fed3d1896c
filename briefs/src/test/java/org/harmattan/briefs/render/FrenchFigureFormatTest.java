package org.harmattan.briefs.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.harmattan.briefs.text.BriefTexts;
import org.harmattan.domain.figure.Period;
import org.harmattan.domain.text.Language;
import org.harmattan.testsupport.BundleLint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Figures as a French brief prints them: a narrow no-break space (U+202F) between thousands, a
 * decimal comma, a no-break space (U+00A0) before "%" and "km", French unit words with French
 * plurals (0 and 1 singular), French months.
 */
class FrenchFigureFormatTest {
  private static final FigureFormat FR = FigureFormat.of(Language.FR);

  @ParameterizedTest(name = "{0} {1} -> {2}")
  @CsvSource(
      delimiter = ';',
      value = {
        "757; events; 757 événements",
        "1; events; 1 événement",
        "0; events; 0 événement",
        "1.5; events; 1,5 événement",
        "1762; deaths; 1\u202f762 décès",
        "1; deaths; 1 décès",
        "1234567; people; 1\u202f234\u202f567 personnes",
        "1; people; 1 personne",
        "2; days; 2 jours",
        "5; cells; 5 cellules",
        "4; level; niveau 4",
        "61.2; percent; +61\u00a0%",
        "-12.4; percent; \u221212\u00a0%",
        "0; percent; 0\u00a0%",
        "0.00046; share; 0,046\u00a0%",
        "5; percent; +5,0\u00a0%",
        "1250; percent; +1\u202f250\u00a0%",
        "0.053; share; 5,3\u00a0%",
        "4.46; km; 4,5\u00a0km",
        "1234.4; km; 1\u202f234\u00a0km",
        "-3.21; km_per_month; \u22123,2\u00a0km/mois",
        "0.0321; p_value; p = 0,032",
        "0.0004; p_value; p < 0,001",
        "1.6149; ratio; 1,61",
        "4210; count; 4\u202f210",
        "0; status; ouvert",
        "1; status; perturbé",
        "2; status; bloqué",
        "47; index_100; 47/100",
      })
  void aValueIsPrintedWithItsFrenchUnit(double value, String unit, String expected) {
    assertThat(FR.withUnit(value, unit)).isEqualTo(expected);
  }

  @Test
  void periodsAndDaysAreInFrench() {
    assertThat(FR.formatPeriod(new Period(LocalDate.of(2018, 1, 1), LocalDate.of(2018, 12, 31))))
        .isEqualTo("janvier–décembre 2018");
    assertThat(FR.formatPeriod(new Period(LocalDate.of(2018, 3, 1), LocalDate.of(2018, 3, 31))))
        .isEqualTo("mars 2018");
    assertThat(FR.formatPeriod(new Period(LocalDate.of(2017, 11, 1), LocalDate.of(2018, 2, 28))))
        .isEqualTo("novembre 2017 – février 2018");
    assertThat(FR.formatPeriod(new Period(LocalDate.of(2018, 1, 1), LocalDate.of(2018, 1, 17))))
        .isEqualTo("1er–17 janvier 2018");
    assertThat(FR.formatPeriod(new Period(LocalDate.of(2018, 1, 3), LocalDate.of(2018, 2, 17))))
        .isEqualTo("3 janvier – 17 février 2018");
    assertThat(FR.day(LocalDate.of(2018, 8, 1))).isEqualTo("1er août 2018");
    assertThat(FR.notAvailable("aucun événement")).isEqualTo("n.d. (aucun événement)");
  }

  @Test
  void chartAxesGroupAndSeparateDecimalsTheFrenchWay() {
    assertThat(FR.axisFormat().format(12345.5)).isEqualTo("12\u202f345,5");
    assertThat(FigureFormat.ENGLISH.axisFormat().format(-12345.5)).isEqualTo("\u221212,345.5");
  }

  @Test
  void everyBundleOfTheBriefHasEveryTextInFrench() {
    for (String bundle : BriefTexts.BUNDLES) {
      assertThat(BundleLint.problems("org/harmattan/briefs/text/" + bundle, "fr"))
          .as(bundle)
          .isEmpty();
    }
    assertThat(BriefTexts.of(Language.FR).keys()).isEqualTo(BriefTexts.of(Language.EN).keys());
  }
}
