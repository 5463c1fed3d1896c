package org.harmattan.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.harmattan.domain.event.SourceSystem;
import org.harmattan.engine.query.Coverage;
import org.harmattan.service.store.StoreViews.CoverageRow;
import org.junit.jupiter.api.Test;

/** The rule that chooses the window the dashboard opens on, from what the store covers. */
class OpeningViewsTest {
  private static CoverageRow row(
      String country, SourceSystem s, String first, String last, long n) {
    return new CoverageRow(
        country, s, new Coverage(LocalDate.parse(first), LocalDate.parse(last), n, null));
  }

  @Test
  void aStoreEndingOnTheLastOfDecemberOpensOnThatYearAgainstTheOneBefore() {
    OpeningViews.View v =
        OpeningViews.of(List.of(row("MLI", SourceSystem.ACLED, "2016-03-01", "2018-12-31", 9)))
            .get(0);
    assertThat(v.toMap())
        .containsEntry("from", "2018-01-01")
        .containsEntry("to", "2018-12-31")
        .containsEntry("compare", "2017");
  }

  @Test
  void aYearUnderWayGivesWayToTheLastFullYear() {
    OpeningViews.View v =
        OpeningViews.of(List.of(row("MLI", SourceSystem.ACLED, "2018-01-01", "2019-02-27", 9)))
            .get(0);
    assertThat(v.toMap())
        .containsEntry("from", "2018-01-01")
        .containsEntry("to", "2018-12-31")
        .containsEntry("compare", null);
  }

  @Test
  void aStoreOfOneYearUnderWayOpensOnTheYearSoFar() {
    OpeningViews.View v =
        OpeningViews.of(List.of(row("MLI", SourceSystem.ACLED, "2025-01-05", "2025-03-31", 9)))
            .get(0);
    assertThat(v.toMap())
        .containsEntry("from", "2025-01-01")
        .containsEntry("to", "2025-03-31")
        .containsEntry("compare", null);
  }

  @Test
  void theStoresOwnViewIsTheCountryWithMostAcledEventsAndEachCountryHasOne() {
    List<OpeningViews.View> views =
        OpeningViews.of(
            List.of(
                row("BFA", SourceSystem.ACLED, "2020-01-01", "2020-12-31", 50),
                row("BFA", SourceSystem.UCDP, "2019-01-01", "2021-12-31", 5_000),
                row("MLI", SourceSystem.ACLED, "2020-01-01", "2020-12-31", 70),
                row("NER", SourceSystem.UCDP, "2010-01-01", "2022-12-31", 9_000)));
    assertThat(views).extracting(OpeningViews.View::country).containsExactly("MLI", "BFA", "NER");
    // Burkina Faso's view follows its ACLED events though UCDP holds more; Niger has only UCDP.
    assertThat(views.get(1).toMap())
        .containsEntry("from", "2020-01-01")
        .containsEntry("compare", null);
    assertThat(views.get(2).toMap())
        .containsEntry("from", "2022-01-01")
        .containsEntry("compare", "2021");
  }

  @Test
  void theViewsKeyIsTheOneTheDashboardAsksFor() {
    OpeningViews.View v =
        OpeningViews.of(List.of(row("MLI", SourceSystem.ACLED, "2016-03-01", "2018-12-31", 9)))
            .get(0);
    FiguresResource.Key k = v.key();
    assertThat(k.comparison().from()).isEqualTo(LocalDate.of(2017, 1, 1));
    assertThat(k.sources()).containsExactly(SourceSystem.ACLED);
    assertThat(k.admin1()).isEmpty();
    assertThat(k.actor()).isNull();
  }
}
