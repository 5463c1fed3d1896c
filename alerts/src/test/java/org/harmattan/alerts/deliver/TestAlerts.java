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

/** Alerts for the delivery tests, built from real figures with their citations. */
final class TestAlerts {
  static final String ACLED_SHA256 =
      "3f2a9c1d0b7e4a5f8c6d2e1b0a9f8e7d6c5b4a3f2e1d0c9b8a7f6e5d4c3b2a19";

  private TestAlerts() {}

  /** A surge in Mopti: 12 events in January 2025 against 4 in December 2024. */
  static Alert surgeInMopti() {
    return surgeIn("Mopti", "acled-surge/MLI/mopti/2025-01-31");
  }

  /**
   * A region whose name holds HTML's special characters, "Tombouctou & Gao <nord>": the HTML mail
   * must escape them.
   */
  static Alert markupInRegionName() {
    return surgeIn("Tombouctou & Gao <nord>", "acled-surge/MLI/tombouctou-gao/2025-01-31");
  }

  private static Alert surgeIn(String admin1, String id) {
    Citation citation =
        new Citation(
            List.of(new SourceRef("ACLED", "acled-mali-2025-01.csv", ACLED_SHA256)),
            12,
            List.of(
                "acled:MLI30101",
                "acled:MLI30102",
                "acled:MLI30103",
                "acled:MLI30104",
                "acled:MLI30105",
                "acled:MLI30106",
                "acled:MLI30107",
                "acled:MLI30108",
                "acled:MLI30109",
                "acled:MLI30110",
                "acled:MLI30111",
                "acled:MLI30112"),
            LocalDate.of(2025, 2, 3));
    Figure events =
        new Figure(
            "events.political_violence." + admin1,
            "Political violence events in " + admin1,
            12.0,
            "events",
            new Period(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 1, 31)),
            new Period(LocalDate.of(2024, 12, 1), LocalDate.of(2024, 12, 31)),
            Map.of("admin1", admin1),
            "count events where country = MLI and admin1 = " + admin1,
            citation,
            null);
    return new Alert(
        id,
        "acled-surge",
        "acled-surge",
        LocalDate.of(2025, 1, 31),
        "MLI",
        admin1,
        Severity.SEVERE,
        "Political violence tripled in " + admin1,
        "12 political violence events in " + admin1 + " in January 2025, against 4 in December.",
        List.of(events),
        AlertArea.named(admin1 + ", Mali"));
  }
}
