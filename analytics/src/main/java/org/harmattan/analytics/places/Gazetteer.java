package org.harmattan.analytics.places;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;

/**
 * An in-memory index of places by normalised name (see {@link PlaceNames#normalise}): one index of
 * the main names (name and ASCII name) and one of the alternate names.
 */
public final class Gazetteer {
  private final List<Place> places;
  private final NavigableMap<String, List<Place>> byName = new TreeMap<>();
  private final Map<String, List<Place>> byAlternateName = new HashMap<>();

  private Gazetteer(Collection<Place> places) {
    this.places = List.copyOf(places);
    for (Place p : this.places) {
      for (String key : keys(List.of(p.name(), p.asciiName()))) {
        byName.computeIfAbsent(key, k -> new ArrayList<>()).add(p);
      }
      for (String key : keys(p.alternateNames())) {
        byAlternateName.computeIfAbsent(key, k -> new ArrayList<>()).add(p);
      }
    }
  }

  /** Indexes the given places. */
  public static Gazetteer of(Collection<Place> places) {
    return new Gazetteer(requireNonNull(places, "places"));
  }

  private static Set<String> keys(List<String> names) {
    Set<String> keys = new LinkedHashSet<>();
    for (String n : names) {
      String key = PlaceNames.normalise(n);
      if (!key.isEmpty()) {
        keys.add(key);
      }
    }
    return keys;
  }

  /** All places, in the order given. */
  public List<Place> listPlaces() {
    return places;
  }

  /** Places whose name or ASCII name normalises to {@code normalisedName}. */
  public List<Place> listByName(String normalisedName) {
    return List.copyOf(byName.getOrDefault(normalisedName, List.of()));
  }

  /** Places with an alternate name that normalises to {@code normalisedName}. */
  public List<Place> listByAlternateName(String normalisedName) {
    return List.copyOf(byAlternateName.getOrDefault(normalisedName, List.of()));
  }

  /**
   * Places whose normalised name or ASCII name starts with {@code normalisedPrefix} followed by a
   * space, i.e. at a word boundary: {@code "nioro"} finds {@code "nioro du sahel"}, not {@code
   * "niorokoro"}. Each place once.
   */
  public List<Place> listByNamePrefix(String normalisedPrefix) {
    String from = normalisedPrefix + " ";
    Set<Place> found = new LinkedHashSet<>();
    // ' ' + 1 is '!': every key starting with "prefix " sorts below "prefix!".
    for (List<Place> ps : byName.subMap(from, true, normalisedPrefix + "!", false).values()) {
      found.addAll(ps);
    }
    return List.copyOf(found);
  }

  public int size() {
    return places.size();
  }
}
