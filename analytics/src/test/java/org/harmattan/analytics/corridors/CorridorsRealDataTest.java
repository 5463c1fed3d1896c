package org.harmattan.analytics.corridors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import org.harmattan.reference.profile.CountryProfile;
import org.harmattan.reference.profile.CountryProfile.NamedPlace;
import org.harmattan.reference.profile.CountryProfiles;
import org.harmattan.reference.roads.RoadNetwork;
import org.harmattan.reference.roads.RoadNetworkReader;
import org.harmattan.testsupport.PlainCsv;
import org.harmattan.testsupport.SharedData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The shipped corridors on the real African Urban Network graph. Expected lengths come from a plain
 * Dijkstra over the raw edges CSV written here, between nodes snapped by a plain nearest-node
 * search; expected event counts from a plain point-to-segment loop over the raw ACLED Mali file.
 */
class CorridorsRealDataTest {
  private static final double R = 6371.0088;
  private static Path dir;
  private static RoadGraph graph;
  private static Map<String, double[]> nodes;
  private static Map<String, Map<String, Double>> adjacent;

  @BeforeAll
  static void read() {
    dir = SharedData.require("roads_african_urban_network/AfricaNetworkEdges.csv").getParent();
    graph = RoadGraph.of(RoadNetworkReader.readDirectory(dir));
    nodes = new HashMap<>();
    for (Map<String, String> r : PlainCsv.readMaps(dir.resolve("AfricaNetworkNodes.utf8.csv"), 0)) {
      nodes.put(
          r.get("Agglomeration_ID"),
          new double[] {Double.parseDouble(r.get("y")), Double.parseDouble(r.get("x"))});
    }
    adjacent = new HashMap<>();
    for (Map<String, String> r : PlainCsv.readMaps(dir.resolve("AfricaNetworkEdges.csv"), 0)) {
      double l = Double.parseDouble(r.get("l"));
      adjacent
          .computeIfAbsent(r.get("from"), k -> new HashMap<>())
          .merge(r.get("to"), l, Math::min);
      adjacent
          .computeIfAbsent(r.get("to"), k -> new HashMap<>())
          .merge(r.get("from"), l, Math::min);
    }
  }

  private static double haversine(double lat1, double lon1, double lat2, double lon2) {
    double h =
        Math.pow(Math.sin(Math.toRadians(lat2 - lat1) / 2), 2)
            + Math.cos(Math.toRadians(lat1))
                * Math.cos(Math.toRadians(lat2))
                * Math.pow(Math.sin(Math.toRadians(lon2 - lon1) / 2), 2);
    return 2 * R * Math.asin(Math.sqrt(h));
  }

  private static String nearest(NamedPlace p) {
    String best = null;
    double km = Double.MAX_VALUE;
    for (Map.Entry<String, double[]> n : nodes.entrySet()) {
      double d = haversine(p.latitude(), p.longitude(), n.getValue()[0], n.getValue()[1]);
      if (d < km) {
        km = d;
        best = n.getKey();
      }
    }
    return best;
  }

  /** Shortest distance and path from a to b. */
  private static List<String> dijkstra(String a, String b, double[] km) {
    Map<String, Double> dist = new HashMap<>();
    Map<String, String> prev = new HashMap<>();
    PriorityQueue<Object[]> q =
        new PriorityQueue<>((x, y) -> Double.compare((double) x[1], (double) y[1]));
    dist.put(a, 0.0);
    q.add(new Object[] {a, 0.0});
    while (!q.isEmpty()) {
      Object[] top = q.poll();
      String u = (String) top[0];
      double d = (double) top[1];
      if (d > dist.get(u)) {
        continue;
      }
      if (u.equals(b)) {
        break;
      }
      for (Map.Entry<String, Double> e : adjacent.getOrDefault(u, Map.of()).entrySet()) {
        double nd = d + e.getValue();
        if (nd < dist.getOrDefault(e.getKey(), Double.MAX_VALUE)) {
          dist.put(e.getKey(), nd);
          prev.put(e.getKey(), u);
          q.add(new Object[] {e.getKey(), nd});
        }
      }
    }
    km[0] += dist.get(b);
    List<String> path = new ArrayList<>();
    for (String v = b; v != null; v = prev.get(v)) {
      path.add(0, v);
      if (v.equals(a)) {
        break;
      }
    }
    return path;
  }

  /** The expected node path and length of a corridor. */
  private static List<String> expectedPath(
      CountryProfile p, CountryProfile.CorridorSpec c, double[] km) {
    List<NamedPlace> places = new ArrayList<>();
    places.add(p.capital());
    places.addAll(c.via());
    places.add(c.to());
    List<String> path = new ArrayList<>();
    path.add(nearest(places.get(0)));
    for (int i = 1; i < places.size(); i++) {
      List<String> leg = dijkstra(nearest(places.get(i - 1)), nearest(places.get(i)), km);
      path.addAll(leg.subList(1, leg.size()));
    }
    return path;
  }

  @Test
  void readsEveryNodeAndEdgeOfTheLatin1File() {
    assertThat(graph.nodeCount()).isEqualTo(nodes.size());
    assertThat(graph.edgeCount())
        .isEqualTo(PlainCsv.readAll(dir.resolve("AfricaNetworkEdges.csv")).size() - 1);
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
        double[] km = {0};
        List<String> path = expectedPath(p, c.spec(), km);
        assertThat(c.nodes()).extracting(RoadNetwork.Node::id).as(c.spec().slug()).isEqualTo(path);
        assertThat(c.lengthKm()).as(iso3 + " " + c.spec().slug()).isCloseTo(km[0], within(1e-6));
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
    int total = 0;
    for (Corridor c : Corridors.build(mali, graph)) {
      List<String> path = expectedPath(mali, c.spec(), new double[] {0});
      long expected = 0;
      long actual = 0;
      for (double[] e : events) {
        double best = Double.MAX_VALUE;
        for (int i = 1; i < path.size(); i++) {
          best =
              Math.min(best, plainDistance(e, nodes.get(path.get(i - 1)), nodes.get(path.get(i))));
        }
        if (best <= 10) {
          expected++;
        }
        if (Corridors.snap(c, e[0], e[1], 10).isPresent()) {
          actual++;
        }
      }
      assertThat(actual).as(c.spec().slug()).isEqualTo(expected);
      total += (int) expected;
    }
    assertThat(total).as("some real events lie on the corridors").isPositive();
  }

  /** Point to segment in km on a plane tangent at the point: clamp the projection parameter. */
  private static double plainDistance(double[] p, double[] a, double[] b) {
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
