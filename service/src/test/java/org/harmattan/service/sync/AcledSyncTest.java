package org.harmattan.service.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.harmattan.domain.event.Event;
import org.harmattan.domain.event.SourceSystem;
import org.harmattan.domain.figure.Period;
import org.harmattan.engine.Store;
import org.harmattan.engine.query.CountQuery;
import org.harmattan.engine.query.CountResult;
import org.harmattan.engine.query.EventFilter;
import org.harmattan.ingest.acled.api.AcledApiClient;
import org.harmattan.ingest.acled.api.AcledCredentials;
import org.harmattan.service.StoreWork;
import org.harmattan.service.Stores;
import org.harmattan.service.ingest.FileOutcome;
import org.harmattan.testsupport.acled.FakeAcledApi;
import org.harmattan.testsupport.acled.FakeAcledApi.Received;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A sync of ACLED's live API, played in-process, into a real store: a full first read, then only
 * what changed, a revision and a withdrawal that change the counts, and a sync that changes nothing
 * when nothing changed.
 */
class AcledSyncTest {
  private static final Instant NOW = Instant.parse("2022-06-01T12:00:00Z");
  private static final LocalDate FROM = LocalDate.of(2022, 1, 1);

  @TempDir Path dir;

  private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);

  private AcledApiClient client(URI base) {
    return new AcledApiClient(
        base,
        AcledCredentials.of(FakeAcledApi.USERNAME, FakeAcledApi.PASSWORD, "the test's account"),
        AcledApiClient.Settings.defaults(),
        clock,
        d -> {});
  }

  private static JsonNode row(String id) {
    return FakeAcledApi.rows("events-mali-2022-05.json").stream()
        .filter(r -> r.path("event_id_cnty").asText().equals(id))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void readsOnlyWhatChangedAndAWithdrawalLeavesTheView() throws Exception {
    try (FakeAcledApi api = new FakeAcledApi(clock);
        Store store = Stores.open(dir.resolve("store.duckdb"))) {
      AcledApiClient client = client(api.base());
      StoreWork work = StoreWork.of(store);
      Path folder = dir.resolve("acled-sync");

      // 1. Nothing held: every Mali event from FROM (six of the fixture's seven; one is Burkina
      // Faso's), and the six withdrawals the deleted endpoint lists, none of an event held.
      AcledSync.Report first = AcledSync.sync(work, client, List.of("MLI"), FROM, folder, clock);

      assertThat(first.countries().get(0).changedAfter()).isEmpty();
      assertThat(first.countries().get(0).read().rows()).isEqualTo(6);
      assertThat(events(first)).isEqualTo(List.of(6L, 0L, 0L));
      assertThat(first.deletionsSince()).isEqualTo(Instant.EPOCH);
      assertThat(first.deletionsRead()).isEqualTo(6);
      assertThat(first.withdrawals().notHeld()).isEqualTo(6);
      assertThat(first.withdrawals().withdrawn()).isZero();
      assertThat(mali(store)).isEqualTo(new long[] {6, 1 + 2 + 0 + 4 + 0 + 0});

      // 2. ACLED revises MLI9105 (4 deaths -> 9), publishes MLI9108 and withdraws MLI9106.
      ObjectNode revised = row("MLI9105").deepCopy();
      revised.put("fatalities", 9);
      revised.put("timestamp", "1653000000");
      api.putEvent(revised);
      ObjectNode added = row("MLI9107").deepCopy();
      added.put("event_id_cnty", "MLI9108");
      added.put("event_date", "2022-05-25");
      added.put("fatalities", 3);
      added.put("timestamp", "1653050000");
      api.putEvent(added);
      api.delete("MLI9106", Instant.ofEpochSecond(1653100000));

      AcledSync.Report second = AcledSync.sync(work, client, List.of("MLI"), FROM, folder, clock);

      // Asked from the store's latest change (MLI9107's 1652600000) less a day.
      Instant resume = Instant.ofEpochSecond(1652600000).minus(Duration.ofDays(1));
      assertThat(second.countries().get(0).changedAfter()).contains(resume);
      List<Received> reads = api.received("/api/acled/read");
      assertThat(reads.get(reads.size() - 1).get("timestamp"))
          .isEqualTo(Long.toString(resume.getEpochSecond()));
      // MLI9107 again (unchanged), the revision and the new event.
      assertThat(second.countries().get(0).read().rows()).isEqualTo(3);
      assertThat(events(second)).isEqualTo(List.of(1L, 1L, 1L));
      // From the latest withdrawal on record (MLI8806's 1650400000) less a day: MLI8806 again and
      // MLI9106.
      assertThat(second.deletionsSince())
          .isEqualTo(Instant.ofEpochSecond(1650400000).minus(Duration.ofDays(1)));
      assertThat(second.deletionsRead()).isEqualTo(2);
      assertThat(second.withdrawals().withdrawn()).isEqualTo(1);
      assertThat(second.withdrawals().alreadyWithdrawn()).isEqualTo(1);
      // 6 + 1 new - 1 withdrawn; deaths 7 - 4 + 9 + 3 - 0 (MLI9106 had none).
      assertThat(mali(store)).isEqualTo(new long[] {6, 7 - 4 + 9 + 3});
      assertThat(store.findEvent(Event.idFor(SourceSystem.ACLED, "MLI9106"))).isEmpty();
      assertThat(store.countHistory(Event.idFor(SourceSystem.ACLED, "MLI9106"))).isEqualTo(1);
      assertThat(store.findEvent(Event.idFor(SourceSystem.ACLED, "MLI9105")).orElseThrow())
          .extracting(e -> e.fatalities().best())
          .isEqualTo(9);

      // 3. Nothing changed at ACLED: the rows read again change nothing.
      AcledSync.Report third = AcledSync.sync(work, client, List.of("MLI"), FROM, folder, clock);

      assertThat(events(third).subList(0, 2)).isEqualTo(List.of(0L, 0L));
      assertThat(third.withdrawals().withdrawn()).isZero();
      assertThat(mali(store)).isEqualTo(new long[] {6, 15});
    }
  }

  /** Inserted, updated, unchanged of the report's one country. */
  private static List<Long> events(AcledSync.Report r) {
    FileOutcome.Events e = (FileOutcome.Events) r.countries().get(0).ingest().orElseThrow();
    return List.of(e.report().inserted(), e.report().updated(), e.report().unchanged());
  }

  /** Mali's events and deaths in the store, all dates. */
  private static long[] mali(Store store) {
    CountResult r =
        store
            .analytics()
            .count(
                CountQuery.total(
                    EventFilter.of(
                        "MLI", new Period(LocalDate.of(2020, 1, 1), LocalDate.of(2022, 12, 31)))));
    return new long[] {r.events(), r.fatalities()};
  }
}
