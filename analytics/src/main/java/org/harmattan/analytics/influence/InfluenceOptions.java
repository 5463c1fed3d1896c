package org.harmattan.analytics.influence;

import org.locationtech.jts.geom.Geometry;

/**
 * How territorial influence is computed.
 *
 * @param h3Resolution the H3 resolution of the influence and hotspot cells (5: about 250 km² a
 *     cell)
 * @param halfLifeDays the half-life of an event's weight, counted back from the window's last day
 * @param dominanceShare the share of a cell's decayed activity at or above which its leading actor
 *     is called dominant
 * @param minEvents the fewest events attributed to registry actors a cell needs before it is
 *     classified as dominant or contested; below it the evidence is thin
 * @param diffusionCellKm the side of a diffusion grid cell, in km (ACLED: 10)
 * @param diffusionMinEvents the events a diffusion cell needs in the diffusion window (ACLED: 10)
 * @param countryOutline the country as WGS84 longitude/latitude polygons, or null when not known;
 *     without it the diffusion share has no denominator and the Gi* study area is the ring-2
 *     neighbourhood of the active cells
 */
public record InfluenceOptions(
    int h3Resolution,
    double halfLifeDays,
    double dominanceShare,
    int minEvents,
    double diffusionCellKm,
    int diffusionMinEvents,
    Geometry countryOutline) {
  public static final int DEFAULT_RESOLUTION = 5;
  public static final double DEFAULT_HALF_LIFE_DAYS = 90;
  public static final double DEFAULT_DOMINANCE_SHARE = 0.6;
  public static final int DEFAULT_MIN_EVENTS = 3;
  public static final double DEFAULT_DIFFUSION_CELL_KM = 10;
  public static final int DEFAULT_DIFFUSION_MIN_EVENTS = 10;

  public InfluenceOptions {
    if (h3Resolution < 0 || h3Resolution > 15) {
      throw new IllegalArgumentException("H3 resolution must be 0..15, was " + h3Resolution);
    }
    if (!(halfLifeDays > 0) || Double.isInfinite(halfLifeDays)) {
      throw new IllegalArgumentException("half-life must be a positive number of days");
    }
    if (!(dominanceShare > 0.5 && dominanceShare <= 1)) {
      throw new IllegalArgumentException(
          "dominance share must be above 0.5 and at most 1, was " + dominanceShare);
    }
    if (minEvents < 1) {
      throw new IllegalArgumentException("minimum events must be at least 1, was " + minEvents);
    }
    if (!(diffusionCellKm > 0) || Double.isInfinite(diffusionCellKm)) {
      throw new IllegalArgumentException("diffusion cell side must be a positive number of km");
    }
    if (diffusionMinEvents < 1) {
      throw new IllegalArgumentException(
          "diffusion minimum events must be at least 1, was " + diffusionMinEvents);
    }
    if (countryOutline != null && countryOutline.isEmpty()) {
      throw new IllegalArgumentException("the country outline is empty");
    }
  }

  /**
   * The defaults: resolution 5, 90-day half-life, 60 % share over at least 3 events, no outline.
   */
  public static InfluenceOptions defaults() {
    return new InfluenceOptions(
        DEFAULT_RESOLUTION,
        DEFAULT_HALF_LIFE_DAYS,
        DEFAULT_DOMINANCE_SHARE,
        DEFAULT_MIN_EVENTS,
        DEFAULT_DIFFUSION_CELL_KM,
        DEFAULT_DIFFUSION_MIN_EVENTS,
        null);
  }

  /** These options with the country's outline (WGS84 longitude/latitude). */
  public InfluenceOptions withCountryOutline(Geometry outline) {
    return new InfluenceOptions(
        h3Resolution,
        halfLifeDays,
        dominanceShare,
        minEvents,
        diffusionCellKm,
        diffusionMinEvents,
        outline);
  }

  /** These options at another H3 resolution. */
  public InfluenceOptions withResolution(int resolution) {
    return new InfluenceOptions(
        resolution,
        halfLifeDays,
        dominanceShare,
        minEvents,
        diffusionCellKm,
        diffusionMinEvents,
        countryOutline);
  }

  /** These options with another half-life. */
  public InfluenceOptions withHalfLifeDays(double days) {
    return new InfluenceOptions(
        h3Resolution,
        days,
        dominanceShare,
        minEvents,
        diffusionCellKm,
        diffusionMinEvents,
        countryOutline);
  }
}
