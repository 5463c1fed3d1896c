package org.harmattan.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.harmattan.alerts.Alert;
import org.harmattan.alerts.AlertArea;
import org.harmattan.alerts.AlertJson;
import org.harmattan.alerts.Severity;
import org.harmattan.alerts.deliver.CapSchema;
import org.harmattan.domain.figure.Citation;
import org.harmattan.domain.figure.Figure;
import org.harmattan.domain.figure.Period;
import org.harmattan.domain.figure.SourceRef;
import org.harmattan.engine.accounts.Role;
import org.harmattan.engine.alerts.DeliveryRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The alerts a watch run recorded, served as JSON, Atom 1.0 and CAP 1.2. */
class AlertsApiTest {
  @TempDir static Path dir;
  static TestServer server;
  static final Instant RAISED = Instant.parse("2026-01-06T06:00:00Z");

  @BeforeAll
  static void start() {
    server = new TestServer(dir, TestServer.ACLED_FIXTURE);
    record(alert("mali-surge:MLI:mopti:2026-01-05", "Mopti", LocalDate.of(2026, 1, 5)));
    record(alert("mali-surge:MLI:gao:2026-01-12", "Gao", LocalDate.of(2026, 1, 12)));
    server
        .store
        .alerts()
        .addDelivery(
            new DeliveryRecord(
                "mali-surge:MLI:mopti:2026-01-05",
                "EMAIL",
                "desk@example.org",
                1,
                "DELIVERED",
                250,
                null,
                RAISED));
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
  }

  private static void record(Alert a) {
    server.store.alerts().add(AlertJson.toRecord(a, false, RAISED));
  }

  private static Alert alert(String id, String admin1, LocalDate day) {
    Period week = new Period(day.minusDays(6), day);
    Figure observed =
        new Figure(
            "warning.acled.surge." + admin1.toLowerCase(java.util.Locale.ROOT) + ".observed",
            "Violent events in the last 7 days — observed, " + admin1,
            3.0,
            "events",
            week,
            null,
            Map.of("country", "MLI", "admin1", admin1),
            "count of political-violence events",
            new Citation(
                List.of(new SourceRef("ACLED", "acled-mali.csv", "ab".repeat(32))),
                3,
                List.of("acled:MLI1", "acled:MLI2", "acled:MLI3"),
                LocalDate.of(2026, 1, 6)),
            null);
    return new Alert(
        id,
        "mali-surge",
        "acled-surge",
        day,
        "MLI",
        admin1,
        Severity.SEVERE,
        "ACLED surge — " + admin1 + ", Mali",
        "3 events of political violence in " + admin1 + ", Mali in the 7 days to the day.",
        List.of(observed),
        new AlertArea(
            admin1 + ", Mali",
            List.of(
                new AlertArea.Point(14.0, -4.0),
                new AlertArea.Point(14.5, -4.0),
                new AlertArea.Point(14.5, -3.5),
                new AlertArea.Point(14.0, -4.0)),
            null));
  }

  @Test
  void theListIsNewestFirstWithCitedFigures() {
    HttpResponse<String> r =
        server.get("/api/v1/alerts?from=2026-01-01&to=2026-01-31", Role.VIEWER);

    assertThat(r.statusCode()).isEqualTo(200);
    JsonNode alerts = TestServer.json(r).get("alerts");
    assertThat(alerts).hasSize(2);
    assertThat(alerts.get(0).get("id").asText()).isEqualTo("mali-surge:MLI:gao:2026-01-12");
    assertThat(alerts.get(1).get("admin1").asText()).isEqualTo("Mopti");
    assertThat(alerts.get(1).get("raised").asText()).isEqualTo(RAISED.toString());
    assertThat(alerts.get(1).get("figures").get(0).get("citation").get("eventIds")).hasSize(3);
    assertThat(alerts.get(1).has("deliveries")).isFalse();
    JsonNode none =
        TestServer.json(server.get("/api/v1/alerts?from=2025-01-01&to=2025-12-31", Role.VIEWER));
    assertThat(none.get("alerts")).isEmpty();
  }

  @Test
  void oneAlertShowsWhoWasToldToAnalystsOnly() {
    String path = "/api/v1/alerts/mali-surge:MLI:mopti:2026-01-05";
    JsonNode viewer = TestServer.json(server.get(path, Role.VIEWER));
    JsonNode analyst = TestServer.json(server.get(path, Role.ANALYST));

    assertThat(viewer.has("deliveries")).isFalse();
    assertThat(analyst.get("deliveries")).hasSize(1);
    assertThat(analyst.get("deliveries").get(0).get("recipient").asText())
        .isEqualTo("desk@example.org");
    assertThat(analyst.get("deliveries").get(0).get("outcome").asText()).isEqualTo("delivered");
    HttpResponse<String> missing = server.get("/api/v1/alerts/nothing:MLI:2026-01-01", Role.VIEWER);
    assertThat(missing.statusCode()).isEqualTo(404);
    assertThat(missing.body()).contains("nothing:MLI:2026-01-01");
  }

  @Test
  void theFeedIsAtomAndAnAlertIsAValidCapMessage() {
    HttpResponse<String> feed =
        server.get("/api/v1/alerts/feed?from=2026-01-01&to=2026-01-31", Role.VIEWER);
    assertThat(feed.statusCode()).isEqualTo(200);
    assertThat(feed.headers().firstValue("Content-Type").orElse(""))
        .startsWith("application/atom+xml");
    assertThat(feed.body())
        .contains("<feed xmlns=\"http://www.w3.org/2005/Atom\">")
        .contains("urn:harmattan:alert:mali-surge")
        .contains("ACLED surge — Gao, Mali");

    HttpResponse<String> cap =
        server.get("/api/v1/alerts/mali-surge:MLI:mopti:2026-01-05/cap", Role.VIEWER);
    assertThat(cap.statusCode()).isEqualTo(200);
    assertThat(cap.headers().firstValue("Content-Type").orElse(""))
        .startsWith("application/cap+xml");
    assertThat(CapSchema.validate(cap.body())).isEmpty();
    assertThat(cap.body())
        .contains("<identifier>mali-surge:MLI:mopti:2026-01-05</identifier>")
        .contains("<severity>Severe</severity>")
        .contains("<polygon>14,-4 14.5,-4 14.5,-3.5 14,-4</polygon>");
  }
}
