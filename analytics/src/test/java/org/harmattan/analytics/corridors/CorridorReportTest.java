package org.harmattan.analytics.corridors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.harmattan.analytics.indicators.SecurityRequest;
import org.harmattan.analytics.text.AnalyticsTexts;
import org.harmattan.domain.error.HarmattanException;
import org.harmattan.domain.event.ActorRole;
import org.harmattan.domain.event.Event;
import org.harmattan.domain.event.EventType;
import org.harmattan.domain.event.Provenance;
import org.harmattan.domain.event.SourceSystem;
import org.harmattan.domain.figure.Figure;
import org.harmattan.domain.figure.Period;
import org.harmattan.domain.figure.SourceRef;
import org.harmattan.domain.text.Language;
import org.harmattan.engine.memory.InMemoryStore;
import org.harmattan.engine.query.EventPoint;
import org.harmattan.engine.write.FileRef;
import org.harmattan.engine.write.FileWrite;
import org.harmattan.engine.write.LineRange;
import org.harmattan.engine.write.StagedEvent;
import org.harmattan.reference.profile.CountryProfile;
import org.harmattan.reference.profile.CountryProfile.CorridorSpec;
import org.harmattan.reference.profile.CountryProfile.NamedPlace;
import org.harmattan.reference.roads.RoadNetwork;
import org.harmattan.reference.roads.RoadNetworkReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A hand-made graph: Capital (12 N, 8 W) – Ségou (12 N, 7 W) – Sikasso (12 N, 6 W) along a
 * parallel, and a longer detour through a northern node. Statuses and the blockade index are worked
 * out by hand from the documented rules.
 */
class CorridorReportTest {
  private static final LocalDate END = LocalDate.of(2025, 12, 31);
  private static final Period WINDOW = new Period(LocalDate.of(2025, 1, 1), END);
  private static final SourceRef ACLED = new SourceRef("ACLED", "test.csv", "00");

  @TempDir Path dir;

  private RoadGraph graph() throws IOException {
    // Latin-1 bytes for "Ségou": the reader must fall back from UTF-8.
    Files.write(
        dir.resolve(RoadNetworkReader.NODES_FILE),
        ("Agglomeration_ID,agglosName,x,y,Pop2015,ISO3,Region,Between,degree\n"
                + "1,Capital,-8.0,12.0,1000000,TST,West,0,2\n"
                + "2,Ségou,-7.0,12.0,200000,TST,West,0,2\n"
                + "3,Sikasso,-6.0,12.0,100000,TST,West,0,2\n"
                + "4,road,-7.0,13.0,0,TST,West,0,2\n")
            .getBytes(StandardCharsets.ISO_8859_1));
    Files.writeString(
        dir.resolve(RoadNetworkReader.EDGES_FILE),
        "\"from\",\"to\",\"l\",\"h\",\"time\",\"timeU\",\"timeUCB\",\"border\"\n"
            + "\"1\",\"2\",110,\"trunk\",1,1,1,0\n"
            + "\"2\",\"3\",105,\"trunk\",1,1,1,0\n"
            + "\"1\",\"4\",150,\"primary\",1,1,1,0\n"
            + "\"4\",\"3\",160,\"primary\",1,1,1,0\n",
        StandardCharsets.UTF_8);
    return RoadGraph.of(RoadNetworkReader.readDirectory(dir));
  }

  private static CountryProfile profile(NamedPlace to) {
    return profile(new CorridorSpec("east", "East corridor", List.of(SEGOU), to));
  }

  private static final NamedPlace SEGOU = new NamedPlace("Ségou", 12.0, -7.05);

  private static CountryProfile profile(CorridorSpec corridor) {
    return new CountryProfile(
        "TST",
        "Testland",
        new NamedPlace("Capital", 12.01, -8.0),
        new CountryProfile.Boundaries(null, null, null, null),
        new CountryProfile.Roads("african-urban-network", 30),
        List.of(corridor));
  }

  private static EventPoint event(
      String id, LocalDate date, EventType type, String sub, double lat, double lon, String notes) {
    return new EventPoint(
        id, date, type, sub, lat, lon, List.of("JNIM"), 0, null, notes, ACLED, END);
  }

  @Test
  void readsTheGraphInEitherEncoding() throws IOException {
    RoadGraph g = graph();

    assertThat(g.nodeCount()).isEqualTo(4);
    assertThat(g.edgeCount()).isEqualTo(4);
    assertThat(g.getNode("2").name()).isEqualTo("Ségou");
    assertThat(g.getNode("1").population()).isEqualTo(1_000_000);
    assertThat(g.getNode("4").label()).isEqualTo("road junction 4");
    assertThat(g.describe(g.getNode("4"), AnalyticsTexts.of(Language.EN)))
        .isEqualTo("junction near Ségou");
    assertThat(g.describe(g.getNode("3"), AnalyticsTexts.of(Language.EN))).isEqualTo("Sikasso");
    assertThat(g.sources())
        .extracting(SourceRef::dataset)
        .containsExactly(RoadNetworkReader.NODES_FILE, RoadNetworkReader.EDGES_FILE);
  }

  @Test
  void segmentsAreNamedByTheTownsAroundThemAndMakeStretches() throws IOException {
    RoadGraph g = graph();
    List<RoadNetwork.Node> detour = List.of(g.getNode("1"), g.getNode("4"), g.getNode("3"));

    // Between two towns: their names; through a junction: the towns either side.
    assertThat(Corridors.townLabel(detour, 0, g, AnalyticsTexts.of(Language.EN)))
        .isEqualTo("Capital \u2013 Sikasso");
    assertThat(Corridors.townLabel(detour, 1, g, AnalyticsTexts.of(Language.EN)))
        .isEqualTo("Capital \u2013 Sikasso");
    // A path that ends at a junction names it by its nearest town.
    assertThat(Corridors.townLabel(detour.subList(0, 2), 0, g, AnalyticsTexts.of(Language.EN)))
        .isEqualTo("Capital \u2013 junction near Ségou");

    // A corridor through the junction: two segments, one stretch of 150 + 160 km; an ambush on
    // the second segment 10 days before the end makes the stretch disrupted.
    CountryProfile viaJunction =
        profile(
            new CorridorSpec(
                "north",
                "North corridor",
                List.of(new NamedPlace("Junction", 13.0, -7.0)),
                new NamedPlace("Sikasso", 12.0, -6.0)));
    Corridor c = Corridors.build(viaJunction, g).get(0);
    CorridorReport r =
        CorridorReport.of(
            new NamedPlace("Capital", 12.0, -8.0),
            List.of(c),
            List.of(),
            List.of(
                event(
                    "a1",
                    END.minusDays(10),
                    EventType.BATTLES,
                    "Armed clash",
                    12.5,
                    -6.5,
                    "ambush on the road")),
            WINDOW,
            CorridorReport.DEFAULT_BUFFER_KM,
            Map.of("country", "TST"),
            "test events",
            END);
    CorridorReport.CorridorResult res = r.corridors().get(0);

    assertThat(res.segments()).hasSize(2);
    assertThat(res.stretches()).hasSize(1);
    CorridorReport.StretchResult stretch = res.stretches().get(0);
    assertThat(stretch.label()).isEqualTo("Capital \u2013 Sikasso");
    assertThat(stretch.segments()).hasSize(2);
    assertThat(r.getFigure(stretch.lengthFigure()).getValue()).isEqualTo(310.0);
    assertThat(stretch.status()).isEqualTo(SegmentStatus.DISRUPTED);
    assertThat(r.getFigure(stretch.statusFigure()).getValue()).isEqualTo(1.0);
    assertThat(r.getFigure(stretch.statusFigure()).citation().eventIds()).containsExactly("a1");
    assertThat(stretch.lastIncident()).isEqualTo(END.minusDays(10));
    assertThat(stretch.lengthFigure()).isEqualTo("corridor.north.stretch.1.length_km");
  }

  @Test
  void badRowsAreReportedWithFileLineAndColumn() throws IOException {
    graph();
    Files.writeString(
        dir.resolve(RoadNetworkReader.EDGES_FILE),
        "\"from\",\"to\",\"l\"\n\"1\",\"2\",abc\n\"1\",\"9\",3\n",
        StandardCharsets.UTF_8);

    assertThatThrownBy(() -> RoadNetworkReader.readDirectory(dir))
        .isInstanceOf(HarmattanException.class)
        .hasMessageContaining(
            RoadNetworkReader.EDGES_FILE + " line 2, column l (km): 'abc' is not a number")
        .hasMessageContaining("line 3, column to: node '9' is not in the nodes file");
  }

  @Test
  void aPlaceOffTheGraphIsAUserErrorNamingCorridorPlaceAndDistance() throws IOException {
    CountryProfile far = profile(new NamedPlace("Nowhere", 15.0, -6.0));

    assertThatThrownBy(() -> Corridors.build(far, graph()))
        .isInstanceOf(HarmattanException.class)
        .hasMessageContaining("corridor 'east'")
        .hasMessageContaining("place 'Nowhere'")
        .hasMessageContaining("km from the nearest road-graph node");
  }

  @Test
  void aBorderEndsAtTheNearestNode() throws IOException {
    // 60 km east of Sikasso: beyond max_snap_km (30) but a border may be up to 100 km away.
    Corridor c =
        Corridors.build(profile(new NamedPlace("Eastland border", 12.0, -5.45)), graph()).get(0);

    assertThat(c.end().name()).isEqualTo("Sikasso");
    assertThat(c.snaps().get(2).border()).isTrue();
    // Along the parallel 12 N from 5.45 W to 6 W: haversine 2 R asin(cos 12° sin 0.275°), R =
    // 6371.0088 km, = 59.82 km
    assertThat(c.snaps().get(2).distanceKm())
        .isCloseTo(
            2
                * 6371.0088
                * Math.asin(Math.cos(Math.toRadians(12)) * Math.sin(Math.toRadians(0.275))),
            within(1e-9))
        .isCloseTo(59.8209, within(1e-4));
  }

  @Test
  void statusesAndBlockadeIndexFollowTheRules() throws IOException {
    List<Corridor> corridors =
        Corridors.build(profile(new NamedPlace("Sikasso", 12.0, -6.0)), graph());
    Corridor c = corridors.get(0);
    double north5km = 5 / 111.19508;
    List<EventPoint> events = new ArrayList<>();
    // Segment 1 (Capital – Ségou): three ambushes in the last 30 days: blocked.
    events.add(
        event(
            "a1",
            END.minusDays(5),
            EventType.BATTLES,
            "Armed clash",
            12.0 + north5km,
            -7.5,
            "JNIM ambushed a patrol"));
    events.add(
        event(
            "a2",
            END.minusDays(10),
            EventType.BATTLES,
            "Armed clash",
            12.0,
            -7.6,
            "embuscade sur l'axe"));
    events.add(
        event(
            "a3",
            END.minusDays(20),
            EventType.VIOLENCE_AGAINST_CIVILIANS,
            "Attack",
            12.0,
            -7.4,
            "gunmen fired on a bus"));
    // Segment 2 (Ségou – Sikasso): one IED 60 days before the end: disrupted.
    events.add(
        event(
            "i1",
            END.minusDays(60),
            EventType.EXPLOSIONS_REMOTE_VIOLENCE,
            "Remote explosive/landmine/IED",
            12.0,
            -6.5,
            null));
    // Not counted: a protest, an event 20 km off the road, an ordinary clash, one after the window.
    events.add(
        event(
            "p1",
            END.minusDays(1),
            EventType.PROTESTS,
            "Peaceful protest",
            12.0,
            -6.5,
            "fuel convoy protest"));
    events.add(
        event(
            "o1",
            END.minusDays(1),
            EventType.BATTLES,
            "Armed clash",
            12.0 + 4 * north5km,
            -6.5,
            "ambush"));
    events.add(
        event("c1", END.minusDays(1), EventType.BATTLES, "Armed clash", 12.0, -6.5, "clashes"));
    events.add(
        event("f1", END.plusDays(1), EventType.BATTLES, "Armed clash", 12.0, -6.5, "ambush"));

    CorridorReport r =
        CorridorReport.of(
            new NamedPlace("Capital", 12.0, -8.0),
            corridors,
            List.of(),
            events,
            WINDOW,
            CorridorReport.DEFAULT_BUFFER_KM,
            Map.of("country", "TST"),
            "test events",
            END);
    CorridorReport.CorridorResult res = r.corridors().get(0);

    assertThat(c.nodes()).extracting(RoadNetwork.Node::id).containsExactly("1", "2", "3");
    assertThat(c.lengthKm()).isEqualTo(215.0);
    assertThat(res.segments())
        .extracting(CorridorReport.SegmentResult::status)
        .containsExactly(SegmentStatus.BLOCKED, SegmentStatus.DISRUPTED);
    assertThat(res.segments().get(1).lastIncident()).isEqualTo(END.minusDays(60));
    assertThat(r.getFigure("corridor.east.status").getValue()).isEqualTo(2.0);
    assertThat(r.getFigure("corridor.east.length_km").getValue()).isEqualTo(215.0);
    assertThat(r.getFigure("corridor.east.passage_events").getValue()).isEqualTo(4.0);
    assertThat(r.getFigure("corridor.east.passage_events").citation().eventIds())
        .containsExactly("a1", "a2", "a3", "i1");
    assertThat(r.getFigure("corridor.east.days_since_last_incident").getValue()).isEqualTo(5.0);
    double share = (110 + 0.5 * 105) / 215;
    double w =
        Math.pow(0.5, 5 / 30.0)
            + Math.pow(0.5, 10 / 30.0)
            + Math.pow(0.5, 20 / 30.0)
            + Math.pow(0.5, 60 / 30.0);
    assertThat(r.getFigure("corridor.east.blockade_index").getValue())
        .isCloseTo(50 * share + 50 * Math.min(1, w / 5), within(1e-9));
    for (Figure f : r.listFigures()) {
      assertThat(f.period()).isEqualTo(WINDOW);
    }
  }

  @Test
  void anEngineGivesOnlyEventsNearACorridorAndAZeroStillCitesEveryFileSearched()
      throws IOException {
    // Two corridors from the capital: east along the 12th parallel, north-east to the node at
    // 13 N, 7 W. File A holds an ambush 5 km north of the east road; file B, read first, an
    // ambush 3 degrees (334 km) north of it, far from both roads.
    CountryProfile twoRoads =
        new CountryProfile(
            "TST",
            "Testland",
            new NamedPlace("Capital", 12.01, -8.0),
            new CountryProfile.Boundaries(null, null, null, null),
            new CountryProfile.Roads("african-urban-network", 30),
            List.of(
                new CorridorSpec(
                    "east", "East corridor", List.of(SEGOU), new NamedPlace("Sikasso", 12, -6)),
                new CorridorSpec(
                    "north", "North corridor", List.of(), new NamedPlace("road", 13, -7))));
    InMemoryStore store = new InMemoryStore();
    String fileA = "a1".repeat(32);
    String fileB = "b2".repeat(32);
    write(store, fileB, ambush("far", END.minusDays(40), 15.0, fileB));
    write(store, fileA, ambush("near", END.minusDays(5), 12.0 + 5 / 111.19508, fileA));
    SecurityRequest request =
        new SecurityRequest("TST", WINDOW, null, Set.of(SourceSystem.ACLED), END);

    CorridorReport r =
        CorridorReport.compute(
            store.analytics(), twoRoads, graph(), request, CorridorReport.DEFAULT_BUFFER_KM);

    Figure east = r.getFigure("corridor.east.passage_events");
    Figure north = r.getFigure("corridor.north.passage_events");
    assertThat(east.getValue()).isEqualTo(1.0);
    assertThat(east.citation().eventIds()).containsExactly("acled:near");
    assertThat(east.citation().sources()).extracting(SourceRef::sha256).containsExactly(fileA);
    assertThat(north.getValue()).isZero();
    // Nothing near the north road: its zero cites both files, in the order of their first events.
    assertThat(north.citation().sources())
        .extracting(SourceRef::sha256)
        .containsExactly(fileB, fileA);
    // The same figures as rating every event of the filter.
    CorridorReport whole =
        CorridorReport.of(
            twoRoads.capital(),
            Corridors.build(twoRoads, graph()),
            graph().sources(),
            store.analytics().listEventPoints(CorridorReport.eventFilter(request), true),
            WINDOW,
            CorridorReport.DEFAULT_BUFFER_KM,
            CorridorReport.eventFilter(request),
            END);
    assertThat(r.listFigures()).isEqualTo(whole.listFigures());
  }

  private static Event ambush(String id, LocalDate day, double latitude, String sha) {
    return Event.builder(SourceSystem.ACLED, id)
        .date(day)
        .eventType(EventType.BATTLES)
        .subEventType("Armed clash")
        .countryIso3("TST")
        .actor(ActorRole.ACTOR_1, "JNIM", 2)
        .point(latitude, -7.5)
        .notes("JNIM ambushed a convoy on the road")
        .provenance(new Provenance(sha + ".csv", sha, 2, null, Instant.now()))
        .build();
  }

  private static void write(InMemoryStore store, String sha, Event event) {
    try (FileWrite w = store.events().begin(new FileRef(sha + ".csv", sha + ".csv", sha))) {
      w.accepted(StagedEvent.of(event), new LineRange(2, 2));
      w.commit("acled", 1, ranges -> Map.of());
    }
  }

  @Test
  void aQuietCorridorIsOpenWithNoLastIncident() throws IOException {
    List<Corridor> corridors =
        Corridors.build(profile(new NamedPlace("Sikasso", 12.0, -6.0)), graph());
    CorridorReport r =
        CorridorReport.of(
            new NamedPlace("Capital", 12.0, -8.0),
            corridors,
            List.of(),
            List.of(
                event(
                    "old",
                    END.minusDays(200),
                    EventType.BATTLES,
                    "Armed clash",
                    12.0,
                    -7.5,
                    "ambush")),
            WINDOW,
            10,
            Map.of(),
            "test events",
            END);

    assertThat(r.corridors().get(0).status()).isEqualTo(SegmentStatus.OPEN);
    assertThat(r.getFigure("corridor.east.status").getValue()).isZero();
    assertThat(r.getFigure("corridor.east.days_since_last_incident").getValue()).isEqualTo(200.0);
    CorridorReport r2 =
        CorridorReport.of(
            new NamedPlace("Capital", 12.0, -8.0),
            corridors,
            List.of(),
            List.of(),
            WINDOW,
            10,
            Map.of(),
            "test events",
            END);
    assertThat(r2.getFigure("corridor.east.days_since_last_incident").value()).isNull();
    assertThat(r2.getFigure("corridor.east.days_since_last_incident").note())
        .contains("no passage-affecting event");
    assertThat(r2.getFigure("corridor.east.blockade_index").getValue()).isZero();
  }
}
