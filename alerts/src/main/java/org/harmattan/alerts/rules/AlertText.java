package org.harmattan.alerts.rules;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.harmattan.analytics.indicators.SignalFigures;
import org.harmattan.analytics.warning.Signal;
import org.harmattan.briefs.render.FigureFormat;
import org.harmattan.domain.figure.Figure;

/**
 * The short paragraph of an alert. Every number in it is one of the alert's figures, printed by
 * {@link FigureFormat}; the words around them say what was compared with what.
 */
final class AlertText {
  private AlertText() {}

  static String of(RuleKind kind, Signal s, SignalFigures.Cited c, String place) {
    String observed = FigureFormat.ENGLISH.format(c.observed());
    String baseline = FigureFormat.ENGLISH.format(c.baseline());
    String to = FigureFormat.ENGLISH.day(s.observedWindow().to());
    String text =
        switch (kind) {
          case ACLED_SURGE ->
              observed
                  + " of political violence in "
                  + place
                  + " in the 7 days to "
                  + to
                  + ": at least twice the weekly average of the 4 weeks before ("
                  + baseline
                  + ").";
          case ACLED_THREAT ->
              observed
                  + " of political violence in "
                  + place
                  + " in the 30 days to "
                  + to
                  + ": at least twice the 30-day average of the year before ("
                  + baseline
                  + ").";
          case ACLED_CHANGE ->
              observed
                  + " of political violence in "
                  + place
                  + " in the 30 days to "
                  + to
                  + ": a substantial increase, at least 25 % above the 30-day average of the"
                  + " year before ("
                  + baseline
                  + ").";
          case HDX_SIGNALS ->
              observed
                  + " reported in political violence in "
                  + place
                  + " in the 30 days to "
                  + to
                  + ": at least 100 and "
                  + s.level()
                  + " (the highest 30-day total of the year before: "
                  + baseline
                  + ").";
          case ANOMALY ->
              observed
                  + " of political violence in "
                  + place
                  + " in the 30 days to "
                  + to
                  + ": improbably many against the year before (on average "
                  + baseline
                  + " per 30 days; "
                  + (c.pValue() == null ? "" : FigureFormat.ENGLISH.format(c.pValue()))
                  + ").";
          case FORECAST_FATALITIES, CORRIDOR_STATUS, ADVISORY_CHANGE ->
              throw new IllegalStateException(kind.word() + " is not a signal over counts");
          case CAPITAL_RADIUS ->
              observed
                  + " of political violence by armed non-state actors near "
                  + s.area()
                  + " ("
                  + place
                  + ") on "
                  + to
                  + ", after "
                  + baseline
                  + " from "
                  + FigureFormat.ENGLISH.day(s.baselineWindow().from())
                  + " to "
                  + FigureFormat.ENGLISH.day(s.baselineWindow().to())
                  + ".";
        };
    return s.notes().isEmpty() ? text : text + " Note: " + String.join("; ", s.notes()) + ".";
  }

  /**
   * A corridor's new status: "Dakar corridor (…), Mali: blocked on 3 September 2025, disrupted the
   * day before. 4 events affecting passage within 10 km of its road in the 90 days to 3 September
   * 2025, the last on that day; blockade index 62/100. Blocked: Kita – Bafoulabé."
   *
   * @param place the corridor's name and its country
   * @param status the status on the day
   * @param before the status the day before
   * @param passage the passage-affecting events of the status's window
   * @param daysSince the days from the last of them to the day (no value when there is none)
   * @param index the blockade index on the day
   * @param segments the segments with the new status, by label (none when it is open)
   */
  static String corridor(
      String place,
      double bufferKm,
      Figure status,
      Figure before,
      Figure passage,
      Figure daysSince,
      Figure index,
      List<String> segments) {
    LocalDate day = status.period().to();
    String last =
        daysSince.value() == null
            ? ""
            : daysSince.value() == 0
                ? ", the last on that day"
                : ", the last " + FigureFormat.ENGLISH.format(daysSince) + " before";
    return place
        + ": "
        + FigureFormat.ENGLISH.format(status)
        + " on "
        + FigureFormat.ENGLISH.day(day)
        + ", "
        + FigureFormat.ENGLISH.format(before)
        + " the day before. "
        + FigureFormat.ENGLISH.format(passage)
        + " affecting passage within "
        + FigureFormat.ENGLISH.withUnit(bufferKm, "km")
        + " of its road in the "
        + (ChronoUnit.DAYS.between(passage.period().from(), day) + 1)
        + " days to "
        + FigureFormat.ENGLISH.day(day)
        + last
        + "; blockade index "
        + FigureFormat.ENGLISH.format(index)
        + "."
        + (segments.isEmpty()
            ? ""
            : " "
                + capitalised(FigureFormat.ENGLISH.format(status))
                + ": "
                + String.join("; ", segments)
                + ".");
  }

  /**
   * A government's changed advice: who, when, against which snapshot, each change in the words of
   * {@link org.harmattan.analytics.advisories.ChangeDetector} (whose levels are the alert's level
   * figures), and where to read it.
   *
   * @param government the government's label, e.g. "United Kingdom (FCDO)"
   * @param country the country's name
   * @param day the date of the later snapshot
   * @param before the date of the earlier one
   * @param changes the descriptions of the changes
   * @param url where the later advice is published
   */
  static String advisory(
      String government,
      String country,
      LocalDate day,
      LocalDate before,
      List<String> changes,
      String url) {
    return government
        + " changed its travel advice on "
        + country
        + " on "
        + FigureFormat.ENGLISH.day(day)
        + ", against its snapshot of "
        + FigureFormat.ENGLISH.day(before)
        + ": "
        + String.join("; ", changes)
        + ". Source: "
        + url
        + ".";
  }

  private static String capitalised(String word) {
    return word.isEmpty() ? word : Character.toUpperCase(word.charAt(0)) + word.substring(1);
  }
}
