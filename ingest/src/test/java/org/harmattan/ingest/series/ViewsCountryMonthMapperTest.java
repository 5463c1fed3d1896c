package org.harmattan.ingest.series;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.YearMonth;
import java.util.List;
import org.harmattan.domain.figure.SourceRef;
import org.harmattan.domain.problem.MapResult;
import org.harmattan.domain.problem.Problem;
import org.harmattan.engine.series.SeriesPoint;
import org.harmattan.ingest.FormatDetector;
import org.harmattan.ingest.common.Countries;
import org.harmattan.ingest.row.Header;
import org.harmattan.ingest.row.SourceRow;
import org.junit.jupiter.api.Test;

/** The VIEWS country-month mapper, row by row: what it accepts and what it quarantines, and why. */
class ViewsCountryMonthMapperTest {
  private static final Header HEADER =
      Header.of(
          List.of("month_id", "year", "month", "country_id", "gwcode", "isoab", "name", "ged_sb"));
  private static final SourceRef SOURCE = new SourceRef("views", "cm.csv", "0".repeat(64));

  private final ViewsCountryMonthMapper mapper =
      new ViewsCountryMonthMapper(SOURCE, Countries.get());

  private MapResult<SeriesPoint> map(long line, String csv) {
    return mapper.map(new SourceRow(line, HEADER, FormatDetector.split(csv, ',')));
  }

  private static SeriesPoint point(MapResult<SeriesPoint> r) {
    assertThat(r).isInstanceOf(MapResult.Mapped.class);
    return ((MapResult.Mapped<SeriesPoint>) r).value();
  }

  private static List<Problem> problems(MapResult<SeriesPoint> r) {
    assertThat(r).isInstanceOf(MapResult.Rejected.class);
    return ((MapResult.Rejected<SeriesPoint>) r).problems();
  }

  @Test
  void aRowGivesTheFatalitiesOfItsCountryAndMonth() {
    assertThat(point(map(2, "457,2018,1,50,432,MLI,Mali,32")))
        .isEqualTo(
            new SeriesPoint(
                "ged_sb", "country", "50", "Mali", "MLI", YearMonth.of(2018, 1), 32, SOURCE, 2));
    // A quoted name may hold the delimiter; a count may be written "3.0".
    SeriesPoint congo = point(map(3, "457,2018,1,167,490,COD,\"Congo, DRC\",3.0"));
    assertThat(congo.unitName()).isEqualTo("Congo, DRC");
    assertThat(congo.value()).isEqualTo(3.0);
  }

  @Test
  void aNegativeOrNonNumericCountIsQuarantinedWithWhatWasExpected() {
    assertThat(problems(map(2, "457,2018,1,50,432,MLI,Mali,-3")))
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.code()).isEqualTo("bad_fatalities");
              assertThat(p.column()).isEqualTo("ged_sb");
              assertThat(p.message())
                  .isEqualTo(
                      "\"-3\" is negative (expected a count of deaths, a whole number >= 0)");
            });
    assertThat(problems(map(3, "457,2018,1,47,439,BFA,Burkina Faso,many")))
        .extracting(Problem::code, Problem::message)
        .containsExactly(
            tuple(
                "bad_fatalities",
                "\"many\" is not a count of deaths (expected a whole number >= 0)"));
    assertThat(problems(map(4, "457,2018,1,78,436,NER,Niger,2.5")))
        .extracting(Problem::code)
        .containsExactly("bad_fatalities");
    assertThat(problems(map(5, "457,2018,1,1,110,GUY,Guyana,")))
        .extracting(Problem::message)
        .containsExactly("ged_sb is empty (expected a count of deaths, a whole number >= 0)");
  }

  @Test
  void aMonthIdThatDisagreesWithYearAndMonthIsQuarantined() {
    // VIEWS month_id 1 = 1980-01, so 2018-01 is (2018 - 1980) * 12 + 1 = 457.
    assertThat(problems(map(2, "458,2018,1,50,432,MLI,Mali,32")))
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.code()).isEqualTo("bad_month_id");
              assertThat(p.column()).isEqualTo("month_id");
              assertThat(p.message())
                  .isEqualTo(
                      "month_id 458 is 2018-02 but year and month say 2018-01 (expected month_id"
                          + " 457; VIEWS month_id 1 = 1980-01)");
            });
    assertThat(problems(map(3, "457,2018,13,50,432,MLI,Mali,32")))
        .extracting(Problem::code, Problem::column)
        .containsExactly(tuple("bad_month", "month"));
    assertThat(problems(map(4, "x,2018,1,47,439,BFA,Burkina Faso,32")))
        .extracting(Problem::code, Problem::column)
        .containsExactly(tuple("bad_month_id", "month_id"));
    assertThat(problems(map(5, "457,18,1,50,432,MLI,Mali,32")))
        .extracting(Problem::code)
        .contains("bad_year");
    assertThat(ViewsCountryMonthMapper.expectedMonthId(YearMonth.of(1980, 1))).isEqualTo(1);
    assertThat(ViewsCountryMonthMapper.expectedMonthId(YearMonth.of(2022, 12))).isEqualTo(516);
  }

  @Test
  void aCountryCodeTheCountryTableDoesNotKnowIsQuarantined() {
    assertThat(problems(map(2, "457,2018,1,50,432,XYZ,Mali,32")))
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.code()).isEqualTo("unknown_country");
              assertThat(p.column()).isEqualTo("isoab");
              assertThat(p.message())
                  .isEqualTo(
                      "\"XYZ\" is not a country code Harmattan knows (expected an ISO 3166-1"
                          + " alpha-3 code such as MLI)");
            });
    assertThat(problems(map(3, "458,2018,2,50,432,ML,Mali,32")))
        .extracting(Problem::code)
        .containsExactly("unknown_country");
    assertThat(problems(map(4, "457,2018,1,999,999,,Atlantis,0")))
        .extracting(Problem::message)
        .containsExactly(
            "isoab is empty and the name \"Atlantis\" is not a country Harmattan knows (expected"
                + " an ISO 3166-1 alpha-3 code such as MLI)");
  }

  @Test
  void aCountryIdGivenEarlierWithAnotherCodeIsQuarantined() {
    point(map(2, "457,2018,1,50,432,MLI,Mali,32"));
    assertThat(problems(map(3, "458,2018,2,50,432,BFA,Mali,12")))
        .extracting(Problem::code, Problem::column, Problem::message)
        .containsExactly(
            tuple(
                "inconsistent_unit",
                "isoab",
                "country_id 50 is BFA here but MLI on line 2 (expected one country per"
                    + " country_id)"));
  }

  @Test
  void aSecondRowForACountryAndMonthIsQuarantinedNamingTheFirstsLine() {
    point(map(2, "457,2018,1,50,432,MLI,Mali,32"));
    point(map(3, "457,2018,1,47,439,BFA,Burkina Faso,4"));
    assertThat(problems(map(9, "457,2018,1,50,432,MLI,Mali,40")))
        .extracting(Problem::code, Problem::message)
        .containsExactly(
            tuple(
                "duplicate_point",
                "a second row for country_id 50 in 2018-01; the first is on line 2 (expected one"
                    + " row per country_id and month)"));
    // The next month is not a repeat.
    assertThat(point(map(10, "458,2018,2,50,432,MLI,Mali,40")).line()).isEqualTo(10);
  }

  @Test
  void everyProblemOfARowIsReported() {
    assertThat(problems(map(2, "460,2018,1,50,432,ZZZ,Mali,-1")))
        .extracting(Problem::code)
        .containsExactlyInAnyOrder("bad_month_id", "unknown_country", "bad_fatalities");
  }

  @Test
  void aRowWithoutIsoabIsPlacedByItsNameAndTheNotesSaySo() {
    // VIEWS leaves Kosovo's isoab empty: ISO 3166 has no code for it.
    SeriesPoint kosovo = point(map(7, "457,2018,1,232,347,,Kosovo,0"));
    point(map(8, "458,2018,2,232,347,,Kosovo,1"));
    assertThat(kosovo.countryIso3()).isEqualTo("XKX");
    assertThat(mapper.notes())
        .containsExactly(
            "2 rows of country_id 232 have no isoab (from line 7): placed by their name"
                + " \"Kosovo\" as XKX");
  }
}
