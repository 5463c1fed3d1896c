package org.harmattan.engine.series;

import static java.util.Objects.requireNonNull;

import java.time.YearMonth;
import org.harmattan.domain.figure.SourceRef;

/**
 * One value of a monthly series as a source states it: "32 state-based deaths in Mali (VIEWS
 * country 50) in May 2019".
 *
 * @param series what is counted, e.g. {@code ged_sb} (UCDP GED state-based fatalities)
 * @param level the unit of analysis, e.g. {@code country}
 * @param unitId the unit's id in the source's own scheme (VIEWS {@code country_id} {@code 50})
 * @param unitName the unit's name as the source writes it
 * @param countryIso3 the unit's country
 * @param month the month the value describes
 * @param value the value (never negative, finite)
 * @param source the file it came from
 * @param line the file line (1-based)
 */
public record SeriesPoint(
    String series,
    String level,
    String unitId,
    String unitName,
    String countryIso3,
    YearMonth month,
    double value,
    SourceRef source,
    long line) {
  public SeriesPoint {
    requireNonNull(series, "series");
    requireNonNull(level, "level");
    requireNonNull(unitId, "unitId");
    requireNonNull(unitName, "unitName");
    requireNonNull(countryIso3, "countryIso3");
    requireNonNull(month, "month");
    requireNonNull(source, "source");
    if (Double.isNaN(value) || Double.isInfinite(value) || value < 0) {
      throw new IllegalArgumentException(
          "series point " + series + "/" + unitId + "/" + month + " needs a finite value >= 0");
    }
  }
}
