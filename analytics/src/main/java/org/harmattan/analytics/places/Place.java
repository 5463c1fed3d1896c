package org.harmattan.analytics.places;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * One gazetteer entry, as in the GeoNames geoname table; OSM place lists map onto the same fields
 * (see {@link OsmPlaceListReader}).
 *
 * @param id the GeoNames geonameid, or the OSM node id
 * @param name the name in local spelling, with accents ({@code Ségou})
 * @param asciiName the name in plain ASCII ({@code Segou}); may be empty
 * @param alternateNames other names and spellings ({@code Tombouctou} for {@code Timbuktu})
 * @param lat latitude in decimal degrees (WGS84)
 * @param lon longitude in decimal degrees (WGS84)
 * @param featureClass GeoNames feature class ({@code P} for populated places); may be empty
 * @param featureCode GeoNames feature code ({@code PPLC}, {@code PPLA}, {@code PPL} …), or the OSM
 *     tag ({@code place=town}, {@code amenity=school}); may be empty
 * @param countryIso2 ISO 3166-1 alpha-2 country code; may be empty
 * @param admin1Code GeoNames admin1 code (not an OCHA P-code); may be empty
 * @param population population, 0 when GeoNames does not know it
 */
public record Place(
    long id,
    String name,
    String asciiName,
    List<String> alternateNames,
    double lat,
    double lon,
    String featureClass,
    String featureCode,
    String countryIso2,
    String admin1Code,
    long population) {
  public Place {
    requireNonNull(name, "name");
    requireNonNull(asciiName, "asciiName");
    requireNonNull(featureClass, "featureClass");
    requireNonNull(featureCode, "featureCode");
    requireNonNull(countryIso2, "countryIso2");
    requireNonNull(admin1Code, "admin1Code");
    alternateNames = List.copyOf(requireNonNull(alternateNames, "alternateNames"));
    if (id <= 0) {
      throw new IllegalArgumentException("id must be positive, was " + id);
    }
    if (name.isBlank()) {
      throw new IllegalArgumentException("name must not be blank (id " + id + ")");
    }
    if (!(lat >= -90 && lat <= 90)) {
      throw new IllegalArgumentException("lat must be in [-90, 90], was " + lat);
    }
    if (!(lon >= -180 && lon <= 180)) {
      throw new IllegalArgumentException("lon must be in [-180, 180], was " + lon);
    }
    if (population < 0) {
      throw new IllegalArgumentException("population must not be negative, was " + population);
    }
  }

  /** True for populated places (GeoNames feature class {@code P}). */
  public boolean isPopulatedPlace() {
    return "P".equals(featureClass);
  }
}
