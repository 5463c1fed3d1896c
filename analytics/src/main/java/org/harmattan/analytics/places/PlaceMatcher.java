package org.harmattan.analytics.places;

import static java.util.Objects.requireNonNull;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Matches raw place names ({@code Sebabougou}, {@code SEGOU}, {@code Tombouctou}, {@code Nioro}) to
 * gazetteer places, and says so when a name is ambiguous rather than guessing.
 *
 * <p>Tiers, first one with a candidate wins: {@link MatchMethod#EXACT} (the name as written, unless
 * a place of a better kind has the same normalised name), {@link MatchMethod#NORMALISED} (name or
 * ASCII name without accents, case and punctuation), {@link MatchMethod#ALTERNATE} (GeoNames
 * alternate names), {@link MatchMethod#PREFIX} (the raw name is the leading word(s) of exactly one
 * place's name). Within a tier candidates are ranked: populated places (feature class P) first,
 * then by feature code (PPLC, PPLA, PPLA2 … PPL), then by population. The top candidate is taken
 * only when it outranks the second by feature class or code, or has at least ten times its
 * population; otherwise the result is {@link MatchResult.Ambiguous}. OSM places ({@link
 * OsmPlaceListReader}) rank by their place tag: a city like PPLA2, a town like PPLA4, a village
 * like PPL. Several prefix candidates are ambiguous unless the top one outranks all others by
 * feature class or code (the town Nioro du Sahel over the village Nioro Tougoune Rangabe and the
 * clinic "NIORO clinic"); population never decides a prefix match.
 */
public final class PlaceMatcher {
  /** Population ratio at which the larger of two same-ranked places is taken without asking. */
  public static final long DOMINANCE_RATIO = 10;

  private static final Map<String, Integer> FEATURE_CODE_RANK =
      Map.of(
          "PPLC", 0, "PPLG", 1, "PPLA", 1, "PPLA2", 2, "PPLA3", 3, "PPLA4", 4, "PPLA5", 5, "PPL",
          6);
  private static final int OTHER_POPULATED_RANK = 7;
  private static final int NOT_POPULATED_RANK = 8;

  /** Best first: populated, feature code rank, population (largest first), then id. */
  static final Comparator<Place> RANKING =
      Comparator.comparingInt(PlaceMatcher::rankClass)
          .thenComparing(Comparator.comparingLong(Place::population).reversed())
          .thenComparingLong(Place::id);

  private final Gazetteer gazetteer;

  public PlaceMatcher(Gazetteer gazetteer) {
    this.gazetteer = requireNonNull(gazetteer, "gazetteer");
  }

  /**
   * Matches {@code name}, within the country {@code countryIso2} when not null.
   *
   * @param name the raw place name as written by the source
   * @param countryIso2 ISO 3166-1 alpha-2 code to restrict the search to, or null for all
   */
  public MatchResult match(String name, String countryIso2) {
    requireNonNull(name, "name");
    String key = PlaceNames.normalise(name);
    if (key.isEmpty()) {
      return new MatchResult.None(name);
    }
    String country = countryIso2 == null ? null : countryIso2.strip().toUpperCase(Locale.ROOT);
    List<Place> byName = inCountry(gazetteer.listByName(key), country);
    String written = name.strip();
    List<Place> exact = byName.stream().filter(p -> p.name().equals(written)).toList();
    // An exact spelling decides only among places of the best kind: "SEBABOUGOU" is the
    // spelling of a school, but the village Sébabougou is what a source naming a place means.
    if (!exact.isEmpty() && rankClass(sorted(exact).get(0)) <= rankClass(sorted(byName).get(0))) {
      return decide(name, exact, MatchMethod.EXACT);
    }
    if (!byName.isEmpty()) {
      return decide(name, byName, MatchMethod.NORMALISED);
    }
    List<Place> alternate = inCountry(gazetteer.listByAlternateName(key), country);
    if (!alternate.isEmpty()) {
      return decide(name, alternate, MatchMethod.ALTERNATE);
    }
    List<Place> prefix = inCountry(gazetteer.listByNamePrefix(key), country);
    if (prefix.size() == 1) {
      return new MatchResult.Matched(name, prefix.get(0), MatchMethod.PREFIX);
    }
    if (prefix.size() > 1) {
      List<Place> ranked = sorted(prefix);
      if (rankClass(ranked.get(0)) < rankClass(ranked.get(1))) {
        return new MatchResult.Matched(name, ranked.get(0), MatchMethod.PREFIX);
      }
      return new MatchResult.Ambiguous(
          name,
          ranked,
          MatchMethod.PREFIX,
          prefix.size()
              + " places have a name starting with \""
              + key
              + " \""
              + (country == null ? "" : " in " + country)
              + "; give the full name");
    }
    return new MatchResult.None(name);
  }

  private static MatchResult decide(String query, List<Place> candidates, MatchMethod method) {
    List<Place> ranked = sorted(candidates);
    if (ranked.size() == 1) {
      return new MatchResult.Matched(query, ranked.get(0), method);
    }
    Place first = ranked.get(0);
    Place second = ranked.get(1);
    if (rankClass(first) < rankClass(second) || dominates(first, second)) {
      return new MatchResult.Matched(query, first, method);
    }
    return new MatchResult.Ambiguous(
        query,
        ranked,
        method,
        "the top candidates "
            + describe(first)
            + " and "
            + describe(second)
            + " have the same feature class and code and neither has "
            + DOMINANCE_RATIO
            + "x the other's population; add the country or a fuller name");
  }

  private static boolean dominates(Place a, Place b) {
    // Population 0 means unknown in GeoNames: a known population dominates it.
    return a.population() > 0 && a.population() >= DOMINANCE_RATIO * b.population();
  }

  private static String describe(Place p) {
    return p.name()
        + " ("
        + p.id()
        + ", "
        + p.featureCode()
        + ", "
        + p.countryIso2()
        + ", population "
        + p.population()
        + ")";
  }

  private static List<Place> sorted(List<Place> places) {
    return places.stream().sorted(RANKING).toList();
  }

  private static List<Place> inCountry(List<Place> places, String country) {
    if (country == null) {
      return places;
    }
    return places.stream().filter(p -> p.countryIso2().equalsIgnoreCase(country)).toList();
  }

  /** 0 for the best-ranked kind of place (a capital), larger for lesser kinds. */
  static int rankClass(Place p) {
    if (!p.isPopulatedPlace()) {
      return NOT_POPULATED_RANK;
    }
    Integer rank = FEATURE_CODE_RANK.get(p.featureCode());
    if (rank == null) {
      rank = OsmPlaceListReader.RANK.get(p.featureCode());
    }
    return rank == null ? OTHER_POPULATED_RANK : rank;
  }
}
