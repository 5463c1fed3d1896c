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
  /** The first day of every "all time" window: before any event a store can hold. */
  public static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);

  /** The last day of {@link #allTime()}: after any event a store can hold. */
  public static final LocalDate LATEST = LocalDate.of(2199, 12, 31);

  public Period {
    requireNonNull(from, "from");
    requireNonNull(to, "to");
    if (to.isBefore(from)) {
      throw new IllegalArgumentException("period ends " + to + " before it starts " + from);
    }
  }

  /** Every day a store's events can have (ingest takes dates from 1946 to the day of reading). */
  public static Period allTime() {
    return new Period(EARLIEST, LATEST);
  }

  /** Every day up to {@code last}, included: "all history before the window's end". */
  public static Period upTo(LocalDate last) {
    return new Period(EARLIEST, last);
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
