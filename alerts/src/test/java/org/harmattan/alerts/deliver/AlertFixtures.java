package org.harmattan.alerts.deliver;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.harmattan.alerts.Alert;
import org.harmattan.alerts.AlertArea;
import org.harmattan.alerts.Severity;
import org.harmattan.domain.figure.Citation;
import org.harmattan.domain.figure.Figure;
import org.harmattan.domain.figure.Period;
import org.harmattan.domain.figure.SourceRef;

/** Alerts named after the case they hold, for the writers' tests. */
final class AlertFixtures {
  static final LocalDate DAY = LocalDate.of(2018, 5, 14);

  private AlertFixtures() {}

  /** A country-wide alert: no region, an area known by its name only. */
  static Alert countryWideNoGeometry() {
    return new Alert(
        "acled-surge/MLI/2018-05-14",
        "acled-surge",
        "acled-surge",
        DAY,
        "MLI",
        null,
        Severity.SEVERE,
        "Surge in political violence in Mali",
        "42 political violence events in the 30 days to 14 May 2018, 2.5 times the 12-month"
            + " average of 16.8.",
        List.of(
            figure("events.political_violence", 42.0),
            figure("events.political_violence.baseline_mean", 16.8),
            figure("events.political_violence.ratio", 2.5)),
        AlertArea.named("Mali"));
  }

  /** A region's alert whose area has the region's outline, a closed ring of five points. */
  static Alert admin1WithPolygon() {
    return new Alert(
        "acled-threat/MLI/mopti/2018-05-14",
        "acled-threat",
        "acled-threat",
        DAY,
        "MLI",
        "Mopti",
        Severity.EXTREME,
        "Threat level raised to extreme in Mopti",
        "Fatalities in Mopti rose to 113 in the 30 days to 14 May 2018.",
        List.of(figure("fatalities.total", 113.0), figure("fatalities.share", 0.0375)),
        new AlertArea(
            "Mopti, Mali",
            List.of(
                new AlertArea.Point(13.5, -5.25),
                new AlertArea.Point(15.75, -4.0),
                new AlertArea.Point(15.0, -1.125),
                new AlertArea.Point(13.0, -2.5),
                new AlertArea.Point(13.5, -5.25)),
            null));
  }

  /** Political violence near a capital: a circle of 50 km around Bamako. */
  static Alert capitalRadiusCircle() {
    return new Alert(
        "capital-radius/MLI/2018-05-13",
        "bamako-50km",
        "capital-radius",
        DAY.minusDays(1),
        "MLI",
        null,
        Severity.MODERATE,
        "Political violence within 50 km of Bamako",
        "3 political violence events within 50 km of Bamako in the 7 days to 13 May 2018.",
        List.of(figure("events.political_violence.near_capital", 3.0)),
        new AlertArea(
            "Within 50 km of Bamako, Mali",
            List.of(),
            new AlertArea.Circle(new AlertArea.Point(12.6392, -8.0029), 50)));
  }

  /** A forecast's alert: its certainty is "Likely", not "Observed". */
  static Alert forecastKind() {
    return new Alert(
        "forecast-fatalities/BFA/2018-05-01",
        "bfa-fatalities-forecast",
        "forecast-fatalities",
        LocalDate.of(2018, 5, 1),
        "BFA",
        null,
        Severity.MINOR,
        "Fatalities forecast to rise in Burkina Faso",
        "The forecast for June 2018 is 61 fatalities (80% interval 35 to 104).",
        List.of(figure("forecast.fatalities.median", 61.0), figure("forecast.fatalities.p90", 104)),
        AlertArea.named("Burkina Faso"));
  }

  /** Texts with the characters XML escapes and a region name that is not ASCII. */
  static Alert specialCharactersSegou() {
    return new Alert(
        "acled-surge/MLI/segou/2018-05-12",
        "acled-surge",
        "acled-surge",
        DAY.minusDays(2),
        "MLI",
        "Ségou",
        Severity.SEVERE,
        "Attacks & clashes <rising> in Ségou",
        "Events in Ségou: 12 > 5 & \"rising\"; région de Ségou, Mali.",
        List.of(figure("events.total", 12.0)),
        AlertArea.named("Ségou, Mali"));
  }

  static Figure figure(String id, double value) {
    return new Figure(
        id,
        id.replace('.', ' '),
        value,
        "events",
        new Period(DAY.minusDays(29), DAY),
        null,
        Map.of("country", "MLI"),
        "count events",
        new Citation(
            List.of(new SourceRef("ACLED", "acled-mli.csv", "0".repeat(64))),
            1,
            List.of("MLI1"),
            DAY),
        null);
  }
}
