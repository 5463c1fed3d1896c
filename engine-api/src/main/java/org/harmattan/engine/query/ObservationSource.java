package org.harmattan.engine.query;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.harmattan.domain.humanitarian.AdminUnit;
import org.harmattan.domain.humanitarian.Observation;

/** Where humanitarian observations are read from: the store, or a list in tests. */
public interface ObservationSource {
  /**
   * The observations of {@code countryIso3} for {@code indicator} (every indicator when null),
   * ordered by vintage, dataset, edition and record id.
   */
  List<Observation> listObservations(String countryIso3, String indicator);

  /**
   * The admin reference's units of {@code countryIso3}, every level, as the P-code tables read into
   * the store give them (chosen by {@link org.harmattan.engine.write.AdminUnits#choose}), by
   * P-code: what names a place no observation names.
   */
  List<AdminUnit> listAdminUnits(String countryIso3);

  /**
   * The day each file the store has read was first read into it (UTC), by the file's SHA-256: the
   * access date a citation of its observations gives, not the day a brief is written.
   */
  Map<String, LocalDate> listReadDays();
}
