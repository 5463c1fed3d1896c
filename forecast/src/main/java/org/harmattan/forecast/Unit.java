package org.harmattan.forecast;

import static java.util.Objects.requireNonNull;

/**
 * One unit of a panel: a country, a region or a grid cell.
 *
 * @param id the id in the source's scheme (VIEWS {@code country_id}, an admin-1 name)
 * @param name its name
 * @param countryIso3 its country
 */
public record Unit(String id, String name, String countryIso3) {
  public Unit {
    requireNonNull(id, "id");
    requireNonNull(name, "name");
    requireNonNull(countryIso3, "countryIso3");
  }
}
