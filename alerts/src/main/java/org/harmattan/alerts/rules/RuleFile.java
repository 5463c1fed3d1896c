package org.harmattan.alerts.rules;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.harmattan.alerts.Severity;
import org.harmattan.alerts.YamlFiles;
import org.harmattan.analytics.advisories.ChangeKind;
import org.harmattan.analytics.corridors.CorridorReport;
import org.harmattan.analytics.corridors.SegmentStatus;
import org.harmattan.domain.context.Government;
import org.harmattan.domain.error.HarmattanException;
import org.harmattan.domain.event.SourceSystem;
import org.harmattan.reference.profile.CountryProfile;
import org.harmattan.reference.roads.RoadNetworkReader;

/**
 * Reads a YAML rule file: {@code rules: [{id, kind, countries: [ISO3…], admin1, severity,
 * suppress_days, …}]}. Every mistake is reported with the rule (its position and id), the key and
 * what was expected; unknown keys are mistakes, so that a misspelt option is never silently
 * ignored.
 *
 * <p>Keys: {@code id} (letters, digits, '.', '_' or '-'); {@code kind} (see {@link RuleKind});
 * {@code countries}; {@code admin1} (optional: the regions to watch, each on its own); {@code
 * severity} (extreme, severe, moderate or minor); {@code suppress_days} (default: {@link
 * #defaultSuppressDays}); {@code sources} (default {@code [acled]}); for {@code capital-radius}:
 * {@code radius_km} (default 50), {@code quiet_months} (default 12) and {@code capital} ({@code
 * {name, lat, lon}}, default the country profile's); for {@code anomaly}: {@code p_value_below}
 * (default 0.05); for {@code forecast-fatalities}: {@code probability} (default 0.5).
 */
public final class RuleFile {
  private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
  private static final Pattern ISO3 = Pattern.compile("[A-Z]{3}");
  private static final Set<String> COMMON =
      Set.of("id", "kind", "countries", "admin1", "severity", "suppress_days", "sources");
  private static final Map<RuleKind, Set<String>> EXTRA =
      Map.of(
          RuleKind.CAPITAL_RADIUS, Set.of("radius_km", "quiet_months", "capital"),
          RuleKind.ANOMALY, Set.of("p_value_below"),
          RuleKind.FORECAST_FATALITIES, Set.of("probability"),
          RuleKind.CORRIDOR_STATUS, Set.of("roads", "corridors", "directions", "to", "buffer_km"),
          RuleKind.ADVISORY_CHANGE, Set.of("advisories", "changes", "governments"));

  /** The file endings of the advisory snapshots a folder contributes. */
  private static final List<String> SNAPSHOT_ENDINGS = List.of(".json", ".xml", ".rss");

  /** The default radius of a {@code capital-radius} rule, in kilometres. */
  public static final double DEFAULT_RADIUS_KM = 50;

  /** The default quiet months of a {@code capital-radius} rule. */
  public static final int DEFAULT_QUIET_MONTHS = 12;

  /** The default chance a {@code forecast-fatalities} rule fires at. */
  public static final double DEFAULT_PROBABILITY = 0.5;

  /** The default p-value threshold of an {@code anomaly} rule. */
  public static final double DEFAULT_P_VALUE_BELOW = 0.05;

  /** The changes an {@code advisory-change} rule fires on when its file does not say. */
  public static final Set<ChangeKind> DEFAULT_CHANGES =
      Set.of(ChangeKind.LEVEL_RAISED, ChangeKind.LEAVE_NOW_ADDED);

  private RuleFile() {}

  /**
   * The days a rule of {@code kind} stays quiet after an alert when its file does not say: 180 for
   * {@code hdx-signals} (as HDX Signals suppresses a country alerted in the last 180 days), 7 for
   * {@code acled-surge} (one week, the surge's own window), 30 for the rules over 30 days, and 0
   * for {@code capital-radius}, whose condition ("the first in N months") already keeps it quiet,
   * and for {@code corridor-status} and {@code advisory-change}, which fire on a change, not on a
   * state that lasts.
   */
  public static int defaultSuppressDays(RuleKind kind) {
    return switch (kind) {
      case HDX_SIGNALS -> 180;
      case ACLED_SURGE -> 7;
      case ACLED_THREAT, ACLED_CHANGE, ANOMALY -> 30;
      case CAPITAL_RADIUS, CORRIDOR_STATUS, ADVISORY_CHANGE -> 0;
      case FORECAST_FATALITIES -> 30;
    };
  }

  /** Reads the rules of a file; the paths it names are relative to its folder. */
  public static List<Rule> read(Path file) {
    return parse(YamlFiles.read(file), file.toString(), file.toAbsolutePath().getParent());
  }

  /**
   * Reads the rules of a YAML text whose paths are relative to the working directory.
   *
   * @param text the YAML
   * @param where the file's name, for messages
   */
  public static List<Rule> parse(String text, String where) {
    return parse(text, where, Path.of("").toAbsolutePath());
  }

  /**
   * Reads the rules of a YAML text.
   *
   * @param text the YAML
   * @param where the file's name, for messages
   * @param base the folder the paths it names (roads, advisories) are relative to
   */
  public static List<Rule> parse(String text, String where, Path base) {
    JsonNode root = YamlFiles.parse(text, where);
    if (root == null || !root.isObject() || !root.has("rules")) {
      throw fail(where, "expected a map with the key 'rules', a list of rules");
    }
    Iterator<String> keys = root.fieldNames();
    while (keys.hasNext()) {
      String k = keys.next();
      if (!"rules".equals(k)) {
        throw fail(where, "unknown key '" + k + "' at the top; expected only 'rules'");
      }
    }
    JsonNode list = root.get("rules");
    if (!list.isArray() || list.isEmpty()) {
      throw fail(where, "'rules' must be a non-empty list of rules");
    }
    List<Rule> rules = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < list.size(); i++) {
      Rule r = rule(list.get(i), where, i + 1, base);
      if (!ids.add(r.id())) {
        throw fail(where, "rule " + (i + 1) + ": the id '" + r.id() + "' is used twice");
      }
      rules.add(r);
    }
    return List.copyOf(rules);
  }

  private static Rule rule(JsonNode n, String where, int index, Path base) {
    String at = "rule " + index;
    if (!n.isObject()) {
      throw fail(where, at + ": expected a map of keys (id, kind, countries, …)");
    }
    String id = text(n, "id", where, at);
    if (!ID.matcher(id).matches()) {
      throw fail(
          where,
          at
              + ": id '"
              + id
              + "' must be 1 to 64 letters, digits, '.', '_' or '-', starting with a letter or"
              + " digit");
    }
    at = at + " (" + id + ")";
    String kindWord = text(n, "kind", where, at);
    RuleKind kind =
        RuleKind.parse(kindWord)
            .orElseThrow(
                () ->
                    fail(
                        where,
                        "unknown kind '"
                            + kindWord
                            + "' in rule "
                            + index
                            + " ("
                            + id
                            + "); expected one of "
                            + String.join(", ", RuleKind.words())));
    Set<String> allowed = new HashSet<>(COMMON);
    allowed.addAll(EXTRA.getOrDefault(kind, Set.of()));
    if (kind == RuleKind.ADVISORY_CHANGE) {
      allowed.remove("sources"); // it reads no events
    }
    Iterator<String> keys = n.fieldNames();
    while (keys.hasNext()) {
      String k = keys.next();
      if (!allowed.contains(k)) {
        throw fail(
            where,
            at
                + ": unknown key '"
                + k
                + "' for kind "
                + kind.word()
                + "; expected one of "
                + String.join(", ", allowed.stream().sorted().toList()));
      }
    }
    List<String> countries = strings(n, "countries", where, at, true);
    for (String c : countries) {
      if (!ISO3.matcher(c).matches()) {
        throw fail(
            where, at + ": country '" + c + "' is not an ISO 3166-1 alpha-3 code such as MLI");
      }
    }
    List<String> admin1 = strings(n, "admin1", where, at, false);
    if (!admin1.isEmpty()) {
      String watches =
          switch (kind) {
            case CAPITAL_RADIUS -> "the capital";
            case CORRIDOR_STATUS -> "the country profile's supply corridors";
            case ADVISORY_CHANGE -> "governments' travel advice on the whole country";
            default -> null;
          };
      if (watches != null) {
        throw fail(
            where, at + ": admin1 does not apply to " + kind.word() + ", which watches " + watches);
      }
    }
    String sev = text(n, "severity", where, at);
    Severity severity =
        Severity.parse(sev)
            .orElseThrow(
                () ->
                    fail(
                        where,
                        at(index, id)
                            + ": severity '"
                            + sev
                            + "' is not one of extreme, severe, moderate, minor"));
    int suppress =
        n.has("suppress_days")
            ? whole(n, "suppress_days", where, at, 0, 3650)
            : defaultSuppressDays(kind);
    Set<SourceSystem> sources = EnumSet.noneOf(SourceSystem.class);
    for (String s : strings(n, "sources", where, at, false)) {
      try {
        sources.add(SourceSystem.valueOf(s.toUpperCase(Locale.ROOT)));
      } catch (IllegalArgumentException e) {
        throw fail(where, at + ": source '" + s + "' is not one of acled, ucdp, gdelt");
      }
    }
    if (sources.isEmpty()) {
      sources.add(SourceSystem.ACLED);
    }
    double radius =
        n.has("radius_km") ? number(n, "radius_km", where, at, 1, 2000) : DEFAULT_RADIUS_KM;
    int quiet =
        n.has("quiet_months") ? whole(n, "quiet_months", where, at, 1, 120) : DEFAULT_QUIET_MONTHS;
    double pBelow =
        n.has("p_value_below")
            ? number(n, "p_value_below", where, at, 1e-12, 0.5)
            : DEFAULT_P_VALUE_BELOW;
    double probability =
        n.has("probability")
            ? number(n, "probability", where, at, 0.01, 0.99)
            : DEFAULT_PROBABILITY;
    CountryProfile.NamedPlace capital = n.has("capital") ? capital(n, where, at) : null;
    Rule.CorridorConfig corridor =
        kind == RuleKind.CORRIDOR_STATUS ? corridor(n, where, at, base) : null;
    Rule.AdvisoryConfig advisory =
        kind == RuleKind.ADVISORY_CHANGE ? advisory(n, where, at, base) : null;
    return new Rule(
        id,
        kind,
        countries,
        admin1,
        severity,
        suppress,
        sources,
        radius,
        quiet,
        capital,
        pBelow,
        probability,
        corridor,
        advisory);
  }

  private static Rule.CorridorConfig corridor(JsonNode n, String where, String at, Path base) {
    String roadsKey = text(n, "roads", where, at);
    Path roads = base.resolve(roadsKey).normalize();
    if (!Files.isRegularFile(roads.resolve(RoadNetworkReader.NODES_FILE))
        || !Files.isRegularFile(roads.resolve(RoadNetworkReader.EDGES_FILE))) {
      throw fail(
          where,
          at
              + ": roads '"
              + roadsKey
              + "' ("
              + roads
              + ") is not a folder holding "
              + RoadNetworkReader.NODES_FILE
              + " and "
              + RoadNetworkReader.EDGES_FILE
              + " (the African Urban Network road graph)");
    }
    // Checked against the country's profile when the rule is evaluated.
    List<String> corridors = strings(n, "corridors", where, at, false);
    Set<Rule.Direction> directions =
        words(n, "directions", where, at, Rule.Direction.values(), Rule.Direction::word);
    if (directions.isEmpty()) {
      directions = Set.of(Rule.Direction.WORSE);
    }
    Set<SegmentStatus> to = words(n, "to", where, at, SegmentStatus.values(), SegmentStatus::label);
    if (to.isEmpty()) {
      to = Set.of(SegmentStatus.values());
    } else {
      for (SegmentStatus s : to) {
        boolean reached =
            (directions.contains(Rule.Direction.WORSE) && s != SegmentStatus.OPEN)
                || (directions.contains(Rule.Direction.BETTER) && s != SegmentStatus.BLOCKED);
        if (!reached) {
          throw fail(
              where,
              at
                  + ": to '"
                  + s.label()
                  + "' is never reached in the directions "
                  + directions.stream().map(Rule.Direction::word).sorted().toList()
                  + "; expected "
                  + (s == SegmentStatus.OPEN ? "directions: [better]" : "directions: [worse]")
                  + " with it");
        }
      }
    }
    double buffer =
        n.has("buffer_km")
            ? number(n, "buffer_km", where, at, 1, 50)
            : CorridorReport.DEFAULT_BUFFER_KM;
    return new Rule.CorridorConfig(roads, corridors, directions, to, buffer);
  }

  private static Rule.AdvisoryConfig advisory(JsonNode n, String where, String at, Path base) {
    if (!n.hasNonNull("advisories")) {
      throw fail(
          where,
          at + ": the key 'advisories' is missing (snapshot files or folders, e.g. [advisories])");
    }
    Set<Path> files = new LinkedHashSet<>();
    for (String name : strings(n, "advisories", where, at, true)) {
      files.addAll(snapshots(base.resolve(name).normalize(), name, where, at));
    }
    Set<ChangeKind> changes = words(n, "changes", where, at, ChangeKind.values(), RuleFile::word);
    Set<Government> governments =
        words(n, "governments", where, at, Government.values(), Government::code);
    return new Rule.AdvisoryConfig(
        List.copyOf(files),
        changes.isEmpty() ? DEFAULT_CHANGES : changes,
        governments.isEmpty() ? Set.of(Government.values()) : governments);
  }

  /** The word of a change kind in rule files: {@code level-raised}, {@code leave-now-added}. */
  private static String word(ChangeKind kind) {
    return kind.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** A snapshot file, or a folder's snapshot files by name. */
  private static List<Path> snapshots(Path path, String name, String where, String at) {
    if (Files.isRegularFile(path)) {
      return List.of(path);
    }
    String expected =
        " (expected a travel-advice snapshot file, or a folder of them ending in "
            + String.join(", ", SNAPSHOT_ENDINGS)
            + ")";
    if (!Files.isDirectory(path)) {
      throw fail(
          where, at + ": advisories '" + name + "' (" + path + ") does not exist" + expected);
    }
    List<Path> out;
    try (Stream<Path> listed = Files.list(path)) {
      out =
          listed
              .filter(Files::isRegularFile)
              .filter(
                  p -> {
                    String f = p.getFileName().toString().toLowerCase(Locale.ROOT);
                    return !f.startsWith(".") && SNAPSHOT_ENDINGS.stream().anyMatch(f::endsWith);
                  })
              .sorted()
              .toList();
    } catch (IOException e) {
      throw fail(
          where,
          at + ": advisories '" + name + "' (" + path + ") cannot be listed: " + e.getMessage());
    }
    if (out.isEmpty()) {
      throw fail(
          where, at + ": advisories '" + name + "' (" + path + ") holds no snapshot" + expected);
    }
    return out;
  }

  /** The constants a list of words names; empty when the key is absent. */
  private static <E extends Enum<E>> Set<E> words(
      JsonNode n, String key, String where, String at, E[] all, Function<E, String> word) {
    Set<E> out = new LinkedHashSet<>();
    for (String w : strings(n, key, where, at, false)) {
      Optional<E> e =
          Arrays.stream(all)
              .filter(c -> word.apply(c).equals(w.toLowerCase(Locale.ROOT)))
              .findFirst();
      if (e.isEmpty()) {
        throw fail(
            where,
            at
                + ": "
                + key
                + " '"
                + w
                + "' is not one of "
                + String.join(", ", Arrays.stream(all).map(word).toList()));
      }
      out.add(e.get());
    }
    if (n.has(key) && out.isEmpty()) {
      throw fail(where, at + ": '" + key + "' must not be empty");
    }
    return out;
  }

  private static String at(int index, String id) {
    return "rule " + index + " (" + id + ")";
  }

  private static CountryProfile.NamedPlace capital(JsonNode n, String where, String at) {
    JsonNode c = n.get("capital");
    String expected =
        ": capital must be a map {name, lat, lon} with lat in -90..90, lon in -180..180";
    if (!c.isObject()
        || !c.path("name").isTextual()
        || !c.path("lat").isNumber()
        || !c.path("lon").isNumber()
        || c.size() != 3) {
      throw fail(where, at + expected);
    }
    double lat = c.get("lat").asDouble();
    double lon = c.get("lon").asDouble();
    if (!(lat >= -90 && lat <= 90 && lon >= -180 && lon <= 180)) {
      throw fail(where, at + expected);
    }
    return new CountryProfile.NamedPlace(c.get("name").asText(), lat, lon);
  }

  private static String text(JsonNode n, String key, String where, String at) {
    JsonNode v = n.get(key);
    if (v == null || v.isNull()) {
      throw fail(where, at + ": the key '" + key + "' is missing");
    }
    if (!v.isTextual() || v.asText().isBlank()) {
      throw fail(where, at + ": '" + key + "' must be a non-empty text");
    }
    return v.asText().strip();
  }

  private static List<String> strings(
      JsonNode n, String key, String where, String at, boolean required) {
    JsonNode v = n.get(key);
    if (v == null || v.isNull()) {
      if (required) {
        throw fail(where, at + ": the key '" + key + "' is missing (a list, e.g. [MLI])");
      }
      return List.of();
    }
    List<String> out = new ArrayList<>();
    if (v.isTextual()) {
      out.add(v.asText().strip());
    } else if (v.isArray()) {
      for (JsonNode e : v) {
        if (!e.isTextual() || e.asText().isBlank()) {
          throw fail(where, at + ": '" + key + "' must list non-empty texts, got " + e);
        }
        out.add(e.asText().strip());
      }
    } else {
      throw fail(where, at + ": '" + key + "' must be a list of texts");
    }
    if (required && out.isEmpty()) {
      throw fail(where, at + ": '" + key + "' must not be empty");
    }
    return out;
  }

  private static int whole(JsonNode n, String key, String where, String at, int min, int max) {
    JsonNode v = n.get(key);
    if (!v.canConvertToInt() || !v.isIntegralNumber() || v.asInt() < min || v.asInt() > max) {
      throw fail(where, at + ": '" + key + "' must be a whole number from " + min + " to " + max);
    }
    return v.asInt();
  }

  private static double number(
      JsonNode n, String key, String where, String at, double min, double max) {
    JsonNode v = n.get(key);
    if (!v.isNumber() || !(v.asDouble() >= min && v.asDouble() <= max)) {
      throw fail(where, at + ": '" + key + "' must be a number from " + min + " to " + max);
    }
    return v.asDouble();
  }

  private static HarmattanException fail(Object where, String what) {
    return YamlFiles.fail(where, what);
  }
}
