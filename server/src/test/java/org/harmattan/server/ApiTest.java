package org.harmattan.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.harmattan.engine.accounts.Role;
import org.harmattan.reference.profile.CountryProfiles;
import org.harmattan.service.brief.BriefService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the API answers, checked against the fixture counted by hand: the contract suite's ACLED
 * file holds 8 Mali events from 2025-01-01 to 2025-03-31 (MLI9301–9307 and MLI9310) with 4 + 3 + 2
 * + 10 + 6 + 0 + 0 + 1 = 26 deaths; MLI9308 (2024-12-31, 1 death) is the only 2024 event.
 */
class ApiTest {
  static final String WINDOW = "country=MLI&from=2025-01-01&to=2025-03-31";

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

  @Test
  void figuresAreTheBriefsFigureObjectsWithCitationsAndAttribution() {
    HttpResponse<String> r = server.get("/api/v1/figures?" + WINDOW + "&compare=2024", Role.VIEWER);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    JsonNode body = TestServer.json(r);
    JsonNode total = find(body.get("figures"), "events.total");
    assertThat(total.get("value").asLong()).isEqualTo(8);
    assertThat(total.get("citation").get("recordCount").asLong()).isEqualTo(8);
    assertThat(total.get("citation").get("sources").get(0).get("dataset").asText())
        .isEqualTo("acled-query-mix.csv");
    assertThat(find(body.get("figures"), "fatalities.total").get("value").asLong()).isEqualTo(26);
    // The same months of 2024 hold no Mali event: MLI9308 is on 2024-12-31.
    assertThat(find(body.get("figures"), "compare.events.total").get("value").asLong()).isZero();
    assertThat(
            find(body.get("figures"), "change.events.total").get("comparison").get("from").asText())
        .isEqualTo("2024-01-01");
    assertThat(body.get("attribution").get(0).get("source").asText()).isEqualTo("ACLED");
    assertThat(r.headers().firstValue("X-Attribution").orElseThrow()).contains("ACLED");
    HttpResponse<String> one =
        server.get("/api/v1/figures/fatalities.total?" + WINDOW, Role.VIEWER);
    assertThat(TestServer.json(one).get("figure").get("value").asLong()).isEqualTo(26);
  }

  @Test
  void eventsArePagedWithATotalAndLinksToTheNextPage() {
    JsonNode first =
        TestServer.json(server.get("/api/v1/events?" + WINDOW + "&limit=3", Role.ANALYST));
    assertThat(first.get("total").asLong()).isEqualTo(8);
    assertThat(ids(first.get("events")))
        .containsExactly("acled:MLI9301", "acled:MLI9302", "acled:MLI9303");
    String next = first.get("next").asText();
    assertThat(next).contains("page=2").contains("limit=3");
    JsonNode second = TestServer.json(server.get(next, Role.ANALYST));
    assertThat(ids(second.get("events")))
        .containsExactly("acled:MLI9304", "acled:MLI9305", "acled:MLI9306");
    JsonNode third =
        TestServer.json(server.get("/api/v1/events?" + WINDOW + "&limit=3&page=3", Role.ANALYST));
    assertThat(ids(third.get("events"))).containsExactly("acled:MLI9307", "acled:MLI9310");
    assertThat(third.get("next").isNull()).isTrue();
    assertThat(third.get("attribution").get(0).get("rawRowsRedistributable").asBoolean()).isFalse();
  }

  @Test
  void eventsAreFilteredSortedAndCutToTheFieldsAsked() {
    assertThat(ids(events("&eventType=Battles"))).containsExactly("acled:MLI9301", "acled:MLI9304");
    assertThat(ids(events("&bbox=-4.5,14,-3.5,14.6")))
        .containsExactly("acled:MLI9301", "acled:MLI9302");
    assertThat(ids(events("&minFatalities=5"))).containsExactly("acled:MLI9304", "acled:MLI9305");
    assertThat(ids(events("&admin1=Segou&subEventType=Attack"))).containsExactly("acled:MLI9305");
    assertThat(ids(events("&near=12.65,-8.0,10"))).containsExactly("acled:MLI9306");
    assertThat(ids(events("&sort=-fatalities&limit=3")))
        .containsExactly("acled:MLI9304", "acled:MLI9305", "acled:MLI9301");
    JsonNode cut = events("&fields=id,fatalities&limit=1").get(0);
    assertThat(cut.fieldNames()).toIterable().containsExactly("id", "fatalities");
    assertThat(cut.get("fatalities").asInt()).isEqualTo(4);
  }

  @Test
  void eventsComeAsCsvWithTheTermsAndAnHxlRow() {
    HttpResponse<String> r = server.get("/api/v1/events?" + WINDOW + "&format=csv", Role.ANALYST);
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
    String[] lines = r.body().split("\r\n", -1);
    assertThat(lines[0])
        .startsWith("# Armed Conflict Location")
        .contains("may not be redistributed");
    assertThat(lines[1]).startsWith("id,source,sourceEventId,date,eventType");
    assertThat(lines[2]).startsWith("#event+id,#meta+source");
    assertThat(lines[3]).startsWith("acled:MLI9301,ACLED,MLI9301,2025-01-05,Battles,Armed clash");
    // 1 terms line, the header, the HXL row, 8 events and the empty string after the last line end.
    assertThat(lines).hasSize(12);
    assertThat(r.headers().firstValue("X-Attribution").orElseThrow()).contains("ACLED");
  }

  @Test
  void eventsComeAsGeoJsonPointsInLongitudeLatitudeOrder() {
    HttpResponse<String> r =
        server.send(
            HttpRequest.newBuilder(server.uri("/api/v1/events?" + WINDOW))
                .header("Authorization", "Bearer " + server.tokens.get(Role.ANALYST))
                .header("Accept", "application/geo+json")
                .build());
    assertThat(r.headers().firstValue("Content-Type").orElseThrow())
        .startsWith("application/geo+json");
    JsonNode fc = TestServer.json(r);
    assertThat(fc.get("features")).hasSize(8);
    JsonNode first = fc.get("features").get(0);
    assertThat(first.get("geometry").get("coordinates").get(0).asDouble()).isEqualTo(-4.1827);
    assertThat(first.get("geometry").get("coordinates").get(1).asDouble()).isEqualTo(14.4843);
    assertThat(first.get("properties").get("location").asText()).isEqualTo("Mopti");
  }

  static JsonNode events(String filter) {
    HttpResponse<String> r = server.get("/api/v1/events?" + WINDOW + filter, Role.ANALYST);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return TestServer.json(r).get("events");
  }

  static List<String> ids(JsonNode events) {
    List<String> out = new ArrayList<>();
    events.forEach(e -> out.add(e.get("id").asText()));
    return out;
  }

  @Test
  void figuresAreSentCompressedToClientsThatAcceptGzip() throws Exception {
    String path = "/api/v1/figures?" + WINDOW;
    HttpResponse<byte[]> zipped =
        server.http.send(
            HttpRequest.newBuilder(server.uri(path))
                .header("Authorization", "Bearer " + server.tokens.get(Role.VIEWER))
                .header("Accept-Encoding", "gzip")
                .build(),
            HttpResponse.BodyHandlers.ofByteArray());
    assertThat(zipped.headers().firstValue("Content-Encoding")).hasValue("gzip");
    byte[] plain;
    try (var in =
        new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(zipped.body()))) {
      plain = in.readAllBytes();
    }
    assertThat(new String(plain, java.nio.charset.StandardCharsets.UTF_8))
        .isEqualTo(server.get(path, Role.VIEWER).body());
  }

  @Test
  void claimsGetVerdictsWithTheComputedCitedFigure() {
    String yaml =
        "claims:\n"
            + "  - {id: right, figure: events.total, country: MLI, from: 2025-01-01,"
            + " to: 2025-03-31, value: 8}\n"
            + "  - {id: wrong, figure: fatalities.total, country: MLI, from: 2025-01-01,"
            + " to: 2025-03-31, value: 40}\n";
    HttpResponse<String> r =
        server.send(
            HttpRequest.newBuilder(server.uri("/api/v1/claims"))
                .header("Authorization", "Bearer " + server.tokens.get(Role.ANALYST))
                .header("Content-Type", "application/yaml")
                .POST(HttpRequest.BodyPublishers.ofString(yaml))
                .build());
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    JsonNode claims = TestServer.json(r).get("claims");
    assertThat(claims.get(0).get("verdict").asText()).isEqualTo("supported");
    assertThat(claims.get(0).get("computed").asLong()).isEqualTo(8);
    assertThat(claims.get(1).get("verdict").asText()).isEqualTo("contradicted");
    assertThat(claims.get(1).get("computed").asLong()).isEqualTo(26);
  }

  @Test
  void aSignedInSessionNeedsItsCsrfTokenToChangeAnything() {
    HttpResponse<String> in =
        server.send(
            HttpRequest.newBuilder(server.uri("/api/v1/session"))
                .header("Content-Type", "application/json")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "{\"name\":\"signer\",\"password\":\"correct horse battery staple\"}"))
                .build());
    assertThat(in.statusCode()).as(in.body()).isEqualTo(200);
    String cookie = in.headers().firstValue("Set-Cookie").orElseThrow();
    assertThat(cookie).contains("HttpOnly").contains("SameSite=Strict");
    String session = cookie.substring(0, cookie.indexOf(';'));
    String csrf = TestServer.json(in).get("csrf").asText();
    HttpResponse<String> who =
        server.send(
            HttpRequest.newBuilder(server.uri("/api/v1/session"))
                .header("Cookie", session)
                .build());
    assertThat(TestServer.json(who).get("user").asText()).isEqualTo("signer");
    String claims =
        "{\"claims\":[{\"id\":\"c\",\"figure\":\"events.total\",\"country\":\"MLI\","
            + "\"from\":\"2025-01-01\",\"to\":\"2025-03-31\",\"value\":8}]}";
    HttpRequest.Builder post =
        HttpRequest.newBuilder(server.uri("/api/v1/claims"))
            .header("Cookie", session)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(claims));
    HttpResponse<String> forged = server.send(post.build());
    ProblemDetailsTest.assertProblem(forged, 403, "csrf");
    HttpResponse<String> ok = server.send(post.header("X-CSRF-Token", csrf).build());
    assertThat(ok.statusCode()).as(ok.body()).isEqualTo(200);
  }

  @Test
  void repeatedWrongPasswordsAreSlowedDown() {
    List<Integer> statuses = new ArrayList<>();
    for (int i = 0; i < 7; i++) {
      statuses.add(
          server
              .send(
                  HttpRequest.newBuilder(server.uri("/api/v1/session"))
                      .header("Content-Type", "application/json")
                      .POST(
                          HttpRequest.BodyPublishers.ofString(
                              "{\"name\":\"viewer-user\",\"password\":\"not the password\"}"))
                      .build())
              .statusCode());
    }
    // Five failures are free (401); the sixth starts a wait, so the seventh is refused (429).
    assertThat(statuses).containsExactly(401, 401, 401, 401, 401, 401, 429);
  }

  @Test
  void anIngestAnswersTheRowAccountingAndRefreshesTheFigures(@TempDir Path own) {
    // A server of its own: the ingest changes the store the other tests count.
    try (TestServer server = new TestServer(own, TestServer.ACLED_FIXTURE)) {
      ingestAndRecount(server);
    }
  }

  private static void ingestAndRecount(TestServer server) {
    assertThat(
            find(
                    TestServer.json(server.get("/api/v1/figures?" + WINDOW, Role.VIEWER))
                        .get("figures"),
                    "events.total")
                .get("value")
                .asLong())
        .isEqualTo(8);
    String extra =
        "event_id_cnty,event_date,year,time_precision,disorder_type,event_type,sub_event_type,"
            + "actor1,assoc_actor_1,inter1,actor2,assoc_actor_2,inter2,interaction,"
            + "civilian_targeting,iso,region,country,admin1,admin2,admin3,location,latitude,"
            + "longitude,geo_precision,source,source_scale,notes,fatalities,tags,timestamp\r\n"
            + "MLI9399,2025-03-15,2025,1,Political violence,Battles,Armed clash,"
            + "Military Forces of Mali (2021-),,1,JNIM: Group for Support of Islam and Muslims,,2,"
            + "12,,466,Western Africa,Mali,Mopti,Mopti,Mopti,Sevare,14.53,-4.09,1,Local source,"
            + "Subnational,Clash near Sevare.,5,,1741000000\r\n"
            + "MLI9398,2025-03-16,2025,1,Political violence,Battles,Armed clash,,,1,,,2,12,,466,"
            + "Western Africa,Mali,Mopti,Mopti,Mopti,Sevare,14.53,-4.09,1,Local source,"
            + "Subnational,No actor.,1,,1741000000\r\n";
    HttpResponse<String> r = upload(server, "extra.csv", extra);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    JsonNode file = TestServer.json(r).get("files").get(0);
    assertThat(file.get("path").asText()).isEqualTo("extra.csv");
    assertThat(file.get("rowsRead").asLong()).isEqualTo(2);
    assertThat(file.get("inserted").asLong()).isEqualTo(1);
    assertThat(file.get("quarantined").asLong()).isEqualTo(1);
    assertThat(
            find(
                    TestServer.json(server.get("/api/v1/figures?" + WINDOW, Role.VIEWER))
                        .get("figures"),
                    "events.total")
                .get("value")
                .asLong())
        .isEqualTo(9);
  }

  @Test
  void anUploadOfAnUnknownFormatIsRefusedWithItsReason() {
    HttpResponse<String> r = upload(server, "notes.csv", "colour,size\nred,3\n");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(422);
    JsonNode file = TestServer.json(r).get("files").get(0);
    assertThat(file.get("path").asText()).isEqualTo("notes.csv");
    assertThat(file.get("error").get("message").asText())
        .startsWith("notes.csv")
        .doesNotContain("uploads");
  }

  @Test
  void advisoriesComeFromTheServersSnapshotsWithTheirChanges(@TempDir Path own) {
    Path fixtures = Path.of("../ingest/src/test/resources/advisories");
    BriefService.Context context =
        new BriefService.Context(
            CountryProfiles.shipped(),
            null,
            null,
            List.of(
                fixtures.resolve("de-travelwarning-mali-2025-06.json"),
                fixtures.resolve("de-travelwarning-mali-2025-11.json")));
    try (TestServer server = new TestServer(own, context, TestServer.ACLED_FIXTURE)) {
      HttpResponse<String> r = server.get("/api/v1/advisories?country=Mali", Role.VIEWER);
      assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
      JsonNode j = TestServer.json(r);
      assertThat(j.get("country").asText()).isEqualTo("MLI");
      assertThat(j.get("snapshots").asInt()).isEqualTo(2);
      assertThat(j.get("advisories").get(0).get("government").asText()).isEqualTo("de");
      assertThat(j.get("advisories").get(0).get("level").asInt()).isEqualTo(4);
      assertThat(j.get("changes").findValuesAsText("kind"))
          .contains("level_raised", "leave_now_added");
    }
  }

  static HttpResponse<String> upload(TestServer server, String name, String content) {
    String boundary = "b0undary";
    String body =
        "--"
            + boundary
            + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
            + name
            + "\"\r\nContent-Type: text/csv\r\n\r\n"
            + content
            + "\r\n--"
            + boundary
            + "--\r\n";
    return server.send(
        HttpRequest.newBuilder(server.uri("/api/v1/ingest"))
            .header("Authorization", "Bearer " + server.tokens.get(Role.ANALYST))
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build());
  }

  static JsonNode find(JsonNode figures, String id) {
    for (JsonNode f : figures) {
      if (f.get("id").asText().equals(id)) {
        return f;
      }
    }
    throw new AssertionError("no figure " + id + " in " + figures);
  }
}
