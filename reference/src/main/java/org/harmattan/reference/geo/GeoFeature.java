package org.harmattan.reference.geo;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.locationtech.jts.geom.Geometry;

/**
 * One feature of a boundary file, as read: its id, its properties as text and its geometry in WGS84
 * longitude/latitude.
 *
 * @param id the feature's id, or null when the file gives none
 * @param properties property values as text (numbers as written, nested values as JSON), in file
 *     order; null values are left out
 * @param geometry the geometry; empty when the file gives a null geometry
 */
public record GeoFeature(String id, Map<String, String> properties, Geometry geometry) {
  public GeoFeature {
    requireNonNull(geometry, "geometry");
    properties = Collections.unmodifiableMap(new LinkedHashMap<>(properties));
  }

  /** The first of {@code keys} that the feature has a non-blank value for. */
  public Optional<String> findProperty(String... keys) {
    for (String k : keys) {
      String v = properties.get(k);
      if (v != null && !v.isBlank()) {
        return Optional.of(v.strip());
      }
    }
    return Optional.empty();
  }
}
