package org.harmattan.engine.memory;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.harmattan.domain.event.Event;
import org.harmattan.domain.figure.SourceRef;
import org.harmattan.engine.query.AnalyticsEngine;
import org.harmattan.engine.query.CountQuery;
import org.harmattan.engine.query.CountResult;
import org.harmattan.engine.query.CountRow;
import org.harmattan.engine.query.Coverage;
import org.harmattan.engine.query.Dimension;
import org.harmattan.engine.query.EventFilter;
import org.harmattan.engine.query.EventListing;
import org.harmattan.engine.query.EventPage;
import org.harmattan.engine.query.EventPoint;
import org.harmattan.engine.query.NameCount;
import org.harmattan.engine.write.ActorColumns;

/** The read port over the in-memory store: one loop over the current events per query. */
final class InMemoryAnalytics implements AnalyticsEngine {
  /** The mean earth radius the port's distance circles are measured on. */
  private static final double EARTH_RADIUS_KM = 6371.0088;

  private final InMemoryStore store;

  InMemoryAnalytics(InMemoryStore store) {
    this.store = store;
  }

  /** The current events the filter selects; its period too when {@code withPeriod}. */
  private List<StoredEvent> select(EventFilter f, boolean withPeriod) {
    List<StoredEvent> out = new ArrayList<>();
    for (StoredEvent s : store.listCurrent()) {
      if (matches(s, f, withPeriod)) {
        out.add(s);
      }
    }
    return out;
  }

  private static boolean matches(StoredEvent s, EventFilter f, boolean withPeriod) {
    Event e = s.event();
    ActorColumns a = s.actors();
    if (f.countryIso3() != null && !f.countryIso3().equals(e.countryIso3())) {
      return false;
    }
    if (withPeriod && !f.period().contains(e.date())) {
      return false;
    }
    if (!f.sources().isEmpty() && !f.sources().contains(e.source())) {
      return false;
    }
    if (f.eventTypes() != null && !f.eventTypes().contains(e.eventType())) {
      return false;
    }
    if (!f.admin1().isEmpty() && (e.admin1() == null || !f.admin1().contains(e.admin1()))) {
      return false;
    }
    if (!f.actor1Names().isEmpty()
        && (a.actor1() == null || !f.actor1Names().contains(a.actor1()))) {
      return false;
    }
    if (!f.inter1().isEmpty() && (a.inter1() == null || !f.inter1().contains(a.inter1()))) {
      return false;
    }
    if (!f.anyActorNames().isEmpty()) {
      boolean named = false;
      for (String name : a.allNames()) {
        if (f.anyActorNames().contains(name)) {
          named = true;
        }
      }
      if (!named) {
        return false;
      }
    }
    if (f.civilianTargeting() != null && f.civilianTargeting() != e.civilianTargeting()) {
      return false;
    }
    if (f.near() != null) {
      if (e.latitude() == null) {
        return false;
      }
      double km =
          distanceKm(f.near().latitude(), f.near().longitude(), e.latitude(), e.longitude());
      if (!(km <= f.near().km())) {
        return false;
      }
    }
    if (!f.subEventTypes().isEmpty()
        && (e.subEventType() == null || !f.subEventTypes().contains(e.subEventType()))) {
      return false;
    }
    if (f.bbox() != null
        && (e.latitude() == null || !f.bbox().contains(e.latitude(), e.longitude()))) {
      return false;
    }
    long dead = e.fatalities().best();
    if (f.minFatalities() != null && dead < f.minFatalities()) {
      return false;
    }
    if (f.maxFatalities() != null && dead > f.maxFatalities()) {
      return false;
    }
    return true;
  }

  /** The haversine distance between two points on a sphere of the earth's mean radius. */
  static double distanceKm(double lat1, double lon1, double lat2, double lon2) {
    double dLat = Math.toRadians(lat2 - lat1) / 2;
    double dLon = Math.toRadians(lon2 - lon1) / 2;
    double h =
        Math.sin(dLat) * Math.sin(dLat)
            + Math.cos(Math.toRadians(lat1))
                * Math.cos(Math.toRadians(lat2))
                * Math.sin(dLon)
                * Math.sin(dLon);
    return 2 * EARTH_RADIUS_KM * Math.asin(Math.sqrt(h));
  }

  @Override
  public CountResult count(CountQuery query) {
    List<StoredEvent> selected = select(query.filter(), true);
    if (query.groupBy().isEmpty()) {
      CountRow all = row(List.of(), selected);
      return new CountResult(
          query,
          List.of(),
          all.events(),
          all.fatalities(),
          all.eventIds(),
          all.sources(),
          all.accessed());
    }
    Map<List<String>, List<StoredEvent>> groups = new HashMap<>();
    for (StoredEvent s : selected) {
      List<String> key = new ArrayList<>();
      for (Dimension d : query.groupBy()) {
        key.add(keyOf(s, d));
      }
      groups.computeIfAbsent(key, k -> new ArrayList<>()).add(s);
    }
    List<CountRow> rows = new ArrayList<>();
    for (Map.Entry<List<String>, List<StoredEvent>> g : groups.entrySet()) {
      rows.add(row(g.getKey(), g.getValue()));
    }
    rows.sort(
        Comparator.comparingLong(CountRow::events)
            .reversed()
            .thenComparing(CountRow::key, InMemoryAnalytics::compareKeys));
    return CountResult.ofGroups(query, rows, rows);
  }

  /** The group's value of one dimension, as every engine writes it; null where there is none. */
  private static String keyOf(StoredEvent s, Dimension d) {
    Event e = s.event();
    return switch (d) {
      case EVENT_TYPE -> e.eventType().label();
      case SUB_EVENT_TYPE -> e.subEventType();
      case ADMIN1 -> e.admin1();
      case ACTOR1 -> s.actors().actor1();
      case ACTOR2 -> s.actors().actor2();
      case INTER1 -> s.actors().inter1() == null ? null : String.valueOf(s.actors().inter1());
      case MONTH -> e.date().withDayOfMonth(1).toString();
      case DAY -> e.date().toString();
      case SOURCE -> e.source().name();
    };
  }

  /** Keys value by value in code-point order, a missing value after every other. */
  private static int compareKeys(List<String> a, List<String> b) {
    for (int i = 0; i < a.size(); i++) {
      String x = a.get(i);
      String y = b.get(i);
      int c;
      if (x == null || y == null) {
        c = x == null ? (y == null ? 0 : 1) : -1;
      } else {
        c = CountResult.ID_ORDER.compare(x, y);
      }
      if (c != 0) {
        return c;
      }
    }
    return 0;
  }

  /** A group (or the whole selection) with what a citation needs. */
  private static CountRow row(List<String> key, List<StoredEvent> events) {
    long fatalities = 0;
    List<String> ids = new ArrayList<>();
    Set<SourceRef> sources = new TreeSet<>(CountResult.SOURCE_ORDER);
    LocalDate accessed = null;
    for (StoredEvent s : events) {
      fatalities += s.event().fatalities().best();
      ids.add(s.id());
      sources.add(s.sourceRef());
      if (accessed == null || s.accessed().isAfter(accessed)) {
        accessed = s.accessed();
      }
    }
    ids.sort(CountResult.ID_ORDER);
    return new CountRow(key, events.size(), fatalities, ids, new ArrayList<>(sources), accessed);
  }

  @Override
  public List<NameCount> listActorNames(EventFilter filter) {
    Map<String, Long> counts = new HashMap<>();
    for (StoredEvent s : select(filter, true)) {
      // An event naming an actor twice counts once for it.
      for (String name : new LinkedHashSet<>(s.actorNames())) {
        counts.merge(name, 1L, Long::sum);
      }
    }
    List<NameCount> out = new ArrayList<>();
    for (Map.Entry<String, Long> c : counts.entrySet()) {
      out.add(new NameCount(c.getKey(), c.getValue()));
    }
    out.sort(
        Comparator.comparingLong(NameCount::events)
            .reversed()
            .thenComparing(NameCount::name, CountResult.ID_ORDER));
    return out;
  }

  @Override
  public List<EventPoint> listEventPoints(EventFilter filter, boolean withNotes) {
    List<StoredEvent> located = new ArrayList<>();
    for (StoredEvent s : select(filter, true)) {
      if (s.event().latitude() != null) {
        located.add(s);
      }
    }
    located.sort(
        Comparator.comparing((StoredEvent s) -> s.event().date())
            .thenComparing(StoredEvent::id, CountResult.ID_ORDER));
    List<EventPoint> out = new ArrayList<>();
    for (StoredEvent s : located) {
      Event e = s.event();
      out.add(
          new EventPoint(
              e.id(),
              e.date(),
              e.eventType(),
              e.subEventType(),
              e.latitude(),
              e.longitude(),
              s.actorNames(),
              e.fatalities().best(),
              e.location(),
              withNotes ? e.notes() : null,
              s.sourceRef(),
              s.accessed()));
    }
    return out;
  }

  @Override
  public Coverage coverage(EventFilter filter) {
    LocalDate first = null;
    LocalDate last = null;
    LocalDate accessed = null;
    long events = 0;
    for (StoredEvent s : select(filter, false)) {
      LocalDate d = s.event().date();
      if (first == null || d.isBefore(first)) {
        first = d;
      }
      if (last == null || d.isAfter(last)) {
        last = d;
      }
      if (accessed == null || s.accessed().isAfter(accessed)) {
        accessed = s.accessed();
      }
      events++;
    }
    return new Coverage(first, last, events, accessed);
  }

  @Override
  public EventPage listEvents(EventListing listing) {
    List<StoredEvent> selected = select(listing.filter(), true);
    List<Event> events = new ArrayList<>();
    for (StoredEvent s : selected) {
      events.add(s.event());
    }
    events.sort(order(listing.sort()));
    long from = Math.min(listing.offset(), events.size());
    long to = Math.min(from + listing.limit(), events.size());
    return new EventPage(events.subList((int) from, (int) to), events.size());
  }

  /**
   * A listing's order: the field in its direction, a missing value after every other in either
   * direction, then the id ascending. Text in code-point order, as the SQL engines compare it.
   */
  private static Comparator<Event> order(EventListing.Sort sort) {
    Comparator<Event> byField =
        switch (sort.field()) {
          case DATE -> by(Event::date, Comparator.<LocalDate>naturalOrder(), sort);
          case FATALITIES ->
              by(e -> e.fatalities().best(), Comparator.<Integer>naturalOrder(), sort);
          case ID -> by(Event::id, CountResult.ID_ORDER, sort);
          case COUNTRY -> by(Event::countryIso3, CountResult.ID_ORDER, sort);
          case ADMIN1 -> by(Event::admin1, CountResult.ID_ORDER, sort);
          case EVENT_TYPE -> by(e -> e.eventType().label(), CountResult.ID_ORDER, sort);
        };
    return byField.thenComparing(Event::id, CountResult.ID_ORDER);
  }

  /** Events by a key that may be missing, in {@code order} turned to the sort's direction. */
  private static <K> Comparator<Event> by(
      Function<Event, K> key, Comparator<K> order, EventListing.Sort sort) {
    Comparator<K> directed =
        sort.direction() == EventListing.Sort.Direction.DESCENDING ? order.reversed() : order;
    return Comparator.comparing(key, Comparator.nullsLast(directed));
  }
}
