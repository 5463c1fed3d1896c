package org.harmattan.analytics.corridors;

import org.harmattan.analytics.capital.Geo;
import org.harmattan.engine.query.EventFilter;

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

  /**
   * A box holding every point within {@code km} of the segment a–b as {@link #toSegment} measures
   * it: the segment's own box widened by {@code km} in latitude and, in longitude, by {@code km} at
   * the widest parallel the box reaches (the nearest point of the segment lies in its box, and a
   * point's distance to it is at least each of its two projected offsets). Near a pole, or where
   * the widening would cross the antimeridian, the box spans every longitude.
   */
  public static EventFilter.Box box(double aLat, double aLon, double bLat, double bLon, double km) {
    double k = Geo.EARTH_RADIUS_KM * Math.PI / 180;
    // A hair wider than the exact bound, so that rounding never leaves out a point on its edge.
    double dLat = km / k * (1 + 1e-9) + 1e-9;
    double south = Math.min(aLat, bLat) - dLat;
    double north = Math.max(aLat, bLat) + dLat;
    double widest = Math.max(Math.abs(south), Math.abs(north));
    double cos = widest >= 90 ? 0 : Math.cos(Math.toRadians(widest));
    double dLon = cos < 1e-6 ? 360 : km / (k * cos) * (1 + 1e-9) + 1e-9;
    double west = Math.min(aLon, bLon) - dLon;
    double east = Math.max(aLon, bLon) + dLon;
    if (west < -180 || east > 180) {
      west = -180;
      east = 180;
    }
    return new EventFilter.Box(Math.max(-90, south), west, Math.min(90, north), east);
  }
}
