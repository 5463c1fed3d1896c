package org.harmattan.analytics.warning;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import org.harmattan.domain.figure.Period;

/**
 * An immutable series of daily counts for one area (an admin1 name or a country). Days without an
 * entry count as zero: the caller must make sure the series covers the windows a rule looks at,
 * since "no data" and "no events" look the same here.
 *
 * <p>Window convention: every rule anchors its windows at an as-of date. A <em>block</em> of {@code
 * d} days is one of the consecutive {@code d}-day windows that end on the as-of date and go back
 * from it: block 0 is {@code [asOf - d + 1, asOf]}, block 1 is the {@code d} days before that, and
 * so on. Weeks are 7-day blocks and "months" are 30-day blocks, so a "month" is never a calendar
 * month and does not care about month ends or leap years. {@link #sum(YearMonth)} is the
 * calendar-month variant.
 */
public final class DailySeries {
  /** Days in a week block. */
  public static final int WEEK_DAYS = 7;

  /** Days in a month block. */
  public static final int MONTH_DAYS = 30;

  private final String area;
  private final NavigableMap<LocalDate, Long> counts;

  private DailySeries(String area, NavigableMap<LocalDate, Long> counts) {
    this.area = area;
    this.counts = counts;
  }

  /**
   * A series from day counts.
   *
   * @param area the admin1 name or country the counts are for
   * @param counts count per day; days not present are zero; counts must not be negative
   */
  public static DailySeries of(String area, Map<LocalDate, Long> counts) {
    requireNonNull(area, "area");
    requireNonNull(counts, "counts");
    TreeMap<LocalDate, Long> copy = new TreeMap<>();
    for (Map.Entry<LocalDate, Long> e : counts.entrySet()) {
      LocalDate day = requireNonNull(e.getKey(), "day");
      long n = requireNonNull(e.getValue(), "count for " + day);
      if (n < 0) {
        throw new IllegalArgumentException("count for " + day + " is negative: " + n);
      }
      if (n > 0) {
        copy.put(day, n);
      }
    }
    return new DailySeries(area, Collections.unmodifiableNavigableMap(copy));
  }

  /** A series with no events. */
  public static DailySeries empty(String area) {
    return of(area, Map.of());
  }

  /** The admin1 name or country the counts are for. */
  public String area() {
    return area;
  }

  /** The days with a non-zero count, in date order. */
  public NavigableMap<LocalDate, Long> nonZeroDays() {
    return counts;
  }

  /** The count on one day, zero when absent. */
  public long count(LocalDate day) {
    return counts.getOrDefault(requireNonNull(day, "day"), 0L);
  }

  /** The total from {@code from} to {@code to}, both included. */
  public long sum(LocalDate from, LocalDate to) {
    return sum(new Period(from, to));
  }

  /** The total over a period, both ends included. */
  public long sum(Period period) {
    long total = 0;
    for (long n : counts.subMap(period.from(), true, period.to(), true).values()) {
      total = Math.addExact(total, n);
    }
    return total;
  }

  /** The total over a calendar month. */
  public long sum(YearMonth month) {
    return sum(month.atDay(1), month.atEndOfMonth());
  }

  /**
   * The {@code index}-th block of {@code blockDays} days going back from {@code asOf}; block 0 ends
   * on {@code asOf}.
   */
  public static Period block(LocalDate asOf, int blockDays, int index) {
    requireNonNull(asOf, "asOf");
    if (blockDays < 1) {
      throw new IllegalArgumentException("blockDays must be at least 1, got " + blockDays);
    }
    if (index < 0) {
      throw new IllegalArgumentException("block index must not be negative, got " + index);
    }
    LocalDate to = asOf.minusDays((long) index * blockDays);
    return new Period(to.minusDays(blockDays - 1L), to);
  }

  /**
   * The {@code count} blocks of {@code blockDays} days that come just before {@code window} and
   * touch it, as one period: the baseline window of a rule.
   */
  public static Period blocksBefore(Period window, int blockDays, int count) {
    if (blockDays < 1 || count < 1) {
      throw new IllegalArgumentException(
          "need at least one block of at least one day, got " + count + " x " + blockDays);
    }
    LocalDate to = window.from().minusDays(1);
    return new Period(to.minusDays((long) blockDays * count - 1), to);
  }

  /**
   * The sums of {@code blocks} consecutive blocks of {@code blockDays} days ending on {@code asOf},
   * oldest first: the last element is the block that ends on {@code asOf}.
   */
  public long[] blockSums(LocalDate asOf, int blockDays, int blocks) {
    if (blocks < 0) {
      throw new IllegalArgumentException("blocks must not be negative, got " + blocks);
    }
    long[] sums = new long[blocks];
    for (int i = 0; i < blocks; i++) {
      sums[blocks - 1 - i] = sum(block(asOf, blockDays, i));
    }
    return sums;
  }

  /** Sums of {@code weeks} 7-day blocks ending on {@code asOf}, oldest first. */
  public long[] weeklySums(LocalDate asOf, int weeks) {
    return blockSums(asOf, WEEK_DAYS, weeks);
  }

  /** Sums of {@code months} 30-day blocks ending on {@code asOf}, oldest first. */
  public long[] monthlySums(LocalDate asOf, int months) {
    return blockSums(asOf, MONTH_DAYS, months);
  }

  /**
   * The largest rolling sum over {@code windowDays}-day windows whose last day lies between {@code
   * firstEnd} and {@code lastEnd}, both included. Ties go to the most recent window.
   */
  public RollingMax maxRollingSum(LocalDate firstEnd, LocalDate lastEnd, int windowDays) {
    Period ends = new Period(firstEnd, lastEnd);
    if (windowDays < 1) {
      throw new IllegalArgumentException("windowDays must be at least 1, got " + windowDays);
    }
    LocalDate start = firstEnd.minusDays(windowDays - 1L);
    int days = Math.toIntExact(ChronoUnit.DAYS.between(start, lastEnd) + 1);
    long[] daily = new long[days];
    for (Map.Entry<LocalDate, Long> e : counts.subMap(start, true, lastEnd, true).entrySet()) {
      daily[(int) ChronoUnit.DAYS.between(start, e.getKey())] = e.getValue();
    }
    long window = 0;
    for (int i = 0; i < windowDays - 1; i++) {
      window = Math.addExact(window, daily[i]);
    }
    long best = -1;
    LocalDate bestEnd = lastEnd;
    for (int i = windowDays - 1; i < days; i++) {
      window = Math.addExact(window, daily[i]);
      if (window >= best) {
        best = window;
        bestEnd = start.plusDays(i);
      }
      window -= daily[i - windowDays + 1];
    }
    return new RollingMax(best, new Period(bestEnd.minusDays(windowDays - 1L), bestEnd), ends);
  }

  /**
   * The largest rolling-window sum and where it was reached.
   *
   * @param sum the largest sum
   * @param window the most recent window reaching it
   * @param searched the range of window end days that was searched
   */
  public record RollingMax(long sum, Period window, Period searched) {
    public RollingMax {
      requireNonNull(window, "window");
      requireNonNull(searched, "searched");
      if (sum < 0) {
        throw new IllegalArgumentException("sum must not be negative");
      }
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof DailySeries other && area.equals(other.area) && counts.equals(other.counts);
  }

  @Override
  public int hashCode() {
    return 31 * area.hashCode() + counts.hashCode();
  }

  @Override
  public String toString() {
    return "DailySeries[" + area + ", " + counts.size() + " non-zero days]";
  }
}
