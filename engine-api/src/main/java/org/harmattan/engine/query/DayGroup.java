package org.harmattan.engine.query;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import org.harmattan.domain.event.EventType;
import org.harmattan.domain.figure.DeferredIds;
import org.harmattan.domain.figure.SourceRef;

/**
 * Located events that share their point, day, event type and sub-type, actor names, place name,
 * file and day of reading, as one group: what a measure that looks at each event's day (decayed
 * activity per cell and actor, hot spots, diffusion, approaches to a place) needs of them, and the
 * ids that cite them, without each event. Finer than {@link PointGroup}, which joins a month's
 * events of every type.
 *
 * @param latitude WGS84 latitude
 * @param longitude WGS84 longitude
 * @param date the events' date
 * @param eventType their canonical event type
 * @param subEventType their canonical sub-event type, or null
 * @param actorNames every raw actor name of the events, as {@link EventPoint#actorNames}
 * @param location the source's place name, or null
 * @param fatalities the sum of the events' fatalities (best estimates)
 * @param source the file the events' current versions came from
 * @param accessed the day they were read in
 * @param ids the events' ids, sorted in {@link String} order (an engine may sort them when they are
 *     first read: {@link DeferredIds})
 * @param first the least id in {@link CountResult#ID_ORDER} (the order in which an engine lists
 *     events of one day)
 */
public record DayGroup(
    double latitude,
    double longitude,
    LocalDate date,
    EventType eventType,
    String subEventType,
    List<String> actorNames,
    String location,
    long fatalities,
    SourceRef source,
    LocalDate accessed,
    List<String> ids,
    String first) {
  public DayGroup {
    requireNonNull(date, "date");
    requireNonNull(eventType, "eventType");
    requireNonNull(source, "source");
    requireNonNull(accessed, "accessed");
    requireNonNull(first, "first");
    actorNames = List.copyOf(actorNames);
    ids = DeferredIds.keep(ids);
    if (ids.isEmpty()) {
      throw new IllegalArgumentException("a group holds at least one event");
    }
  }

  /**
   * The order of groups: by date, then first id; that of their first events as {@link
   * AnalyticsEngine#listEventPoints} lists them.
   */
  public static final Comparator<DayGroup> ORDER =
      Comparator.comparing(DayGroup::date).thenComparing(DayGroup::first, CountResult.ID_ORDER);

  /** How many events the group holds. */
  public int count() {
    return ids.size();
  }

  /**
   * The points grouped: what {@link AnalyticsEngine#listDayGroups} answers, computed from {@link
   * AnalyticsEngine#listEventPoints} (the reference every engine's answer must equal).
   */
  public static List<DayGroup> of(List<EventPoint> points) {
    List<DayGroup> single = new ArrayList<>(points.size());
    for (EventPoint p : points) {
      single.add(
          new DayGroup(
              p.latitude(),
              p.longitude(),
              p.date(),
              p.eventType(),
              p.subEventType(),
              p.actorNames(),
              p.location(),
              p.fatalities(),
              p.source(),
              p.accessed(),
              List.of(p.id()),
              p.id()));
    }
    return merge(single);
  }

  /**
   * Groups of the same point, day, types, actor names, place name, file and day of reading joined
   * into one (their ids together, sorted; their fatalities summed; the least first id), in the
   * order of their first events: for an engine that groups events by finer keys first (each actor
   * column apart).
   */
  public static List<DayGroup> merge(Collection<DayGroup> parts) {
    record Key(
        double latitude,
        double longitude,
        LocalDate date,
        EventType eventType,
        String subEventType,
        List<String> actorNames,
        String location,
        SourceRef source,
        LocalDate accessed) {}
    return Groups.merge(
        parts,
        g ->
            new Key(
                g.latitude(),
                g.longitude(),
                g.date(),
                g.eventType(),
                g.subEventType(),
                g.actorNames(),
                g.location(),
                g.source(),
                g.accessed()),
        same -> {
          DayGroup one = same.get(0);
          long fatalities = 0;
          String first = one.first();
          for (DayGroup g : same) {
            fatalities += g.fatalities();
            if (CountResult.ID_ORDER.compare(g.first(), first) < 0) {
              first = g.first();
            }
          }
          return new DayGroup(
              one.latitude(),
              one.longitude(),
              one.date(),
              one.eventType(),
              one.subEventType(),
              one.actorNames(),
              one.location(),
              fatalities,
              one.source(),
              one.accessed(),
              Groups.ids(same, DayGroup::ids),
              first);
        },
        ORDER);
  }
}
