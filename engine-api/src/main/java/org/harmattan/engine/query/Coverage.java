package org.harmattan.engine.query;

import java.time.LocalDate;

/**
 * The date range the store holds for a country and source.
 *
 * @param first the earliest event date, or null when there is none
 * @param last the latest event date, or null when there is none
 * @param events events held
 * @param accessed the day the newest of these records was read in, or null
 */
public record Coverage(LocalDate first, LocalDate last, long events, LocalDate accessed) {
  public boolean covers(LocalDate from, LocalDate to) {
    return first != null && !first.isAfter(from) && !last.isBefore(to);
  }
}
