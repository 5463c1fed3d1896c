package org.harmattan.reference.geo;

import org.locationtech.jts.geom.Envelope;

/**
 * A longitude/latitude box in WGS84 degrees.
 *
 * @param west smallest longitude
 * @param south smallest latitude
 * @param east largest longitude
 * @param north largest latitude
 */
public record GeoBounds(double west, double south, double east, double north) {
  public GeoBounds {
    if (!(west <= east) || !(south <= north)) {
      throw new IllegalArgumentException(
          "not a box: " + west + ", " + south + ", " + east + ", " + north);
    }
  }

  static GeoBounds of(Envelope e) {
    return new GeoBounds(e.getMinX(), e.getMinY(), e.getMaxX(), e.getMaxY());
  }

  Envelope toEnvelope() {
    return new Envelope(west, east, south, north);
  }

  /** This box grown by {@code degrees} on every side, latitudes kept within ±90. */
  public GeoBounds grow(double degrees) {
    return new GeoBounds(
        west - degrees,
        Math.max(-90, south - degrees),
        east + degrees,
        Math.min(90, north + degrees));
  }

  public boolean contains(double lat, double lon) {
    return lon >= west && lon <= east && lat >= south && lat <= north;
  }

  public double midLatitude() {
    return (south + north) / 2;
  }
}
