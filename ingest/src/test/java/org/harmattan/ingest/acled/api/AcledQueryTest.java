package org.harmattan.ingest.acled.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import org.harmattan.domain.error.HarmattanException;
import org.harmattan.domain.problem.ProblemCode;
import org.junit.jupiter.api.Test;

class AcledQueryTest {
  private static final LocalDate FROM = LocalDate.of(2018, 1, 1);
  private static final LocalDate TO = LocalDate.of(2018, 12, 31);

  @Test
  void aNameOrACodeBecomesTheNumericIsoFilter() {
    AcledQuery byName = AcledQuery.of("Mali", FROM, TO);
    assertThat(byName).isEqualTo(AcledQuery.of("mli", FROM, TO));
    assertThat(byName.iso3()).isEqualTo("MLI");
    assertThat(byName.pageSize()).isEqualTo(5000);
    assertThat(byName.changedAfter()).isEmpty();
    assertThat(byName.parameters())
        .containsExactly(
            org.assertj.core.api.Assertions.entry("iso", "466"),
            org.assertj.core.api.Assertions.entry("event_date", "2018-01-01|2018-12-31"),
            org.assertj.core.api.Assertions.entry("event_date_where", "BETWEEN"));
  }

  @Test
  void acledsOwnSpellingsFindTheirCountry() {
    // ACLED's names, which the numeric filter spares the query from having to spell.
    assertThat(AcledQuery.of("Ivory Coast", FROM, TO).parameters()).containsEntry("iso", "384");
    assertThat(AcledQuery.of("Democratic Republic of Congo", FROM, TO).parameters())
        .containsEntry("iso", "180");
    assertThat(AcledQuery.of("eSwatini", FROM, TO).parameters()).containsEntry("iso", "748");
  }

  @Test
  void aCountryWithoutANumericCodeIsSentByName() {
    assertThat(AcledQuery.of("XKX", FROM, TO).parameters())
        .containsEntry("country", "Kosovo")
        .doesNotContainKey("iso");
  }

  @Test
  void changedAfterIsTheTimestampFilterToTheSecond() {
    AcledQuery q =
        AcledQuery.of("Mali", FROM, TO).withChangedAfter(Instant.parse("2019-03-14T16:13:20.900Z"));
    assertThat(q.parameters())
        .containsEntry("timestamp", "1552580000")
        .containsEntry("timestamp_where", ">");
  }

  @Test
  void anUnknownCountryOrAReversedRangeIsTheUsersError() {
    assertThatThrownBy(() -> AcledQuery.of("Malli", FROM, TO))
        .isInstanceOf(HarmattanException.class)
        .hasMessage(
            "\"Malli\" is not a country Harmattan knows; give its name (Mali) or its ISO 3166"
                + " alpha-3 code (MLI)")
        .extracting(e -> ((HarmattanException) e).problemCode())
        .isEqualTo(ProblemCode.UNKNOWN_COUNTRY);
    assertThatThrownBy(() -> AcledQuery.of("Mali", TO, FROM))
        .isInstanceOf(HarmattanException.class)
        .extracting(e -> ((HarmattanException) e).problemCode())
        .isEqualTo(ProblemCode.BAD_DATE_RANGE);
  }

  @Test
  void thePageSizeIsOneToFiveThousand() {
    AcledQuery q = AcledQuery.of("Mali", FROM, TO);
    assertThat(q.withPageSize(1).pageSize()).isEqualTo(1);
    assertThatThrownBy(() -> q.withPageSize(0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> q.withPageSize(5001)).isInstanceOf(IllegalArgumentException.class);
  }
}
