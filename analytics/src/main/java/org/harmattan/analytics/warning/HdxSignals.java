package org.harmattan.analytics.warning;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.harmattan.analytics.warning.DailySeries.RollingMax;
import org.harmattan.domain.figure.Period;

/**
 * HDX Signals' conflict rule over a series of reported fatalities: the 30-day total ending on the
 * as-of date is at least {@link #MIN_FATALITIES} and above the highest 30-day total of the year
 * before (and, for the higher level, of the three years before).
 */
public final class HdxSignals {
  /** Rule id of {@link #fatalities}. */
  public static final String FATALITIES = "hdx.fatalities";

  /** The fewest fatalities in 30 days for the rule to fire. */
  public static final long MIN_FATALITIES = 100;

  /** Days in the rolling window. */
  public static final int WINDOW_DAYS = 30;

  /** The year before, in days, over which window ends are searched for the 1-year maximum. */
  public static final int ONE_YEAR_DAYS = 365;

  /** Three years before, in days (three times 365, leap days ignored). */
  public static final int THREE_YEARS_DAYS = 3 * 365;

  public static final String LEVEL_ABOVE_1_YEAR = "above 1-year maximum";
  public static final String LEVEL_ABOVE_3_YEARS = "above 3-year maximum";
  public static final String LEVEL_NOT_ABOVE = "not above 1-year maximum";
  public static final String LEVEL_BELOW_MINIMUM = "below minimum";
  public static final String LEVEL_NOT_ENOUGH_HISTORY = "not enough history";

  static final String NOTE_EQUALS_MAXIMUM = "equal to the 1-year maximum, which is not above it";

  private HdxSignals() {}

  /**
   * The 30-day fatalities ending on {@code asOf} (window {@code [asOf - 29, asOf]}) against the
   * largest rolling 30-day total whose window ends in the 365 days before that window starts (the
   * 1-year maximum), and in the 1,095 days before (the 3-year maximum). Fires when the total is at
   * least 100 and strictly above the 1-year maximum; the level is "above 3-year maximum" when it is
   * also strictly above the 3-year maximum, else "above 1-year maximum". When it does not fire the
   * level is "below minimum" (under 100) or "not above 1-year maximum".
   *
   * <p>{@code baseline} is the 1-year maximum, {@code threshold} the smallest total that fires
   * ({@code max(100, 1-year maximum + 1)}), {@code baselineWindow} the days covered by the windows
   * searched for the 1-year maximum, and the references hold both maxima with the most recent
   * window reaching each.
   */
  public static Signal fatalities(DailySeries fatalities, LocalDate asOf) {
    return fatalities(fatalities, asOf, null);
  }

  /**
   * As {@link #fatalities(DailySeries, LocalDate)}, over a store whose events begin on {@code
   * heldFrom}: a maximum over days before it would be a maximum over nothing. When the windows of
   * the year before reach before {@code heldFrom}, the rule is not evaluated (level "not enough
   * history", not fired); when only those of the three years before do, the higher level is not
   * claimed (and the 3-year reference not given), with a note saying why.
   *
   * @param heldFrom the first day of events the store holds for the series, or null when it is
   *     known to hold every day before {@code asOf}
   */
  public static Signal fatalities(DailySeries fatalities, LocalDate asOf, LocalDate heldFrom) {
    requireNonNull(fatalities, "fatalities");
    Period observed = DailySeries.block(asOf, WINDOW_DAYS, 0);
    LocalDate lastEnd = observed.from().minusDays(1);
    RollingMax year =
        fatalities.maxRollingSum(lastEnd.minusDays(ONE_YEAR_DAYS - 1L), lastEnd, WINDOW_DAYS);
    RollingMax threeYears =
        fatalities.maxRollingSum(lastEnd.minusDays(THREE_YEARS_DAYS - 1L), lastEnd, WINDOW_DAYS);
    long obs = fatalities.sum(observed);
    boolean enough = obs >= MIN_FATALITIES;
    boolean aboveYear = obs > year.sum();
    LocalDate yearFrom = year.searched().from().minusDays(WINDOW_DAYS - 1L);
    LocalDate threeYearsFrom = threeYears.searched().from().minusDays(WINDOW_DAYS - 1L);
    boolean yearHeld = heldFrom == null || !yearFrom.isBefore(heldFrom);
    boolean threeYearsHeld = heldFrom == null || !threeYearsFrom.isBefore(heldFrom);
    boolean triggered = enough && aboveYear && yearHeld;
    List<String> notes = new ArrayList<>();
    String level;
    if (!yearHeld) {
      level = LEVEL_NOT_ENOUGH_HISTORY;
      notes.add(
          "not evaluated: the rule compares with the 30-day totals of the year before, from "
              + yearFrom
              + ", and the store's events begin on "
              + heldFrom);
    } else if (!enough) {
      level = LEVEL_BELOW_MINIMUM;
    } else if (!aboveYear) {
      level = LEVEL_NOT_ABOVE;
    } else if (obs > threeYears.sum() && threeYearsHeld) {
      level = LEVEL_ABOVE_3_YEARS;
    } else {
      level = LEVEL_ABOVE_1_YEAR;
    }
    if (yearHeld && !threeYearsHeld) {
      notes.add(
          "the 3-year maximum is not assessed: the three years before run from "
              + threeYearsFrom
              + ", and the store's events begin on "
              + heldFrom);
    }
    if (yearHeld && obs == year.sum()) {
      notes.add(NOTE_EQUALS_MAXIMUM);
    }
    Period baselineWindow =
        new Period(year.searched().from().minusDays(WINDOW_DAYS - 1L), year.searched().to());
    return new Signal(
        FATALITIES,
        fatalities.area(),
        triggered,
        obs,
        year.sum(),
        Math.max(MIN_FATALITIES, Math.addExact(year.sum(), 1)),
        level,
        observed,
        baselineWindow,
        null,
        "reported fatalities in the last 30 days at least 100 and above the highest 30-day total"
            + " of the year before; above that of the three years before is the higher level",
        notes,
        threeYearsHeld
            ? List.of(
                new Signal.Reference(
                    "highest 30-day fatalities in the year before", year.sum(), year.window()),
                new Signal.Reference(
                    "highest 30-day fatalities in the three years before",
                    threeYears.sum(),
                    threeYears.window()))
            : List.of(
                new Signal.Reference(
                    "highest 30-day fatalities in the year before", year.sum(), year.window())));
  }
}
