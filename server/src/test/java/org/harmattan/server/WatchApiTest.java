package org.harmattan.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.harmattan.alerts.rules.RuleFile;
import org.harmattan.domain.figure.Period;
import org.harmattan.engine.accounts.Role;
import org.harmattan.reference.profile.CountryProfiles;
import org.harmattan.service.alerts.AlertService;
import org.harmattan.service.brief.BriefService;
import org.harmattan.service.watch.WatchConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A server that runs a watch: its drop folder fed while it serves, its jobs and runs listed, its
 * rule file read and replaced over the API, and rules back-tested on the store.
 */
class WatchApiTest {
  private static final String RULES =
      "rules:\n  - {id: mali-surge, kind: acled-surge, countries: [MLI], severity: moderate}\n";

  @TempDir static Path dir;
  static TestServer server;

  @BeforeAll
  static void start() throws Exception {
    Path watch = dir.resolve("watch");
    Files.createDirectories(watch.resolve("incoming"));
    Files.writeString(watch.resolve("rules.yaml"), RULES);
    // The fixture, dropped before the server starts: the drop folder's first run ingests it.
    try (var in = WatchApiTest.class.getResourceAsStream(TestServer.ACLED_FIXTURE)) {
      Files.copy(in, watch.resolve("incoming").resolve("acled.csv"));
    }
    Files.setLastModifiedTime(
        watch.resolve("incoming").resolve("acled.csv"),
        java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() - 60_000));
    Files.writeString(
        watch.resolve("watch.yaml"),
        "jobs:\n"
            + "  - {id: incoming, kind: drop-folder, every: 1h, folder: incoming, settle: 1s}\n"
            + "  - {id: mali-rules, kind: alerts, every: 1h, rules: rules.yaml}\n");
    server =
        new TestServer(
            dir,
            BriefService.Context.defaults(),
            null,
            WatchConfig.read(watch.resolve("watch.yaml"), CountryProfiles.shipped()));
    // Both jobs run at once when the server starts.
    long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
    while (System.nanoTime() < deadline
        && TestServer.json(server.get("/api/v1/watch", Role.ANALYST)).path("runs").size() < 2) {
      Thread.sleep(100);
    }
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void theWatchListsItsJobsAndTheirRunsNewestFirst() {
    JsonNode w = TestServer.json(server.get("/api/v1/watch", Role.ANALYST));

    assertThat(w.path("watching").asBoolean()).isTrue();
    assertThat(w.path("jobs").findValuesAsText("id")).containsExactly("incoming", "mali-rules");
    assertThat(w.path("jobs").get(0).path("every").asText()).isEqualTo("PT1H");
    JsonNode runs = w.path("runs");
    assertThat(runs.findValuesAsText("job")).containsExactly("mali-rules", "incoming");
    assertThat(runs.get(1).path("outcome").asText()).isEqualTo("ok");
    assertThat(runs.get(1).path("counts").path("ingested").asLong()).isEqualTo(1);
    assertThat(dir.resolve("watch/incoming/done/acled.csv")).exists();
    // The dropped file's events are in the store the server serves.
    assertThat(TestServer.json(server.get("/api/v1/status", Role.VIEWER)).path("events").asLong())
        .isPositive();
  }

  @Test
  void anAdminReplacesTheRuleFileAndAMistakeLeavesItAsItWas() throws Exception {
    JsonNode before = TestServer.json(server.get("/api/v1/alerts/rules", Role.ANALYST));
    assertThat(before.path("rules").get(0).path("job").asText()).isEqualTo("mali-rules");
    assertThat(before.path("rules").get(0).path("ids").get(0).asText()).isEqualTo("mali-surge");
    assertThat(before.path("rules").get(0).path("yaml").asText()).isEqualTo(RULES);

    String bad = "rules:\n  - {id: x, kind: acled-surge, countries: [MLI], severity: loud}\n";
    HttpResponse<String> refused = put("/api/v1/alerts/rules/mali-rules", bad);
    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(TestServer.json(refused).path("detail").asText())
        .contains("the request body")
        .contains("severity");
    assertThat(Files.readString(dir.resolve("watch/rules.yaml"))).isEqualTo(RULES);

    String next =
        "rules:\n  - {id: mali-threat, kind: acled-threat, countries: [MLI], severity: severe}\n";
    HttpResponse<String> replaced = put("/api/v1/alerts/rules/mali-rules", next);
    assertThat(replaced.statusCode()).as(replaced.body()).isEqualTo(200);
    assertThat(TestServer.json(replaced).path("ids").get(0).asText()).isEqualTo("mali-threat");
    assertThat(Files.readString(dir.resolve("watch/rules.yaml"))).isEqualTo(next);
    // Put back for the other tests.
    assertThat(put("/api/v1/alerts/rules/mali-rules", RULES).statusCode()).isEqualTo(200);
  }

  @Test
  void rulesPostedAreBackTestedOnTheStoreWithoutRecordingAnything() {
    HttpResponse<String> r =
        server.send(
            HttpRequest.newBuilder(server.uri("/api/v1/alerts/test?from=2025-01-01&to=2025-03-31"))
                .header("Authorization", "Bearer " + server.tokens.get(Role.ANALYST))
                .header("Content-Type", "application/yaml")
                .POST(HttpRequest.BodyPublishers.ofString(RULES))
                .build());

    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    JsonNode body = TestServer.json(r);
    // What the service gives on the same store, as the command line's alerts test prints it.
    JsonNode expected =
        AlertService.toJson(
            AlertService.test(
                server.store,
                RuleFile.parse(RULES, "rules"),
                new Period(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 3, 31)),
                CountryProfiles.shipped(),
                LocalDate.now(ZoneOffset.UTC)),
            false);
    assertThat(body).isEqualTo(expected);
    // The store's first Mali event is on 2024-12-31: the surge's five weeks of history leave
    // January out, and the notes say so rather than reading those days as quiet.
    assertThat(body.path("notes").toString()).contains("mali-surge");
    assertThat(server.store.alerts().list(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 3, 31), 10))
        .isEmpty();
    HttpResponse<String> tooLong =
        server.send(
            HttpRequest.newBuilder(server.uri("/api/v1/alerts/test?from=2010-01-01&to=2025-03-31"))
                .header("Authorization", "Bearer " + server.tokens.get(Role.ANALYST))
                .header("Content-Type", "application/yaml")
                .POST(HttpRequest.BodyPublishers.ofString(RULES))
                .build());
    assertThat(tooLong.statusCode()).isEqualTo(400);
  }

  private static HttpResponse<String> put(String path, String yaml) {
    return server.send(
        HttpRequest.newBuilder(server.uri(path))
            .header("Authorization", "Bearer " + server.tokens.get(Role.ADMIN))
            .header("Content-Type", "application/yaml")
            .PUT(HttpRequest.BodyPublishers.ofString(yaml))
            .build());
  }
}
