package org.harmattan.engine.query;

import static java.util.Objects.requireNonNull;

/**
 * One page of the events a filter selects, in a stated order: what {@link
 * AnalyticsEngine#listEvents} answers.
 *
 * @param filter which events
 * @param sort their order; ties are always broken by event id ascending, so pages are stable
 * @param limit the most events on the page, 1 to {@value #MAX_LIMIT}
 * @param offset how many events of the order come before the page, 0 or more
 */
public record EventListing(EventFilter filter, Sort sort, int limit, long offset) {
  /** The largest page an engine serves. */
  public static final int MAX_LIMIT = 10_000;

  public EventListing {
    requireNonNull(filter, "filter");
    requireNonNull(sort, "sort");
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new IllegalArgumentException(
          "limit must be 1 to " + MAX_LIMIT + ": " + limit + " (ask for several pages instead)");
    }
    if (offset < 0) {
      throw new IllegalArgumentException("offset must not be negative: " + offset);
    }
  }

  /** The first page of {@code limit} events. */
  public static EventListing first(EventFilter filter, Sort sort, int limit) {
    return new EventListing(filter, sort, limit, 0);
  }

  /** The page that follows this one, of the same size. */
  public EventListing next() {
    return new EventListing(filter, sort, limit, offset + limit);
  }

  /**
   * The order of a listing: a field and a direction, then event id ascending.
   *
   * @param field what events are ordered by
   * @param direction ascending or descending
   */
  public record Sort(Field field, Direction direction) {
    public Sort {
      requireNonNull(field, "field");
      requireNonNull(direction, "direction");
    }

    public static Sort ascending(Field field) {
      return new Sort(field, Direction.ASCENDING);
    }

    public static Sort descending(Field field) {
      return new Sort(field, Direction.DESCENDING);
    }

    /**
     * What events are ordered by. Text is compared in code-point order ({@link
     * CountResult#ID_ORDER}); an event without a value comes after every event with one, in either
     * direction.
     */
    public enum Field {
      /** The event date. */
      DATE,
      /** The best estimate of fatalities. */
      FATALITIES,
      /** The event id ({@code acled:MLI2665}). */
      ID,
      /** The ISO 3166-1 alpha-3 country code. */
      COUNTRY,
      /** The first-level admin name; events without one come last. */
      ADMIN1,
      /** The canonical event type's label ({@code Battles}). */
      EVENT_TYPE
    }

    /** Smallest first, or largest first. */
    public enum Direction {
      ASCENDING,
      DESCENDING
    }
  }
}
