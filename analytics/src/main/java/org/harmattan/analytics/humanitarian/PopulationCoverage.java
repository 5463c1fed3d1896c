package org.harmattan.analytics.humanitarian;

import java.util.List;

/**
 * How much of the country the population figure covers: a share over a population that misses a
 * region would be wrong, so it is not given.
 *
 * @param countryLevel whether the population edition has a figure for the whole country
 * @param knownAreas the regions (admin1 P-codes) any source of the country names
 * @param coveredAreas those with a population figure
 * @param missingAreas those without, described as "Menaka (ML10)"
 */
public record PopulationCoverage(
    boolean countryLevel,
    List<String> knownAreas,
    List<String> coveredAreas,
    List<String> missingAreas) {
  public PopulationCoverage {
    knownAreas = List.copyOf(knownAreas);
    coveredAreas = List.copyOf(coveredAreas);
    missingAreas = List.copyOf(missingAreas);
  }

  /** Whether the population covers the whole country. */
  public boolean complete() {
    return countryLevel || missingAreas.isEmpty();
  }
}
