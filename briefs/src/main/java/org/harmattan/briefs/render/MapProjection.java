package org.harmattan.briefs.render;

import java.util.List;
import org.harmattan.briefs.model.MapView;
import org.harmattan.briefs.model.MapView.LonLat;

/**
 * Where a map's points land in the drawing: an equirectangular projection with longitudes scaled by
 * the cosine of the map's middle latitude, fitted to the map area, and the geometry drawn over it
 * (paths, areas and centres of rings, geodesic circles). Coordinates are written rounded to 0.1
 * unit, never in a locale's format.
 */
final class MapProjection {
  /** The drawing's width in SVG units. */
  static final int WIDTH = 720;

  static final int PAD = 10;
  static final int LEGEND_WIDTH = 175;
  static final int MAP_WIDTH = WIDTH - LEGEND_WIDTH - 2 * PAD;
  static final int MAX_MAP_HEIGHT = 560;
  static final int TITLE_HEIGHT = 28;

  /** The height of each further line of a wrapped title. */
  static final int TITLE_LINE = 16;

  static final int FOOT_HEIGHT = 34;
  static final double EARTH_RADIUS_KM = 6371.0088;

  private final MapView.Bounds bounds;
  private final double k;
  private final double cosMid;
  private final double mapHeight;
  private final double top;

  /**
   * @param titleLines the lines of the title drawn above the map, 0 for none
   */
  MapProjection(MapView.Bounds b, int titleLines) {
    this.bounds = b;
    this.cosMid = Math.cos(Math.toRadians((b.south() + b.north()) / 2));
    double kx = MAP_WIDTH / ((b.east() - b.west()) * cosMid);
    double ky = MAX_MAP_HEIGHT / (b.north() - b.south());
    this.k = Math.min(kx, ky);
    this.mapHeight = (b.north() - b.south()) * k;
    this.top = titleLines == 0 ? PAD : TITLE_HEIGHT + (titleLines - 1) * TITLE_LINE;
  }

  /**
   * Whether a symbol of {@code radius} centred at ({@code x}, {@code y}) shows in the map area: the
   * area is clipped, so a symbol wholly outside it is not drawn and need not be written.
   */
  boolean shows(double x, double y, double radius) {
    return x + radius >= PAD
        && x - radius <= PAD + MAP_WIDTH
        && y + radius >= top
        && y - radius <= top + mapHeight;
  }

  /** The top of the map area: below the title when there is one. */
  double top() {
    return top;
  }

  /** The map area's height in SVG units. */
  double mapHeight() {
    return mapHeight;
  }

  /** Kilometres per SVG unit along a meridian, for the scale bar. */
  double kmPerUnit() {
    return Math.toRadians(1) * EARTH_RADIUS_KM / k;
  }

  /** An area as {@link #signedArea} gives it, in square SVG units. */
  double toSquareUnits(double area) {
    return area * k * k * cosMid;
  }

  double x(double lon) {
    return PAD + (lon - bounds.west()) * cosMid * k;
  }

  double y(double lat) {
    return top + (bounds.north() - lat) * k;
  }

  /** A value rounded to one decimal, without a trailing ".0", never in a locale's format. */
  static String num(double v) {
    long tenths = Math.round(v * 10);
    String sign = tenths < 0 ? "-" : "";
    long a = Math.abs(tenths);
    return a % 10 == 0 ? sign + (a / 10) : sign + (a / 10) + "." + (a % 10);
  }

  /** Path data of a ring or line; points that round onto the previous one are skipped. */
  String pathData(List<LonLat> points, boolean close) {
    StringBuilder d = new StringBuilder(points.size() * 10);
    String last = null;
    for (LonLat p : points) {
      String xy = num(x(p.lon())) + " " + num(y(p.lat()));
      if (xy.equals(last)) {
        continue;
      }
      d.append(last == null ? "M" : "L").append(xy);
      last = xy;
    }
    if (close && last != null) {
      d.append('Z');
    }
    return d.toString();
  }

  /** Shoelace area in projected units (sign by orientation). */
  double signedArea(List<LonLat> ring) {
    double twice = 0;
    for (int i = 0; i + 1 < ring.size(); i++) {
      twice +=
          x(ring.get(i).lon()) * y(ring.get(i + 1).lat())
              - x(ring.get(i + 1).lon()) * y(ring.get(i).lat());
    }
    return twice / 2 / (k * k * cosMid);
  }

  /** The area-weighted centre of a ring, in SVG units. */
  double[] centroid(List<LonLat> ring) {
    double cx = 0;
    double cy = 0;
    double twice = 0;
    for (int i = 0; i + 1 < ring.size(); i++) {
      double x0 = x(ring.get(i).lon());
      double y0 = y(ring.get(i).lat());
      double x1 = x(ring.get(i + 1).lon());
      double y1 = y(ring.get(i + 1).lat());
      double cross = x0 * y1 - x1 * y0;
      twice += cross;
      cx += (x0 + x1) * cross;
      cy += (y0 + y1) * cross;
    }
    if (twice == 0) {
      return new double[] {x(ring.get(0).lon()), y(ring.get(0).lat())};
    }
    return new double[] {cx / (3 * twice), cy / (3 * twice)};
  }

  /** The point {@code km} from {@code from} on the initial bearing {@code bearingDeg}. */
  static LonLat destination(LonLat from, double km, double bearingDeg) {
    double d = km / EARTH_RADIUS_KM;
    double lat1 = Math.toRadians(from.lat());
    double lon1 = Math.toRadians(from.lon());
    double b = Math.toRadians(bearingDeg);
    double lat2 =
        Math.asin(Math.sin(lat1) * Math.cos(d) + Math.cos(lat1) * Math.sin(d) * Math.cos(b));
    double lon2 =
        lon1
            + Math.atan2(
                Math.sin(b) * Math.sin(d) * Math.cos(lat1),
                Math.cos(d) - Math.sin(lat1) * Math.sin(lat2));
    double lon = Math.toDegrees(lon2);
    lon = ((lon + 540) % 360) - 180;
    return new LonLat(lon, Math.toDegrees(lat2));
  }
}
