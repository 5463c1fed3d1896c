package org.harmattan.domain.figure;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * A closed date window, both ends included.
 *
 * @param from first day
 * @param to last day
 */
public record Period(LocalDate from, LocalDate to) {
  public Period {
    requireNonNull(from, "from");
    requireNonNull(to, "to");
    if (to.isBefore(from)) {
      throw new IllegalArgumentException("period ends " + to + " before it starts " + from);
    }
  }

  /** Days in the window, both ends counted. */
  public long lengthDays() {
    return ChronoUnit.DAYS.between(from, to) + 1;
  }

  public boolean contains(LocalDate d) {
    return !d.isBefore(from) && !d.isAfter(to);
  }

  /**
   * The same months and days in another year: the matched comparison window ("January–October 2023"
   * for "January–October 2025"). 29 February becomes 28 February where needed.
   */
  public Period inYear(int year) {
    int shift = year - from.getYear();
    return new Period(from.plusYears(shift), to.plusYears(shift));
  }

  @Override
  public String toString() {
    return from + ".." + to;
  }
}
