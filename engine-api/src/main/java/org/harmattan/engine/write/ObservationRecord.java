package org.harmattan.engine.write;

import static java.util.Objects.requireNonNull;

import org.harmattan.domain.humanitarian.Observation;

/**
 * An observation with what the store keeps beside it about its place.
 *
 * @param observation the observation
 * @param sourcePcode the P-code as the source wrote it, or null
 * @param placeNote how the place was resolved when not plainly (renumbered, pseudo-unit,
 *     unchecked), or empty
 */
public record ObservationRecord(Observation observation, String sourcePcode, String placeNote) {
  public ObservationRecord {
    requireNonNull(observation, "observation");
    requireNonNull(placeNote, "placeNote");
  }
}
