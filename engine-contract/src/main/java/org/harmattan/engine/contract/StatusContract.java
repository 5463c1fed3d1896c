package org.harmattan.engine.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import java.util.Map;
import org.harmattan.engine.query.StoreStatus;
import org.harmattan.engine.series.SeriesPoint;
import org.harmattan.engine.write.RejectedRow;
import org.junit.jupiter.api.Test;

/** The contract suite's cases on the store's status, and what it holds when opened again. */
interface StatusContract extends EngineCase {
  @Test
  default void statusCountsWhatTheStoreHolds() {
    loadQueryMix();
    ingest("acled-revision-1.csv");
    ingest("acled-revision-2.csv");
    boolean humanitarian = supports(EngineBehavior.SUPPORTS_HUMANITARIAN);
    if (humanitarian) {
      ingestHumanitarian("hdx-pcodes-mopti.csv", new Recorded());
      ingestHumanitarian("dtm-bad-number-and-date.csv", new Recorded());
    }

    StoreStatus s = store().status();

    // Ten ACLED events of the mix and five of the revisions; one UCDP, two GDELT.
    assertThat(s.events()).isEqualTo(18);
    assertThat(s.bySource()).isEqualTo(Map.of("ACLED", 15L, "UCDP", 1L, "GDELT", 2L));
    assertThat(s.byCountry()).isEqualTo(Map.of("MLI", 17L, "BFA", 1L));
    // 9201's first version; 9202's older copy and 9205's losing edit (see the revision case).
    assertThat(s.history()).isEqualTo(3);
    assertThat(s.quarantined()).isEqualTo(humanitarian ? 3 : 1);
    assertThat(s.files()).isEqualTo(humanitarian ? 7 : 5);
    assertThat(s.observations()).isEqualTo(humanitarian ? 1 : 0);
    assertThat(s.adminUnits()).isEqualTo(humanitarian ? 3 : 0);
    // The quarantine lists the oldest file first, then by line.
    List<RejectedRow> q = store().listQuarantine(10);
    assertThat(q)
        .extracting(RejectedRow::dataset, RejectedRow::lineNumber)
        .containsExactlyElementsOf(
            humanitarian
                ? List.of(
                    tuple("acled-revision-2.csv", 5L),
                    tuple("dtm-bad-number-and-date.csv", 4L),
                    tuple("dtm-bad-number-and-date.csv", 6L))
                : List.of(tuple("acled-revision-2.csv", 5L)));
    assertThat(store().listQuarantine(1)).isEqualTo(q.subList(0, 1));
    assertThat(store().listQuarantine(0)).isEmpty();
  }

  @Test
  default void aStoreOpenedAgainHoldsWhatWasWritten() {
    ingest("acled-revision-1.csv");
    ingest("acled-revision-2.csv");
    ingestSeries(VIEWS_Q1, new Recorded());
    StoreStatus before = store().status();
    List<SeriesPoint> points = gedSb();
    reopenStore();

    if (!supports(EngineBehavior.SUPPORTS_PERSISTENCE)) {
      // Declared: the engine keeps nothing between opens.
      assertThat(store().status().events()).isZero();
      assertThat(store().status().files()).isZero();
      return;
    }
    assertThat(store().status()).isEqualTo(before);
    assertThat(gedSb()).isEqualTo(points).hasSize(12);
    assertThat(store().findEvent("acled:MLI9201").orElseThrow().fatalities().best()).isEqualTo(7);
    assertThat(store().countHistory("acled:MLI9201")).isEqualTo(1);
    assertThat(ingest("acled-revision-2.csv").unchanged()).isEqualTo(5);
  }
}
