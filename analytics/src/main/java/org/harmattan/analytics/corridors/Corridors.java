package org.harmattan.analytics.corridors;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.harmattan.analytics.capital.Geo;
import org.harmattan.analytics.text.AnalyticsTexts;
import org.harmattan.domain.error.HarmattanException;
import org.harmattan.domain.problem.ProblemCode;
import org.harmattan.domain.text.Language;
import org.harmattan.domain.text.Texts;
import org.harmattan.engine.query.EventFilter;
import org.harmattan.reference.profile.CountryProfile;
import org.harmattan.reference.profile.CountryProfile.CorridorSpec;
import org.harmattan.reference.profile.CountryProfile.NamedPlace;
import org.harmattan.reference.roads.RoadNetwork;

/**
 * Builds a profile's corridors on a road graph. Each place (the capital, every {@code via}, the
 * {@code to}) is snapped to the nearest graph node, which must lie within the profile's {@code
 * roads.max_snap_km}; the corridor is the concatenation of the shortest paths (by edge length)
 * between consecutive snapped nodes.
 *
 * <p>A border crossing has no node in the African Urban Network, whose border edges run straight
 * from the last town on one side to the first on the other. A destination whose name says it is a
 * border ("Senegal border", "frontière …") therefore ends the corridor at the graph node nearest to
 * it, which may lie up to {@link #BORDER_SNAP_KM} km away, on either side; {@link Corridor.Snap}
 * records which node and how far.
 */
public final class Corridors {
  /** How far a border destination may be from the node that ends its corridor. */
  public static final double BORDER_SNAP_KM = 100;

  /** How far a box of consecutive segments may reach beyond the width of its last segment. */
  private static final double BOX_SPAN_DEGREES = 1.0;

  private static final Pattern BORDER = Pattern.compile("(?iu).*\\b(border|fronti[eè]re)\\b.*");

  private Corridors() {}

  /**
   * The profile's corridors, in profile order, their segments named in English (as the alerts write
   * them).
   *
   * @throws HarmattanException (user input) naming the corridor and place when a place is farther
   *     than the tolerance from every node, or when two places are not connected
   */
  public static List<Corridor> build(CountryProfile profile, RoadGraph graph) {
    return build(profile, graph, Language.EN);
  }

  /**
   * The profile's corridors, in profile order, their segments named in {@code language} (a road
   * junction reads "junction near Ségou", "carrefour près de Ségou").
   *
   * @throws HarmattanException (user input) naming the corridor and place when a place is farther
   *     than the tolerance from every node, or when two places are not connected
   */
  public static List<Corridor> build(CountryProfile profile, RoadGraph graph, Language language) {
    requireNonNull(profile, "profile");
    requireNonNull(graph, "graph");
    Texts texts = AnalyticsTexts.of(language);
    List<Corridor> out = new ArrayList<>();
    for (CorridorSpec spec : profile.corridors()) {
      out.add(build(profile, spec, graph, texts));
    }
    return out;
  }

  private static Corridor build(
      CountryProfile profile, CorridorSpec spec, RoadGraph graph, Texts texts) {
    List<NamedPlace> places = new ArrayList<>();
    places.add(profile.capital());
    places.addAll(spec.via());
    places.add(spec.to());
    List<Corridor.Snap> snaps = new ArrayList<>();
    for (int i = 0; i < places.size(); i++) {
      NamedPlace p = places.get(i);
      boolean border = i == places.size() - 1 && BORDER.matcher(p.name()).matches();
      snaps.add(snap(profile, spec, p, border, graph));
    }
    List<RoadNetwork.Node> nodes = new ArrayList<>();
    List<Double> stepKm = new ArrayList<>();
    List<Corridor.Segment> segments = new ArrayList<>();
    nodes.add(snaps.get(0).node());
    for (int i = 1; i < snaps.size(); i++) {
      RoadNetwork.Node a = snaps.get(i - 1).node();
      RoadNetwork.Node b = snaps.get(i).node();
      RoadGraph.Route route =
          graph
              .findShortestPath(a.id(), b.id())
              .orElseThrow(
                  () ->
                      HarmattanException.userInput(
                          ProblemCode.CORRIDOR_UNREACHABLE,
                          "corridor '"
                              + spec.slug()
                              + "' of "
                              + profile.iso3()
                              + ": no road in the graph joins "
                              + a.label()
                              + " (node "
                              + a.id()
                              + ") to "
                              + b.label()
                              + " (node "
                              + b.id()
                              + "); expected a connected road graph, check the edges file or"
                              + " the corridor's places"));
      for (int k = 0; k < route.stepKm().size(); k++) {
        nodes.add(route.nodes().get(k + 1));
        stepKm.add(route.stepKm().get(k));
      }
    }
    for (int k = 0; k < stepKm.size(); k++) {
      RoadNetwork.Node from = nodes.get(k);
      RoadNetwork.Node to = nodes.get(k + 1);
      segments.add(
          new Corridor.Segment(
              k,
              from,
              to,
              stepKm.get(k),
              townLabel(nodes, k, graph, texts),
              graph.describe(to, texts)));
    }
    return new Corridor(spec, snaps, nodes, segments);
  }

  /**
   * A segment named by the towns around it, "Ségou – San": the last town before it and the first
   * after it along the path (the path's ends stand in for towns when they are junctions). The
   * segments between the same two towns make one stretch of road.
   */
  static String townLabel(List<RoadNetwork.Node> nodes, int k, RoadGraph graph, Texts texts) {
    int before = k;
    while (before > 0 && nodes.get(before).junction()) {
      before--;
    }
    int after = k + 1;
    while (after < nodes.size() - 1 && nodes.get(after).junction()) {
      after++;
    }
    return graph.describe(nodes.get(before), texts)
        + " \u2013 "
        + graph.describe(nodes.get(after), texts);
  }

  /**
   * Where a point meets a corridor.
   *
   * @param segment index of the nearest segment
   * @param distanceKm distance to it ({@link Snapping})
   * @param fraction where along the segment the nearest point lies, 0..1
   */
  public record OnCorridor(int segment, double distanceKm, double fraction) {}

  /**
   * Boxes that together hold every point within {@code bufferKm} of any of the corridors (as {@link
   * #snap} measures): {@link Snapping#box} of each segment, consecutive segments sharing a box
   * while it spans at most {@value #BOX_SPAN_DEGREES} degree (latitude plus longitude) more than
   * the last segment's own. An engine narrows events to them before {@link #snap} measures each
   * exactly.
   */
  public static List<EventFilter.Box> neighbourhood(List<Corridor> corridors, double bufferKm) {
    List<EventFilter.Box> boxes = new ArrayList<>();
    for (Corridor c : corridors) {
      EventFilter.Box open = null;
      for (Corridor.Segment s : c.segments()) {
        EventFilter.Box b =
            Snapping.box(
                s.from().latitude(),
                s.from().longitude(),
                s.to().latitude(),
                s.to().longitude(),
                bufferKm);
        EventFilter.Box joined = open == null ? b : union(open, b);
        if (open != null && span(joined) > BOX_SPAN_DEGREES + span(b)) {
          boxes.add(open);
          joined = b;
        }
        open = joined;
      }
      if (open != null) {
        boxes.add(open);
      }
    }
    return boxes;
  }

  private static EventFilter.Box union(EventFilter.Box a, EventFilter.Box b) {
    return new EventFilter.Box(
        Math.min(a.south(), b.south()),
        Math.min(a.west(), b.west()),
        Math.max(a.north(), b.north()),
        Math.max(a.east(), b.east()));
  }

  private static double span(EventFilter.Box b) {
    return b.north() - b.south() + b.east() - b.west();
  }

  /**
   * The corridor segment nearest to a point, when the point lies within {@code bufferKm} of it;
   * ties go to the earlier segment.
   */
  public static Optional<OnCorridor> snap(
      Corridor corridor, double latitude, double longitude, double bufferKm) {
    OnCorridor best = null;
    for (Corridor.Segment s : corridor.segments()) {
      Snapping.OnSegment on =
          Snapping.toSegment(
              latitude,
              longitude,
              s.from().latitude(),
              s.from().longitude(),
              s.to().latitude(),
              s.to().longitude());
      if (best == null || on.distanceKm() < best.distanceKm()) {
        best = new OnCorridor(s.index(), on.distanceKm(), on.fraction());
      }
    }
    return best != null && best.distanceKm() <= bufferKm ? Optional.of(best) : Optional.empty();
  }

  private static Corridor.Snap snap(
      CountryProfile profile, CorridorSpec spec, NamedPlace p, boolean border, RoadGraph graph) {
    RoadNetwork.Node n =
        graph
            .findNearest(p.latitude(), p.longitude())
            .orElseThrow(
                () ->
                    HarmattanException.userInput(
                        ProblemCode.ROAD_GRAPH_EMPTY,
                        "the road graph has no nodes; expected a nodes file"));
    double km = Geo.distanceKm(p.latitude(), p.longitude(), n.latitude(), n.longitude());
    double max =
        border
            ? Math.max(BORDER_SNAP_KM, profile.roads().maxSnapKm())
            : profile.roads().maxSnapKm();
    if (km > max) {
      throw HarmattanException.userInput(
          ProblemCode.CORRIDOR_PLACE_OFF_GRAPH,
          String.format(
              Locale.ROOT,
              "corridor '%s' of %s: place '%s' (%.4f, %.4f) is %.1f km from the nearest road-graph"
                  + " node, %s (node %s); expected at most %.1f km (roads.max_snap_km%s). Move the"
                  + " place onto the road network or raise max_snap_km in the country profile",
              spec.slug(),
              profile.iso3(),
              p.name(),
              p.latitude(),
              p.longitude(),
              km,
              n.label(),
              n.id(),
              max,
              border ? ", or " + BORDER_SNAP_KM + " km for a border" : ""));
    }
    return new Corridor.Snap(p, n, km, border);
  }
}
