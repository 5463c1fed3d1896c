package org.harmattan.engine.query;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import org.harmattan.domain.figure.DeferredIds;
import org.harmattan.domain.figure.SourceRef;

/**
 * Located events that share their point, month, actor names, file and day of reading, as one group:
 * what an aggregate over many events (distances to a place, medians per actor and month) needs of
 * them, and the ids that cite them, without each event.
 *
 * @param latitude WGS84 latitude
 * @param longitude WGS84 longitude
 * @param month the month of the events' dates
 * @param actorNames every raw actor name of the events, as {@link EventPoint#actorNames}
 * @param source the file the events' current versions came from
 * @param accessed the day they were read in
 * @param ids the events' ids, sorted in {@link String} order (an engine may sort them when they are
 *     first read: {@link DeferredIds})
 * @param first the first event by date, then id: {@code yyyy-mm-dd}, the unit separator, its id
 */
public record PointGroup(
    double latitude,
    double longitude,
    YearMonth month,
    List<String> actorNames,
    SourceRef source,
    LocalDate accessed,
    List<String> ids,
    String first) {
  public PointGroup {
    requireNonNull(month, "month");
    requireNonNull(source, "source");
    requireNonNull(accessed, "accessed");
    requireNonNull(first, "first");
    actorNames = List.copyOf(actorNames);
    ids = DeferredIds.keep(ids);
    if (ids.isEmpty()) {
      throw new IllegalArgumentException("a group holds at least one event");
    }
  }

  /** The order of groups: by their first event (date, then id). */
  public static final Comparator<PointGroup> ORDER = Comparator.comparing(PointGroup::first);

  /** How many events the group holds. */
  public int count() {
    return ids.size();
  }

  /** The key of an event's first-event order: its day, the unit separator, its id. */
  public static String firstKey(LocalDate date, String id) {
    return date + "\u001f" + id;
  }

  /**
   * The points grouped: what {@link AnalyticsEngine#listPointGroups} answers, computed from {@link
   * AnalyticsEngine#listEventPoints} (the reference every engine's answer must equal).
   */
  public static List<PointGroup> of(List<EventPoint> points) {
    List<PointGroup> single = new ArrayList<>(points.size());
    for (EventPoint p : points) {
      single.add(
          new PointGroup(
              p.latitude(),
              p.longitude(),
              YearMonth.from(p.date()),
              p.actorNames(),
              p.source(),
              p.accessed(),
              List.of(p.id()),
              firstKey(p.date(), p.id())));
    }
    return merge(single);
  }

  /**
   * Groups of the same point, month, actor names, file and day of reading joined into one (their
   * ids together, sorted; the first of their first events), in the order of their first events: for
   * an engine that groups events by finer keys first (each actor column apart).
   */
  public static List<PointGroup> merge(Collection<PointGroup> parts) {
    record Key(
        double latitude,
        double longitude,
        YearMonth month,
        List<String> actorNames,
        SourceRef source,
        LocalDate accessed) {}
    return Groups.merge(
        parts,
        g ->
            new Key(
                g.latitude(), g.longitude(), g.month(), g.actorNames(), g.source(), g.accessed()),
        same -> {
          PointGroup one = same.get(0);
          String first = one.first();
          for (PointGroup g : same) {
            if (g.first().compareTo(first) < 0) {
              first = g.first();
            }
          }
          return new PointGroup(
              one.latitude(),
              one.longitude(),
              one.month(),
              one.actorNames(),
              one.source(),
              one.accessed(),
              Groups.ids(same, PointGroup::ids),
              first);
        },
        ORDER);
  }
}
