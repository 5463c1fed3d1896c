package org.harmattan.analytics.influence;

import java.util.ArrayList;
import java.util.List;
import org.harmattan.analytics.capital.Geo;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
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
   * The cells that intersect {@code outline} (WGS84 longitude/latitude), by column and then row.
   * The cells of the outline's box are tested in blocks: a block the outline misses holds no such
   * cell, a block the outline covers holds only such cells, and any other block is split in two,
   * down to single cells, which are tested whole.
   */
  List<Key> cover(Geometry outline) {
    PreparedGeometry prepared = PreparedGeometryFactory.prepare(outline);
    Envelope e = outline.getEnvelopeInternal();
    Key min = cellOf(e.getMinY(), e.getMinX());
    Key max = cellOf(e.getMaxY(), e.getMaxX());
    int columns = max.column() - min.column() + 1;
    int rows = max.row() - min.row() + 1;
    boolean[][] hit = new boolean[columns][rows];
    mark(prepared, outline.getFactory(), min, hit, 0, columns, 0, rows);
    List<Key> out = new ArrayList<>();
    for (int c = 0; c < columns; c++) {
      for (int r = 0; r < rows; r++) {
        if (hit[c][r]) {
          out.add(new Key(min.column() + c, min.row() + r));
        }
      }
    }
    return out;
  }

  /** Marks the cells of columns [c0, c1) and rows [r0, r1) (from {@code min}) that intersect. */
  private void mark(
      PreparedGeometry outline,
      GeometryFactory gf,
      Key min,
      boolean[][] hit,
      int c0,
      int c1,
      int r0,
      int r1) {
    if (c1 - c0 == 1 && r1 - r0 == 1) {
      hit[c0][r0] =
          outline.intersects(gf.toGeometry(bounds(new Key(min.column() + c0, min.row() + r0))));
      return;
    }
    // The block's edges are those of its outer cells, computed alike: the block is their union.
    Geometry block =
        gf.toGeometry(
            new Envelope(
                longitude((min.column() + c0) * cellKm),
                longitude((min.column() + c1) * cellKm),
                latitude((min.row() + r0) * cellKm),
                latitude((min.row() + r1) * cellKm)));
    if (!outline.intersects(block)) {
      return;
    }
    if (outline.covers(block)) {
      for (int c = c0; c < c1; c++) {
        for (int r = r0; r < r1; r++) {
          hit[c][r] = true;
        }
      }
      return;
    }
    if (c1 - c0 >= r1 - r0) {
      int half = (c0 + c1) >>> 1;
      mark(outline, gf, min, hit, c0, half, r0, r1);
      mark(outline, gf, min, hit, half, c1, r0, r1);
    } else {
      int half = (r0 + r1) >>> 1;
      mark(outline, gf, min, hit, c0, c1, r0, half);
      mark(outline, gf, min, hit, c0, c1, half, r1);
    }
  }
}
