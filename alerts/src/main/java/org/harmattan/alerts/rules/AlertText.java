package org.harmattan.alerts.rules;

import org.harmattan.analytics.indicators.SignalFigures;
import org.harmattan.analytics.warning.Signal;
import org.harmattan.briefs.render.FigureFormat;

/**
 * The short paragraph of an alert. Every number in it is one of the alert's figures, printed by
 * {@link FigureFormat}; the words around them say what was compared with what.
 */
final class AlertText {
  private AlertText() {}

  static String of(RuleKind kind, Signal s, SignalFigures.Cited c, String place) {
    String observed = FigureFormat.format(c.observed());
    String baseline = FigureFormat.format(c.baseline());
    String to = FigureFormat.day(s.observedWindow().to());
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
                  + (c.pValue() == null ? "" : FigureFormat.format(c.pValue()))
                  + ").";
          case FORECAST_FATALITIES ->
              throw new IllegalStateException("a forecast alert writes its own text");
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
                  + FigureFormat.day(s.baselineWindow().from())
                  + " to "
                  + FigureFormat.day(s.baselineWindow().to())
                  + ".";
        };
    return s.notes().isEmpty() ? text : text + " Note: " + String.join("; ", s.notes()) + ".";
  }
}
