package org.harmattan.engine.query;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * Count events and fatalities of the events a filter selects, grouped by some dimensions.
 *
 * @param filter which events
 * @param groupBy the grouping, possibly empty for one total
 */
public record CountQuery(EventFilter filter, List<Dimension> groupBy) {
  public CountQuery {
    requireNonNull(filter, "filter");
    groupBy = List.copyOf(groupBy);
  }

  public static CountQuery total(EventFilter filter) {
    return new CountQuery(filter, List.of());
  }

  /** The query as a user reads it in a figure. */
  public String describe() {
    String by = groupBy.isEmpty() ? "" : " grouped by " + groupBy;
    return "count events and sum best fatalities where " + filter.toCondition() + by;
  }
}
