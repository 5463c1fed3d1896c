package org.harmattan.alerts.rules;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.harmattan.alerts.AlertArea;
import org.harmattan.analytics.capital.Geo;
import org.harmattan.analytics.corridors.Corridor;
import org.harmattan.analytics.indicators.FigureIds;
import org.harmattan.domain.error.HarmattanException;
import org.harmattan.reference.geo.AdminArea;
import org.harmattan.reference.geo.ReferenceGeography;
import org.harmattan.reference.profile.CountryProfile;
import org.harmattan.reference.profile.CountryProfiles;
import org.harmattan.reference.roads.RoadNetwork;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.simplify.TopologyPreservingSimplifier;

/**
 * The names and outlines of the areas alerts are about: a country's name from its profile, and a
 * region's outline (simplified, for a CAP polygon) from the profile's boundaries, matched on the
 * region's name without accents or case. A country or region Harmattan has no outline for is named
 * only. A supply corridor's area is its road path widened by the buffer its events were counted in.
 */
final class AlertAreas {
  /** Simplification of a region's outline, in degrees (about 2 km at the equator). */
  static final double TOLERANCE_DEG = 0.02;

  /** Kilometres per degree of latitude on the mean Earth sphere. */
  private static final double KM_PER_DEGREE = Geo.EARTH_RADIUS_KM * Math.PI / 180;

  private static final GeometryFactory GEOMETRY = new GeometryFactory();

  private final CountryProfiles profiles;
  private final Map<String, Optional<ReferenceGeography>> geographies = new HashMap<>();

  AlertAreas(CountryProfiles profiles) {
    this.profiles = profiles;
  }

  /** The country's name, or its code when no profile names it. */
  String countryName(String iso3) {
    return profiles.find(iso3).map(CountryProfile::name).orElse(iso3);
  }

  /**
   * A country ({@code admin1} null) or one of its regions, named for an alert: "Ségou, Mali". A
   * region is spelt as the brief and the dashboard spell it: as its outline does when the two names
   * differ only in accents or case (ACLED's Segou is the outline's Ségou), else as the source does.
   */
  String place(String iso3, String admin1) {
    return admin1 == null ? countryName(iso3) : place(iso3, admin1, outline(iso3, admin1));
  }

  /**
   * A region named for an alert, given its outline if it has one ({@link #place(String, String)}).
   */
  private String place(String iso3, String admin1, Optional<AdminArea> outline) {
    return outline.map(AdminArea::name).orElse(admin1) + ", " + countryName(iso3);
  }

  /** The area of an alert for a country ({@code admin1} null) or one of its regions. */
  AlertArea of(String iso3, String admin1) {
    if (admin1 == null) {
      return AlertArea.named(countryName(iso3));
    }
    Optional<AdminArea> region = outline(iso3, admin1);
    String description = place(iso3, admin1, region);
    return region
        .map(a -> new AlertArea(description, outline(a), null))
        .orElseGet(() -> AlertArea.named(description));
  }

  /** The region's outline, matched on its name without accents or case, if there is one. */
  private Optional<AdminArea> outline(String iso3, String admin1) {
    String slug = FigureIds.slug(admin1);
    return geography(iso3)
        .flatMap(
            g ->
                g.admin1().stream().filter(a -> FigureIds.slug(a.name()).equals(slug)).findFirst());
  }

  /**
   * The area within {@code bufferKm} of a corridor's road path: the path buffered on a local
   * equirectangular projection (longitudes scaled by the cosine of the path's mean latitude, as
   * {@link org.harmattan.analytics.corridors.Snapping} measures distances; well under 1 % off over
   * the Sahel's corridors) and simplified by {@link #TOLERANCE_DEG}. A corridor of one node (its
   * places all snapped to it) is the circle of {@code bufferKm} around that node.
   */
  static AlertArea corridor(Corridor corridor, double bufferKm, String description) {
    List<RoadNetwork.Node> nodes = corridor.nodes();
    if (corridor.segments().isEmpty()) {
      RoadNetwork.Node n = corridor.end();
      return new AlertArea(
          description,
          List.of(),
          new AlertArea.Circle(new AlertArea.Point(n.latitude(), n.longitude()), bufferKm));
    }
    double cos =
        Math.cos(
            Math.toRadians(
                nodes.stream().mapToDouble(RoadNetwork.Node::latitude).average().orElseThrow()));
    Coordinate[] line = new Coordinate[nodes.size()];
    for (int i = 0; i < line.length; i++) {
      line[i] = new Coordinate(nodes.get(i).longitude() * cos, nodes.get(i).latitude());
    }
    Geometry area =
        TopologyPreservingSimplifier.simplify(
            GEOMETRY.createLineString(line).buffer(bufferKm / KM_PER_DEGREE), TOLERANCE_DEG);
    Polygon largest = null;
    for (int i = 0; i < area.getNumGeometries(); i++) {
      if (area.getGeometryN(i) instanceof Polygon p
          && (largest == null || p.getArea() > largest.getArea())) {
        largest = p;
      }
    }
    if (largest == null) {
      return AlertArea.named(description);
    }
    List<AlertArea.Point> ring = new ArrayList<>();
    for (Coordinate c : largest.getExteriorRing().getCoordinates()) {
      ring.add(new AlertArea.Point(c.y, c.x / cos));
    }
    return new AlertArea(description, ring, null);
  }

  private Optional<ReferenceGeography> geography(String iso3) {
    return geographies.computeIfAbsent(
        iso3,
        k ->
            profiles
                .find(k)
                .flatMap(
                    p -> {
                      try {
                        return Optional.of(ReferenceGeography.load(p));
                      } catch (HarmattanException e) {
                        return Optional.empty();
                      }
                    }));
  }

  /** The longest outer ring of the region, as latitude-longitude points, closed. */
  private static List<AlertArea.Point> outline(AdminArea area) {
    List<double[]> longest = List.of();
    for (List<double[]> ring : area.rings(null, TOLERANCE_DEG)) {
      if (ring.size() > longest.size()) {
        longest = ring;
      }
    }
    List<AlertArea.Point> points = new ArrayList<>(longest.size());
    for (double[] lonLat : longest) {
      points.add(new AlertArea.Point(lonLat[1], lonLat[0]));
    }
    return points.size() >= 4 ? points : List.of();
  }
}
