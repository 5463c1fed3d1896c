package org.harmattan.ingest.series;

import static java.util.Objects.requireNonNull;

import java.time.YearMonth;
import java.time.temporal.ChronoUnit;

/**
 * Months a unit has no value for between its first and last month in a file: not a row's fault, so
 * not quarantined, but a warning of the ingest report (a forecast reading the series would take the
 * hole for missing data, not for zero).
 *
 * @param unitId the unit, e.g. VIEWS {@code country_id} {@code 50}
 * @param unitName its name as the file writes it
 * @param countryIso3 its country
 * @param from the first month missing
 * @param to the last month missing
 * @param lineBefore the line of the unit's value for the month before {@code from}
 * @param lineAfter the line of the unit's value for the month after {@code to}
 */
public record SeriesGap(
    String unitId,
    String unitName,
    String countryIso3,
    YearMonth from,
    YearMonth to,
    long lineBefore,
    long lineAfter) {
  public SeriesGap {
    requireNonNull(unitId, "unitId");
    requireNonNull(unitName, "unitName");
    requireNonNull(countryIso3, "countryIso3");
    requireNonNull(from, "from");
    requireNonNull(to, "to");
    if (to.isBefore(from)) {
      throw new IllegalArgumentException("a gap from " + from + " to " + to);
    }
  }

  /** How many months are missing. */
  public long months() {
    return from.until(to, ChronoUnit.MONTHS) + 1;
  }

  /** The warning as a user reads it. */
  public String message() {
    return unitName
        + " (country_id "
        + unitId
        + ", "
        + countryIso3
        + "): no value for "
        + (from.equals(to) ? from.toString() : from + " to " + to)
        + " ("
        + months()
        + (months() == 1 ? " month" : " months")
        + "), between line "
        + lineBefore
        + " ("
        + from.minusMonths(1)
        + ") and line "
        + lineAfter
        + " ("
        + to.plusMonths(1)
        + ")";
  }
}
