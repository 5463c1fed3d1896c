package org.harmattan.engine.duckdb;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.harmattan.domain.event.ActorRole;
import org.harmattan.domain.event.Event;
import org.harmattan.domain.event.EventActor;
import org.harmattan.engine.query.StoreStatus;
import org.harmattan.engine.write.RejectedRow;
import org.harmattan.ingest.EventIngest;
import org.harmattan.ingest.IngestReport;
import org.harmattan.ingest.SourceFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DuckDbStoreTest {
  private static final LocalDate TODAY = LocalDate.of(2026, 11, 26);

  @TempDir Path dir;

  private static Path fixture(String name) throws URISyntaxException {
    return Path.of(DuckDbStoreTest.class.getResource("/fixtures/" + name).toURI());
  }

  private static IngestReport ingest(DuckDbStore store, String fixture) throws Exception {
    return new EventIngest(TODAY)
        .ingest(SourceFile.inspect(fixture(fixture)), Optional.empty(), store.events(), b -> {});
  }

  @Test
  void monadicRowsOfOneEventMergeIntoOneEventWithAllActors() throws Exception {
    try (DuckDbStore store = DuckDbStore.open(dir.resolve("s.duckdb"))) {
      IngestReport r = ingest(store, "acled-monadic.csv");

      assertThat(r.rowsRead()).isEqualTo(3);
      assertThat(r.inserted()).isEqualTo(2);
      assertThat(r.merged()).isEqualTo(1);
      assertThat(r.quarantined()).isZero();
      Event e = store.findEvent("acled:MLI9001").orElseThrow();
      assertThat(e.actors())
          .extracting(EventActor::role, EventActor::name)
          .containsExactlyInAnyOrder(
              org.assertj.core.groups.Tuple.tuple(
                  ActorRole.ACTOR_1, "Military Forces of Mali (2021-)"),
              org.assertj.core.groups.Tuple.tuple(ActorRole.ASSOCIATED_1, "Wagner Group"),
              org.assertj.core.groups.Tuple.tuple(
                  ActorRole.ACTOR_2, "JNIM: Group for Support of Islam and Muslims"));
      assertThat(e.provenance().lineNumber()).isEqualTo(2);
      assertThat(store.status().events()).isEqualTo(2);
    }
  }

  @Test
  void conflictingRowsWithOneIdKeepTheLatestVersionAndQuarantineTheOther() throws Exception {
    try (DuckDbStore store = DuckDbStore.open(dir.resolve("s.duckdb"))) {
      IngestReport r = ingest(store, "acled-duplicate-ids.csv");

      assertThat(r.rowsRead()).isEqualTo(3);
      assertThat(r.inserted()).isEqualTo(2);
      assertThat(r.quarantined()).isEqualTo(1);
      assertThat(store.findEvent("acled:MLI9101").orElseThrow().fatalities().best()).isEqualTo(5);
      List<RejectedRow> q = store.listQuarantine(10);
      assertThat(q).hasSize(1);
      assertThat(q.get(0).lineNumber()).isEqualTo(2);
      assertThat(q.get(0).problems().get(0).code()).isEqualTo("duplicate_event_id");
      assertThat(q.get(0).problems().get(0).message()).contains("MLI9101", "line 4");
      assertThat(q.get(0).raw()).startsWith("MLI9101,2025-04-01").contains("First report.");
    }
  }

  @Test
  void aLaterTimestampReplacesTheEventAndKeepsTheOldVersionInHistory() throws Exception {
    try (DuckDbStore store = DuckDbStore.open(dir.resolve("s.duckdb"))) {
      IngestReport first = ingest(store, "acled-revision-1.csv");
      IngestReport second = ingest(store, "acled-revision-2.csv");

      assertThat(first.inserted()).isEqualTo(2);
      assertThat(second.rowsRead()).isEqualTo(4);
      assertThat(second.updated()).isEqualTo(1);
      assertThat(second.unchanged()).isEqualTo(1);
      assertThat(second.inserted()).isEqualTo(1);
      assertThat(second.quarantined()).isEqualTo(1);
      assertThat(store.findEvent("acled:MLI9201").orElseThrow().fatalities().best()).isEqualTo(7);
      assertThat(store.findEvent("acled:MLI9202").orElseThrow().notes())
          .isEqualTo("Residents protested fuel shortages.");
      assertThat(store.countHistory("acled:MLI9201")).isEqualTo(1);
      // 9202's older copy, read after the stored version, is history too.
      assertThat(store.countHistory("acled:MLI9202")).isEqualTo(1);
      RejectedRow bad = store.listQuarantine(10).get(0);
      assertThat(bad.lineNumber()).isEqualTo(5);
      assertThat(bad.problems()).extracting(p -> p.code()).contains("bad_date");
      assertThat(bad.raw()).startsWith("MLI9204,2025-13-12");
    }
  }

  @Test
  void reIngestingAFileChangesNothing() throws Exception {
    Path db = dir.resolve("s.duckdb");
    try (DuckDbStore store = DuckDbStore.open(db)) {
      ingest(store, "acled-revision-1.csv");
      ingest(store, "acled-revision-2.csv");
    }
    try (DuckDbStore store = DuckDbStore.open(db)) {
      StoreStatus before = store.status();
      IngestReport again = ingest(store, "acled-revision-2.csv");

      assertThat(again.unchanged()).isEqualTo(3);
      assertThat(again.quarantined()).isEqualTo(1);
      StoreStatus after = store.status();
      assertThat(after.events()).isEqualTo(before.events());
      assertThat(after.history()).isEqualTo(before.history());
      assertThat(after.quarantined()).isEqualTo(before.quarantined());
    }
  }
}
