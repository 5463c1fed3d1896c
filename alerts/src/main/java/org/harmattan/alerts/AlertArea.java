package org.harmattan.alerts;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * Where an alert applies: a description and, when known, a polygon (a region's outline) or a circle
 * (a radius around a place), as a CAP {@code area} carries them.
 *
 * @param description the area in words, e.g. "Mopti, Mali"
 * @param polygon the outline's points, first equal to last; empty when there is none
 * @param circle a circle, or null
 */
public record AlertArea(String description, List<Point> polygon, Circle circle) {
  public AlertArea {
    requireNonNull(description, "description");
    polygon = List.copyOf(polygon);
    if (!polygon.isEmpty()
        && (polygon.size() < 4 || !polygon.get(0).equals(polygon.get(polygon.size() - 1)))) {
      throw new IllegalArgumentException(
          "a polygon needs at least 4 points with the first equal to the last, got "
              + polygon.size());
    }
  }

  /** An area known by its name only. */
  public static AlertArea named(String description) {
    return new AlertArea(description, List.of(), null);
  }

  /**
   * A point in WGS 84.
   *
   * @param lat latitude in degrees
   * @param lon longitude in degrees
   */
  public record Point(double lat, double lon) {
    public Point {
      if (!(lat >= -90 && lat <= 90) || !(lon >= -180 && lon <= 180)) {
        throw new IllegalArgumentException("not a WGS 84 point: " + lat + ", " + lon);
      }
    }
  }

  /**
   * A circle around a point.
   *
   * @param centre the centre
   * @param radiusKm the radius in kilometres
   */
  public record Circle(Point centre, double radiusKm) {
    public Circle {
      requireNonNull(centre, "centre");
      if (!(radiusKm > 0)) {
        throw new IllegalArgumentException("radius must be positive, got " + radiusKm);
      }
    }
  }
}
