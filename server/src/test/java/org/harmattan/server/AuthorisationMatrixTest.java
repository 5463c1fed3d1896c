package org.harmattan.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.harmattan.engine.accounts.Role;
import org.harmattan.server.api.ApiRoute;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every route, called with no credentials, a bad token, and a token of each role: the status must
 * be exactly the one this table gives. A route missing from the table fails the test.
 */
class AuthorisationMatrixTest {
  private static final String WINDOW = "country=MLI&from=2025-01-01&to=2025-03-31";
  private static final String CLAIMS =
      "{\"claims\":[{\"id\":\"c1\",\"figure\":\"events.total\",\"country\":\"MLI\","
          + "\"from\":\"2025-01-01\",\"to\":\"2025-03-31\",\"value\":8}]}";
  private static final String RULES =
      "rules:\n  - {id: mali-surge, kind: acled-surge, countries: [MLI], severity: moderate}\n";
  private static final String SIGN_IN =
      "{\"name\":\"signer\",\"password\":\"correct horse battery staple\"}";

  @TempDir static Path dir;
  static TestServer server;
  static String briefId;
  static String chart;
  static final AtomicInteger NAMES = new AtomicInteger();

  /**
   * One row: the request and the status for no credentials, a bad token, viewer, analyst, admin.
   */
  record Row(
      String method,
      String template,
      String path,
      String body,
      String type,
      List<Integer> status) {}

  static List<Integer> s(int none, int bad, int viewer, int analyst, int admin) {
    return List.of(none, bad, viewer, analyst, admin);
  }

  private static final Role[] ROLES = {Role.VIEWER, Role.ANALYST, Role.ADMIN};

  @BeforeAll
  static void start() throws Exception {
    server = new TestServer(dir, TestServer.ACLED_FIXTURE);
    HttpResponse<String> started =
        server.send(
            HttpRequest.newBuilder(server.uri("/api/v1/briefs?" + WINDOW))
                .header("Authorization", "Bearer " + server.tokens.get(Role.ANALYST))
                .POST(HttpRequest.BodyPublishers.noBody())
                .build());
    assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
    briefId = TestServer.json(started).get("id").asText();
    long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
    String status = "queued";
    while (!status.equals("done") && System.nanoTime() < deadline) {
      Thread.sleep(250);
      status =
          TestServer.json(server.get("/api/v1/briefs/" + briefId, Role.VIEWER))
              .get("status")
              .asText();
      assertThat(status).isNotEqualTo("failed");
    }
    assertThat(status).isEqualTo("done");
    chart =
        TestServer.json(server.get("/api/v1/briefs/" + briefId, Role.VIEWER))
            .get("charts")
            .get(0)
            .asText();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  static List<Row> table() {
    String b = "/api/v1/briefs/" + briefId;
    List<Row> t = new ArrayList<>();
    t.add(get("/api/v1/health", "/api/v1/health", s(200, 200, 200, 200, 200)));
    t.add(get("/api/problems/{code}", "/api/problems/bad_parameter", s(200, 200, 200, 200, 200)));
    t.add(get("/api/v1/status", "/api/v1/status", s(401, 401, 200, 200, 200)));
    t.add(get("/api/v1/coverage", "/api/v1/coverage", s(401, 401, 200, 200, 200)));
    t.add(get("/api/v1/quarantine", "/api/v1/quarantine", s(401, 401, 403, 403, 200)));
    t.add(
        new Row(
            "POST",
            "/api/v1/session",
            "/api/v1/session",
            SIGN_IN,
            "application/json",
            s(200, 200, 200, 200, 200)));
    t.add(get("/api/v1/session", "/api/v1/session", s(401, 401, 200, 200, 200)));
    t.add(
        new Row(
            "DELETE",
            "/api/v1/session",
            "/api/v1/session",
            null,
            null,
            s(401, 401, 204, 204, 204)));
    t.add(get("/api/v1/users", "/api/v1/users", s(401, 401, 403, 403, 200)));
    t.add(
        new Row(
            "POST",
            "/api/v1/users",
            "/api/v1/users",
            "NEW_USER",
            "application/json",
            s(401, 401, 403, 403, 201)));
    t.add(
        post(
            "/api/v1/users/{name}/disable",
            "/api/v1/users/signer/disable",
            s(401, 401, 403, 403, 200)));
    t.add(
        post(
            "/api/v1/users/{name}/enable",
            "/api/v1/users/signer/enable",
            s(401, 401, 403, 403, 200)));
    t.add(
        post(
            "/api/v1/users/{name}/tokens",
            "/api/v1/users/signer/tokens",
            s(401, 401, 403, 403, 201)));
    t.add(get("/api/v1/figures", "/api/v1/figures?" + WINDOW, s(401, 401, 200, 200, 200)));
    t.add(
        get(
            "/api/v1/figures/{id}",
            "/api/v1/figures/events.total?" + WINDOW,
            s(401, 401, 200, 200, 200)));
    t.add(get("/api/v1/events", "/api/v1/events?" + WINDOW, s(401, 401, 403, 200, 200)));
    t.add(
        get(
            "/api/v1/events/points",
            "/api/v1/events/points?" + WINDOW,
            s(401, 401, 200, 200, 200)));
    t.add(get("/api/v1/series", "/api/v1/series?" + WINDOW, s(401, 401, 200, 200, 200)));
    t.add(get("/api/v1/overview", "/api/v1/overview?" + WINDOW, s(401, 401, 200, 200, 200)));
    t.add(get("/api/v1/admin1", "/api/v1/admin1?country=MLI", s(401, 401, 200, 200, 200)));
    t.add(get("/api/v1/warnings", "/api/v1/warnings?" + WINDOW, s(401, 401, 200, 200, 200)));
    t.add(post("/api/v1/briefs", "/api/v1/briefs?" + WINDOW, s(401, 401, 403, 202, 202)));
    t.add(get("/api/v1/briefs", "/api/v1/briefs", s(401, 401, 200, 200, 200)));
    t.add(get("/api/v1/briefs/{id}", b, s(401, 401, 200, 200, 200)));
    t.add(post("/api/v1/briefs/{id}/rerun", b + "/rerun", s(401, 401, 403, 202, 202)));
    t.add(get("/api/v1/briefs/{id}/{document}", b + "/pdf", s(401, 401, 200, 200, 200)));
    t.add(
        get(
            "/api/v1/briefs/{id}/charts/{name}",
            b + "/charts/" + chart,
            s(401, 401, 200, 200, 200)));
    t.add(
        new Row(
            "POST",
            "/api/v1/claims",
            "/api/v1/claims",
            CLAIMS,
            "application/json",
            s(401, 401, 403, 200, 200)));
    t.add(
        new Row(
            "POST",
            "/api/v1/ingest",
            "/api/v1/ingest",
            "UPLOAD",
            null,
            s(401, 401, 403, 200, 200)));
    t.add(get("/api/v1/actors", "/api/v1/actors", s(401, 401, 200, 200, 200)));
    t.add(get("/api/v1/actors/names", "/api/v1/actors/names", s(401, 401, 200, 200, 200)));
    t.add(get("/api/v1/advisories", "/api/v1/advisories?country=MLI", s(401, 401, 200, 200, 200)));
    // The fixture's three months are too few to forecast from: a viewer reaches the answer (400).
    t.add(get("/api/v1/forecasts", "/api/v1/forecasts?country=MLI", s(401, 401, 400, 400, 400)));
    t.add(get("/api/v1/alerts", "/api/v1/alerts", s(401, 401, 200, 200, 200)));
    t.add(get("/api/v1/alerts/feed", "/api/v1/alerts/feed", s(401, 401, 200, 200, 200)));
    // No rule has run on the fixture's store: a viewer reaches the answer (404).
    String alert = "/api/v1/alerts/mali-surge:MLI:mopti:2026-01-05";
    t.add(get("/api/v1/alerts/{id}", alert, s(401, 401, 404, 404, 404)));
    t.add(get("/api/v1/alerts/{id}/cap", alert + "/cap", s(401, 401, 404, 404, 404)));
    t.add(
        new Row(
            "POST",
            "/api/v1/alerts/test",
            "/api/v1/alerts/test?from=2025-03-01&to=2025-03-31",
            RULES,
            "application/yaml",
            s(401, 401, 403, 200, 200)));
    t.add(get("/api/v1/alerts/rules", "/api/v1/alerts/rules", s(401, 401, 403, 200, 200)));
    // This server runs no watch: an admin reaches the answer (404, no such job).
    t.add(
        new Row(
            "PUT",
            "/api/v1/alerts/rules/{job}",
            "/api/v1/alerts/rules/mali-rules",
            RULES,
            "application/yaml",
            s(401, 401, 403, 403, 404)));
    t.add(get("/api/v1/watch", "/api/v1/watch", s(401, 401, 403, 200, 200)));
    return t;
  }

  static Row get(String template, String path, List<Integer> status) {
    return new Row("GET", template, path, null, null, status);
  }

  static Row post(String template, String path, List<Integer> status) {
    return new Row("POST", template, path, null, null, status);
  }

  @Test
  void everyRouteIsInTheTable() {
    Set<String> inTable = new HashSet<>();
    for (Row r : table()) {
      inTable.add(r.method() + " " + r.template());
    }
    Set<String> served = new HashSet<>();
    for (ApiRoute r : server.server.routes()) {
      served.add(r.method().name() + " " + r.path());
    }
    assertThat(inTable).containsExactlyInAnyOrderElementsOf(served);
  }

  @Test
  void everyCallerGetsExactlyTheStatusOfTheTable() throws Exception {
    List<String> wrong = new ArrayList<>();
    String[] callers = {"none", "bad token", "viewer", "analyst", "admin"};
    for (Row row : table()) {
      for (int i = 0; i < callers.length; i++) {
        HttpRequest.Builder b = HttpRequest.newBuilder(server.uri(row.path()));
        if (i == 1) {
          b.header("Authorization", "Bearer hmt_AAAAAAAAAAAA_" + "x".repeat(43));
        } else if (i >= 2) {
          b.header("Authorization", "Bearer " + server.tokens.get(ROLES[i - 2]));
        }
        body(b, row);
        HttpResponse<String> r = server.send(b.build());
        if (r.statusCode() != row.status().get(i)) {
          wrong.add(
              row.method()
                  + " "
                  + row.path()
                  + " as "
                  + callers[i]
                  + ": "
                  + r.statusCode()
                  + " (expected "
                  + row.status().get(i)
                  + ") "
                  + r.body());
        }
        if (r.statusCode() == 401 || r.statusCode() == 403) {
          assertThat(r.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        }
      }
    }
    assertThat(wrong).isEmpty();
  }

  private static void body(HttpRequest.Builder b, Row row) throws Exception {
    if ("UPLOAD".equals(row.body())) {
      String boundary = "harmattan-test-boundary";
      byte[] file = Files.readAllBytes(dir.resolve("acled-query-mix.csv"));
      String head =
          "--"
              + boundary
              + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"acled.csv\"\r\n"
              + "Content-Type: text/csv\r\n\r\n";
      String tail = "\r\n--" + boundary + "--\r\n";
      byte[] all =
          concat(
              head.getBytes(StandardCharsets.UTF_8), file, tail.getBytes(StandardCharsets.UTF_8));
      b.header("Content-Type", "multipart/form-data; boundary=" + boundary)
          .POST(HttpRequest.BodyPublishers.ofByteArray(all));
      return;
    }
    String body = row.body();
    if ("NEW_USER".equals(body)) {
      body = "{\"name\":\"new-" + NAMES.incrementAndGet() + "\",\"role\":\"viewer\"}";
    }
    if (row.type() != null) {
      b.header("Content-Type", row.type());
    }
    b.method(
        row.method(),
        body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body));
  }

  static byte[] concat(byte[]... parts) {
    int n = 0;
    for (byte[] p : parts) {
      n += p.length;
    }
    byte[] out = new byte[n];
    int at = 0;
    for (byte[] p : parts) {
      System.arraycopy(p, 0, out, at, p.length);
      at += p.length;
    }
    return out;
  }
}
