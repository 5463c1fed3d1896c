package org.harmattan.analytics.humanitarian;

import static java.util.Objects.requireNonNull;

/**
 * One area of a breakdown: a region or a cercle, with the figure holding its value.
 *
 * @param pcode the area's P-code, or null when the source gave none
 * @param name its name as the sources write it (the P-code when no source names it)
 * @param figureId the figure with the area's value
 * @param changeFigureId the figure with its change since the previous round, or null when there is
 *     no previous round or its rows cannot be placed in regions
 */
public record AreaRow(String pcode, String name, String figureId, String changeFigureId) {
  public AreaRow {
    requireNonNull(name, "name");
    requireNonNull(figureId, "figureId");
  }
}
