package org.harmattan.analytics.capital;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The shipped country profiles (capital and its coordinates), by ISO3. */
public final class CountryProfiles {
  /**
   * A country's capital.
   *
   * @param name e.g. Bamako
   * @param latitude WGS84
   * @param longitude WGS84
   */
  public record Capital(String name, double latitude, double longitude) {
    public Capital {
      requireNonNull(name, "name");
      if (latitude < -90 || latitude > 90 || longitude < -180 || longitude > 180) {
        throw new IllegalArgumentException("capital " + name + " has impossible coordinates");
      }
    }
  }

  private static final Map<String, Capital> CAPITALS = load();

  private CountryProfiles() {}

  /** The capital of {@code iso3}, if a profile names one. */
  public static Optional<Capital> findCapital(String iso3) {
    return Optional.ofNullable(CAPITALS.get(iso3));
  }

  private static Map<String, Capital> load() {
    try (InputStream in = CountryProfiles.class.getResourceAsStream("country-profiles.yaml")) {
      if (in == null) {
        throw new IllegalStateException("country-profiles.yaml missing from the classpath");
      }
      JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(in);
      Map<String, Capital> out = new LinkedHashMap<>();
      for (JsonNode p : root.get("profiles")) {
        JsonNode c = p.get("capital");
        out.put(
            p.get("country").asText(),
            new Capital(
                c.get("name").asText(),
                c.get("latitude").asDouble(),
                c.get("longitude").asDouble()));
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
