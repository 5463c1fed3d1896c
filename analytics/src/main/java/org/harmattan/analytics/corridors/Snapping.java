package org.harmattan.analytics.corridors;

import org.harmattan.analytics.capital.Geo;

/**
 * Point-to-segment distance on a local equirectangular projection centred on the point: x = R ·
 * Δlongitude · cos(latitude of the point), y = R · Δlatitude, in km, R the mean Earth radius. Over
 * the few hundred km of a corridor segment in the Sahel its error is well under 1 %, far below the
 * precision of event coordinates.
 */
public final class Snapping {
  private Snapping() {}

  /**
   * Where a point falls on a segment.
   *
   * @param distanceKm distance from the point to the nearest point of the segment
   * @param fraction where that nearest point lies: 0 at the segment's start, 1 at its end
   */
  public record OnSegment(double distanceKm, double fraction) {}

  /** The distance from a point to the segment a–b, all WGS84 degrees. */
  public static OnSegment toSegment(
      double latitude, double longitude, double aLat, double aLon, double bLat, double bLon) {
    double k = Geo.EARTH_RADIUS_KM * Math.PI / 180;
    double cos = Math.cos(Math.toRadians(latitude));
    double ax = (aLon - longitude) * k * cos;
    double ay = (aLat - latitude) * k;
    double bx = (bLon - longitude) * k * cos;
    double by = (bLat - latitude) * k;
    double dx = bx - ax;
    double dy = by - ay;
    double len2 = dx * dx + dy * dy;
    double t = len2 == 0 ? 0 : Math.max(0, Math.min(1, -(ax * dx + ay * dy) / len2));
    double px = ax + t * dx;
    double py = ay + t * dy;
    return new OnSegment(Math.hypot(px, py), t);
  }
}
