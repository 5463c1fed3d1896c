package org.harmattan.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.harmattan.engine.accounts.Role;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every user error is an RFC 9457 problem naming what was wrong and what was expected. */
class ProblemDetailsTest {
  @TempDir static Path dir;
  static TestServer server;

  @BeforeAll
  static void start() {
    server = new TestServer(dir, TestServer.ACLED_FIXTURE);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "unknown country|/api/v1/figures?country=XYZ&from=2025-01-01&to=2025-03-31|400|bad_parameter|country",
        "reversed period|/api/v1/figures?country=MLI&from=2025-03-31&to=2025-01-01|400|bad_parameter|to",
        "not a date|/api/v1/figures?country=MLI&from=2025-13-01&to=2025-03-31|400|bad_parameter|from",
        "missing window|/api/v1/figures?country=MLI|400|bad_parameter|from",
        "compare across years|/api/v1/figures?country=MLI&from=2024-06-01&to=2025-03-31&compare=2023|400|bad_parameter|compare",
        "unknown source|/api/v1/figures?country=MLI&from=2025-01-01&to=2025-03-31&source=XYZ|400|bad_parameter|source",
        "unknown language|/api/v1/figures?country=MLI&from=2025-01-01&to=2025-03-31&lang=de|400|bad_parameter|lang",
        "unknown figure|/api/v1/figures/no.such.figure?country=MLI&from=2025-01-01&to=2025-03-31|404|not_found|",
        "unknown actor|/api/v1/figures?country=MLI&from=2025-01-01&to=2025-03-31&actor=nobody|400|unknown_actor|",
        "malformed bbox|/api/v1/events?country=MLI&from=2025-01-01&to=2025-03-31&bbox=1,2,3|400|bad_parameter|bbox",
        "reversed bbox|/api/v1/events?country=MLI&from=2025-01-01&to=2025-03-31&bbox=10,0,-10,5|400|bad_parameter|bbox",
        "page over the limit|/api/v1/events?country=MLI&from=2025-01-01&to=2025-03-31&limit=5000|400|bad_parameter|limit",
        "unknown sort|/api/v1/events?country=MLI&from=2025-01-01&to=2025-03-31&sort=colour|400|bad_parameter|sort",
        "unknown field|/api/v1/events?country=MLI&from=2025-01-01&to=2025-03-31&fields=id,colour|400|bad_parameter|fields",
        "format not offered|/api/v1/events?country=MLI&from=2025-01-01&to=2025-03-31&format=xml|406|not_acceptable|format",
        "unknown brief|/api/v1/briefs/00000000-0000-0000-0000-000000000000|404|not_found|",
        "no such route|/api/v1/nothing-here|404|not_found|",
        "quarantine limit|/api/v1/quarantine?limit=0|400|bad_parameter|limit",
      })
  void aBadRequestIsAProblemNamingItsParameter(
      String what, String path, int status, String code, String parameter) {
    HttpResponse<String> r = server.get(path, Role.ADMIN);
    assertProblem(r, status, code);
    JsonNode p = TestServer.json(r);
    if (parameter != null) {
      assertThat(p.get("parameter").asText()).isEqualTo(parameter);
      assertThat(p.get("expected").asText()).isNotBlank();
    }
  }

  @Test
  void aMethodARouteDoesNotAnswerIs405() {
    HttpResponse<String> r =
        server.send(HttpRequest.newBuilder(server.uri("/api/v1/health")).DELETE().build());
    assertProblem(r, 405, "method_not_allowed");
  }

  @Test
  void aBodyThatIsNotJsonIs400WithItsPosition() {
    HttpResponse<String> r =
        server.send(
            HttpRequest.newBuilder(server.uri("/api/v1/session"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\": "))
                .build());
    assertProblem(r, 400, "bad_parameter");
    assertThat(TestServer.json(r).get("detail").asText()).contains("line 1");
  }

  @Test
  void aJsonBodyOverTheLimitIs413() {
    String big = "{\"claims\":[],\"pad\":\"" + "x".repeat(2 * 1024 * 1024) + "\"}";
    HttpResponse<String> r =
        server.send(
            HttpRequest.newBuilder(server.uri("/api/v1/claims"))
                .header("Authorization", "Bearer " + server.tokens.get(Role.ANALYST))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(big))
                .build());
    assertProblem(r, 413, "body_too_large");
  }

  @Test
  void anUploadThatIsNotMultipartIs415() {
    HttpResponse<String> r =
        server.send(
            HttpRequest.newBuilder(server.uri("/api/v1/ingest"))
                .header("Authorization", "Bearer " + server.tokens.get(Role.ANALYST))
                .header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofString("a,b\n1,2\n"))
                .build());
    assertProblem(r, 415, "unsupported_media_type");
  }

  @Test
  void untrustedTextIsNeverReflectedAsMarkup() {
    String evil = "%3Cscript%3Ealert(1)%3C%2Fscript%3E";
    HttpResponse<String> r =
        server.get(
            "/api/v1/figures?country=" + evil + "&from=2025-01-01&to=2025-03-31", Role.VIEWER);
    assertProblem(r, 400, "bad_parameter");
    // The problem is JSON (never text/html), so a browser cannot run what it echoes.
    assertThat(r.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(r.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
  }

  @Test
  void everyResponseCarriesTheSecurityHeaders() {
    for (String path : new String[] {"/api/v1/health", "/api/v1/nothing", "/api/docs"}) {
      HttpResponse<String> r = server.get(path, null);
      assertThat(r.headers().firstValue("Content-Security-Policy"))
          .get()
          .asString()
          .contains("default-src 'self'")
          .contains("frame-ancestors 'none'");
      assertThat(r.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
      assertThat(r.headers().firstValue("X-Frame-Options")).hasValue("DENY");
    }
  }

  @Test
  void theTypeOfAProblemIsServedWithItsMeaning() {
    HttpResponse<String> r = server.get("/api/problems/unknown_actor", null);
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(TestServer.json(r).get("title").asText())
        .isEqualTo("No actor of the registry has the id");
  }

  static void assertProblem(HttpResponse<String> r, int status, String code) {
    assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
    assertThat(r.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    JsonNode p = TestServer.json(r);
    assertThat(p.get("status").asInt()).isEqualTo(status);
    assertThat(p.get("code").asText()).isEqualTo(code);
    assertThat(p.get("type").asText()).isEqualTo("/api/problems/" + code);
    assertThat(p.get("title").asText()).isNotBlank();
    assertThat(p.get("detail").asText())
        .isNotBlank()
        .doesNotContain("Exception")
        .doesNotContain("\tat ");
  }
}
