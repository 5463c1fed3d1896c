package org.harmattan.analytics.corridors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.harmattan.reference.profile.CountryProfile;
import org.harmattan.reference.profile.CountryProfile.NamedPlace;
import org.harmattan.reference.profile.CountryProfiles;
import org.harmattan.reference.roads.RoadNetwork;
import org.harmattan.reference.roads.RoadNetworkReader;
import org.harmattan.testsupport.PlainCsv;
import org.harmattan.testsupport.PlainRoads;
import org.harmattan.testsupport.SharedData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The shipped corridors on the real African Urban Network graph. Expected paths and lengths come
 * from test-support's plain Dijkstra over the raw CSVs ({@link PlainRoads}), between nodes snapped
 * by a plain nearest-node search; expected event counts from a plain point-to-segment loop over the
 * raw ACLED Mali file.
 */
class CorridorsRealDataTest {
  private static final double R = PlainRoads.EARTH_RADIUS_KM;
  private static Path dir;
  private static RoadGraph graph;
  private static PlainRoads plain;

  @BeforeAll
  static void read() {
    plain = PlainRoads.require();
    dir = SharedData.require("roads_african_urban_network/AfricaNetworkEdges.csv").getParent();
    graph = RoadGraph.of(RoadNetworkReader.readDirectory(dir));
  }

  /** The expected route of a corridor: capital, via places, destination. */
  static PlainRoads.Route expectedRoute(
      PlainRoads plain, CountryProfile p, CountryProfile.CorridorSpec c) {
    List<double[]> places = new ArrayList<>();
    places.add(new double[] {p.capital().latitude(), p.capital().longitude()});
    for (NamedPlace v : c.via()) {
      places.add(new double[] {v.latitude(), v.longitude()});
    }
    places.add(new double[] {c.to().latitude(), c.to().longitude()});
    return plain.through(places);
  }

  @Test
  void readsEveryNodeAndEdgeOfTheLatin1File() {
    // MANIFEST.md: 7,361 nodes and 9,159 edges
    assertThat(graph.nodeCount()).isEqualTo(plain.nodeCount()).isEqualTo(7_361);
    assertThat(graph.edgeCount()).isEqualTo(plain.edgeRows()).isEqualTo(9_159);
    assertThat(graph.getNode("7835").name()).isEqualTo("Ségou");
    assertThat(graph.getNode("1547").population()).isEqualTo(2_781_734);
  }

  @Test
  void shippedCorridorLengthsMatchAPlainDijkstra() {
    for (String iso3 : List.of("MLI", "BFA", "NER")) {
      CountryProfile p = CountryProfiles.shipped().find(iso3).orElseThrow();
      List<Corridor> built = Corridors.build(p, graph);
      assertThat(built).hasSameSizeAs(p.corridors()).isNotEmpty();
      for (Corridor c : built) {
        PlainRoads.Route expected = expectedRoute(plain, p, c.spec());
        assertThat(c.nodes())
            .extracting(RoadNetwork.Node::id)
            .as(c.spec().slug())
            .isEqualTo(expected.nodes());
        assertThat(c.lengthKm())
            .as(iso3 + " " + c.spec().slug())
            .isCloseTo(expected.lengthKm(), within(1e-6));
      }
    }
  }

  @Test
  void maliCorridorsEndWhereTheNearestNodeToTheirDestinationIs() {
    List<Corridor> mali =
        Corridors.build(CountryProfiles.shipped().find("MLI").orElseThrow(), graph);

    assertThat(mali)
        .extracting(c -> c.end().name())
        .containsExactly("Kayes", "Ouangolodougou", "Mopti (centre)");
  }

  @Test
  void eventsWithin10kmMatchAPlainPointToSegmentLoop() {
    Path acled = SharedData.require("acled/acled_mali_2017-01-01_2019-02-27__AC0519.csv");
    List<double[]> events = new ArrayList<>();
    for (Map<String, String> r : PlainCsv.readMaps(acled, 0)) {
      events.add(
          new double[] {
            Double.parseDouble(r.get("latitude")), Double.parseDouble(r.get("longitude"))
          });
    }
    CountryProfile mali = CountryProfiles.shipped().find("MLI").orElseThrow();
    Map<String, Long> counts = new LinkedHashMap<>();
    for (Corridor c : Corridors.build(mali, graph)) {
      List<String> path = expectedRoute(plain, mali, c.spec()).nodes();
      long expected = 0;
      long actual = 0;
      for (double[] e : events) {
        double best = Double.MAX_VALUE;
        for (int i = 1; i < path.size(); i++) {
          best =
              Math.min(
                  best,
                  plainDistance(e, plain.position(path.get(i - 1)), plain.position(path.get(i))));
        }
        if (best <= 10) {
          expected++;
        }
        if (Corridors.snap(c, e[0], e[1], 10).isPresent()) {
          actual++;
        }
      }
      assertThat(actual).as(c.spec().slug()).isEqualTo(expected);
      counts.put(c.spec().slug(), expected);
    }
    // Of the file's 1,339 events (any date); counted again outside Java, with Python's csv module
    // and a heapq Dijkstra, when this was written.
    assertThat(counts)
        .containsExactly(entry("dakar", 72L), entry("abidjan", 67L), entry("mopti", 106L));
  }

  /** Point to segment in km on a plane tangent at the point: clamp the projection parameter. */
  static double plainDistance(double[] p, double[] a, double[] b) {
    double kx = Math.toRadians(1) * R * Math.cos(Math.toRadians(p[0]));
    double ky = Math.toRadians(1) * R;
    double ax = (a[1] - p[1]) * kx;
    double ay = (a[0] - p[0]) * ky;
    double bx = (b[1] - p[1]) * kx;
    double by = (b[0] - p[0]) * ky;
    double vx = bx - ax;
    double vy = by - ay;
    double t = (vx * vx + vy * vy) == 0 ? 0 : -(ax * vx + ay * vy) / (vx * vx + vy * vy);
    t = Math.max(0, Math.min(1, t));
    return Math.sqrt(Math.pow(ax + t * vx, 2) + Math.pow(ay + t * vy, 2));
  }
}
