package org.harmattan.alerts.rules;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.harmattan.analytics.corridors.CorridorReport;

/** The kinds of rule a rule file can name, with the word it uses for each. */
public enum RuleKind {
  /** ACLED's surge: violent events in 7 days at least twice the weekly average of 4 weeks. */
  ACLED_SURGE("acled-surge", "ACLED surge", true, 5 * 7),
  /** ACLED's threat: violent events in 30 days at least twice the 30-day average of a year. */
  ACLED_THREAT("acled-threat", "ACLED threat", true, 13 * 30),
  /** ACLED's change level "substantial increase": 30 days at least 25 % above a year's average. */
  ACLED_CHANGE("acled-change", "ACLED change level", false, 13 * 30),
  /** HDX Signals: 30-day fatalities at least 100 and above the highest 30 days of the year. */
  HDX_SIGNALS("hdx-signals", "HDX Signals conflict", false, 3 * 365 + 30),
  /** The count anomaly: 30 days of events improbably high under a model of the year before. */
  ANOMALY("anomaly", "Count anomaly", false, 13 * 30),
  /** Political violence by armed non-state actors near the capital, first in N months. */
  CAPITAL_RADIUS("capital-radius", "Armed non-state actors near the capital", false, 0),
  /** The learned model's chance that next month's fatalities exceed the past year's worst month. */
  FORECAST_FATALITIES("forecast-fatalities", "Fatality forecast", false, 0),
  /** A supply corridor's status (open, disrupted, blocked) changed from one day to the next. */
  CORRIDOR_STATUS("corridor-status", "Corridor status", false, CorridorReport.DISRUPTED_DAYS - 1),
  /** A government changed its travel advice: its level, or a call to leave. */
  ADVISORY_CHANGE("advisory-change", "Travel advice change", false, 0);

  private final String word;
  private final String title;
  private final boolean regional;
  private final int historyDays;

  RuleKind(String word, String title, boolean regional, int historyDays) {
    this.word = word;
    this.title = title;
    this.regional = regional;
    this.historyDays = historyDays;
  }

  /** The word in rule files and JSON, e.g. {@code acled-surge}. */
  public String word() {
    return word;
  }

  /** A title for headlines, e.g. "ACLED surge". */
  public String title() {
    return title;
  }

  /**
   * Whether the rule is evaluated per region (admin1) by default; a country rule is evaluated per
   * region only when the rule file lists regions.
   */
  public boolean regional() {
    return regional;
  }

  /** The days of events before an as-of date the rule reads (besides its own parameters). */
  public int historyDays() {
    return historyDays;
  }

  /**
   * The fewest days of the store's events a day needs before it for the rule to say anything: the
   * surge's 4 weeks and its own week, a year and the last 30 days for the others (HDX Signals'
   * 3-year level is then compared with what the store holds), the {@value
   * CorridorReport#DISRUPTED_DAYS} days a corridor's status looks back on the day before the one
   * compared with it. {@code advisory-change} reads no events: its days are those its snapshots
   * answer for.
   */
  public int minimumHistoryDays() {
    return switch (this) {
      case ACLED_SURGE -> 5 * 7 - 1;
      case ACLED_THREAT, ACLED_CHANGE, ANOMALY -> 13 * 30 - 1;
      case HDX_SIGNALS -> 365 + 30 - 1;
      case CAPITAL_RADIUS, ADVISORY_CHANGE -> 0;
      case FORECAST_FATALITIES -> 365;
      case CORRIDOR_STATUS -> CorridorReport.DISRUPTED_DAYS;
    };
  }

  /** The kind a word names; empty when it names none. */
  public static Optional<RuleKind> parse(String word) {
    return Arrays.stream(values()).filter(k -> k.word.equals(word)).findFirst();
  }

  /** Every kind's word, for messages. */
  public static List<String> words() {
    return Arrays.stream(values()).map(RuleKind::word).toList();
  }
}
