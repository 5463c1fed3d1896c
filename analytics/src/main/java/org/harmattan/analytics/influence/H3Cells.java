package org.harmattan.analytics.influence;

import com.uber.h3core.H3Core;
import com.uber.h3core.util.LatLng;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.harmattan.analytics.influence.TerritorialInfluence.Corner;
import org.harmattan.domain.cache.LastUsed;
import org.harmattan.domain.error.ErrorCategory;
import org.harmattan.domain.error.HarmattanException;
import org.harmattan.domain.problem.ProblemCode;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;

/** H3 for the influence figures: the library, a cell's corners, the cells of an outline. */
final class H3Cells {
  private static volatile H3Core h3;

  /** The H3 cells of an outline at a resolution, the same for every brief of the country. */
  private record OutlineCells(Geometry outline, int resolution) {}

  /** The last outlines' cells (most recently used first out). */
  private static final LastUsed<OutlineCells, List<Long>> POLYGON_CELLS = new LastUsed<>(32);

  private H3Cells() {}

  /** The H3 library, loaded once. */
  static H3Core h3() {
    H3Core h = h3;
    if (h == null) {
      synchronized (H3Cells.class) {
        h = h3;
        if (h == null) {
          try {
            h = H3Core.newInstance();
          } catch (IOException e) {
            throw new HarmattanException(
                ErrorCategory.INTERNAL,
                ProblemCode.H3_UNAVAILABLE,
                "the H3 library could not load its native code: " + e.getMessage(),
                e);
          }
          h3 = h;
        }
      }
    }
    return h;
  }

  /** The cells whose centre lies in {@code outline}, at resolution {@code res}. */
  static List<Long> polygonCells(H3Core h, Geometry outline, int res) {
    return POLYGON_CELLS.computeIfAbsent(
        new OutlineCells(outline, res), k -> List.copyOf(cellsOf(h, outline, res)));
  }

  private static List<Long> cellsOf(H3Core h, Geometry outline, int res) {
    Set<Long> out = new TreeSet<>();
    for (int i = 0; i < outline.getNumGeometries(); i++) {
      Geometry g = outline.getGeometryN(i);
      if (!(g instanceof Polygon poly)) {
        continue;
      }
      List<List<LatLng>> holes = new ArrayList<>();
      for (int r = 0; r < poly.getNumInteriorRing(); r++) {
        holes.add(ring(poly.getInteriorRingN(r)));
      }
      out.addAll(h.polygonToCells(ring(poly.getExteriorRing()), holes, res));
    }
    return new ArrayList<>(out);
  }

  private static List<LatLng> ring(LinearRing r) {
    List<LatLng> out = new ArrayList<>();
    for (Coordinate c : r.getCoordinates()) {
      out.add(new LatLng(c.y, c.x));
    }
    return out;
  }

  /** The corners of {@code cell}. */
  static List<Corner> boundary(H3Core h, long cell) {
    List<Corner> out = new ArrayList<>();
    for (LatLng ll : h.cellToBoundary(cell)) {
      out.add(new Corner(ll.lng, ll.lat));
    }
    return out;
  }
}
