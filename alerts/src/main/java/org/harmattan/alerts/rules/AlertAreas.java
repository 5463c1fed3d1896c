package org.harmattan.alerts.rules;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.harmattan.alerts.AlertArea;
import org.harmattan.analytics.indicators.FigureIds;
import org.harmattan.domain.error.HarmattanException;
import org.harmattan.reference.geo.AdminArea;
import org.harmattan.reference.geo.ReferenceGeography;
import org.harmattan.reference.profile.CountryProfile;
import org.harmattan.reference.profile.CountryProfiles;

/**
 * The names and outlines of the areas alerts are about: a country's name from its profile, and a
 * region's outline (simplified, for a CAP polygon) from the profile's boundaries, matched on the
 * region's name without accents or case. A country or region Harmattan has no outline for is named
 * only.
 */
final class AlertAreas {
  /** Simplification of a region's outline, in degrees (about 2 km at the equator). */
  static final double TOLERANCE_DEG = 0.02;

  private final CountryProfiles profiles;
  private final Map<String, Optional<ReferenceGeography>> geographies = new HashMap<>();

  AlertAreas(CountryProfiles profiles) {
    this.profiles = profiles;
  }

  /** The country's name, or its code when no profile names it. */
  String countryName(String iso3) {
    return profiles.find(iso3).map(CountryProfile::name).orElse(iso3);
  }

  /** The area of an alert for a country ({@code admin1} null) or one of its regions. */
  AlertArea of(String iso3, String admin1) {
    if (admin1 == null) {
      return AlertArea.named(countryName(iso3));
    }
    String description = admin1 + ", " + countryName(iso3);
    String slug = FigureIds.slug(admin1);
    return geography(iso3)
        .flatMap(
            g -> g.admin1().stream().filter(a -> FigureIds.slug(a.name()).equals(slug)).findFirst())
        .map(a -> new AlertArea(description, outline(a), null))
        .orElseGet(() -> AlertArea.named(description));
  }

  private Optional<ReferenceGeography> geography(String iso3) {
    return geographies.computeIfAbsent(
        iso3,
        k ->
            profiles
                .find(k)
                .flatMap(
                    p -> {
                      try {
                        return Optional.of(ReferenceGeography.load(p));
                      } catch (HarmattanException e) {
                        return Optional.empty();
                      }
                    }));
  }

  /** The longest outer ring of the region, as latitude-longitude points, closed. */
  private static List<AlertArea.Point> outline(AdminArea area) {
    List<double[]> longest = List.of();
    for (List<double[]> ring : area.rings(null, TOLERANCE_DEG)) {
      if (ring.size() > longest.size()) {
        longest = ring;
      }
    }
    List<AlertArea.Point> points = new ArrayList<>(longest.size());
    for (double[] lonLat : longest) {
      points.add(new AlertArea.Point(lonLat[1], lonLat[0]));
    }
    return points.size() >= 4 ? points : List.of();
  }
}
