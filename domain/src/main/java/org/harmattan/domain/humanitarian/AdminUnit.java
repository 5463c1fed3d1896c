package org.harmattan.domain.humanitarian;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;

/**
 * One admin unit of the reference (HDX global P-code table).
 *
 * @param countryIso3 the country
 * @param level 1 region, 2 cercle/district, 3 commune
 * @param pcode COD P-code, e.g. {@code ML0505}
 * @param name the name as the reference writes it
 * @param parentPcode the parent's P-code (the ISO3 code for admin-1 units), or null
 * @param validFrom the date the coding is valid from, or null
 * @param line the source line
 */
public record AdminUnit(
    String countryIso3,
    int level,
    String pcode,
    String name,
    String parentPcode,
    LocalDate validFrom,
    long line) {
  public AdminUnit {
    requireNonNull(countryIso3, "countryIso3");
    requireNonNull(pcode, "pcode");
    requireNonNull(name, "name");
    if (level < 0 || level > 3) {
      throw new IllegalArgumentException("admin level must be 0..3: " + level);
    }
  }
}
