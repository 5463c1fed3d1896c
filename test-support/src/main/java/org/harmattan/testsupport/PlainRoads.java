package org.harmattan.testsupport;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;

/**
 * The African Urban Network road graph read with {@link PlainCsv} and routed by a plain Dijkstra,
 * independent of the product's graph reader and router (JGraphT), so that tests compare corridor
 * paths and lengths with ones computed another way. Edges are undirected; of parallel edges the
 * shortest counts. Places are snapped to the nearest node by haversine distance.
 */
public final class PlainRoads {
  /** The mean Earth radius (IUGG), in km. */
  public static final double EARTH_RADIUS_KM = 6371.0088;

  /** The nodes file, re-encoded to UTF-8 (the original is Latin-1). */
  public static final String NODES_UTF8 = "AfricaNetworkNodes.utf8.csv";

  public static final String EDGES = "AfricaNetworkEdges.csv";

  /**
   * A shortest route.
   *
   * @param nodes the node ids in path order
   * @param lengthKm the sum of the edge lengths {@code l}
   */
  public record Route(List<String> nodes, double lengthKm) {
    public Route {
      nodes = List.copyOf(nodes);
    }
  }

  private final Map<String, double[]> positions = new HashMap<>();
  private final Map<String, Map<String, Double>> adjacent = new HashMap<>();
  private final int edgeRows;

  private PlainRoads(Path dir) {
    for (Map<String, String> r : PlainCsv.readMaps(dir.resolve(NODES_UTF8), 0)) {
      positions.put(
          r.get("Agglomeration_ID"),
          new double[] {Double.parseDouble(r.get("y")), Double.parseDouble(r.get("x"))});
    }
    List<Map<String, String>> edges = PlainCsv.readMaps(dir.resolve(EDGES), 0);
    for (Map<String, String> r : edges) {
      double l = Double.parseDouble(r.get("l"));
      adjacent
          .computeIfAbsent(r.get("from"), k -> new HashMap<>())
          .merge(r.get("to"), l, Math::min);
      adjacent
          .computeIfAbsent(r.get("to"), k -> new HashMap<>())
          .merge(r.get("from"), l, Math::min);
    }
    edgeRows = edges.size();
  }

  /**
   * The graph in {@code roads_african_urban_network} of shared/data; skips the calling test when
   * the files are absent.
   */
  public static PlainRoads require() {
    Path edges = SharedData.require("roads_african_urban_network/" + EDGES);
    SharedData.require("roads_african_urban_network/" + NODES_UTF8);
    return new PlainRoads(edges.getParent());
  }

  /** The graph in {@code dir} (its {@value #NODES_UTF8} and {@value #EDGES}). */
  public static PlainRoads read(Path dir) {
    return new PlainRoads(dir);
  }

  public int nodeCount() {
    return positions.size();
  }

  /** Data rows of the edges file. */
  public int edgeRows() {
    return edgeRows;
  }

  /** Latitude and longitude of a node. */
  public double[] position(String id) {
    double[] p = positions.get(id);
    if (p == null) {
      throw new IllegalArgumentException("no node " + id);
    }
    return p.clone();
  }

  /** The length {@code l} of the shortest edge between two nodes. */
  public double edgeKm(String a, String b) {
    Double l = adjacent.getOrDefault(a, Map.of()).get(b);
    if (l == null) {
      throw new IllegalArgumentException("no edge " + a + "-" + b);
    }
    return l;
  }

  /** The node nearest to a point by haversine distance. */
  public String nearest(double latitude, double longitude) {
    String best = null;
    double km = Double.MAX_VALUE;
    for (Map.Entry<String, double[]> n : positions.entrySet()) {
      double d = haversineKm(latitude, longitude, n.getValue()[0], n.getValue()[1]);
      if (d < km) {
        km = d;
        best = n.getKey();
      }
    }
    return best;
  }

  /** The shortest route between two nodes. */
  public Route shortest(String from, String to) {
    Map<String, Double> dist = new HashMap<>();
    Map<String, String> prev = new HashMap<>();
    PriorityQueue<Map.Entry<String, Double>> queue =
        new PriorityQueue<>(Map.Entry.comparingByValue());
    dist.put(from, 0.0);
    queue.add(Map.entry(from, 0.0));
    while (!queue.isEmpty()) {
      Map.Entry<String, Double> top = queue.poll();
      String u = top.getKey();
      double d = top.getValue();
      if (d > dist.get(u)) {
        continue;
      }
      if (u.equals(to)) {
        break;
      }
      for (Map.Entry<String, Double> e : adjacent.getOrDefault(u, Map.of()).entrySet()) {
        double nd = d + e.getValue();
        if (nd < dist.getOrDefault(e.getKey(), Double.MAX_VALUE)) {
          dist.put(e.getKey(), nd);
          prev.put(e.getKey(), u);
          queue.add(Map.entry(e.getKey(), nd));
        }
      }
    }
    if (!dist.containsKey(to)) {
      throw new IllegalArgumentException("no route from " + from + " to " + to);
    }
    List<String> path = new ArrayList<>();
    for (String v = to; ; v = prev.get(v)) {
      path.add(0, v);
      if (v.equals(from)) {
        break;
      }
    }
    return new Route(path, dist.get(to));
  }

  /**
   * The route through places given as {latitude, longitude}, each snapped to its nearest node: the
   * legs between consecutive places joined, their lengths summed.
   */
  public Route through(List<double[]> places) {
    List<String> path = new ArrayList<>();
    path.add(nearest(places.get(0)[0], places.get(0)[1]));
    double km = 0;
    for (int i = 1; i < places.size(); i++) {
      Route leg = shortest(path.get(path.size() - 1), nearest(places.get(i)[0], places.get(i)[1]));
      path.addAll(leg.nodes().subList(1, leg.nodes().size()));
      km += leg.lengthKm();
    }
    return new Route(path, km);
  }

  /** Great-circle distance in km on a sphere of radius {@value #EARTH_RADIUS_KM}. */
  public static double haversineKm(double lat1, double lon1, double lat2, double lon2) {
    double h =
        Math.pow(Math.sin(Math.toRadians(lat2 - lat1) / 2), 2)
            + Math.cos(Math.toRadians(lat1))
                * Math.cos(Math.toRadians(lat2))
                * Math.pow(Math.sin(Math.toRadians(lon2 - lon1) / 2), 2);
    return 2 * EARTH_RADIUS_KM * Math.asin(Math.sqrt(h));
  }
}
