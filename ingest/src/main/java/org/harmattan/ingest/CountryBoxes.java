package org.harmattan.ingest;

import static java.util.Objects.requireNonNull;

import java.io.Serializable;
import java.util.HashMap;
import java.util.Map;
import org.harmattan.domain.event.Event;
import org.harmattan.domain.event.EventFlag;

/**
 * Each country's bounding box, for the plausibility check of event coordinates: a point outside its
 * country's box (grown by {@link #MARGIN_DEG}) is most often a latitude and longitude given in the
 * wrong order, or a sign lost, and would otherwise be counted silently in another country's map.
 * The boxes come from the shipped country outlines, which {@code ingest} does not read itself; a
 * country without a box is not checked.
 */
public final class CountryBoxes implements Serializable {
  private static final long serialVersionUID = 1L;

  /**
   * How far outside its box a point may lie: outlines are simplified, and a source may place an
   * event at a border crossing or on a river just beyond the line (0.5 degrees is about 55 km).
   */
  public static final double MARGIN_DEG = 0.5;

  private static final CountryBoxes NONE = new CountryBoxes(Map.of());

  private final HashMap<String, Box> byIso3;

  /**
   * A country's box in WGS84 degrees.
   *
   * @param west the least longitude
   * @param south the least latitude
   * @param east the greatest longitude
   * @param north the greatest latitude
   */
  public record Box(double west, double south, double east, double north) implements Serializable {
    public Box {
      if (!(west <= east) || !(south <= north)) {
        throw new IllegalArgumentException(
            "box corners out of order: " + west + "," + south + " " + east + "," + north);
      }
    }

    boolean containsWithMargin(double lat, double lon) {
      return lat >= south - MARGIN_DEG
          && lat <= north + MARGIN_DEG
          && lon >= west - MARGIN_DEG
          && lon <= east + MARGIN_DEG;
    }
  }

  private CountryBoxes(Map<String, Box> byIso3) {
    this.byIso3 = new HashMap<>(byIso3);
  }

  /** No boxes: nothing is checked. */
  public static CountryBoxes none() {
    return NONE;
  }

  /** The given boxes, by ISO 3166-1 alpha-3 code. */
  public static CountryBoxes of(Map<String, Box> byIso3) {
    return new CountryBoxes(requireNonNull(byIso3, "byIso3"));
  }

  /**
   * The event flagged {@link EventFlag#POINT_OUTSIDE_COUNTRY} when its point lies outside its
   * country's box, else as it is.
   */
  public Event flagged(Event e) {
    return isOutside(e.countryIso3(), e.latitude(), e.longitude())
        ? e.withFlag(EventFlag.POINT_OUTSIDE_COUNTRY)
        : e;
  }

  /**
   * Whether a point lies outside its country's box by more than the margin; false when the country
   * has no box or the point is missing.
   */
  public boolean isOutside(String iso3, Double lat, Double lon) {
    if (iso3 == null || lat == null || lon == null) {
      return false;
    }
    Box box = byIso3.get(iso3);
    return box != null && !box.containsWithMargin(lat, lon);
  }
}
