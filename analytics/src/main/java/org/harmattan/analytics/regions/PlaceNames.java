package org.harmattan.analytics.regions;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * One spelling per first-level region in a brief. Sources spell a region their own way: ACLED
 * writes "Segou" and "Tombouctou", the map's outlines "Ségou" and "Timbuktu", IOM DTM "Ségou". A
 * brief names each region once: with the accents one of its sources gives (Ségou), else as its
 * events name it (Tombouctou, also on the map whose outline says Timbuktu). The figures' notes
 * still quote each source's own spelling, as their filters do.
 */
public final class PlaceNames implements UnaryOperator<String> {
  private static final PlaceNames NONE = new PlaceNames(Map.of(), Map.of(), Set.of(), false);

  /** Display name by comparison key ({@link Admin1Regions#normalise}). */
  private final Map<String, String> byKey;

  /** Map label by the outline's own name. */
  private final Map<String, String> outlines;

  /** Keys of the regions that other sources name but neither the events nor the outlines do. */
  private final Set<String> elsewhere;

  private final boolean withOutlines;

  private PlaceNames(
      Map<String, String> byKey,
      Map<String, String> outlines,
      Set<String> elsewhere,
      boolean withOutlines) {
    this.byKey = Map.copyOf(byKey);
    this.outlines = Map.copyOf(outlines);
    this.elsewhere = Set.copyOf(elsewhere);
    this.withOutlines = withOutlines;
  }

  /** Names as every source writes them. */
  public static PlaceNames none() {
    return NONE;
  }

  /**
   * The spellings of a country's regions.
   *
   * @param regions the regions the events name, with the outlines they were matched to
   * @param others region names other sources of the brief write (humanitarian tables)
   */
  public static PlaceNames of(Admin1Regions.Result regions, Collection<String> others) {
    requireNonNull(regions, "regions");
    requireNonNull(others, "others");
    Map<String, List<String>> spellings = new LinkedHashMap<>();
    for (Admin1Regions.Region r : regions.regions()) {
      spellings
          .computeIfAbsent(Admin1Regions.normalise(r.name()), k -> new ArrayList<>())
          .add(r.name());
      if (r.matchedBy() == Admin1Regions.Match.NAME) {
        spellings.get(Admin1Regions.normalise(r.name())).add(r.outline().name());
      }
    }
    Set<String> known = new HashSet<>(spellings.keySet());
    for (Admin1Regions.Outline o : regions.outlinesWithoutEvents()) {
      known.add(Admin1Regions.normalise(o.name()));
    }
    Set<String> elsewhere = new HashSet<>();
    for (String o : others) {
      if (o != null && !o.isBlank()) {
        String key = Admin1Regions.normalise(o);
        spellings.computeIfAbsent(key, k -> new ArrayList<>()).add(o);
        if (!known.contains(key)) {
          elsewhere.add(key);
        }
      }
    }
    Map<String, String> byKey = new HashMap<>();
    spellings.forEach((key, names) -> byKey.put(key, preferred(names)));
    // An outline is labelled with the region matched to it by name, else with the regions its
    // events lie in.
    Map<String, List<String>> onOutline = new LinkedHashMap<>();
    Set<String> named = new HashSet<>();
    for (Admin1Regions.Region r : regions.regions()) {
      if (r.outline() != null) {
        List<String> names = onOutline.computeIfAbsent(r.outline().name(), k -> new ArrayList<>());
        String display = byKey.get(Admin1Regions.normalise(r.name()));
        if (r.matchedBy() == Admin1Regions.Match.NAME) {
          named.add(r.outline().name());
          names.add(0, display);
        } else {
          names.add(display);
        }
      }
    }
    Map<String, String> outlines = new HashMap<>();
    onOutline.forEach(
        (outline, names) ->
            outlines.put(
                outline, named.contains(outline) ? names.get(0) : String.join(" / ", names)));
    return new PlaceNames(byKey, outlines, elsewhere, !regions.boundaries().isEmpty());
  }

  /**
   * Whether {@code name} is a region other sources name (humanitarian P-codes) but neither the
   * events nor the map's outlines do: a region newer than the events' coding and the boundaries
   * (Mali's Ménaka, created in 2016, whose events ACLED long coded under Gao), or one spelled so
   * differently that nothing matched it.
   */
  public boolean unknownToEvents(String name) {
    return name != null && elsewhere.contains(Admin1Regions.normalise(name));
  }

  /** Whether the regions were compared with a map's outlines. */
  public boolean withOutlines() {
    return withOutlines;
  }

  /** The brief's spelling of a region, as any source spells it; other names unchanged. */
  @Override
  public String apply(String name) {
    if (name == null) {
      return null;
    }
    return byKey.getOrDefault(Admin1Regions.normalise(name), name);
  }

  /** The label of a map outline, by the name its boundary source gives it. */
  public String outlineLabel(String outlineName) {
    String label = outlines.get(outlineName);
    return label != null ? label : apply(outlineName);
  }

  /** The spelling with accents, when one differs from the first only by them; else the first. */
  private static String preferred(List<String> names) {
    for (String n : names) {
      if (!isAscii(n)) {
        return n;
      }
    }
    return names.get(0);
  }

  private static boolean isAscii(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) > 127) {
        return false;
      }
    }
    return true;
  }
}
