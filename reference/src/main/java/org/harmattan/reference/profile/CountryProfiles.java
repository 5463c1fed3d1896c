package org.harmattan.reference.profile;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.harmattan.domain.error.HarmattanException;
import org.harmattan.domain.problem.ProblemCode;
import org.harmattan.reference.profile.CountryProfile.Boundaries;
import org.harmattan.reference.profile.CountryProfile.CorridorSpec;
import org.harmattan.reference.profile.CountryProfile.NamedPlace;
import org.harmattan.reference.profile.CountryProfile.Roads;

/**
 * Country profiles by ISO3: the shipped ones (Mali, Burkina Faso, Niger) and those of user files,
 * which replace a shipped profile of the same country.
 */
public final class CountryProfiles {
  private static final YAMLMapper YAML = new YAMLMapper();
  private static final CountryProfiles SHIPPED = loadShipped();

  private final Map<String, CountryProfile> byIso3;

  private CountryProfiles(Map<String, CountryProfile> byIso3) {
    this.byIso3 = Map.copyOf(byIso3);
  }

  /** The profiles that ship with Harmattan. */
  public static CountryProfiles shipped() {
    return SHIPPED;
  }

  /** The capital of {@code iso3} in the shipped profiles. */
  public static Optional<NamedPlace> findCapital(String iso3) {
    return SHIPPED.find(iso3).map(CountryProfile::capital);
  }

  /** The profile of {@code iso3}, if there is one. */
  public Optional<CountryProfile> find(String iso3) {
    return Optional.ofNullable(byIso3.get(requireNonNull(iso3, "iso3")));
  }

  /** Every profile, by ISO3. */
  public Collection<CountryProfile> listProfiles() {
    return byIso3.values();
  }

  /**
   * These profiles with those of {@code file} added; a user profile replaces a shipped one.
   *
   * @throws HarmattanException (user input) naming the file and the entry when it cannot be read
   */
  public CountryProfiles with(Path file) {
    requireNonNull(file, "file");
    JsonNode root;
    try (InputStream in = Files.newInputStream(file)) {
      root = YAML.readTree(in);
    } catch (IOException e) {
      throw HarmattanException.userInput(
          ProblemCode.PROFILE_UNREADABLE,
          "cannot read country profile file " + file + ": " + e.getMessage());
    }
    Map<String, CountryProfile> all = new LinkedHashMap<>(byIso3);
    Path base = file.toAbsolutePath().getParent();
    for (CountryProfile p : parse(root, file.toString(), base)) {
      all.put(p.iso3(), p);
    }
    return new CountryProfiles(all);
  }

  private static CountryProfiles loadShipped() {
    try (InputStream in = CountryProfiles.class.getResourceAsStream("country-profiles.yaml")) {
      if (in == null) {
        throw new IllegalStateException("country-profiles.yaml missing from the classpath");
      }
      Map<String, CountryProfile> out = new LinkedHashMap<>();
      for (CountryProfile p : parse(YAML.readTree(in), "shipped country-profiles.yaml", null)) {
        out.put(p.iso3(), p);
      }
      return new CountryProfiles(out);
    } catch (IOException e) {
      throw new IllegalStateException("shipped country-profiles.yaml unreadable", e);
    }
  }

  private static List<CountryProfile> parse(JsonNode root, String where, Path base) {
    if (root == null || !root.path("profiles").isArray()) {
      throw HarmattanException.userInput(
          ProblemCode.PROFILE_INVALID, where + ": expected a top-level 'profiles:' list");
    }
    List<CountryProfile> out = new ArrayList<>();
    int i = 0;
    for (JsonNode p : root.get("profiles")) {
      i++;
      String at = where + ", profile " + i;
      try {
        out.add(profile(p, at, base));
      } catch (IllegalArgumentException e) {
        throw HarmattanException.userInput(ProblemCode.PROFILE_INVALID, at + ": " + e.getMessage());
      }
    }
    return out;
  }

  private static CountryProfile profile(JsonNode p, String at, Path base) {
    String iso3 = text(p, "country", at).toUpperCase(Locale.ROOT);
    if (!iso3.matches("[A-Z]{3}")) {
      throw new IllegalArgumentException("'country' must be an ISO3 code such as MLI: " + iso3);
    }
    JsonNode b = p.path("boundaries");
    Boundaries boundaries =
        new Boundaries(
            optText(b, "admin0"),
            optText(b, "admin1"),
            optPath(b, "admin0_file", base),
            optPath(b, "admin1_file", base));
    JsonNode r = p.path("roads");
    Roads roads =
        new Roads(
            r.hasNonNull("format") ? r.get("format").asText() : "african-urban-network",
            r.hasNonNull("max_snap_km") ? r.get("max_snap_km").asDouble() : 30);
    List<CorridorSpec> corridors = new ArrayList<>();
    for (JsonNode c : p.path("corridors")) {
      List<NamedPlace> via = new ArrayList<>();
      for (JsonNode v : c.path("via")) {
        via.add(place(v, at + ", corridor via"));
      }
      corridors.add(
          new CorridorSpec(
              text(c, "slug", at + ", corridor"),
              text(c, "name", at + ", corridor"),
              via,
              place(c.path("to"), at + ", corridor 'to'")));
    }
    return new CountryProfile(
        iso3,
        text(p, "name", at),
        place(p.path("capital"), at + ", capital"),
        boundaries,
        roads,
        corridors);
  }

  private static NamedPlace place(JsonNode n, String at) {
    if (!n.hasNonNull("latitude") || !n.hasNonNull("longitude") || !n.get("latitude").isNumber()) {
      throw new IllegalArgumentException(at + ": expected {name, latitude, longitude}, got " + n);
    }
    return new NamedPlace(
        text(n, "name", at), n.get("latitude").asDouble(), n.get("longitude").asDouble());
  }

  private static String text(JsonNode n, String field, String at) {
    if (!n.hasNonNull(field) || n.get(field).asText().isBlank()) {
      throw new IllegalArgumentException(at + ": '" + field + "' is missing");
    }
    return n.get(field).asText();
  }

  private static String optText(JsonNode n, String field) {
    return n.hasNonNull(field) ? n.get(field).asText() : null;
  }

  private static Path optPath(JsonNode n, String field, Path base) {
    if (!n.hasNonNull(field)) {
      return null;
    }
    Path p = Path.of(n.get(field).asText());
    return base == null || p.isAbsolute() ? p : base.resolve(p);
  }
}
