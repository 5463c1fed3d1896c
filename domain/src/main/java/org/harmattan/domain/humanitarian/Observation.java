package org.harmattan.domain.humanitarian;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import org.harmattan.domain.figure.SourceRef;

/**
 * One humanitarian number as a source states it: "4,214 IDPs in Bandiagara, DTM round 72, 30
 * September 2021". Observations are what humanitarian files (HXL CSV/XLSX) are read into.
 *
 * @param recordId stable id: dataset, file hash prefix and line, e.g. {@code iom-dtm:3f2a…:14}
 * @param dataset what kind of source, e.g. {@code iom-dtm}, {@code cadre-harmonise}
 * @param edition which release of it, e.g. "DTM round 72", "CH Sep-Dec 2021 current"
 * @param indicator what is counted, e.g. {@code idps}, {@code people_in_need}, {@code
 *     food_insecure.phase3plus}, {@code population}
 * @param qualifier a refinement such as {@code current} / {@code projected}, or null
 * @param countryIso3 the country
 * @param adminLevel 0 country, 1 region, 2 cercle/district, 3 commune
 * @param pcode the place's P-code normalised to the COD style (e.g. {@code ML0901}), or null when
 *     the source gives none and no name matched
 * @param adminName the place's name as the source writes it
 * @param vintage the date the number describes (survey date, plan year start, reference period
 *     start)
 * @param value the number
 * @param unit e.g. {@code people}
 * @param source the file it came from
 * @param line the file line (1-based; for XLSX, the sheet row)
 */
public record Observation(
    String recordId,
    String dataset,
    String edition,
    String indicator,
    String qualifier,
    String countryIso3,
    int adminLevel,
    String pcode,
    String adminName,
    LocalDate vintage,
    double value,
    String unit,
    SourceRef source,
    long line) {
  public Observation {
    requireNonNull(recordId, "recordId");
    requireNonNull(dataset, "dataset");
    requireNonNull(edition, "edition");
    requireNonNull(indicator, "indicator");
    requireNonNull(countryIso3, "countryIso3");
    requireNonNull(vintage, "vintage");
    requireNonNull(unit, "unit");
    requireNonNull(source, "source");
    if (adminLevel < 0 || adminLevel > 3) {
      throw new IllegalArgumentException("admin level must be 0..3: " + adminLevel);
    }
    if (Double.isNaN(value) || Double.isInfinite(value)) {
      throw new IllegalArgumentException("observation " + recordId + " has no finite value");
    }
  }
}
