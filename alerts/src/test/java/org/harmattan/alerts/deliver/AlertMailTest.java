package org.harmattan.alerts.deliver;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
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
import org.junit.jupiter.api.Test;

/** The words of the mail: figures printed by FigureFormat, every source cited. */
class AlertMailTest {
  private static final URI UNSUBSCRIBE = URI.create("https://harmattan.test/u?t=1");

  @Test
  void aFigureWithoutValueSaysWhyAndLargeCountsAreGrouped() {
    Citation twoSources =
        new Citation(
            List.of(
                new SourceRef("ACLED", "acled-mali.csv", "aaaaaaaaaaaabbbbbbbb"),
                new SourceRef("UCDP", "ged-mali.csv", "cccccccccccc0000")),
            1762,
            List.of(),
            LocalDate.of(2025, 2, 3));
    Citation one =
        new Citation(
            List.of(new SourceRef("ACLED", "acled-mali.csv", "aaaaaaaaaaaabbbbbbbb")),
            1,
            List.of("acled:MLI1"),
            LocalDate.of(2025, 2, 3));
    Period jan = new Period(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 1, 31));
    Figure deaths =
        new Figure(
            "deaths",
            "Reported deaths",
            1762.0,
            "deaths",
            jan,
            null,
            Map.of(),
            "q",
            twoSources,
            null);
    Figure change =
        new Figure(
            "change",
            "Change in events",
            null,
            "percent",
            jan,
            null,
            Map.of(),
            "q",
            one,
            "no events in the comparison period");
    Alert alert =
        new Alert(
            "acled-threat/MLI/2025-01-31",
            "acled-threat",
            "acled-threat",
            LocalDate.of(2025, 1, 31),
            "MLI",
            null,
            Severity.EXTREME,
            "Deaths at their highest",
            "Deaths in Mali reached their highest monthly level.",
            List.of(deaths, change),
            AlertArea.named("Mali"));

    String text = AlertMail.text(alert, false, UNSUBSCRIBE);

    assertThat(AlertMail.subject(alert))
        .isEqualTo("[Harmattan] Extreme \u2014 Deaths at their highest");
    assertThat(text)
        .contains("- Reported deaths: 1,762 deaths, January 2025\n")
        .contains(
            "  Sources: ACLED acled-mali.csv (SHA-256 aaaaaaaaaaaa), UCDP ged-mali.csv"
                + " (SHA-256 cccccccccccc); 1,762 records\n")
        .contains("- Change in events: n/a (no events in the comparison period), January 2025\n")
        .contains("(SHA-256 aaaaaaaaaaaa); 1 record\n");
    assertThat(AlertMail.html(alert, false, UNSUBSCRIBE))
        .contains("<strong>Reported deaths</strong>: 1,762 deaths, January 2025")
        .contains("n/a (no events in the comparison period)");
  }

  @Test
  void escapesTheFiveCharacters() {
    assertThat(AlertMail.escape("a & b < c > d \" e ' f"))
        .isEqualTo("a &amp; b &lt; c &gt; d &quot; e &#39; f");
  }
}
