package org.harmattan.analytics.corridors;

import static java.util.Objects.requireNonNull;

import java.util.List;
import org.harmattan.reference.profile.CountryProfile.CorridorSpec;
import org.harmattan.reference.profile.CountryProfile.NamedPlace;
import org.harmattan.reference.roads.RoadNetwork;

/**
 * A supply corridor on the road graph: the shortest path from the capital through the profile's
 * places.
 *
 * @param spec the profile entry
 * @param snaps each profile place (capital, via…, to) and the graph node it was snapped to
 * @param nodes the node path
 * @param segments consecutive node pairs, in path order
 */
public record Corridor(
    CorridorSpec spec, List<Snap> snaps, List<RoadNetwork.Node> nodes, List<Segment> segments) {
  public Corridor {
    requireNonNull(spec, "spec");
    snaps = List.copyOf(snaps);
    nodes = List.copyOf(nodes);
    segments = List.copyOf(segments);
  }

  /** Total length along the road graph, in km. */
  public double lengthKm() {
    return segments.stream().mapToDouble(Segment::lengthKm).sum();
  }

  /** The node the corridor ends at. */
  public RoadNetwork.Node end() {
    return nodes.get(nodes.size() - 1);
  }

  /** How the end node reads in text: its name, or "junction near …" for a road junction. */
  public String endLabel() {
    return segments.isEmpty() ? end().name() : segments.get(segments.size() - 1).toLabel();
  }

  /**
   * A profile place and its graph node.
   *
   * @param place the profile's place
   * @param node the nearest graph node
   * @param distanceKm haversine distance between them
   * @param border true when the place is a border crossing, which the graph has no node for
   */
  public record Snap(NamedPlace place, RoadNetwork.Node node, double distanceKm, boolean border) {
    public Snap {
      requireNonNull(place, "place");
      requireNonNull(node, "node");
    }
  }

  /**
   * One edge of the path.
   *
   * @param index 0-based position along the corridor
   * @param from start node
   * @param to end node
   * @param lengthKm the edge's {@code l}
   * @param label the segment named by the towns around it ({@link Corridors#townLabel})
   * @param toLabel the end as text ({@link RoadGraph#describe})
   */
  public record Segment(
      int index,
      RoadNetwork.Node from,
      RoadNetwork.Node to,
      double lengthKm,
      String label,
      String toLabel) {
    public Segment {
      requireNonNull(from, "from");
      requireNonNull(to, "to");
      requireNonNull(label, "label");
      requireNonNull(toLabel, "toLabel");
    }
  }
}
