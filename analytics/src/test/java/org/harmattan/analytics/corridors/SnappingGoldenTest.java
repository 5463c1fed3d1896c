package org.harmattan.analytics.corridors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;

/**
 * Golden WKT cases (x = longitude, y = latitude) for point-to-segment snapping and buffer
 * membership. Expected distances are arc lengths a reader can check by hand: R · Δangle, R =
 * 6371.0088 km, times cos(latitude) for an east–west offset.
 */
class SnappingGoldenTest {
  private static final double R = 6371.0088;
  private static final double KM_PER_DEGREE = R * Math.PI / 180;

  /** A case: the point, the segment, the expected km and fraction along the segment. */
  record Snap(String name, String point, String segment, double km, double fraction) {
    @Override
    public String toString() {
      return name;
    }
  }

  static List<Snap> snaps() {
    return List.of(
        new Snap(
            "north of an equatorial segment's middle",
            "POINT (0.5 0.09)",
            "LINESTRING (0 0, 1 0)",
            0.09 * KM_PER_DEGREE,
            0.5),
        new Snap(
            "beyond the segment's end: distance to the end node",
            "POINT (1.05 0)",
            "LINESTRING (0 0, 1 0)",
            0.05 * KM_PER_DEGREE,
            1.0),
        new Snap(
            "before the segment's start",
            "POINT (-0.02 0)",
            "LINESTRING (0 0, 1 0)",
            0.02 * KM_PER_DEGREE,
            0.0),
        new Snap(
            "east of a meridian segment at 60° N: shrinks with cos(latitude)",
            "POINT (10.1 60)",
            "LINESTRING (10 59, 10 61)",
            0.1 * KM_PER_DEGREE * 0.5,
            0.5),
        new Snap(
            "on the segment", "POINT (-7.75 12.65)", "LINESTRING (-8 12.65, -7.5 12.65)", 0.0, 0.5),
        new Snap(
            "a zero-length segment is its node",
            "POINT (-8 12.74)",
            "LINESTRING (-8 12.65, -8 12.65)",
            0.09 * KM_PER_DEGREE,
            0.0));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("snaps")
  void snapsToTheSegment(Snap c) throws ParseException {
    Point p = (Point) new WKTReader().read(c.point());
    LineString s = (LineString) new WKTReader().read(c.segment());
    Coordinate a = s.getCoordinateN(0);
    Coordinate b = s.getCoordinateN(1);

    Snapping.OnSegment on = Snapping.toSegment(p.getY(), p.getX(), a.y, a.x, b.y, b.x);

    assertThat(on.distanceKm()).isCloseTo(c.km(), within(0.005 + c.km() * 1e-3));
    assertThat(on.fraction()).isCloseTo(c.fraction(), within(1e-3));
  }

  /** A buffer case: is the point within {@code bufferKm} of the line? */
  record Member(String name, String point, String line, double bufferKm, boolean inside) {
    @Override
    public String toString() {
      return name;
    }
  }

  static List<Member> members() {
    double d = 1 / KM_PER_DEGREE; // one km of latitude, in degrees
    String bamakoEast = "LINESTRING (-8 12.65, -7.5 12.65, -7.2 13.0)";
    return List.of(
        new Member("9.9 km north", pt(-7.75, 12.65 + 9.9 * d), bamakoEast, 10, true),
        new Member("10.1 km north", pt(-7.75, 12.65 + 10.1 * d), bamakoEast, 10, false),
        new Member(
            "10.1 km south, inside a 15 km buffer",
            pt(-7.75, 12.65 - 10.1 * d),
            bamakoEast,
            15,
            true),
        new Member(
            "9.5 km west of the first node",
            pt(-8 - 9.5 * d / Math.cos(Math.toRadians(12.65)), 12.65),
            bamakoEast,
            10,
            true),
        new Member(
            "10.5 km west of the first node",
            pt(-8 - 10.5 * d / Math.cos(Math.toRadians(12.65)), 12.65),
            bamakoEast,
            10,
            false),
        new Member("at the bend", pt(-7.5, 12.65), bamakoEast, 10, true),
        new Member("far away", pt(-5, 11), bamakoEast, 10, false));
  }

  private static String pt(double lon, double lat) {
    return "POINT (" + lon + " " + lat + ")";
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("members")
  void bufferMembership(Member c) throws ParseException {
    Point p = (Point) new WKTReader().read(c.point());
    LineString line = (LineString) new WKTReader().read(c.line());
    double best = Double.POSITIVE_INFINITY;
    for (int i = 1; i < line.getNumPoints(); i++) {
      Coordinate a = line.getCoordinateN(i - 1);
      Coordinate b = line.getCoordinateN(i);
      best =
          Math.min(best, Snapping.toSegment(p.getY(), p.getX(), a.y, a.x, b.y, b.x).distanceKm());
    }

    assertThat(best <= c.bufferKm()).as("%s: %.3f km", c.name(), best).isEqualTo(c.inside());
    assertThat(jtsBufferContains(p, line, c.bufferKm())).isEqualTo(c.inside());
  }

  /** JTS's own buffer, on the same local projection (km, centred on the point). */
  private static boolean jtsBufferContains(Point p, LineString line, double km) {
    GeometryFactory gf = new GeometryFactory();
    double cos = Math.cos(Math.toRadians(p.getY()));
    Coordinate[] cs = new Coordinate[line.getNumPoints()];
    for (int i = 0; i < cs.length; i++) {
      Coordinate c = line.getCoordinateN(i);
      cs[i] =
          new Coordinate((c.x - p.getX()) * KM_PER_DEGREE * cos, (c.y - p.getY()) * KM_PER_DEGREE);
    }
    Geometry buffer = gf.createLineString(cs).buffer(km, 32);
    return buffer.contains(gf.createPoint(new Coordinate(0, 0)));
  }
}
