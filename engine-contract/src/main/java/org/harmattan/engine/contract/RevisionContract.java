package org.harmattan.engine.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.harmattan.domain.event.ActorRole;
import org.harmattan.domain.event.Event;
import org.harmattan.domain.event.EventActor;
import org.harmattan.domain.event.EventFlag;
import org.harmattan.domain.event.Fatalities;
import org.harmattan.domain.event.Provenance;
import org.harmattan.domain.figure.Period;
import org.harmattan.domain.figure.SourceRef;
import org.harmattan.domain.humanitarian.AdminUnit;
import org.harmattan.domain.problem.Problem;
import org.harmattan.domain.problem.ProblemCode;
import org.harmattan.engine.Store;
import org.harmattan.engine.query.CountResult;
import org.harmattan.engine.query.Dimension;
import org.harmattan.engine.query.EventFilter;
import org.harmattan.engine.query.EventPage;
import org.harmattan.engine.query.NameCount;
import org.harmattan.engine.query.StoreStatus;
import org.harmattan.engine.write.FileRef;
import org.harmattan.engine.write.FileWrite;
import org.harmattan.engine.write.LineRange;
import org.harmattan.engine.write.ObservationRow;
import org.harmattan.engine.write.ObservationWrite;
import org.harmattan.engine.write.RejectedRow;
import org.harmattan.engine.write.Revisions;
import org.harmattan.engine.write.StagedEvent;
import org.harmattan.engine.write.WriteOutcome;
import org.harmattan.ingest.IngestReport;
import org.junit.jupiter.api.Test;

/**
 * The contract suite's cases on revisions with history, monadic merges, conflicting duplicates and
 * quarantine accounting.
 */
interface RevisionContract extends EngineCase {
  @Test
  default void aLaterTimestampReplacesAndAnOlderOneGoesToHistory() {
    IngestReport first = ingest("acled-revision-1.csv");
    IngestReport second = ingest("acled-revision-2.csv");

    assertThat(first.inserted()).isEqualTo(4);
    // 9201 later (updated); 9202 older, 9205 the same timestamp with other notes and a smaller
    // fingerprint (1880441839563427346 against 8825400182180322011), 9206 the same row
    // (unchanged); 9203 new; 9204 an impossible date.
    assertThat(second.rowsRead()).isEqualTo(6);
    assertThat(second.inserted()).isEqualTo(1);
    assertThat(second.updated()).isEqualTo(1);
    assertThat(second.unchanged()).isEqualTo(3);
    assertThat(second.merged()).isZero();
    assertThat(second.quarantined()).isEqualTo(1);

    Event revised = store().findEvent("acled:MLI9201").orElseThrow();
    assertThat(revised.fatalities()).isEqualTo(Fatalities.exactly(7));
    assertThat(revised.notes()).isEqualTo("Soldiers killed civilians; toll revised.");
    assertThat(revised.provenance().sourceTimestamp()).isEqualTo(Instant.ofEpochSecond(1748000000));
    assertThat(revised.provenance().dataset()).isEqualTo("acled-revision-2.csv");
    assertThat(revised.provenance().fileSha256()).isEqualTo(second.sha256());
    assertThat(revised.provenance().lineNumber()).isEqualTo(2);
    assertThat(store().findEvent("acled:MLI9202").orElseThrow().notes())
        .isEqualTo("Residents protested fuel shortages.");
    assertThat(store().findEvent("acled:MLI9205").orElseThrow().notes())
        .isEqualTo("Original report.");
    // The same content read from another file is the stored version: it keeps its provenance.
    assertThat(store().findEvent("acled:MLI9206").orElseThrow().provenance().dataset())
        .isEqualTo("acled-revision-1.csv");
    assertThat(store().findEvent("acled:MLI9203")).isPresent();
    // History holds every version read but the current one: 9201's first, 9202's older copy and
    // 9205's edit that lost; the same content read again (9206) is no other version.
    for (String id : List.of("acled:MLI9201", "acled:MLI9202", "acled:MLI9205")) {
      assertThat(store().countHistory(id)).as(id).isEqualTo(1);
    }
    for (String id : List.of("acled:MLI9203", "acled:MLI9206")) {
      assertThat(store().countHistory(id)).as(id).isZero();
    }
    StoreStatus status = store().status();
    assertThat(status.events()).isEqualTo(5);
    assertThat(status.history()).isEqualTo(3);
    assertThat(status.quarantined()).isEqualTo(1);
    assertThat(status.files()).isEqualTo(2);
    // A figure over these events cites the file each current version came from.
    CountResult may = count(EventFilter.of("MLI", new Period(LocalDate.of(2025, 5, 1), TODAY)));
    assertThat(may.sources())
        .containsExactly(
            new SourceRef("ACLED", "acled-revision-1.csv", first.sha256()),
            new SourceRef("ACLED", "acled-revision-2.csv", second.sha256()));
    assertThat(may.fatalities()).isEqualTo(7 + 0 + 2 + 2 + 5);
    RejectedRow bad = store().listQuarantine(10).get(0);
    assertThat(bad.lineNumber()).isEqualTo(5);
    assertThat(bad.problems()).extracting(Problem::code).contains("bad_date");
    assertThat(bad.raw()).isEqualTo(line(fixture("acled-revision-2.csv"), 5));
  }

  @Test
  default void aGdeltExportKeepsEveryRowsAccountWhereverItIsRead() throws IOException {
    // Engines that read files of one row per line in pieces apart (Spark's executors) must give
    // the numbers, history, quarantine and notes of a reading of the whole file.
    IngestReport first = ingest("gdelt2-export-1.tsv");
    IngestReport second = ingest("gdelt2-export-2.tsv");
    IngestReport again = ingest("gdelt2-export-1.tsv");

    // Lines 1 A, 2 blank, 3 B, 4 sixty columns, 5 root code 99, 6 B again (same row, CRLF), 7 and
    // 8 D twice with other places (line 8 added later wins), 9 E with a Windows-1252 byte.
    assertThat(
            List.of(
                first.rowsRead(),
                first.inserted(),
                first.updated(),
                first.unchanged(),
                first.merged(),
                first.quarantined()))
        .containsExactly(8L, 4L, 0L, 0L, 1L, 3L);
    assertThat(first.notes())
        .containsExactly("line 9 is not valid UTF-8; decoded as Windows-1252 (Latin-1)");
    // A revised (added later), B the same, D an older version (added before line 8's), F new.
    assertThat(
            List.of(
                second.rowsRead(),
                second.inserted(),
                second.updated(),
                second.unchanged(),
                second.merged(),
                second.quarantined()))
        .containsExactly(4L, 1L, 1L, 2L, 0L, 0L);
    // Read again: A's first version is older than the stored one (and in history already), the
    // rest unchanged; B merges and D's losing row and the two bad rows are quarantined again.
    assertThat(
            List.of(
                again.rowsRead(),
                again.inserted(),
                again.updated(),
                again.unchanged(),
                again.merged(),
                again.quarantined()))
        .containsExactly(8L, 0L, 0L, 4L, 1L, 3L);

    Event d = store().findEvent("gdelt:1200000004").orElseThrow();
    assertThat(d.location()).isEqualTo("Tessalit, Kidal, Mali");
    assertThat(d.provenance().lineNumber()).isEqualTo(8);
    assertThat(d.provenance().fileSha256()).isEqualTo(first.sha256());
    Event a = store().findEvent("gdelt:1200000001").orElseThrow();
    assertThat(a.sourceNames()).isEqualTo("https://example.org/a-revised");
    assertThat(a.provenance().dataset()).isEqualTo("gdelt2-export-2.tsv");
    assertThat(a.provenance().lineNumber()).isEqualTo(1);
    assertThat(a.provenance().sourceTimestamp()).isEqualTo(Instant.parse("2025-03-10T12:00:00Z"));
    Event e = store().findEvent("gdelt:1200000005").orElseThrow();
    assertThat(e.location()).isEqualTo("S\u00e9gou, S\u00e9gou, Mali");
    assertThat(e.provenance().lineNumber()).isEqualTo(9);
    assertThat(store().findEvent("gdelt:1200000003")).isEmpty();
    assertThat(store().countHistory("gdelt:1200000001")).isEqualTo(1);
    assertThat(store().countHistory("gdelt:1200000004")).isEqualTo(1);
    assertThat(store().countHistory("gdelt:1200000002")).isZero();
    StoreStatus status = store().status();
    assertThat(status.events()).isEqualTo(5);
    assertThat(status.history()).isEqualTo(2);
    assertThat(status.quarantined()).isEqualTo(3);
    assertThat(status.files()).isEqualTo(3);
    // Lines 4, 5 and 7 are ASCII; line 9 is not UTF-8, so the file is read as bytes here.
    List<String> lines =
        Files.readAllLines(fixture("gdelt2-export-1.tsv"), StandardCharsets.ISO_8859_1);
    assertThat(
            store().listQuarantine(10).stream()
                .sorted(Comparator.comparingLong(RejectedRow::lineNumber))
                .toList())
        .extracting(RejectedRow::lineNumber, r -> r.problems().get(0).code(), RejectedRow::raw)
        .containsExactly(
            tuple(4L, "wrong_column_count", lines.get(3)),
            tuple(5L, "unknown_event_type", lines.get(4)),
            tuple(7L, "duplicate_event_id", lines.get(6)));
  }

  @Test
  default void missingTimestampsFollowTheRules() {
    ingest("acled-timestamp-missing-1.csv");
    IngestReport second = ingest("acled-timestamp-missing-2.csv");

    // 9401: stored stamped, incoming unstamped (unchanged); 9402: stored unstamped, incoming
    // stamped (updated); 9403: neither stamped, the greater fingerprint stays: the first release's
    // 6992694063424985295 against the second's 5722251675026253696 (unchanged).
    assertThat(second.updated()).isEqualTo(1);
    assertThat(second.unchanged()).isEqualTo(2);
    Event stamped = store().findEvent("acled:MLI9401").orElseThrow();
    assertThat(stamped.notes()).isEqualTo("Stamped.");
    assertThat(stamped.provenance().sourceTimestamp()).isEqualTo(Instant.ofEpochSecond(1749000000));
    Event nowStamped = store().findEvent("acled:MLI9402").orElseThrow();
    assertThat(nowStamped.notes()).isEqualTo("Now stamped.");
    assertThat(nowStamped.provenance().sourceTimestamp())
        .isEqualTo(Instant.ofEpochSecond(1750000000));
    Event unstamped = store().findEvent("acled:MLI9403").orElseThrow();
    assertThat(unstamped.notes()).isEqualTo("First unstamped release.");
    assertThat(unstamped.fatalities().best()).isEqualTo(1);
    assertThat(unstamped.provenance().sourceTimestamp()).isNull();
    // The version that lost, each time, is in history.
    assertThat(store().countHistory("acled:MLI9401")).isEqualTo(1);
    assertThat(store().countHistory("acled:MLI9402")).isEqualTo(1);
    assertThat(store().countHistory("acled:MLI9403")).isEqualTo(1);
  }

  @Test
  default void aSourceWithoutTimestampsKeepsTheGreaterFingerprintInAnyOrder() throws IOException {
    // UCDP states no revision time. 990101's first release has the greater fingerprint
    // (7875216640203709727 against -1408750408331741559), so it stays whichever is read last.
    IngestReport first = ingest("ucdp-revision-1.csv");
    IngestReport second = ingest("ucdp-revision-2.csv");

    assertThat(first.inserted()).isEqualTo(1);
    assertThat(List.of(second.inserted(), second.updated(), second.unchanged()))
        .containsExactly(1L, 0L, 1L);
    assertThat(store().findEvent("ucdp:990101").orElseThrow().fatalities())
        .isEqualTo(new Fatalities(3, 3, 4));
    assertThat(store().countHistory("ucdp:990101")).isEqualTo(1);

    // Both files again, in either order, change nothing: no swap of versions on every pass.
    for (String f : List.of("ucdp-revision-2.csv", "ucdp-revision-1.csv", "ucdp-revision-2.csv")) {
      IngestReport again = ingest(f);
      assertThat(again.unchanged()).as(f).isEqualTo(again.rowsRead());
    }
    StoreStatus status = store().status();
    assertThat(List.of(status.events(), status.history())).containsExactly(2L, 1L);

    // Another store reading them the other way round holds the same versions and history.
    Path folder = dir().resolve("reversed");
    Files.createDirectories(folder);
    try (Store reversed = openAnother(folder)) {
      IngestReport r2 = ingestInto(reversed, "ucdp-revision-2.csv");
      IngestReport r1 = ingestInto(reversed, "ucdp-revision-1.csv");
      assertThat(List.of(r2.inserted(), r1.updated(), r1.unchanged())).containsExactly(2L, 1L, 0L);
      for (String id : List.of("ucdp:990101", "ucdp:990102")) {
        assertThat(reversed.findEvent(id).orElseThrow().fatalities())
            .as(id)
            .isEqualTo(store().findEvent(id).orElseThrow().fatalities());
        assertThat(reversed.countHistory(id)).as(id).isEqualTo(store().countHistory(id));
      }
      StoreStatus other = reversed.status();
      assertThat(List.of(other.events(), other.history())).containsExactly(2L, 1L);
    }
  }

  @Test
  default void monadicRowsOfOneEventMergeIntoOneEventWithEveryActor() {
    IngestReport r = ingest("acled-monadic.csv");

    // 9001 has two rows, 9002 three, 9003 one.
    assertThat(r.rowsRead()).isEqualTo(6);
    assertThat(r.inserted()).isEqualTo(3);
    assertThat(r.merged()).isEqualTo(3);
    assertThat(r.quarantined()).isZero();
    Event two = store().findEvent("acled:MLI9001").orElseThrow();
    // The second row names the same two actors the other way round, and Wagner with FAMa.
    assertThat(two.actors())
        .containsExactly(
            new EventActor(ActorRole.ACTOR_1, FAMA, 1),
            new EventActor(ActorRole.ASSOCIATED_1, WAGNER, null),
            new EventActor(ActorRole.ACTOR_2, JNIM, 2));
    assertThat(two.interaction()).isEqualTo(12);
    assertThat(two.provenance().lineNumber()).isEqualTo(2);
    Event three = store().findEvent("acled:MLI9002").orElseThrow();
    // Worked out in RevisionsTest: JNIM fills actor 2; Katiba Macina, Dan Na Ambassagou and the
    // Dozo join its side; Wagner joins FAMa's.
    assertThat(three.actors())
        .containsExactly(
            new EventActor(ActorRole.ACTOR_1, FAMA, 1),
            new EventActor(ActorRole.ASSOCIATED_1, WAGNER, null),
            new EventActor(ActorRole.ACTOR_2, JNIM, 2),
            new EventActor(ActorRole.ASSOCIATED_2, "Katiba Macina", null),
            new EventActor(ActorRole.ASSOCIATED_2, "Dan Na Ambassagou", null),
            new EventActor(ActorRole.ASSOCIATED_2, "Dozo Militia", null));
    assertThat(three.interaction()).isEqualTo(10);
    assertThat(three.provenance().lineNumber()).isEqualTo(4);
    assertThat(three.fatalities().best()).isEqualTo(9);
    assertThat(store().status().events()).isEqualTo(3);

    EventFilter march = EventFilter.of("MLI", new Period(LocalDate.of(2025, 3, 1), TODAY));
    assertThat(count(march.withAnyActorNames(Set.of("Dozo Militia"))).eventIds())
        .containsExactly("acled:MLI9002");
    assertThat(groups(count(march, Dimension.ACTOR2)))
        .containsExactly(group(key(JNIM), 2, 13), group(key(CIVILIANS), 1, 2));
    assertThat(analytics().listActorNames(march))
        .extracting(NameCount::name, NameCount::events)
        .startsWith(tuple(JNIM, 2L), tuple(FAMA, 2L), tuple(WAGNER, 2L));

    IngestReport again = ingest("acled-monadic.csv");
    assertThat(again.inserted()).isZero();
    assertThat(again.unchanged()).isEqualTo(3);
    assertThat(again.merged()).isEqualTo(3);
    assertThat(store().status().history()).isZero();
  }

  @Test
  default void conflictingRowsOfOneIdKeepOneVersionAndQuarantineTheOthersWithTheirRawText() {
    IngestReport r = ingest("acled-duplicate-ids.csv");
    Path file = fixture("acled-duplicate-ids.csv");

    assertThat(r.rowsRead()).isEqualTo(10);
    assertThat(r.inserted()).isEqualTo(5);
    assertThat(r.merged()).isZero();
    assertThat(r.quarantined()).isEqualTo(5);
    // 9101: the later timestamp on the earlier line; 9102: equal timestamps, the last row; 9103:
    // a timestamp beats none; 9104: the last of the two latest, over a two-line row and an older.
    assertThat(store().findEvent("acled:MLI9101").orElseThrow())
        .extracting(e -> e.notes(), e -> e.fatalities().best(), e -> e.provenance().lineNumber())
        .containsExactly("Revised report.", 5, 2L);
    assertThat(store().findEvent("acled:MLI9102").orElseThrow().provenance().lineNumber())
        .isEqualTo(5);
    assertThat(store().findEvent("acled:MLI9103").orElseThrow().notes()).isEqualTo("Stamped.");
    assertThat(store().findEvent("acled:MLI9104").orElseThrow())
        .extracting(e -> e.notes(), e -> e.provenance().lineNumber())
        .containsExactly("Second version.", 10L);
    assertThat(store().findEvent("acled:MLI9105")).isPresent();

    List<RejectedRow> q = store().listQuarantine(10);
    assertThat(q)
        .extracting(RejectedRow::lineNumber, row -> row.problems().get(0))
        .containsExactly(
            tuple(3L, Revisions.conflict("MLI9101", 2)),
            tuple(4L, Revisions.conflict("MLI9102", 5)),
            tuple(7L, Revisions.conflict("MLI9103", 6)),
            tuple(8L, Revisions.conflict("MLI9104", 10)),
            tuple(11L, Revisions.conflict("MLI9104", 10)));
    assertThat(q)
        .allSatisfy(
            row -> {
              assertThat(row.dataset()).isEqualTo("acled-duplicate-ids.csv");
              assertThat(row.path()).isEqualTo(file.toString());
              assertThat(row.fileSha256()).isEqualTo(r.sha256());
              assertThat(row.problems()).hasSize(1);
            });
    assertThat(q.get(0).raw()).isEqualTo(line(file, 3));
    assertThat(q.get(0).raw()).contains("First report.");
    // A quoted note over two lines: the record's two lines, joined with a newline.
    assertThat(q.get(3).raw()).isEqualTo(line(file, 8) + "\n" + line(file, 9));
    assertThat(q.get(4).raw()).isEqualTo(line(file, 11));
    assertThat(q.get(0).message()).startsWith("acled-duplicate-ids.csv line 3, column event_id:");
    assertThat(store().listQuarantine(2)).isEqualTo(q.subList(0, 2));
    assertThat(store().status().quarantined()).isEqualTo(5);
  }

  @Test
  default void everyRowReadIsInsertedUpdatedUnchangedMergedOrQuarantined() {
    ingest("acled-revision-1.csv");
    IngestReport r = ingest("acled-every-outcome.csv");
    Path file = fixture("acled-every-outcome.csv");

    // 9201 revised, 9202 the same row again, 9601 two monadic rows, 9602 two conflicting rows,
    // 9603 a latitude off the globe.
    assertThat(r.rowsRead()).isEqualTo(7);
    assertThat(List.of(r.inserted(), r.updated(), r.unchanged(), r.merged(), r.quarantined()))
        .containsExactly(2L, 1L, 1L, 1L, 2L);
    StoreStatus status = store().status();
    assertThat(status.events()).isEqualTo(4 + 2);
    assertThat(status.history()).isEqualTo(1);
    assertThat(status.quarantined()).isEqualTo(2);
    List<RejectedRow> q = store().listQuarantine(10);
    assertThat(q).extracting(RejectedRow::lineNumber).containsExactly(6L, 8L);
    assertThat(q.get(0).problems()).containsExactly(Revisions.conflict("MLI9602", 7));
    assertThat(q.get(0).raw()).isEqualTo(line(file, 6));
    assertThat(q.get(1).problems()).extracting(Problem::code).contains("coordinates_out_of_range");
    assertThat(q.get(1).raw()).isEqualTo(line(file, 8) + "\n" + line(file, 9));
  }

  @Test
  default void ingestingTheSameFilesAgainChangesNothing() {
    List<String> files =
        List.of(
            "acled-revision-1.csv",
            "acled-revision-2.csv",
            "acled-monadic.csv",
            "acled-duplicate-ids.csv",
            "acled-every-outcome.csv");
    for (String f : files) {
      ingest(f);
    }
    StoreStatus before = store().status();
    List<RejectedRow> quarantine = store().listQuarantine(100);
    EventFilter everything = EventFilter.of(null, new Period(LocalDate.of(2000, 1, 1), TODAY));
    CountResult counted = count(everything, Dimension.DAY);
    Map<String, Event> events = new TreeMap<>();
    for (String id : counted.eventIds()) {
      events.put(id, store().findEvent(id).orElseThrow());
    }

    List<List<Long>> outcomes = new ArrayList<>();
    for (String f : files) {
      IngestReport r = ingest(f);
      outcomes.add(List.of(r.inserted(), r.updated(), r.unchanged(), r.merged(), r.quarantined()));
    }

    // Each id once unchanged; monadic rows merged and bad rows quarantined as the first time.
    assertThat(outcomes)
        .containsExactly(
            List.of(0L, 0L, 4L, 0L, 0L),
            List.of(0L, 0L, 5L, 0L, 1L),
            List.of(0L, 0L, 3L, 3L, 0L),
            List.of(0L, 0L, 5L, 0L, 5L),
            List.of(0L, 0L, 4L, 1L, 2L));
    StoreStatus after = store().status();
    assertThat(after.events()).isEqualTo(before.events()).isEqualTo(15);
    // 9201's first version; 9202's older copy and 9205's losing edit, read after the current.
    assertThat(after.history()).isEqualTo(before.history()).isEqualTo(3);
    assertThat(after.quarantined()).isEqualTo(before.quarantined()).isEqualTo(8);
    assertThat(after.files()).isEqualTo(before.files() + files.size());
    assertThat(store().listQuarantine(100)).isEqualTo(quarantine);
    assertThat(count(everything, Dimension.DAY)).isEqualTo(counted);
    for (Map.Entry<String, Event> e : events.entrySet()) {
      assertThat(store().findEvent(e.getKey())).contains(e.getValue());
    }
  }

  @Test
  default void aWriteClosedWithoutCommitLeavesTheStoreAsItWas() {
    ingest("acled-revision-1.csv");
    StoreStatus before = store().status();
    Event stored = store().findEvent("acled:MLI9201").orElseThrow();
    String sha = "ab".repeat(32);
    Event fresh = handMade("MLI9901", 2, Instant.ofEpochSecond(1749000000), sha, 2);
    Event newer =
        stored.toBuilder()
            .fatalities(Fatalities.exactly(40))
            .provenance(
                new Provenance(
                    "hand-made.csv", sha, 3, Instant.ofEpochSecond(1760000000), Instant.now()))
            .build();

    try (FileWrite w = store().events().begin(new FileRef("hand-made.csv", "hand-made.csv", sha))) {
      w.accepted(StagedEvent.of(fresh), new LineRange(2, 2));
      w.accepted(StagedEvent.of(newer), new LineRange(3, 3));
      w.rejected(
          new RejectedRow(
              "hand-made.csv",
              "hand-made.csv",
              sha,
              4,
              List.of(Problem.ofRow(ProblemCode.BAD_DATE, "a bad row")),
              "MLI9902,bad"));
      // Nothing is visible before the commit either.
      assertThat(store().findEvent("acled:MLI9901")).isEmpty();
      assertThat(store().status()).isEqualTo(before);
    }

    assertThat(store().status()).isEqualTo(before);
    assertThat(store().findEvent("acled:MLI9901")).isEmpty();
    assertThat(store().findEvent("acled:MLI9201")).contains(stored);
    assertThat(store().countHistory("acled:MLI9201")).isZero();
    assertThat(store().listQuarantine(10)).isEmpty();

    // The store takes the next write as usual.
    WriteOutcome o;
    try (FileWrite w = store().events().begin(new FileRef("hand-made.csv", "hand-made.csv", sha))) {
      w.accepted(StagedEvent.of(fresh), new LineRange(2, 2));
      o = w.commit("acled", 1, ranges -> Map.of());
    }
    assertThat(o).isEqualTo(new WriteOutcome(1, 0, 0, 0, 0));
    assertThat(store().findEvent("acled:MLI9901")).isPresent();
    assertThat(store().status().files()).isEqualTo(before.files() + 1);

    if (supports(EngineBehavior.SUPPORTS_HUMANITARIAN)) {
      StoreStatus beforeObservations = store().status();
      try (ObservationWrite w =
          store().humanitarian().begin(new FileRef("dtm.csv", "dtm.csv", "cd".repeat(32)))) {
        w.accepted(
            new ObservationRow(
                List.of(), List.of(new AdminUnit("MLI", 1, "ML05", "Mopti", "MLI", null, 3))));
      }
      assertThat(store().status()).isEqualTo(beforeObservations);
      assertThat(store().humanitarian().listAdminUnits()).isEmpty();
    }
  }

  @Test
  default void anEventsFlagsComeBackThroughTheReadPortAndAReadingOfTheSameContentRenewsThem() {
    // MLI9951 gives Mopti's point with latitude and longitude swapped (4.18 S, 14.48 E, far south
    // of Mali), flagged as ingest flags it, the point kept as given; MLI9952 gives the right point.
    Instant stamped = Instant.ofEpochSecond(1749000000);
    String first = "f1".repeat(32);
    Event swapped =
        handMade("MLI9951", 2, stamped, first, 2).toBuilder()
            .point(MOPTI_LON, MOPTI_LAT)
            .flag(EventFlag.POINT_OUTSIDE_COUNTRY)
            .build();
    Event right = handMade("MLI9952", 3, stamped, first, 3);
    EventFilter day =
        EventFilter.of("MLI", new Period(LocalDate.of(2025, 6, 1), LocalDate.of(2025, 6, 1)));

    assertThat(writeFile(first, List.of(swapped, right)))
        .isEqualTo(new WriteOutcome(2, 0, 0, 0, 0));

    Event stored = store().findEvent("acled:MLI9951").orElseThrow();
    assertThat(stored.flags()).containsExactly(EventFlag.POINT_OUTSIDE_COUNTRY);
    assertThat(stored.latitude()).isEqualTo(MOPTI_LON);
    assertThat(stored.longitude()).isEqualTo(MOPTI_LAT);
    assertThat(store().findEvent("acled:MLI9952").orElseThrow().flags()).isEmpty();
    EventPage page = listEvents(day, BY_ID);
    assertThat(page.events())
        .extracting(Event::id, Event::flags)
        .containsExactly(
            tuple("acled:MLI9951", Set.of(EventFlag.POINT_OUTSIDE_COUNTRY)),
            tuple("acled:MLI9952", Set.of()));
    // A flag is no filter: the flagged event is counted as every other.
    assertThat(count(day).events()).isEqualTo(2);

    // The same rows read again from another file are unchanged (flags are derived from the point
    // and take no part in the fingerprint), and the stored version stays as it was.
    String second = "f2".repeat(32);
    List<Event> flagged = new ArrayList<>();
    List<Event> unflagged = new ArrayList<>();
    for (Event e : List.of(swapped, right)) {
      Event read =
          e.toBuilder()
              .provenance(
                  new Provenance(
                      "hand-made.csv", second, e.provenance().lineNumber(), stamped, Instant.now()))
              .build();
      flagged.add(read);
      unflagged.add(read.toBuilder().flags(Set.of()).build());
    }
    assertThat(writeFile(second, flagged)).isEqualTo(new WriteOutcome(0, 0, 2, 0, 0));
    assertThat(store().findEvent("acled:MLI9951").orElseThrow()).isEqualTo(stored);
    // Read without its flag (an ingest without country boxes), the same content is still
    // unchanged but carries the flags of that reading: none. Read with it, it has it again. So a
    // store made before a flag existed gets it by reading its files again.
    assertThat(writeFile(second, unflagged)).isEqualTo(new WriteOutcome(0, 0, 2, 0, 0));
    assertThat(listEvents(day, BY_ID).events()).extracting(Event::flags).containsOnly(Set.of());
    assertThat(store().findEvent("acled:MLI9951").orElseThrow())
        .isEqualTo(stored.toBuilder().flags(Set.of()).build());
    assertThat(writeFile(second, flagged)).isEqualTo(new WriteOutcome(0, 0, 2, 0, 0));
    assertThat(store().findEvent("acled:MLI9951").orElseThrow()).isEqualTo(stored);
    assertThat(store().countHistory("acled:MLI9951")).isZero();
    assertThat(store().countHistory("acled:MLI9952")).isZero();
    assertThat(listEvents(day, BY_ID).events())
        .extracting(Event::flags)
        .containsExactly(Set.of(EventFlag.POINT_OUTSIDE_COUNTRY), Set.of());
  }

  /**
   * Writes hand-made events as the file {@code sha}, one line each, and what the store made of it.
   */
  private WriteOutcome writeFile(String sha, List<Event> events) {
    try (FileWrite w = store().events().begin(new FileRef("hand-made.csv", "hand-made.csv", sha))) {
      for (Event e : events) {
        long line = e.provenance().lineNumber();
        w.accepted(StagedEvent.of(e), new LineRange(line, line));
      }
      return w.commit("acled", events.size(), ranges -> Map.of());
    }
  }
}
