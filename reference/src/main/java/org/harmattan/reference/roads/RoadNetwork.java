package org.harmattan.reference.roads;

import static java.util.Objects.requireNonNull;

import java.util.List;
import org.harmattan.domain.figure.SourceRef;

/**
 * A road graph as read from its files: the nodes and the undirected edges in file order, and the
 * files themselves for citations. Every edge joins two distinct nodes of the list.
 *
 * @param nodes the towns and junctions, in file order, ids unique
 * @param edges the roads between them, in file order
 * @param sources the nodes and edges files, with their SHA-256
 */
public record RoadNetwork(List<Node> nodes, List<Edge> edges, List<SourceRef> sources) {
  public RoadNetwork {
    nodes = List.copyOf(nodes);
    edges = List.copyOf(edges);
    sources = List.copyOf(sources);
  }

  /**
   * A node: a town (agglomeration) or a road junction (named {@code road}).
   *
   * @param id the Agglomeration_ID
   * @param name agglosName
   * @param latitude y
   * @param longitude x
   * @param population Pop2015 (0 for junctions)
   * @param iso3 the country
   */
  public record Node(
      String id, String name, double latitude, double longitude, long population, String iso3) {
    public Node {
      requireNonNull(id, "id");
      requireNonNull(name, "name");
      requireNonNull(iso3, "iso3");
    }

    /** True for the graph's unnamed road junctions (agglosName {@code road}). */
    public boolean junction() {
      return "road".equals(name);
    }

    /** "Kayes", or "road junction 1139844", for messages that must name the node exactly. */
    public String label() {
      return junction() ? "road junction " + id : name;
    }
  }

  /**
   * A road between two nodes, in either direction.
   *
   * @param from the id of one end
   * @param to the id of the other end
   * @param lengthKm the road's length (column l)
   */
  public record Edge(String from, String to, double lengthKm) {
    public Edge {
      requireNonNull(from, "from");
      requireNonNull(to, "to");
      if (!(lengthKm >= 0)) {
        throw new IllegalArgumentException("edge " + from + "-" + to + ": length " + lengthKm);
      }
    }
  }
}
