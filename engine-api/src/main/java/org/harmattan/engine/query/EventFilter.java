package org.harmattan.engine.query;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.harmattan.domain.event.EventType;
import org.harmattan.domain.event.SourceSystem;
import org.harmattan.domain.figure.Period;

/**
 * Which events a query counts. Empty sets mean "no restriction".
 *
 * @param countryIso3 the country, or null for all
 * @param period the event-date window
 * @param sources source systems
 * @param eventTypes canonical event types; null for any, an empty set for none (an intersection of
 *     two restrictions that share no type)
 * @param admin1 first-level admin names
 * @param actor1Names raw names of actor 1 (a registry actor resolves to its raw names)
 * @param anyActorNames raw names that may appear as actor 1, actor 2 or an associated actor
 * @param inter1 ACLED inter codes of actor 1 (1 = state forces)
 * @param civilianTargeting true or false to restrict, null for both
 * @param near only events within a distance of a point (haversine), or null for anywhere
 * @param subEventTypes canonical sub-event types, matched exactly (an event without one never
 *     matches a restriction)
 * @param bbox only located events inside a box, edges included, or null for anywhere (events
 *     without coordinates never match a box)
 * @param minFatalities the fewest fatalities (best estimate), inclusive, or null for no bound
 * @param maxFatalities the most fatalities (best estimate), inclusive, or null for no bound
 */
public record EventFilter(
    String countryIso3,
    Period period,
    Set<SourceSystem> sources,
    Set<EventType> eventTypes,
    Set<String> admin1,
    Set<String> actor1Names,
    Set<String> anyActorNames,
    Set<Integer> inter1,
    Boolean civilianTargeting,
    Near near,
    Set<String> subEventTypes,
    Box bbox,
    Long minFatalities,
    Long maxFatalities) {

  /**
   * A circle on the earth: events at most {@code km} from the point, by the haversine distance on a
   * sphere of radius 6,371.0088 km.
   */
  public record Near(double latitude, double longitude, double km) {
    /** The mean earth radius the distance is measured on, km. */
    public static final double EARTH_RADIUS_KM = 6371.0088;

    public Near {
      if (latitude < -90 || latitude > 90 || longitude < -180 || longitude > 180 || !(km > 0)) {
        throw new IllegalArgumentException(
            "not a circle: " + latitude + ", " + longitude + ", " + km + " km");
      }
    }

    /**
     * A box holding the whole circle, for an engine to narrow events by before measuring each: the
     * latitudes within the circle's angular radius, and the longitudes within the widest offset a
     * point of the circle can have (asin(sin radius / cos latitude), Matuschek's bounding
     * coordinates); every longitude when the circle reaches a pole or crosses the antimeridian. A
     * hair wider than exact, so that rounding never leaves out a point on the circle.
     */
    public Box bounds() {
      double radius = km / EARTH_RADIUS_KM * (1 + 1e-9);
      double lat = Math.toRadians(latitude);
      double south = Math.toDegrees(lat - radius) - 1e-9;
      double north = Math.toDegrees(lat + radius) + 1e-9;
      if (south <= -90 || north >= 90 || radius >= Math.PI / 2) {
        return new Box(Math.max(-90, south), -180, Math.min(90, north), 180);
      }
      double reach = Math.toDegrees(Math.asin(Math.sin(radius) / Math.cos(lat))) + 1e-9;
      double west = longitude - reach;
      double east = longitude + reach;
      if (west < -180 || east > 180) {
        return new Box(south, -180, north, 180);
      }
      return new Box(south, west, north, east);
    }
  }

  /**
   * A box of latitudes and longitudes, edges included. It does not cross the antimeridian: west is
   * never east of east.
   */
  public record Box(double south, double west, double north, double east) {
    public Box {
      if (!(south >= -90 && north <= 90 && west >= -180 && east <= 180)) {
        throw new IllegalArgumentException(
            "not a box: "
                + describe(south, west, north, east)
                + " (latitudes must lie in [-90, 90], longitudes in [-180, 180])");
      }
      if (!(south <= north)) {
        throw new IllegalArgumentException(
            "not a box: "
                + describe(south, west, north, east)
                + " (south must not be greater than north)");
      }
      if (!(west <= east)) {
        throw new IllegalArgumentException(
            "not a box: "
                + describe(south, west, north, east)
                + " (west must not be greater than east;"
                + " split a box across the antimeridian in two)");
      }
    }

    /** Whether the point lies in the box, edges included. */
    public boolean contains(double latitude, double longitude) {
      return latitude >= south && latitude <= north && longitude >= west && longitude <= east;
    }

    private static String describe(double south, double west, double north, double east) {
      return "south " + south + ", west " + west + ", north " + north + ", east " + east;
    }
  }

  public EventFilter {
    requireNonNull(period, "period");
    sources = Set.copyOf(sources);
    eventTypes = eventTypes == null ? null : Set.copyOf(eventTypes);
    admin1 = Set.copyOf(admin1);
    actor1Names = Set.copyOf(actor1Names);
    anyActorNames = Set.copyOf(anyActorNames);
    inter1 = Set.copyOf(inter1);
    subEventTypes = Set.copyOf(subEventTypes);
    if (minFatalities != null && minFatalities < 0) {
      throw new IllegalArgumentException("minFatalities must not be negative: " + minFatalities);
    }
    if (maxFatalities != null && maxFatalities < 0) {
      throw new IllegalArgumentException("maxFatalities must not be negative: " + maxFatalities);
    }
    if (minFatalities != null && maxFatalities != null && minFatalities > maxFatalities) {
      throw new IllegalArgumentException(
          "minFatalities " + minFatalities + " is more than maxFatalities " + maxFatalities);
    }
  }

  /** All events of a country in a window. */
  public static EventFilter of(String countryIso3, Period period) {
    return new EventFilter(
        countryIso3,
        period,
        Set.of(),
        null,
        Set.of(),
        Set.of(),
        Set.of(),
        Set.of(),
        null,
        null,
        Set.of(),
        null,
        null,
        null);
  }

  public EventFilter withPeriod(Period p) {
    return new EventFilter(
        countryIso3,
        p,
        sources,
        eventTypes,
        admin1,
        actor1Names,
        anyActorNames,
        inter1,
        civilianTargeting,
        near,
        subEventTypes,
        bbox,
        minFatalities,
        maxFatalities);
  }

  public EventFilter withSources(Set<SourceSystem> s) {
    return new EventFilter(
        countryIso3,
        period,
        s,
        eventTypes,
        admin1,
        actor1Names,
        anyActorNames,
        inter1,
        civilianTargeting,
        near,
        subEventTypes,
        bbox,
        minFatalities,
        maxFatalities);
  }

  public EventFilter withEventTypes(Set<EventType> t) {
    return new EventFilter(
        countryIso3,
        period,
        sources,
        t,
        admin1,
        actor1Names,
        anyActorNames,
        inter1,
        civilianTargeting,
        near,
        subEventTypes,
        bbox,
        minFatalities,
        maxFatalities);
  }

  /** Keeps only the event types both this filter and {@code t} allow. */
  public EventFilter restrictEventTypes(Set<EventType> t) {
    if (eventTypes == null) {
      return withEventTypes(t);
    }
    Set<EventType> both = new java.util.HashSet<>(eventTypes);
    both.retainAll(t);
    return withEventTypes(both);
  }

  public EventFilter withAdmin1(Set<String> a) {
    return new EventFilter(
        countryIso3,
        period,
        sources,
        eventTypes,
        a,
        actor1Names,
        anyActorNames,
        inter1,
        civilianTargeting,
        near,
        subEventTypes,
        bbox,
        minFatalities,
        maxFatalities);
  }

  public EventFilter withActor1Names(Set<String> names) {
    return new EventFilter(
        countryIso3,
        period,
        sources,
        eventTypes,
        admin1,
        names,
        anyActorNames,
        inter1,
        civilianTargeting,
        near,
        subEventTypes,
        bbox,
        minFatalities,
        maxFatalities);
  }

  public EventFilter withAnyActorNames(Set<String> names) {
    return new EventFilter(
        countryIso3,
        period,
        sources,
        eventTypes,
        admin1,
        actor1Names,
        names,
        inter1,
        civilianTargeting,
        near,
        subEventTypes,
        bbox,
        minFatalities,
        maxFatalities);
  }

  public EventFilter withInter1(Set<Integer> codes) {
    return new EventFilter(
        countryIso3,
        period,
        sources,
        eventTypes,
        admin1,
        actor1Names,
        anyActorNames,
        codes,
        civilianTargeting,
        near,
        subEventTypes,
        bbox,
        minFatalities,
        maxFatalities);
  }

  /** Only events within {@code n}'s circle. */
  public EventFilter withNear(Near n) {
    return new EventFilter(
        countryIso3,
        period,
        sources,
        eventTypes,
        admin1,
        actor1Names,
        anyActorNames,
        inter1,
        civilianTargeting,
        n,
        subEventTypes,
        bbox,
        minFatalities,
        maxFatalities);
  }

  /** Only events of these canonical sub-event types; an empty set for any. */
  public EventFilter withSubEventTypes(Set<String> types) {
    return new EventFilter(
        countryIso3,
        period,
        sources,
        eventTypes,
        admin1,
        actor1Names,
        anyActorNames,
        inter1,
        civilianTargeting,
        near,
        types,
        bbox,
        minFatalities,
        maxFatalities);
  }

  /** Only located events inside {@code box}; null for anywhere. */
  public EventFilter withBbox(Box box) {
    return new EventFilter(
        countryIso3,
        period,
        sources,
        eventTypes,
        admin1,
        actor1Names,
        anyActorNames,
        inter1,
        civilianTargeting,
        near,
        subEventTypes,
        box,
        minFatalities,
        maxFatalities);
  }

  /** Only events with at least {@code min} fatalities (best estimate); null for no bound. */
  public EventFilter withMinFatalities(Long min) {
    return new EventFilter(
        countryIso3,
        period,
        sources,
        eventTypes,
        admin1,
        actor1Names,
        anyActorNames,
        inter1,
        civilianTargeting,
        near,
        subEventTypes,
        bbox,
        min,
        maxFatalities);
  }

  /** Only events with at most {@code max} fatalities (best estimate); null for no bound. */
  public EventFilter withMaxFatalities(Long max) {
    return new EventFilter(
        countryIso3,
        period,
        sources,
        eventTypes,
        admin1,
        actor1Names,
        anyActorNames,
        inter1,
        civilianTargeting,
        near,
        subEventTypes,
        bbox,
        minFatalities,
        max);
  }

  /** The filters by name, as a figure states them. */
  public Map<String, String> describe() {
    Map<String, String> m = new TreeMap<>();
    if (countryIso3 != null) {
      m.put("country", countryIso3);
    }
    m.put("period", period.toString());
    if (!sources.isEmpty()) {
      m.put("source", join(sources.stream().map(Enum::name).toList()));
    }
    if (eventTypes != null) {
      m.put(
          "event_type",
          eventTypes.isEmpty()
              ? "(none)"
              : join(eventTypes.stream().map(EventType::label).toList()));
    }
    if (!admin1.isEmpty()) {
      m.put("admin1", join(admin1));
    }
    if (!actor1Names.isEmpty()) {
      m.put("actor1", join(actor1Names));
    }
    if (!anyActorNames.isEmpty()) {
      m.put("actor", join(anyActorNames));
    }
    if (!inter1.isEmpty()) {
      m.put("inter1", join(inter1.stream().map(String::valueOf).toList()));
    }
    if (civilianTargeting != null) {
      m.put("civilian_targeting", civilianTargeting.toString());
    }
    if (near != null) {
      m.put(
          "near",
          String.format(
              java.util.Locale.ROOT,
              "within %s km of %.4f, %.4f",
              near.km() == Math.rint(near.km()) ? Long.toString((long) near.km()) : near.km(),
              near.latitude(),
              near.longitude()));
    }
    if (!subEventTypes.isEmpty()) {
      m.put("sub_event_type", join(subEventTypes));
    }
    if (bbox != null) {
      m.put(
          "bbox",
          String.format(
              java.util.Locale.ROOT,
              "latitude %.4f to %.4f, longitude %.4f to %.4f",
              bbox.south(),
              bbox.north(),
              bbox.west(),
              bbox.east()));
    }
    if (minFatalities != null || maxFatalities != null) {
      m.put(
          "fatalities",
          maxFatalities == null
              ? "at least " + minFatalities
              : minFatalities == null
                  ? "at most " + maxFatalities
                  : minFatalities + " to " + maxFatalities);
    }
    return m;
  }

  /** The filter as one readable condition, for a figure's query text. */
  public String toCondition() {
    List<String> parts = new ArrayList<>();
    describe().forEach((k, v) -> parts.add(k + " in [" + v + "]"));
    return String.join(" and ", parts);
  }

  private static String join(java.util.Collection<String> values) {
    return String.join("; ", new TreeSet<>(values));
  }
}
