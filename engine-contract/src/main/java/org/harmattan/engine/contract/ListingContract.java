package org.harmattan.engine.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.harmattan.domain.event.ActorRole;
import org.harmattan.domain.event.Event;
import org.harmattan.domain.event.EventActor;
import org.harmattan.domain.event.EventType;
import org.harmattan.domain.event.Fatalities;
import org.harmattan.domain.event.Provenance;
import org.harmattan.domain.event.SourceSystem;
import org.harmattan.domain.figure.Period;
import org.harmattan.domain.figure.SourceRef;
import org.harmattan.engine.query.DayGroup;
import org.harmattan.engine.query.EventFilter;
import org.harmattan.engine.query.EventListing;
import org.harmattan.engine.query.EventListing.Sort.Field;
import org.harmattan.engine.query.EventPage;
import org.harmattan.engine.query.EventPoint;
import org.harmattan.engine.query.PointGroup;
import org.harmattan.engine.write.FileRef;
import org.harmattan.engine.write.FileWrite;
import org.harmattan.engine.write.LineRange;
import org.harmattan.engine.write.StagedEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The contract suite's cases on event listings: pages, sorts and filters. */
interface ListingContract extends EngineCase {

  /**
   * The listing set, written through the write port: eight events in May 2025 and one in June. 8001
   * comes first with 3 dead, then revised by a second file with a later timestamp to 5 dead.
   *
   * <pre>
   * id             date   country admin1 type          sub-event    point          dead
   * acled:MLI8001  05-01  MLI     Mopti  Battles       Armed clash  14.0, -4.0     5 (was 3)
   * acled:MLI8002  05-01  MLI     Gao    Violence (1)  Attack       16.0, -0.5     0
   * acled:MLI8003  05-03  MLI     -      Explosions(2) IED (3)      15.0, -2.0     12
   * acled:MLI8004  05-04  MLI     Segou  Battles       Armed clash  -              2
   * acled:BFA8005  05-02  BFA     Sahel  Battles       Armed clash  14.1, -1.6     10
   * acled:MLI8006  05-04  MLI     Gao    Violence (1)  Attack       15.0001, -2.0  5
   * acled:MLI8007  06-01  MLI     Mopti  Battles       Armed clash  14.0, -4.0     1
   * ucdp:880001    05-02  MLI     Mopti  Battles       -            14.5, -3.0     5
   * gdelt:770001   05-03  MLI     -      Protests      -            -              0
   *
   * (1) Violence against civilians  (2) Explosions/Remote violence
   * (3) Remote explosive/landmine/IED
   * </pre>
   *
   * In code-point order the ids of May are acled:BFA8005, acled:MLI8001, 8002, 8003, 8004, 8006,
   * gdelt:770001, ucdp:880001; the type labels Battles, Explosions/Remote violence, Protests,
   * Violence against civilians (not the order of the {@code EventType} constants).
   */
  private void writeListingSet() {
    String first = "e1".repeat(32);
    String second = "e2".repeat(32);
    Instant stamped = Instant.ofEpochSecond(1746000000);
    Instant revised = Instant.ofEpochSecond(1747000000);
    Event m8001 =
        listed(SourceSystem.ACLED, "MLI8001", 1, "MLI", "Mopti", EventType.BATTLES)
            .subEventType("Armed clash")
            .actor(ActorRole.ACTOR_1, FAMA, 1)
            .actor(ActorRole.ASSOCIATED_1, WAGNER, null)
            .actor(ActorRole.ACTOR_2, JNIM, 2)
            .point(14.0, -4.0)
            .fatalities(Fatalities.exactly(3))
            .notes("Soldiers and militants clashed.")
            .provenance(new Provenance("listing-1.csv", first, 2, stamped, Instant.now()))
            .build();
    List<Event> events =
        List.of(
            m8001,
            listed(
                    SourceSystem.ACLED,
                    "MLI8002",
                    1,
                    "MLI",
                    "Gao",
                    EventType.VIOLENCE_AGAINST_CIVILIANS)
                .subEventType("Attack")
                .actor(ActorRole.ACTOR_1, ISSP, 2)
                .actor(ActorRole.ACTOR_2, CIVILIANS, 7)
                .civilianTargeting(true)
                .point(16.0, -0.5)
                .provenance(new Provenance("listing-1.csv", first, 3, stamped, Instant.now()))
                .build(),
            listed(
                    SourceSystem.ACLED,
                    "MLI8003",
                    3,
                    "MLI",
                    null,
                    EventType.EXPLOSIONS_REMOTE_VIOLENCE)
                .subEventType("Remote explosive/landmine/IED")
                .actor(ActorRole.ACTOR_1, JNIM, 2)
                .actor(ActorRole.ACTOR_2, FAMA, 1)
                .point(15.0, -2.0)
                .fatalities(Fatalities.exactly(12))
                .provenance(new Provenance("listing-1.csv", first, 4, stamped, Instant.now()))
                .build(),
            listed(SourceSystem.ACLED, "MLI8004", 4, "MLI", "Segou", EventType.BATTLES)
                .subEventType("Armed clash")
                .actor(ActorRole.ACTOR_1, FAMA, 1)
                .fatalities(Fatalities.exactly(2))
                .provenance(new Provenance("listing-1.csv", first, 5, stamped, Instant.now()))
                .build(),
            listed(SourceSystem.ACLED, "BFA8005", 2, "BFA", "Sahel", EventType.BATTLES)
                .subEventType("Armed clash")
                .actor(ActorRole.ACTOR_1, JNIM, 2)
                .point(14.1, -1.6)
                .fatalities(Fatalities.exactly(10))
                .provenance(new Provenance("listing-1.csv", first, 6, stamped, Instant.now()))
                .build(),
            listed(
                    SourceSystem.ACLED,
                    "MLI8006",
                    4,
                    "MLI",
                    "Gao",
                    EventType.VIOLENCE_AGAINST_CIVILIANS)
                .subEventType("Attack")
                .actor(ActorRole.ACTOR_1, ISSP, 2)
                .actor(ActorRole.ACTOR_2, CIVILIANS, 7)
                .point(15.0001, -2.0)
                .fatalities(Fatalities.exactly(5))
                .provenance(new Provenance("listing-1.csv", first, 7, stamped, Instant.now()))
                .build(),
            listed(SourceSystem.ACLED, "MLI8007", 32, "MLI", "Mopti", EventType.BATTLES)
                .subEventType("Armed clash")
                .point(14.0, -4.0)
                .fatalities(Fatalities.exactly(1))
                .provenance(new Provenance("listing-1.csv", first, 8, stamped, Instant.now()))
                .build(),
            listed(SourceSystem.UCDP, "880001", 2, "MLI", "Mopti", EventType.BATTLES)
                .actor(ActorRole.ACTOR_1, "Government of Mali", 1)
                .actor(ActorRole.ACTOR_2, "JNIM", 2)
                .point(14.5, -3.0)
                .fatalities(new Fatalities(5, 4, 9))
                .provenance(new Provenance("listing-1.csv", first, 9, null, Instant.now()))
                .build(),
            listed(SourceSystem.GDELT, "770001", 3, "MLI", null, EventType.PROTESTS)
                .actor(ActorRole.ACTOR_1, "MALI", null)
                .provenance(new Provenance("listing-1.csv", first, 10, null, Instant.now()))
                .build());
    writeEvents(new FileRef("listing-1.csv", "listing-1.csv", first), events);
    Event m8001Revised =
        m8001.toBuilder()
            .fatalities(Fatalities.exactly(5))
            .notes("Soldiers and militants clashed; toll revised.")
            .provenance(new Provenance("listing-2.csv", second, 2, revised, Instant.now()))
            .build();
    writeEvents(new FileRef("listing-2.csv", "listing-2.csv", second), List.of(m8001Revised));
    assertThat(store().countHistory("acled:MLI8001")).isEqualTo(1);
  }

  /** The common part of an event of the listing set, on {@code day} of May 2025 (32: 1 June). */
  private static Event.Builder listed(
      SourceSystem source,
      String sourceId,
      int day,
      String country,
      String admin1,
      EventType type) {
    return Event.builder(source, sourceId)
        .date(LocalDate.of(2025, 5, 1).plusDays(day - 1L))
        .eventType(type)
        .countryIso3(country)
        .admin1(admin1)
        .location(admin1 == null ? null : admin1 + " town");
  }

  @Test
  default void locatedEventsComeInGroupsOfPointMonthActorsAndFile() {
    String sha = "a7".repeat(32);
    Instant read = Instant.now();
    record Row(String id, int day, double lon, String actor2, boolean located) {}
    List<Row> rows =
        List.of(
            new Row("MLI7008", 25, -4.0, null, true),
            new Row("MLI7001", 3, -4.0, JNIM, true),
            new Row("MLI7002", 1, -4.0, JNIM, true),
            new Row("MLI7003", 20, -4.0, JNIM, true),
            new Row("MLI7004", 33, -4.0, JNIM, true),
            new Row("MLI7005", 10, -4.0, null, true),
            new Row("MLI7006", 5, -4.5, JNIM, true),
            new Row("MLI7007", 6, -4.0, JNIM, false));
    List<Event> events = new ArrayList<>();
    long line = 2;
    for (Row r : rows) {
      Event.Builder b =
          listed(SourceSystem.ACLED, r.id(), r.day(), "MLI", "Mopti", EventType.BATTLES)
              .actor(ActorRole.ACTOR_1, FAMA, 1)
              .provenance(new Provenance("groups.csv", sha, line++, null, read));
      if (r.actor2() != null) {
        b.actor(ActorRole.ACTOR_2, r.actor2(), 2);
      }
      if (r.id().equals("MLI7008")) {
        // The same names as 7001's, JNIM named as an associated actor instead of actor 2.
        b.actor(ActorRole.ASSOCIATED_1, JNIM, null);
      }
      if (r.located()) {
        b.point(14.0, r.lon());
      }
      events.add(b.build());
    }
    writeEvents(new FileRef("groups.csv", "groups.csv", sha), events);
    EventFilter mayJune =
        EventFilter.of("MLI", new Period(LocalDate.of(2025, 5, 1), LocalDate.of(2025, 6, 30)));

    List<PointGroup> groups = analytics().listPointGroups(mayJune);

    // 7001, 7002, 7003 and 7008 share point, month, actor names (7008's JNIM is an associated
    // actor) and file; 7004 is in June, 7005 names one actor, 7006 lies elsewhere; 7007 has no
    // point. In the order of each group's first event.
    assertThat(groups)
        .extracting(PointGroup::ids, PointGroup::first, PointGroup::month, PointGroup::longitude)
        .containsExactly(
            tuple(
                List.of("acled:MLI7001", "acled:MLI7002", "acled:MLI7003", "acled:MLI7008"),
                "2025-05-01\u001facled:MLI7002",
                YearMonth.of(2025, 5),
                -4.0),
            tuple(
                List.of("acled:MLI7006"),
                "2025-05-05\u001facled:MLI7006",
                YearMonth.of(2025, 5),
                -4.5),
            tuple(
                List.of("acled:MLI7005"),
                "2025-05-10\u001facled:MLI7005",
                YearMonth.of(2025, 5),
                -4.0),
            tuple(
                List.of("acled:MLI7004"),
                "2025-06-02\u001facled:MLI7004",
                YearMonth.of(2025, 6),
                -4.0));
    assertThat(groups.get(0).actorNames()).containsExactly(FAMA, JNIM);
    assertThat(groups.get(2).actorNames()).containsExactly(FAMA);
    assertThat(groups)
        .allSatisfy(
            g -> assertThat(g.source()).isEqualTo(new SourceRef("ACLED", "groups.csv", sha)));
    // The groups are those of the points, whatever the engine.
    assertThat(groups).isEqualTo(PointGroup.of(analytics().listEventPoints(mayJune)));
  }

  @Test
  default void locatedEventsComeInGroupsOfPointDayTypeActorsAndFile() {
    String sha = "d4".repeat(32);
    Instant read = Instant.now();
    record Row(String id, int day, EventType type, String sub, double lon, int dead) {}
    List<Row> rows =
        List.of(
            new Row("MLI9003", 4, EventType.BATTLES, "Armed clash", -4.0, 3),
            new Row("MLI9001", 4, EventType.BATTLES, "Armed clash", -4.0, 2),
            new Row("MLI9002", 4, EventType.BATTLES, "Government regains territory", -4.0, 0),
            new Row("MLI9004", 4, EventType.VIOLENCE_AGAINST_CIVILIANS, null, -4.0, 5),
            new Row("MLI9005", 4, EventType.VIOLENCE_AGAINST_CIVILIANS, null, -4.0, 1),
            new Row("MLI9006", 5, EventType.BATTLES, "Armed clash", -4.0, 7),
            new Row("MLI9000", 5, EventType.BATTLES, "Armed clash", -4.5, 0),
            new Row("MLI9007", 5, EventType.BATTLES, "Armed clash", -4.0, 1));
    List<Event> events = new ArrayList<>();
    long line = 2;
    for (Row r : rows) {
      events.add(
          listed(SourceSystem.ACLED, r.id(), r.day(), "MLI", "Mopti", r.type())
              // 9007 shares 9006's point but the source names the place otherwise.
              .location(r.id().equals("MLI9007") ? "Sévaré" : "Mopti town")
              .subEventType(r.sub())
              .actor(ActorRole.ACTOR_1, JNIM, 2)
              .fatalities(Fatalities.exactly(r.dead()))
              .point(14.0, r.lon())
              .provenance(new Provenance("days.csv", sha, line++, null, read))
              .build());
    }
    writeEvents(new FileRef("days.csv", "days.csv", sha), events);
    EventFilter may =
        EventFilter.of("MLI", new Period(LocalDate.of(2025, 5, 1), LocalDate.of(2025, 5, 31)));

    List<DayGroup> groups = analytics().listDayGroups(may);

    // Day 4 at -4.0: the two clashes together (5 dead), the territory regained alone, the two
    // attacks on civilians without sub-type together (6 dead); day 5: 9000 elsewhere comes before
    // 9006 by its id, and 9007, named another place, after it. By date, then least id.
    assertThat(groups)
        .extracting(DayGroup::ids, DayGroup::fatalities, DayGroup::subEventType, DayGroup::first)
        .containsExactly(
            tuple(List.of("acled:MLI9001", "acled:MLI9003"), 5L, "Armed clash", "acled:MLI9001"),
            tuple(List.of("acled:MLI9002"), 0L, "Government regains territory", "acled:MLI9002"),
            tuple(List.of("acled:MLI9004", "acled:MLI9005"), 6L, null, "acled:MLI9004"),
            tuple(List.of("acled:MLI9000"), 0L, "Armed clash", "acled:MLI9000"),
            tuple(List.of("acled:MLI9006"), 7L, "Armed clash", "acled:MLI9006"),
            tuple(List.of("acled:MLI9007"), 1L, "Armed clash", "acled:MLI9007"));
    assertThat(groups).extracting(DayGroup::location).endsWith("Mopti town", "Sévaré");
    assertThat(groups.get(2).eventType()).isEqualTo(EventType.VIOLENCE_AGAINST_CIVILIANS);
    assertThat(groups.get(3).date()).isEqualTo(LocalDate.of(2025, 5, 5));
    assertThat(groups.get(0).actorNames()).containsExactly(JNIM);
    // The groups are those of the points, whatever the engine.
    assertThat(groups).isEqualTo(DayGroup.of(analytics().listEventPoints(may)));
  }

  @Test
  default void listsOfNamesAndTagsComeBackAsWritten() {
    String sha = "e5".repeat(32);
    List<String> odd =
        List.of(
            "Militia \"Dan Na Ambassagou\"",
            "back\\slash",
            "tab\there",
            "unit\u001fseparator",
            "",
            "Groupe armé 🛡",
            "[\"not\", \"a list\"]");
    Event named =
        listed(SourceSystem.ACLED, "MLI9501", 3, "MLI", "Mopti", EventType.BATTLES)
            .actor(ActorRole.ACTOR_1, FAMA, 1)
            .actor(ActorRole.ASSOCIATED_1, odd.get(0), null)
            .actor(ActorRole.ASSOCIATED_1, odd.get(1), null)
            .actor(ActorRole.ASSOCIATED_2, odd.get(2), null)
            .actor(ActorRole.ASSOCIATED_2, odd.get(3), null)
            .actor(ActorRole.ASSOCIATED_2, odd.get(5), null)
            .tags(odd)
            .provenance(new Provenance("names.csv", sha, 2, null, Instant.now()))
            .build();
    Event bare =
        listed(SourceSystem.ACLED, "MLI9502", 4, "MLI", "Mopti", EventType.BATTLES)
            .actor(ActorRole.ACTOR_1, FAMA, 1)
            .provenance(new Provenance("names.csv", sha, 3, null, Instant.now()))
            .build();
    writeEvents(new FileRef("names.csv", "names.csv", sha), List.of(named, bare));

    List<Event> read =
        listEvents(
                EventFilter.of(
                    "MLI", new Period(LocalDate.of(2025, 5, 1), LocalDate.of(2025, 5, 31))),
                BY_ID)
            .events();

    assertThat(read).extracting(Event::sourceEventId).containsExactly("MLI9501", "MLI9502");
    assertThat(read.get(0).tags()).isEqualTo(odd);
    assertThat(read.get(0).actors()).isEqualTo(named.actors());
    assertThat(read.get(1).tags()).isEmpty();
    assertThat(read.get(1).actors()).isEqualTo(bare.actors());
  }

  @Test
  default void pointsInBoxesAndTheFilesSearchedComeInTheOrderOfTheirEvents() {
    Instant read = Instant.now();
    record Row(String file, String id, int day, Double lat, Double lon) {}
    List<Row> rows =
        List.of(
            new Row("a.csv", "MLI8001", 5, 14.0, -4.0),
            new Row("a.csv", "MLI8002", 2, 15.5, -2.0),
            new Row("a.csv", "MLI8003", 7, null, null),
            new Row("b.csv", "MLI8004", 1, 14.0, -8.0),
            new Row("c.csv", "MLI8000", 2, 12.0, -9.0),
            new Row("d.csv", "MLI8005", 1, null, null),
            new Row("e.csv", "MLI8006", 40, 14.0, -4.0));
    Map<String, List<Event>> byFile = new LinkedHashMap<>();
    long line = 2;
    for (Row r : rows) {
      String sha = (r.file().charAt(0) + "9").repeat(32);
      Event.Builder b =
          listed(SourceSystem.ACLED, r.id(), r.day(), "MLI", "Mopti", EventType.BATTLES)
              .actor(ActorRole.ACTOR_1, FAMA, 1)
              .provenance(new Provenance(r.file(), sha, line++, null, read));
      if (r.lat() != null) {
        b.point(r.lat(), r.lon());
      }
      byFile.computeIfAbsent(r.file(), f -> new ArrayList<>()).add(b.build());
    }
    byFile.forEach(
        (f, events) -> writeEvents(new FileRef(f, f, (f.charAt(0) + "9").repeat(32)), events));
    EventFilter may =
        EventFilter.of("MLI", new Period(LocalDate.of(2025, 5, 1), LocalDate.of(2025, 5, 31)));
    EventFilter.Box aroundFirst = new EventFilter.Box(13.5, -4.5, 14.5, -3.5);
    EventFilter.Box overlapping = new EventFilter.Box(13.9, -4.1, 14.1, -3.9);
    // 8004 lies on this box's south-west corner: edges are inside.
    EventFilter.Box cornered = new EventFilter.Box(14.0, -8.0, 14.2, -7.9);

    assertThat(
            analytics()
                .listEventPointsInBoxes(may, List.of(aroundFirst, overlapping, cornered), false))
        .extracting(EventPoint::id)
        .containsExactly("acled:MLI8004", "acled:MLI8001");
    assertThat(analytics().listEventPointsInBoxes(may, List.of(), false)).isEmpty();
    assertThat(
            analytics()
                .listEventPointsInBoxes(
                    may.withEventTypes(Set.of(EventType.PROTESTS)), List.of(aroundFirst), false))
        .isEmpty();

    // The files of located events by their first event (date, then id): b's 8004 on day 1, then
    // c's 8000 and a's 8002 on day 2; d holds no located event, e none in May.
    assertThat(analytics().listSources(may))
        .extracting(SourceRef::dataset)
        .containsExactly("b.csv", "c.csv", "a.csv");
    assertThat(analytics().listSources(may.withAdmin1(Set.of("Gao")))).isEmpty();
  }

  /** Writes and commits events as one file, one line each. */
  private void writeEvents(FileRef file, List<Event> events) {
    try (FileWrite w = store().events().begin(file)) {
      long line = 2;
      for (Event e : events) {
        w.accepted(StagedEvent.of(e), new LineRange(line, line));
        line++;
      }
      w.commit("acled", events.size(), ranges -> Map.of());
    }
  }

  @Test
  default void aListingGivesWholeEventsAsTheStoreHoldsThemWithTheTotal() {
    writeListingSet();

    EventPage page = listEvents(MAY, BY_ID);

    assertThat(ids(page))
        .containsExactly(
            "acled:BFA8005",
            "acled:MLI8001",
            "acled:MLI8002",
            "acled:MLI8003",
            "acled:MLI8004",
            "acled:MLI8006",
            "gdelt:770001",
            "ucdp:880001");
    assertThat(page.total()).isEqualTo(8);
    for (Event e : page.events()) {
      assertThat(e).as(e.id()).isEqualTo(store().findEvent(e.id()).orElseThrow());
    }
    // The revised event comes once, in its latest version, with everything it holds.
    Event m8001 = page.events().get(1);
    assertThat(m8001.fatalities()).isEqualTo(Fatalities.exactly(5));
    assertThat(m8001.notes()).isEqualTo("Soldiers and militants clashed; toll revised.");
    assertThat(m8001.provenance().dataset()).isEqualTo("listing-2.csv");
    assertThat(m8001.provenance().sourceTimestamp()).isEqualTo(Instant.ofEpochSecond(1747000000));
    assertThat(m8001.actors())
        .containsExactly(
            new EventActor(ActorRole.ACTOR_1, FAMA, 1),
            new EventActor(ActorRole.ASSOCIATED_1, WAGNER, null),
            new EventActor(ActorRole.ACTOR_2, JNIM, 2));
    assertThat(m8001.location()).isEqualTo("Mopti town");
    assertThat(m8001.latitude()).isEqualTo(14.0);
    assertThat(m8001.longitude()).isEqualTo(-4.0);
    Event ucdp = page.events().get(7);
    assertThat(ucdp.fatalities()).isEqualTo(new Fatalities(5, 4, 9));
    assertThat(ucdp.subEventType()).isNull();
    Event gdelt = page.events().get(6);
    assertThat(gdelt.latitude()).isNull();
    assertThat(gdelt.admin1()).isNull();
    // The filter's other restrictions apply as in every query.
    assertThat(ids(listEvents(EventFilter.of("BFA", MAY_2025), BY_ID)))
        .containsExactly("acled:BFA8005");
    assertThat(
            ids(
                listEvents(
                    EventFilter.of("MLI", new Period(LocalDate.of(2025, 6, 1), TODAY)), BY_ID)))
        .containsExactly("acled:MLI8007");
    EventPage none = listEvents(EventFilter.of("NER", MAY_2025), BY_ID);
    assertThat(none.events()).isEmpty();
    assertThat(none.total()).isZero();
  }

  @Test
  default void subEventTypesMatchExactlyAndEventsWithoutOneNever() {
    writeListingSet();

    EventPage attacks = listEvents(MAY.withSubEventTypes(Set.of("Attack")), BY_ID);
    EventPage two =
        listEvents(
            MAY.withSubEventTypes(Set.of("Armed clash", "Remote explosive/landmine/IED")), BY_ID);

    assertThat(ids(attacks)).containsExactly("acled:MLI8002", "acled:MLI8006");
    assertThat(attacks.total()).isEqualTo(2);
    // 8007 is an armed clash in June; UCDP's and GDELT's events have no sub-event type.
    assertThat(ids(two))
        .containsExactly("acled:BFA8005", "acled:MLI8001", "acled:MLI8003", "acled:MLI8004");
    assertThat(listEvents(MAY.withSubEventTypes(Set.of("attack")), BY_ID).total()).isZero();
    assertThat(count(MAY.withSubEventTypes(Set.of("Attack"))).eventIds())
        .containsExactly("acled:MLI8002", "acled:MLI8006");
    assertThat(count(MAY.withSubEventTypes(Set.of("Attack"))).fatalities()).isEqualTo(5);
  }

  @Test
  default void aBoxKeepsTheLocatedEventsInsideItEdgesIncluded() {
    writeListingSet();
    EventFilter box = MAY.withBbox(new EventFilter.Box(14.5, -3.0, 15.0, -1.5));
    EventFilter globe = MAY.withBbox(new EventFilter.Box(-90, -180, 90, 180));

    // 8003 lies on the north edge, UCDP's event on the south-west corner; 8006 is 0.0001 degrees
    // north of the box, 8001 and BFA8005 south of it, 8002 north-east; 8004 and GDELT's event
    // have no point.
    assertThat(ids(listEvents(box, BY_ID))).containsExactly("acled:MLI8003", "ucdp:880001");
    assertThat(listEvents(box, BY_ID).total()).isEqualTo(2);
    assertThat(count(box).fatalities()).isEqualTo(17);
    // Not even the whole globe holds an event without a point.
    assertThat(ids(listEvents(globe, BY_ID)))
        .containsExactly(
            "acled:BFA8005",
            "acled:MLI8001",
            "acled:MLI8002",
            "acled:MLI8003",
            "acled:MLI8006",
            "ucdp:880001");
    assertThat(analytics().listEventPoints(box))
        .extracting(EventPoint::id)
        .containsExactly("ucdp:880001", "acled:MLI8003");
    // A box of one point holds the events on it.
    assertThat(ids(listEvents(MAY.withBbox(new EventFilter.Box(14.5, -3, 14.5, -3)), BY_ID)))
        .containsExactly("ucdp:880001");
  }

  @Test
  default void aFatalityRangeIncludesItsBoundsAndReadsTheLatestVersion() {
    writeListingSet();

    // Best estimates: 8002 and GDELT 0, 8004 2, 8001 (revised), 8006 and UCDP 5, BFA8005 10,
    // 8003 12.
    EventPage fiveToTen = listEvents(MAY.withMinFatalities(5L).withMaxFatalities(10L), BY_ID);
    assertThat(ids(fiveToTen))
        .containsExactly("acled:BFA8005", "acled:MLI8001", "acled:MLI8006", "ucdp:880001");
    assertThat(fiveToTen.total()).isEqualTo(4);
    assertThat(ids(listEvents(MAY.withMinFatalities(5L), BY_ID)))
        .containsExactly(
            "acled:BFA8005", "acled:MLI8001", "acled:MLI8003", "acled:MLI8006", "ucdp:880001");
    assertThat(ids(listEvents(MAY.withMaxFatalities(0L), BY_ID)))
        .containsExactly("acled:MLI8002", "gdelt:770001");
    assertThat(ids(listEvents(MAY.withMinFatalities(12L).withMaxFatalities(12L), BY_ID)))
        .containsExactly("acled:MLI8003");
    assertThat(listEvents(MAY.withMinFatalities(13L), BY_ID).total()).isZero();
    // 8001 had 3 dead before its revision: the superseded version is never listed.
    assertThat(listEvents(MAY.withMinFatalities(3L).withMaxFatalities(3L), BY_ID).total()).isZero();
    assertThat(count(MAY.withMinFatalities(5L).withMaxFatalities(10L)).fatalities()).isEqualTo(25);
  }

  @ParameterizedTest
  @EnumSource(Field.class)
  default void everySortOrdersBothWaysWithTiesByIdAscending(Field field) {
    writeListingSet();
    String b5 = "acled:BFA8005";
    String m1 = "acled:MLI8001";
    String m2 = "acled:MLI8002";
    String m3 = "acled:MLI8003";
    String m4 = "acled:MLI8004";
    String m6 = "acled:MLI8006";
    String g = "gdelt:770001";
    String u = "ucdp:880001";

    List<String> ascending = ids(listEvents(MAY, EventListing.Sort.ascending(field)));
    List<String> descending = ids(listEvents(MAY, EventListing.Sort.descending(field)));

    // Each field's order ascending, then descending.
    List<List<String>> expected =
        switch (field) {
          case DATE ->
              // 1 May: 8001, 8002; 2 May: BFA8005, UCDP; 3 May: 8003, GDELT; 4 May: 8004, 8006.
              List.of(List.of(m1, m2, b5, u, m3, g, m4, m6), List.of(m4, m6, m3, g, b5, u, m1, m2));
          case FATALITIES ->
              // 0: 8002, GDELT; 2: 8004; 5: 8001, 8006, UCDP; 10: BFA8005; 12: 8003.
              List.of(List.of(m2, g, m4, m1, m6, u, b5, m3), List.of(m3, b5, m1, m6, u, m4, m2, g));
          case ID ->
              List.of(List.of(b5, m1, m2, m3, m4, m6, g, u), List.of(u, g, m6, m4, m3, m2, m1, b5));
          case COUNTRY ->
              List.of(List.of(b5, m1, m2, m3, m4, m6, g, u), List.of(m1, m2, m3, m4, m6, g, u, b5));
          case ADMIN1 ->
              // Gao: 8002, 8006; Mopti: 8001, UCDP; Sahel: BFA8005; Segou: 8004; none (last both
              // ways): 8003, GDELT.
              List.of(List.of(m2, m6, m1, u, b5, m4, m3, g), List.of(m4, b5, m1, u, m2, m6, m3, g));
          case EVENT_TYPE ->
              // Battles: BFA8005, 8001, 8004, UCDP; Explosions/Remote violence: 8003; Protests:
              // GDELT; Violence against civilians: 8002, 8006.
              List.of(List.of(b5, m1, m4, u, m3, g, m2, m6), List.of(m2, m6, g, m3, b5, m1, m4, u));
        };
    assertThat(ascending).as("%s ascending", field).containsExactlyElementsOf(expected.get(0));
    assertThat(descending).as("%s descending", field).containsExactlyElementsOf(expected.get(1));
  }

  @Test
  default void pagesConcatenateToTheWholeOrderWithTheSameTotal() {
    writeListingSet();
    EventListing.Sort newest = EventListing.Sort.descending(Field.DATE);
    EventListing firstPage = EventListing.first(MAY, newest, 3);

    EventPage p1 = analytics().listEvents(firstPage);
    EventPage p2 = analytics().listEvents(firstPage.next());
    EventPage p3 = analytics().listEvents(firstPage.next().next());
    EventPage past = analytics().listEvents(firstPage.next().next().next());
    EventPage farPast = analytics().listEvents(new EventListing(MAY, newest, 3, 1_000_000));

    assertThat(ids(p1)).containsExactly("acled:MLI8004", "acled:MLI8006", "acled:MLI8003");
    assertThat(ids(p2)).containsExactly("gdelt:770001", "acled:BFA8005", "ucdp:880001");
    assertThat(ids(p3)).containsExactly("acled:MLI8001", "acled:MLI8002");
    List<String> all = new ArrayList<>(ids(p1));
    all.addAll(ids(p2));
    all.addAll(ids(p3));
    assertThat(all).isEqualTo(ids(listEvents(MAY, newest)));
    assertThat(List.of(p1.total(), p2.total(), p3.total(), past.total(), farPast.total()))
        .containsOnly(8L);
    assertThat(past.events()).isEmpty();
    assertThat(farPast.events()).isEmpty();
    // A page of one, mid-way; a page reaching past the end stops there.
    assertThat(ids(analytics().listEvents(new EventListing(MAY, newest, 1, 4))))
        .containsExactly("acled:BFA8005");
    assertThat(ids(analytics().listEvents(new EventListing(MAY, newest, 5, 6))))
        .containsExactly("acled:MLI8001", "acled:MLI8002");
    // Paging a filtered listing, by fatalities, two at a time. In the box: 8001 (5), 8003 (12),
    // BFA8005 (10), 8006 (5), UCDP (5); 8002 lies north of it, 8004 and GDELT's have no point.
    EventListing boxed =
        EventListing.first(
            MAY.withBbox(new EventFilter.Box(14, -5, 15.5, 0)),
            EventListing.Sort.descending(Field.FATALITIES),
            2);
    assertThat(ids(analytics().listEvents(boxed)))
        .containsExactly("acled:MLI8003", "acled:BFA8005");
    assertThat(ids(analytics().listEvents(boxed.next())))
        .containsExactly("acled:MLI8001", "acled:MLI8006");
    assertThat(ids(analytics().listEvents(boxed.next().next()))).containsExactly("ucdp:880001");
    assertThat(analytics().listEvents(boxed.next().next()).total()).isEqualTo(5);
  }

  @Test
  default void aListingAsksForOneToTenThousandEventsFromAnOffsetOfZeroOrMore() {
    EventListing.Sort sort = BY_ID;

    assertThatThrownBy(() -> new EventListing(MAY, sort, 0, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("limit must be 1 to 10000: 0");
    assertThatThrownBy(() -> new EventListing(MAY, sort, 10_001, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("limit must be 1 to 10000: 10001");
    assertThatThrownBy(() -> new EventListing(MAY, sort, -5, 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new EventListing(MAY, sort, 10, -1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("offset must not be negative: -1");

    EventPage empty = analytics().listEvents(new EventListing(MAY, sort, 10_000, 0));
    assertThat(empty.events()).isEmpty();
    assertThat(empty.total()).isZero();
    writeListingSet();
    assertThat(analytics().listEvents(new EventListing(MAY, sort, 1, 0)).events()).hasSize(1);
    assertThat(analytics().listEvents(new EventListing(MAY, sort, 1, 7)).events())
        .extracting(Event::id)
        .containsExactly("ucdp:880001");
  }
}
