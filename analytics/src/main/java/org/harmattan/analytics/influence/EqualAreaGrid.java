package org.harmattan.analytics.influence;

import java.util.ArrayList;
import java.util.List;
import org.harmattan.analytics.capital.Geo;
import org.locationtech.jts.algorithm.locate.IndexedPointInAreaLocator;
import org.locationtech.jts.algorithm.locate.PointOnGeometryLocator;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Location;
import org.locationtech.jts.geom.Polygonal;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;

/**
 * A square grid on the Lambert cylindrical equal-area projection of a spherical Earth, with its
 * standard parallel at the country's centre: every cell covers exactly {@code cellKm}² however far
 * from the centre, and is square at the standard parallel (ACLED's 10 km × 10 km units). As x
 * depends on longitude only and y on latitude only, each cell is a longitude/latitude rectangle.
 */
final class EqualAreaGrid {
  /** One cell: column and row. */
  record Key(int column, int row) {}

  private final double cellKm;
  private final double cosLat0;

  EqualAreaGrid(double standardParallelDeg, double cellKm) {
    this.cellKm = cellKm;
    this.cosLat0 = Math.cos(Math.toRadians(standardParallelDeg));
  }

  Key cellOf(double latitude, double longitude) {
    return new Key((int) Math.floor(x(longitude) / cellKm), (int) Math.floor(y(latitude) / cellKm));
  }

  private double x(double longitude) {
    return Geo.EARTH_RADIUS_KM * Math.toRadians(longitude) * cosLat0;
  }

  private double y(double latitude) {
    return Geo.EARTH_RADIUS_KM * Math.sin(Math.toRadians(latitude)) / cosLat0;
  }

  private double longitude(double x) {
    return Math.toDegrees(x / (Geo.EARTH_RADIUS_KM * cosLat0));
  }

  private double latitude(double y) {
    return Math.toDegrees(Math.asin(Math.max(-1, Math.min(1, y * cosLat0 / Geo.EARTH_RADIUS_KM))));
  }

  /** The cell as a longitude/latitude rectangle. */
  Envelope bounds(Key k) {
    return new Envelope(
        longitude(k.column() * cellKm),
        longitude((k.column() + 1) * cellKm),
        latitude(k.row() * cellKm),
        latitude((k.row() + 1) * cellKm));
  }

  /**
   * The cells that intersect {@code outline} (WGS84 longitude/latitude). A cell whose centre lies
   * in the outline intersects it; only the others are tested whole.
   */
  List<Key> cover(Geometry outline) {
    PreparedGeometry prepared = PreparedGeometryFactory.prepare(outline);
    // The locator takes polygons only; any other outline has every cell tested whole.
    PointOnGeometryLocator locator =
        outline instanceof Polygonal
            ? new IndexedPointInAreaLocator(outline)
            : p -> Location.EXTERIOR;
    GeometryFactory gf = outline.getFactory();
    Envelope e = outline.getEnvelopeInternal();
    Key min = cellOf(e.getMinY(), e.getMinX());
    Key max = cellOf(e.getMaxY(), e.getMaxX());
    List<Key> out = new ArrayList<>();
    for (int c = min.column(); c <= max.column(); c++) {
      for (int r = min.row(); r <= max.row(); r++) {
        Key k = new Key(c, r);
        Envelope cell = bounds(k);
        if (locator.locate(cell.centre()) != Location.EXTERIOR
            || prepared.intersects(gf.toGeometry(cell))) {
          out.add(k);
        }
      }
    }
    return out;
  }
}
