package org.harmattan.engine.query;

import java.util.List;

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
