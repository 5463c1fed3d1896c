package org.harmattan.ingest.series;

import static java.util.Objects.requireNonNull;

import java.time.YearMonth;
import java.util.List;

/**
 * What a series reader saw in one file: {@code rowsRead = accepted + rejected}.
 *
 * @param format the format recognised
 * @param rowsRead data rows read (empty lines are not rows)
 * @param accepted rows that gave a point
 * @param rejected rows handed to the quarantine
 * @param units distinct units of the accepted points
 * @param first the earliest month of an accepted point, or null when none
 * @param last the latest month of an accepted point, or null when none
 * @param gaps months missing inside a unit's span, unit by unit (in the order units first appear)
 * @param notes remarks for the user
 */
public record SeriesReadSummary(
    SeriesFormat format,
    long rowsRead,
    long accepted,
    long rejected,
    long units,
    YearMonth first,
    YearMonth last,
    List<SeriesGap> gaps,
    List<String> notes) {
  public SeriesReadSummary {
    requireNonNull(format, "format");
    gaps = List.copyOf(gaps);
    notes = List.copyOf(notes);
    if (accepted + rejected != rowsRead) {
      throw new IllegalStateException(
          "row accounting broken: read " + rowsRead + " != " + accepted + " + " + rejected);
    }
  }
}
