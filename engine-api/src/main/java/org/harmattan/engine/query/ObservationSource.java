package org.harmattan.engine.query;

import java.util.List;
import org.harmattan.domain.humanitarian.Observation;

/** Where humanitarian observations are read from: the store, or a list in tests. */
public interface ObservationSource {
  /**
   * The observations of {@code countryIso3} for {@code indicator} (every indicator when null),
   * ordered by vintage, dataset, edition and record id.
   */
  List<Observation> listObservations(String countryIso3, String indicator);
}
