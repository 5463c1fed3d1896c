package org.harmattan.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.harmattan.engine.accounts.Role;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code lang=fr} over HTTP: the figures of a window carry French labels and the same values; a
 * brief job started in French is written in French, records its language and re-runs in it.
 */
class BriefLanguageApiTest {
  private static final String WINDOW = "country=MLI&from=2025-01-01&to=2025-03-31";

  @TempDir static Path dir;

  private static TestServer server;

  @BeforeAll
  static void start() {
    server = new TestServer(dir, TestServer.ACLED_FIXTURE);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void theFiguresOfAWindowInFrenchHaveTheSameValuesAndFrenchLabels() {
    Map<String, JsonNode> english = figures("/api/v1/figures?" + WINDOW);
    Map<String, JsonNode> french = figures("/api/v1/figures?" + WINDOW + "&lang=fr");
    assertThat(french.keySet()).isEqualTo(english.keySet());
    for (String id : english.keySet()) {
      assertThat(french.get(id).get("value")).as(id).isEqualTo(english.get(id).get("value"));
    }
    assertThat(english.get("events.total").get("label").asText()).isEqualTo("Events");
    assertThat(french.get("events.total").get("label").asText()).isEqualTo("Événements");
  }

  @Test
  void aBriefStartedInFrenchIsWrittenInFrenchAndRerunsInFrench() throws Exception {
    JsonNode job = started("/api/v1/briefs?" + WINDOW + "&lang=fr");
    assertThat(job.get("request").get("lang").asText()).isEqualTo("fr");
    String id = done(job.get("id").asText());
    String html = server.get("/api/v1/briefs/" + id + "/html", Role.VIEWER).body();
    assertThat(html).containsPattern("<html[^>]* lang=\"fr\"");
    JsonNode again = started("/api/v1/briefs/" + id + "/rerun");
    assertThat(again.get("request").get("lang").asText()).isEqualTo("fr");
    done(again.get("id").asText());
  }

  private static Map<String, JsonNode> figures(String path) {
    HttpResponse<String> r = server.get(path, Role.VIEWER);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    Map<String, JsonNode> byId = new LinkedHashMap<>();
    for (JsonNode f : TestServer.json(r).get("figures")) {
      byId.put(f.get("id").asText(), f);
    }
    return byId;
  }

  private static JsonNode started(String path) {
    HttpResponse<String> r =
        server.send(
            HttpRequest.newBuilder(server.uri(path))
                .header("Authorization", "Bearer " + server.tokens.get(Role.ANALYST))
                .POST(HttpRequest.BodyPublishers.noBody())
                .build());
    assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
    return TestServer.json(r);
  }

  private static String done(String id) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
    String status = "queued";
    while (!status.equals("done") && System.nanoTime() < deadline) {
      Thread.sleep(250);
      status =
          TestServer.json(server.get("/api/v1/briefs/" + id, Role.VIEWER)).get("status").asText();
      assertThat(status).isNotEqualTo("failed");
    }
    assertThat(status).isEqualTo("done");
    return id;
  }
}
