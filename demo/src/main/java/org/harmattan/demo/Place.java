package org.harmattan.demo;

import static java.util.Objects.requireNonNull;

/**
 * A real Malian locality with ACLED's administrative units and approximate coordinates.
 *
 * @param admin1 region
 * @param admin2 cercle
 * @param admin3 commune
 * @param location the locality as ACLED names it
 * @param latitude decimal degrees
 * @param longitude decimal degrees
 */
record Place(
    String admin1,
    String admin2,
    String admin3,
    String location,
    double latitude,
    double longitude) {

  private static final double EARTH_RADIUS_KM = 6371.0088;

  Place {
    requireNonNull(admin1, "admin1");
    requireNonNull(admin2, "admin2");
    requireNonNull(admin3, "admin3");
    requireNonNull(location, "location");
    if (latitude < -90 || latitude > 90 || longitude < -180 || longitude > 180) {
      throw new IllegalArgumentException(
          "coordinates out of range for " + location + ": " + latitude + ", " + longitude);
    }
  }

  /**
   * Great-circle distance in km; StrictMath so that the same inputs give the same bits anywhere.
   */
  static double haversineKm(double lat1, double lon1, double lat2, double lon2) {
    double p1 = StrictMath.toRadians(lat1);
    double p2 = StrictMath.toRadians(lat2);
    double dp = p2 - p1;
    double dl = StrictMath.toRadians(lon2 - lon1);
    double a =
        StrictMath.sin(dp / 2) * StrictMath.sin(dp / 2)
            + StrictMath.cos(p1)
                * StrictMath.cos(p2)
                * StrictMath.sin(dl / 2)
                * StrictMath.sin(dl / 2);
    return 2 * EARTH_RADIUS_KM * StrictMath.asin(StrictMath.min(1.0, StrictMath.sqrt(a)));
  }

  double distanceKm(Place other) {
    return haversineKm(latitude, longitude, other.latitude, other.longitude);
  }
}
