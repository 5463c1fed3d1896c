package org.harmattan.engine.write;

import java.util.List;
import org.harmattan.domain.humanitarian.AdminUnit;

/**
 * What one accepted row gives: observations, or admin units for the reference.
 *
 * @param observations the row's observations
 * @param units the row's admin units
 */
public record ObservationRow(List<ObservationRecord> observations, List<AdminUnit> units) {
  public ObservationRow {
    observations = List.copyOf(observations);
    units = List.copyOf(units);
  }
}
