package org.harmattan.analytics.warning;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.harmattan.domain.figure.Period;

/**
 * ACLED's published early-warning rules over a series of violent events (the caller decides which
 * event types count as violent). Windows are the blocks of {@link DailySeries}: weeks are the 7-day
 * blocks and months the 30-day blocks ending on the as-of date.
 *
 * <p>All comparisons are done in exact integer arithmetic on the counts, so that a count of exactly
 * twice the average, or exactly 25 % above it, falls on the documented side of the edge.
 */
public final class AcledRules {
  /** Rule id of {@link #surge}. */
  public static final String SURGE = "acled.surge";

  /** Rule id of {@link #threat}. */
  public static final String THREAT = "acled.threat";

  /** Rule id of {@link #changeLevel}. */
  public static final String CHANGE = "acled.change";

  /**
   * The fewest events in the observed window for a surge or threat to fire, so that one event after
   * none (or two after one) is not an alarm. A choice of ours, not ACLED's.
   */
  public static final long MIN_EVENTS = 3;

  /** Weeks in the surge baseline. */
  public static final int SURGE_BASELINE_WEEKS = 4;

  /** 30-day blocks in the threat and change baselines (one year). */
  public static final int YEAR_BASELINE_MONTHS = 12;

  public static final String LEVEL_SURGE = "surge";
  public static final String LEVEL_NO_SURGE = "no surge";
  public static final String LEVEL_THREAT = "threat";
  public static final String LEVEL_NO_THREAT = "no threat";
  public static final String LEVEL_NEW_ACTIVITY = "new activity";
  public static final String LEVEL_SUBSTANTIAL_INCREASE = "substantial increase";
  public static final String LEVEL_INCREASE = "increase";
  public static final String LEVEL_STABLE = "stable";
  public static final String LEVEL_DECREASE = "decrease";
  public static final String LEVEL_SUBSTANTIAL_DECREASE = "substantial decrease";
  public static final String LEVEL_NO_BASELINE = "no baseline";

  static final String NOTE_ZERO_BASELINE = "no events in the baseline window";
  static final String NOTE_BELOW_MINIMUM =
      "at least twice the baseline, but below the minimum count for an alarm";

  private AcledRules() {}

  /**
   * Admin1 surge: violent events in the 7 days ending on {@code asOf} against the weekly average of
   * the 4 weeks before. Fires when the last week is at least twice that average and holds at least
   * {@link #MIN_EVENTS} events. Level "surge", or "new activity" when the 4 weeks before had no
   * events, else "no surge". {@code threshold} is the larger of twice the average and the minimum.
   */
  public static Signal surge(DailySeries series, LocalDate asOf) {
    return doubling(
        series,
        asOf,
        DailySeries.WEEK_DAYS,
        SURGE_BASELINE_WEEKS,
        SURGE,
        LEVEL_SURGE,
        LEVEL_NO_SURGE,
        "violent events in the last 7 days at least twice the weekly average of the 4 weeks"
            + " before, and at least the minimum count");
  }

  /**
   * Threat: violent events in the 30 days ending on {@code asOf} against the average of the 12
   * 30-day blocks before (one year). Fires when the last 30 days are at least twice that average
   * and hold at least {@link #MIN_EVENTS} events. Level "threat", "new activity" (baseline zero) or
   * "no threat".
   */
  public static Signal threat(DailySeries series, LocalDate asOf) {
    return doubling(
        series,
        asOf,
        DailySeries.MONTH_DAYS,
        YEAR_BASELINE_MONTHS,
        THREAT,
        LEVEL_THREAT,
        LEVEL_NO_THREAT,
        "violent events in the last 30 days at least twice the 30-day average of the 12 blocks"
            + " of 30 days before, and at least the minimum count");
  }

  /**
   * Country change level: events in the 30 days ending on {@code asOf} against the average of the
   * 12 30-day blocks before. With {@code c = observed / average - 1}: {@code c >= +25 %}
   * "substantial increase"; {@code +10 % <= c < +25 %} "increase"; {@code -10 % < c < +10 %}
   * "stable"; {@code -25 % < c <= -10 %} "decrease"; {@code c <= -25 %} "substantial decrease"; an
   * all-zero baseline gives "no baseline". Each band edge belongs to the band further from
   * "stable". The signal is triggered for "substantial increase" only, and {@code threshold} is
   * 1.25 times the average.
   */
  public static Signal changeLevel(DailySeries series, LocalDate asOf) {
    requireNonNull(series, "series");
    Period observed = DailySeries.block(asOf, DailySeries.MONTH_DAYS, 0);
    Period baseline =
        DailySeries.blocksBefore(observed, DailySeries.MONTH_DAYS, YEAR_BASELINE_MONTHS);
    long obs = series.sum(observed);
    long total = series.sum(baseline);
    double mean = total / (double) YEAR_BASELINE_MONTHS;
    String level;
    List<String> notes = new ArrayList<>();
    List<Signal.Reference> references = new ArrayList<>();
    if (total == 0) {
      level = LEVEL_NO_BASELINE;
      notes.add(NOTE_ZERO_BASELINE);
    } else {
      // obs / (total / 12) compared with 1.25, 1.10, 0.90 and 0.75, multiplied out.
      long obs12 = Math.multiplyExact(obs, YEAR_BASELINE_MONTHS);
      if (Math.multiplyExact(obs12, 4) >= Math.multiplyExact(total, 5)) {
        level = LEVEL_SUBSTANTIAL_INCREASE;
      } else if (Math.multiplyExact(obs12, 10) >= Math.multiplyExact(total, 11)) {
        level = LEVEL_INCREASE;
      } else if (Math.multiplyExact(obs12, 4) <= Math.multiplyExact(total, 3)) {
        level = LEVEL_SUBSTANTIAL_DECREASE;
      } else if (Math.multiplyExact(obs12, 10) <= Math.multiplyExact(total, 9)) {
        level = LEVEL_DECREASE;
      } else {
        level = LEVEL_STABLE;
      }
      references.add(
          new Signal.Reference(
              "relative change against the 30-day average of the year before",
              obs / mean - 1,
              observed));
    }
    return new Signal(
        CHANGE,
        series.area(),
        LEVEL_SUBSTANTIAL_INCREASE.equals(level),
        obs,
        mean,
        1.25 * mean,
        level,
        observed,
        baseline,
        null,
        "events in the last 30 days against the 30-day average of the 12 blocks of 30 days"
            + " before: at least 25 % more is a substantial increase, 10 to 25 % more an increase,"
            + " within 10 % stable, 10 to 25 % fewer a decrease, at least 25 % fewer a"
            + " substantial decrease",
        notes,
        references);
  }

  private static Signal doubling(
      DailySeries series,
      LocalDate asOf,
      int blockDays,
      int blocks,
      String ruleId,
      String firedLevel,
      String quietLevel,
      String rule) {
    requireNonNull(series, "series");
    Period observed = DailySeries.block(asOf, blockDays, 0);
    Period baseline = DailySeries.blocksBefore(observed, blockDays, blocks);
    long obs = series.sum(observed);
    long total = series.sum(baseline);
    double mean = total / (double) blocks;
    // obs >= 2 * total / blocks, multiplied out.
    boolean doubled = Math.multiplyExact(obs, blocks) >= Math.multiplyExact(total, 2);
    boolean enough = obs >= MIN_EVENTS;
    boolean triggered = doubled && enough;
    List<String> notes = new ArrayList<>();
    if (total == 0) {
      notes.add(NOTE_ZERO_BASELINE);
    }
    if (doubled && !enough && obs > 0) {
      notes.add(NOTE_BELOW_MINIMUM);
    }
    String level;
    if (!triggered) {
      level = quietLevel;
    } else if (total == 0) {
      level = LEVEL_NEW_ACTIVITY;
    } else {
      level = firedLevel;
    }
    return new Signal(
        ruleId,
        series.area(),
        triggered,
        obs,
        mean,
        Math.max(2 * mean, MIN_EVENTS),
        level,
        observed,
        baseline,
        null,
        rule,
        notes,
        List.of());
  }
}
