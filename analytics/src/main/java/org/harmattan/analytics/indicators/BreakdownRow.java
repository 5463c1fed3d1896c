package org.harmattan.analytics.indicators;

import static java.util.Objects.requireNonNull;

/**
 * One row of a breakdown table: a label and the ids of its figures.
 *
 * @param label what the row is (an event type, a region, an actor)
 * @param eventsFigure id of the events figure
 * @param fatalitiesFigure id of the fatalities figure
 * @param compareEventsFigure id of the comparison-window events figure, or null
 */
public record BreakdownRow(
    String label, String eventsFigure, String fatalitiesFigure, String compareEventsFigure) {
  public BreakdownRow {
    requireNonNull(label, "label");
    requireNonNull(eventsFigure, "eventsFigure");
    requireNonNull(fatalitiesFigure, "fatalitiesFigure");
  }
}
