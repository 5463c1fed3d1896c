package org.harmattan.engine.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import org.harmattan.domain.event.Event;
import org.harmattan.domain.event.EventType;
import org.harmattan.domain.event.SourceSystem;
import org.harmattan.domain.figure.Period;
import org.harmattan.domain.figure.SourceRef;
import org.harmattan.engine.query.Coverage;
import org.harmattan.engine.query.EventFilter;
import org.harmattan.engine.query.EventPoint;
import org.harmattan.engine.query.NameCount;
import org.harmattan.engine.write.StagedEvent;
import org.harmattan.ingest.IngestReport;
import org.junit.jupiter.api.Test;

/** The contract suite's cases on coverage, event points and their groups, and actor names. */
interface PointContract extends EngineCase {
  @Test
  default void coverageIgnoresThePeriodButNotTheOtherRestrictions() {
    QueryMix mix = loadQueryMix();
    EventFilter elsewhen = MALI_Q1.withPeriod(new Period(LocalDate.of(2026, 1, 1), TODAY));

    Coverage all = analytics().coverage(elsewhen);
    Coverage ucdp = analytics().coverage(elsewhen.withSources(Set.of(SourceSystem.UCDP)));
    Coverage riots = analytics().coverage(elsewhen.withEventTypes(Set.of(EventType.RIOTS)));
    Coverage niger = analytics().coverage(EventFilter.of("NER", Q1_2025));

    // Nine ACLED events in Mali (9308 on 31 December 2024 the first), UCDP's and GDELT's.
    assertThat(all.first()).isEqualTo(LocalDate.of(2024, 12, 31));
    assertThat(all.last()).isEqualTo(LocalDate.of(2025, 3, 31));
    assertThat(all.events()).isEqualTo(12);
    assertThat(mix.accessedOn(all.accessed())).isTrue();
    assertThat(all.covers(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 3, 31))).isTrue();
    assertThat(all.covers(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 4, 1))).isFalse();
    assertThat(ucdp)
        .isEqualTo(
            new Coverage(LocalDate.of(2025, 2, 10), LocalDate.of(2025, 2, 10), 1, ucdp.accessed()));
    assertThat(mix.accessedOn(ucdp.accessed())).isTrue();
    assertThat(riots.first()).isEqualTo(LocalDate.of(2025, 3, 31));
    assertThat(riots.events()).isEqualTo(1);
    assertThat(niger).isEqualTo(new Coverage(null, null, 0, null));
    assertThat(niger.covers(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 1, 2))).isFalse();
  }

  @Test
  default void eventPointsAreTheLocatedEventsOldestFirstThenById() {
    QueryMix mix = loadQueryMix();

    List<EventPoint> points = analytics().listEventPoints(MALI_Q1);

    // GDELT 2 has no point; 9303 and 9304 share a day.
    assertThat(points)
        .extracting(EventPoint::id)
        .containsExactly(
            "acled:MLI9301",
            "acled:MLI9302",
            "acled:MLI9303",
            "acled:MLI9304",
            "ucdp:990001",
            "gdelt:1100000001",
            "acled:MLI9305",
            "acled:MLI9306",
            "acled:MLI9307",
            "acled:MLI9310");
    EventPoint gao = points.get(3);
    assertThat(gao)
        .isEqualTo(
            new EventPoint(
                "acled:MLI9304",
                LocalDate.of(2025, 2, 3),
                EventType.BATTLES,
                "Armed clash",
                16.2717,
                -0.0447,
                // Actor 1, actor 2, then the associates.
                List.of(ISSP, FAMA, WAGNER),
                10,
                "Gao",
                null,
                mix.acled(),
                gao.accessed()));
    assertThat(mix.accessedOn(gao.accessed())).isTrue();
    assertThat(points.get(0).actorNames()).containsExactly(FAMA, JNIM, WAGNER);
    EventPoint ucdp = points.get(4);
    assertThat(ucdp.actorNames()).containsExactly("Government of Mali", "JNIM");
    assertThat(ucdp.subEventType()).isNull();
    assertThat(ucdp.location()).isEqualTo("Mopti town");
    assertThat(ucdp.fatalities()).isEqualTo(7);
    assertThat(ucdp.source()).isEqualTo(mix.ucdp());
    EventPoint gdelt = points.get(5);
    assertThat(gdelt.actorNames()).containsExactly("MALI", "INSURGENT");
    assertThat(gdelt.latitude()).isEqualTo(14.4843);
    assertThat(gdelt.longitude()).isEqualTo(-4.1827);
    assertThat(gdelt.source()).isEqualTo(mix.gdelt());
    assertThat(points).extracting(EventPoint::notes).containsOnlyNulls();
    assertThat(analytics().listEventPoints(MALI_Q1, false)).isEqualTo(points);
  }

  @Test
  default void aPointCitesTheFileItsVersionCameFromNotALaterCopyOfTheSameBytes()
      throws IOException {
    ingest("ucdp-revision-2.csv");
    // UCDP states no revision time: 990101's first release has the greater fingerprint and
    // replaces the second.
    IngestReport first = ingest("ucdp-revision-1.csv");
    assertThat(first.updated()).isEqualTo(1);
    Path copy = dir().resolve("fixtures").resolve("ucdp-revision-2-copy.csv");
    Files.copy(fixture("ucdp-revision-2.csv"), copy);

    IngestReport again = ingestFile(copy, new Recorded());

    // The copy's bytes are the second file's: 990101's older version and 990102's stored one are
    // unchanged, and 990102 keeps citing the name it was first read under.
    assertThat(List.of(again.updated(), again.unchanged())).containsExactly(0L, 2L);
    Period april = new Period(LocalDate.of(2025, 4, 1), LocalDate.of(2025, 4, 30));
    String sha = again.sha256();
    assertThat(analytics().listEventPoints(EventFilter.of("MLI", april)))
        .extracting(EventPoint::id, EventPoint::source)
        .containsExactly(
            tuple("ucdp:990101", new SourceRef("UCDP", "ucdp-revision-1.csv", first.sha256())),
            tuple("ucdp:990102", new SourceRef("UCDP", "ucdp-revision-2.csv", sha)));
    assertThat(count(EventFilter.of("MLI", april)).sources())
        .containsExactly(
            new SourceRef("UCDP", "ucdp-revision-1.csv", first.sha256()),
            new SourceRef("UCDP", "ucdp-revision-2.csv", sha));
  }

  @Test
  default void eventPointsCarryTheirNotesWhenAsked() {
    loadQueryMix();
    if (!supports(EngineBehavior.SUPPORTS_EVENT_NOTES)) {
      assertUnsupported(() -> analytics().listEventPoints(MALI_Q1, true));
      return;
    }

    List<EventPoint> points = analytics().listEventPoints(MALI_Q1, true);

    assertThat(points)
        .extracting(EventPoint::id, EventPoint::notes)
        .contains(
            tuple("acled:MLI9304", "Clash near Gao."),
            tuple("ucdp:990001", "Accrochage pres de Mopti"),
            tuple("gdelt:1100000001", null));
    List<EventPoint> without = analytics().listEventPoints(MALI_Q1);
    for (int i = 0; i < points.size(); i++) {
      EventPoint p = points.get(i);
      assertThat(without.get(i))
          .isEqualTo(
              new EventPoint(
                  p.id(),
                  p.date(),
                  p.eventType(),
                  p.subEventType(),
                  p.latitude(),
                  p.longitude(),
                  p.actorNames(),
                  p.fatalities(),
                  p.location(),
                  null,
                  p.source(),
                  p.accessed()));
    }
  }

  @Test
  default void actorNamesAreCountedOncePerEventMostFrequentFirst() {
    loadQueryMix();

    List<NameCount> all = analytics().listActorNames(MALI_Q1);
    List<NameCount> withWagner =
        analytics().listActorNames(MALI_Q1.withAnyActorNames(Set.of(WAGNER)));

    // Civilians: 9302, 9305, 9307, 9310; JNIM: 9301, 9302, 9303, 9307; FAMa: 9301, 9303, 9304,
    // 9305; Wagner: 9301, 9304, 9305; GDELT's MALI: both GDELT events; the rest once.
    assertThat(all)
        .containsExactly(
            new NameCount(CIVILIANS, 4),
            new NameCount(JNIM, 4),
            new NameCount(FAMA, 4),
            new NameCount(WAGNER, 3),
            new NameCount("MALI", 2),
            new NameCount("Government of Mali", 1),
            new NameCount("INSURGENT", 1),
            new NameCount(ISSP, 1),
            new NameCount("JNIM", 1),
            new NameCount("Protesters (Mali)", 1),
            new NameCount("Rioters (Mali)", 1));
    assertThat(withWagner)
        .containsExactly(
            new NameCount(FAMA, 3),
            new NameCount(WAGNER, 3),
            new NameCount(CIVILIANS, 1),
            new NameCount(ISSP, 1),
            new NameCount(JNIM, 1));
  }

  @Test
  default void eventsComeBackAsIngestRead() {
    Recorded recorded = new Recorded();
    for (String name : List.of(QUERY_ACLED, QUERY_UCDP, QUERY_GDELT)) {
      ingestFile(fixture(name), recorded);
    }

    assertThat(recorded.events).hasSize(13);
    for (StagedEvent staged : recorded.events) {
      Event read = staged.event();
      Event stored = store().findEvent(read.id()).orElseThrow();
      assertThat(stored)
          .as(read.id())
          .usingRecursiveComparison()
          .ignoringFields("provenance.ingestedAt")
          .isEqualTo(read);
      assertThat(stored.provenance().ingestedAt())
          .isCloseTo(read.provenance().ingestedAt(), within(1, ChronoUnit.MILLIS));
    }
    assertThat(store().findEvent("acled:MLI0000")).isEmpty();
    assertThat(store().countHistory("acled:MLI0000")).isZero();
  }
}
