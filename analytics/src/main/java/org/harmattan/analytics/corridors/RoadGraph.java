package org.harmattan.analytics.corridors;

import static java.util.Objects.requireNonNull;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.harmattan.analytics.capital.Geo;
import org.harmattan.domain.figure.SourceRef;
import org.harmattan.domain.text.Texts;
import org.harmattan.reference.roads.RoadNetwork;
import org.harmattan.reference.roads.RoadNetwork.Edge;
import org.harmattan.reference.roads.RoadNetwork.Node;
import org.jgrapht.Graph;
import org.jgrapht.GraphPath;
import org.jgrapht.alg.shortestpath.DijkstraShortestPath;
import org.jgrapht.graph.DefaultWeightedEdge;
import org.jgrapht.graph.WeightedMultigraph;

/**
 * A road network as a graph to route on: undirected, each edge weighted by its length in km; nodes
 * and edges enter in file order, so that equal-length paths are broken the same way every run.
 */
public final class RoadGraph {
  private final Map<String, Node> nodes;
  private final Graph<String, DefaultWeightedEdge> graph;
  private final List<SourceRef> sources;

  private RoadGraph(
      Map<String, Node> nodes, Graph<String, DefaultWeightedEdge> graph, List<SourceRef> sources) {
    this.nodes = nodes;
    this.graph = graph;
    this.sources = List.copyOf(sources);
  }

  /** The graph of a network read by {@link org.harmattan.reference.roads.RoadNetworkReader}. */
  public static RoadGraph of(RoadNetwork network) {
    requireNonNull(network, "network");
    Map<String, Node> nodes = new LinkedHashMap<>();
    Graph<String, DefaultWeightedEdge> graph = new WeightedMultigraph<>(DefaultWeightedEdge.class);
    for (Node n : network.nodes()) {
      if (nodes.putIfAbsent(n.id(), n) != null) {
        throw new IllegalArgumentException("node " + n.id() + " appears twice in the network");
      }
      graph.addVertex(n.id());
    }
    for (Edge e : network.edges()) {
      DefaultWeightedEdge edge = graph.addEdge(e.from(), e.to());
      graph.setEdgeWeight(edge, e.lengthKm());
    }
    return new RoadGraph(nodes, graph, network.sources());
  }

  /** Every node, in file order. */
  public Collection<Node> listNodes() {
    return nodes.values();
  }

  public int nodeCount() {
    return nodes.size();
  }

  public int edgeCount() {
    return graph.edgeSet().size();
  }

  /** The node with {@code id}; throws when absent. */
  public Node getNode(String id) {
    Node n = nodes.get(id);
    if (n == null) {
      throw new IllegalArgumentException("no node " + id + " in the road graph");
    }
    return n;
  }

  /** The nodes and edges files, with their SHA-256, for citations. */
  public List<SourceRef> sources() {
    return sources;
  }

  /**
   * How a node reads in a brief: a town by its name, a junction as "junction near" the nearest town
   * of the graph (no ids in running text), in the words of {@code texts}.
   */
  public String describe(Node node, Texts texts) {
    if (!node.junction()) {
      return node.name();
    }
    Node best = null;
    double bestKm = Double.POSITIVE_INFINITY;
    for (Node n : nodes.values()) {
      double km = Geo.distanceKm(node.latitude(), node.longitude(), n.latitude(), n.longitude());
      if (!n.junction() && km < bestKm) {
        best = n;
        bestKm = km;
      }
    }
    return best == null
        ? texts.t("corridors.junction")
        : texts.t("corridors.junction_near", best.name());
  }

  /** The node nearest (haversine) to a point; empty only for an empty graph. */
  public Optional<Node> findNearest(double latitude, double longitude) {
    Node best = null;
    double bestKm = Double.POSITIVE_INFINITY;
    for (Node n : nodes.values()) {
      double km = Geo.distanceKm(latitude, longitude, n.latitude(), n.longitude());
      if (km < bestKm) {
        best = n;
        bestKm = km;
      }
    }
    return Optional.ofNullable(best);
  }

  /**
   * The shortest path by length from {@code from} to {@code to}: its nodes and the length of each
   * step (km), or empty when they are not connected.
   */
  Optional<Route> findShortestPath(String from, String to) {
    if (from.equals(to)) {
      return Optional.of(new Route(List.of(getNode(from)), List.of()));
    }
    GraphPath<String, DefaultWeightedEdge> p = new DijkstraShortestPath<>(graph).getPath(from, to);
    if (p == null) {
      return Optional.empty();
    }
    List<Node> path = p.getVertexList().stream().map(this::getNode).toList();
    List<Double> km = p.getEdgeList().stream().map(graph::getEdgeWeight).toList();
    return Optional.of(new Route(path, km));
  }

  /** A path: n nodes and n - 1 step lengths. */
  record Route(List<Node> nodes, List<Double> stepKm) {}
}
