package org.harmattan.ingest.humanitarian;

import java.util.List;

/**
 * What one accepted row gives: observations, or admin units for the reference.
 *
 * @param observations the row's observations
 * @param units the row's admin units
 */
public record MappedRow(List<ObservationRecord> observations, List<AdminUnit> units) {
  public MappedRow {
    observations = List.copyOf(observations);
    units = List.copyOf(units);
  }
}
