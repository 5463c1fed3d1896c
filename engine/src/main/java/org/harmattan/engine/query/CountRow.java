package org.harmattan.engine.query;

import java.util.List;

/**
 * One group of a count.
 *
 * @param key the group's values, one per grouping dimension (null where the event has none)
 * @param events events in the group
 * @param fatalities best fatality estimates summed
 */
public record CountRow(List<String> key, long events, long fatalities) {
  public CountRow {
    key = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(key));
  }
}
