package org.harmattan.engine.query;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.harmattan.domain.figure.SourceRef;

/**
 * The set work analytics asks of a back end. Implementations: the embedded DuckDB store and the
 * in-memory reference engine; later Spark. Every implementation answers the same queries with the
 * same numbers, as the engine contract suite checks.
 */
public interface AnalyticsEngine {

  /** Counts events and fatalities, grouped as asked, with ids and sources for citation. */
  CountResult count(CountQuery query);

  /**
   * The answers to several counts, in their order, each as {@link #count} gives it. An engine may
   * answer them together (the embedded store in one statement, saving the cost of a statement per
   * query, which is most of a small count's cost); by default they are asked one by one.
   */
  default List<CountResult> countAll(List<CountQuery> queries) {
    return queries.stream().map(this::count).toList();
  }

  /**
   * Raw actor names of the filtered events (actor 1, actor 2 and associated), most frequent first.
   */
  List<NameCount> listActorNames(EventFilter filter);

  /** The filtered events that have coordinates, oldest first, without their notes. */
  default List<EventPoint> listEventPoints(EventFilter filter) {
    return listEventPoints(filter, false);
  }

  /**
   * The filtered events that have coordinates, oldest first; with their free-text notes when {@code
   * withNotes} (reading the notes costs more than everything else of a point).
   */
  List<EventPoint> listEventPoints(EventFilter filter, boolean withNotes);

  /**
   * The filtered events that have coordinates, grouped by point, day, event type and sub-type,
   * actor names, file and day of reading ({@link DayGroup}), in the order of their first events:
   * for measures that weigh each event by its day. By default grouped from {@link
   * #listEventPoints}; an engine may group them itself.
   */
  default List<DayGroup> listDayGroups(EventFilter filter) {
    return DayGroup.of(listEventPoints(filter));
  }

  /**
   * The filtered events that have coordinates and lie in at least one of {@code boxes} (none when
   * there is no box), oldest first as {@link #listEventPoints(EventFilter, boolean)} gives them:
   * for measures along a line (a road corridor), which narrow the events to boxes around the line
   * in the engine and measure the exact distance to it in one shared piece of code. By default read
   * from {@link #listEventPoints(EventFilter, boolean)} and kept by {@link
   * EventFilter.Box#contains}.
   */
  default List<EventPoint> listEventPointsInBoxes(
      EventFilter filter, List<EventFilter.Box> boxes, boolean withNotes) {
    if (boxes.isEmpty()) {
      return List.of();
    }
    List<EventPoint> kept = new ArrayList<>();
    for (EventPoint p : listEventPoints(filter, withNotes)) {
      for (EventFilter.Box b : boxes) {
        if (b.contains(p.latitude(), p.longitude())) {
          kept.add(p);
          break;
        }
      }
    }
    return kept;
  }

  /**
   * The files of the filtered events that have coordinates, each once, in the order of their first
   * events (by date, then id): what a measure that found no event searched. By default read from
   * {@link #listEventPoints(EventFilter)}.
   */
  default List<SourceRef> listSources(EventFilter filter) {
    Set<SourceRef> files = new LinkedHashSet<>();
    for (EventPoint p : listEventPoints(filter)) {
      files.add(p.source());
    }
    return List.copyOf(files);
  }

  /**
   * The filtered events that have coordinates, grouped by point, month, actor names, file and day
   * of reading ({@link PointGroup}), in the order of their first events: for aggregates over many
   * events, which need their distances, months and actors but not each event. By default grouped
   * from {@link #listEventPoints}; an engine may group them itself (many events share a place).
   */
  default List<PointGroup> listPointGroups(EventFilter filter) {
    return PointGroup.of(listEventPoints(filter));
  }

  /**
   * What the store holds of the events the filter selects, ignoring its period: every other
   * restriction applies (callers usually give a country and sources only).
   */
  Coverage coverage(EventFilter filter);

  /**
   * A page of the current versions of the filtered events, whole (actors, location, fatalities,
   * notes, provenance), in the listing's order with ties broken by id ascending, and how many
   * events the filter selects in all.
   */
  EventPage listEvents(EventListing listing);
}
