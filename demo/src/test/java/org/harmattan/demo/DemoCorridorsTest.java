package org.harmattan.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.harmattan.analytics.corridors.CorridorReport;
import org.harmattan.analytics.corridors.Corridors;
import org.harmattan.analytics.corridors.RoadGraph;
import org.harmattan.analytics.corridors.SegmentStatus;
import org.harmattan.domain.event.EventType;
import org.harmattan.domain.figure.Period;
import org.harmattan.domain.figure.SourceRef;
import org.harmattan.engine.query.EventPoint;
import org.harmattan.reference.profile.CountryProfile;
import org.harmattan.reference.profile.CountryProfiles;
import org.harmattan.reference.roads.RoadNetworkReader;
import org.harmattan.testsupport.PlainCsv;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The demo's own road graph carries Mali's shipped corridors, and the scenario blocks them. */
class DemoCorridorsTest {
  @TempDir Path dir;

  @Test
  void roadFilesAreDeterministicAndTheirLengthsAreHaversineDistances() throws IOException {
    SyntheticScenario.writeRoads(dir.resolve("a"));
    SyntheticScenario.writeRoads(dir.resolve("b"));

    for (String f : List.of(SyntheticScenario.ROAD_NODES_FILE, SyntheticScenario.ROAD_EDGES_FILE)) {
      assertThat(Files.readAllBytes(dir.resolve("a").resolve(f)))
          .isEqualTo(Files.readAllBytes(dir.resolve("b").resolve(f)));
    }
    Map<String, double[]> nodes = new HashMap<>();
    for (Map<String, String> n :
        PlainCsv.readMaps(dir.resolve("a").resolve(SyntheticScenario.ROAD_NODES_FILE), 0)) {
      nodes.put(
          n.get("Agglomeration_ID"),
          new double[] {Double.parseDouble(n.get("y")), Double.parseDouble(n.get("x"))});
    }
    List<Map<String, String>> edges =
        PlainCsv.readMaps(dir.resolve("a").resolve(SyntheticScenario.ROAD_EDGES_FILE), 0);
    assertThat(edges).isNotEmpty();
    for (Map<String, String> e : edges) {
      double[] a = nodes.get(e.get("from"));
      double[] b = nodes.get(e.get("to"));
      double h =
          Math.pow(Math.sin(Math.toRadians(b[0] - a[0]) / 2), 2)
              + Math.cos(Math.toRadians(a[0]))
                  * Math.cos(Math.toRadians(b[0]))
                  * Math.pow(Math.sin(Math.toRadians(b[1] - a[1]) / 2), 2);
      assertThat(Double.parseDouble(e.get("l")))
          .isCloseTo(2 * 6371.0088 * Math.asin(Math.sqrt(h)), within(0.01));
    }
    RoadGraph g = RoadGraph.of(RoadNetworkReader.readDirectory(dir.resolve("a")));
    assertThat(g.nodeCount()).isEqualTo(nodes.size());
    assertThat(g.edgeCount()).isEqualTo(edges.size());
  }

  @Test
  void theBlockadeLeavesTheDakarAndAbidjanCorridorsBlockedAtTheEnd() {
    SyntheticScenario scenario = new SyntheticScenario(SyntheticScenario.defaultSpec());
    SyntheticScenario.writeRoads(dir);
    CountryProfile mali = CountryProfiles.shipped().find("MLI").orElseThrow();
    RoadGraph graph = RoadGraph.of(RoadNetworkReader.readDirectory(dir));
    LocalDate end = scenario.spec().end();
    SourceRef src = new SourceRef("ACLED", "demo.csv", "0");
    List<String> h = SyntheticScenario.HEADER;
    List<EventPoint> events = new ArrayList<>();
    for (List<String> r : scenario.rows()) {
      events.add(
          new EventPoint(
              r.get(h.indexOf("event_id_cnty")),
              LocalDate.parse(r.get(h.indexOf("event_date"))),
              EventType.findByLabel(r.get(h.indexOf("event_type"))).orElseThrow(),
              r.get(h.indexOf("sub_event_type")),
              Double.parseDouble(r.get(h.indexOf("latitude"))),
              Double.parseDouble(r.get(h.indexOf("longitude"))),
              List.of(r.get(h.indexOf("actor1"))),
              Long.parseLong(r.get(h.indexOf("fatalities"))),
              r.get(h.indexOf("location")),
              r.get(h.indexOf("notes")),
              src,
              end));
    }

    CorridorReport report =
        CorridorReport.of(
            mali.capital(),
            Corridors.build(mali, graph),
            graph.sources(),
            events,
            new Period(LocalDate.of(end.getYear(), 1, 1), end),
            CorridorReport.DEFAULT_BUFFER_KM,
            Map.of("country", "MLI"),
            "demo events",
            end);

    assertThat(report.corridors())
        .extracting(c -> c.corridor().end().name())
        .containsExactly("Diboli", "Zégoua", "Mopti");
    // The default seed's values, the same as the demo brief's.
    Map<String, double[]> expected =
        Map.of(
            "dakar",
            new double[] {47, 95.29419146072591},
            "abidjan",
            new double[] {58, 91.60518695564078});
    for (String slug : List.of("dakar", "abidjan")) {
      assertThat(report.getFigure("corridor." + slug + ".status").getValue())
          .as(slug)
          .isEqualTo(SegmentStatus.BLOCKED.code());
      assertThat(report.getFigure("corridor." + slug + ".passage_events").getValue())
          .as(slug)
          .isEqualTo(expected.get(slug)[0]);
      assertThat(report.getFigure("corridor." + slug + ".blockade_index").getValue())
          .as(slug)
          .isCloseTo(expected.get(slug)[1], within(1e-9));
    }
  }
}
