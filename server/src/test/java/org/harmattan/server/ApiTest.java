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
import org.harmattan.testsupport.acled.AcledCsv;
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
    assertThat(mliAcled(server)).isEqualTo(9); // 8 in the window and MLI9308 of 2024-12-31
    String extra =
        AcledCsv.HEADER
            + "\r\n"
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
    // The coverage, kept per store version, counts the new event too.
    assertThat(mliAcled(server)).isEqualTo(10);
  }

  private static long mliAcled(TestServer server) {
    for (JsonNode c :
        TestServer.json(server.get("/api/v1/coverage", Role.VIEWER)).get("coverage")) {
      if (c.get("country").asText().equals("MLI") && c.get("source").asText().equals("ACLED")) {
        return c.get("events").asLong();
      }
    }
    return 0;
  }

  @Test
  void aViewsCountryMonthUploadIsReadAsASeries(@TempDir Path own) {
    // A server of its own: the ingest changes the store the other tests count.
    try (TestServer seriesServer = new TestServer(own, TestServer.ACLED_FIXTURE)) {
      HttpResponse<String> r =
          upload(
              seriesServer,
              "cm_ged_sb.csv",
              "month_id,year,month,country_id,gwcode,isoab,name,ged_sb,source\r\n"
                  + "469,2019,1,50,432,MLI,Mali,32,v2_actuals\r\n"
                  + "470,2019,2,50,432,MLI,Mali,-1,v2_actuals\r\n");
      assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
      JsonNode file = TestServer.json(r).get("files").get(0);
      assertThat(file.get("path").asText()).isEqualTo("cm_ged_sb.csv");
      assertThat(file.get("format").asText()).isEqualTo("views-cm");
      assertThat(file.get("rowsRead").asLong()).isEqualTo(2);
      assertThat(file.get("inserted").asLong()).isEqualTo(1);
      assertThat(file.get("quarantined").asLong()).isEqualTo(1);
      assertThat(file.get("quarantinedRows").get(0).get("lineNumber").asLong()).isEqualTo(3);
      assertThat(
              TestServer.json(seriesServer.get("/api/v1/status", Role.VIEWER))
                  .get("seriesPoints")
                  .asLong())
          .isEqualTo(1);
    }
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

  @Test
  void figuresAreAlsoOneCsvRowEachUnderAnHxlRow() {
    JsonNode json =
        TestServer.json(server.get("/api/v1/figures?" + WINDOW + "&compare=2024", Role.VIEWER))
            .get("figures");
    HttpResponse<String> r =
        server.get("/api/v1/figures?" + WINDOW + "&compare=2024&format=csv", Role.VIEWER);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
    List<String> lines = r.body().lines().toList();
    assertThat(lines.get(0))
        .startsWith("# ")
        .contains("ACLED")
        .contains("may not be redistributed");
    List<List<String>> rows =
        org.harmattan.testsupport.PlainCsv.parse(String.join("\n", lines.subList(1, lines.size())));
    assertThat(rows.get(0)).startsWith("id", "label", "value", "unit", "from", "to");
    assertThat(rows.get(1)).startsWith("#indicator+code", "#indicator+name", "#indicator+num");
    assertThat(rows).hasSize(json.size() + 2);
    List<String> total =
        rows.stream().filter(row -> row.get(0).equals("events.total")).findFirst().orElseThrow();
    assertThat(total.get(2)).isEqualTo("8");
    assertThat(total.get(4)).isEqualTo("2025-01-01");
    assertThat(total.get(10)).isEqualTo("8");
    assertThat(total.get(11)).contains("acled-query-mix.csv");
    assertThat(total.get(9)).isEqualTo(find(json, "events.total").get("query").asText());
  }

  static JsonNode find(JsonNode figures, String id) {
    for (JsonNode f : figures) {
      if (f.get("id").asText().equals(id)) {
        return f;
      }
    }
    throw new AssertionError("no figure " + id + " in " + figures);
  }

  @Test
  void aSeriesCountsEventsAndDeathsPerMonthAndPerWeekFromMonday() {
    JsonNode months =
        TestServer.json(server.get("/api/v1/series?" + WINDOW + "&interval=month", Role.VIEWER));
    // January: MLI9301 (4) and MLI9302 (3); February: MLI9303 (2), 9304 (10), 9305 (6); March:
    // MLI9306 (0), 9307 (0), 9310 (1).
    assertThat(points(months))
        .containsExactly(
            "2025-01-01..2025-01-31 2 7",
            "2025-02-01..2025-02-28 3 18",
            "2025-03-01..2025-03-31 3 1");
    assertThat(months.get("events").asLong()).isEqualTo(8);
    assertThat(months.get("fatalities").asLong()).isEqualTo(26);
    assertThat(months.get("query").asText()).contains("MLI");
    JsonNode weeks =
        TestServer.json(server.get("/api/v1/series?" + WINDOW + "&interval=week", Role.VIEWER));
    // Weeks start on Mondays: 30 December (cut to 1 January) to 31 March, 14 in all; 5 January
    // is a Sunday, 3 February a Monday (two events), 1 March a Saturday.
    List<String> w = points(weeks);
    assertThat(w).hasSize(14);
    assertThat(w.get(0)).isEqualTo("2025-01-01..2025-01-05 1 4");
    assertThat(w).contains("2025-02-03..2025-02-09 2 12", "2025-02-24..2025-03-02 1 0");
    assertThat(w.get(13)).isEqualTo("2025-03-31..2025-03-31 1 1");
    JsonNode battles =
        TestServer.json(
            server.get(
                "/api/v1/series?" + WINDOW + "&interval=month&eventType=Battles", Role.VIEWER));
    assertThat(points(battles))
        .containsExactly(
            "2025-01-01..2025-01-31 1 4",
            "2025-02-01..2025-02-28 1 10",
            "2025-03-01..2025-03-31 0 0");
    HttpResponse<String> bad =
        server.get("/api/v1/series?" + WINDOW + "&interval=hour", Role.VIEWER);
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(TestServer.json(bad).get("parameter").asText()).isEqualTo("interval");
  }

  static List<String> points(JsonNode series) {
    List<String> out = new ArrayList<>();
    for (JsonNode p : series.get("points")) {
      out.add(
          p.get("start").asText()
              + ".."
              + p.get("end").asText()
              + " "
              + p.get("events").asLong()
              + " "
              + p.get("fatalities").asLong());
    }
    return out;
  }

  @Test
  void mapPointsComeDeadliestFirstWithNotesOnlyForAnalysts() {
    JsonNode viewer = TestServer.json(server.get("/api/v1/events/points?" + WINDOW, Role.VIEWER));
    assertThat(viewer.get("total").asLong()).isEqualTo(8);
    assertThat(viewer.get("features")).hasSize(8);
    JsonNode first = viewer.get("features").get(0);
    assertThat(first.get("id").asText()).isEqualTo("acled:MLI9304");
    assertThat(first.get("properties").get("fatalities").asLong()).isEqualTo(10);
    assertThat(first.get("geometry").get("coordinates").get(0).asDouble()).isEqualTo(-0.0447);
    for (JsonNode f : viewer.get("features")) {
      assertThat(f.get("properties").has("notes")).isFalse();
    }
    JsonNode analyst = TestServer.json(server.get("/api/v1/events/points?" + WINDOW, Role.ANALYST));
    assertThat(analyst.get("features").get(0).get("properties").get("notes").asText())
        .isEqualTo("Clash near Gao.");
    JsonNode two =
        TestServer.json(server.get("/api/v1/events/points?" + WINDOW + "&limit=2", Role.VIEWER));
    assertThat(two.get("total").asLong()).isEqualTo(8);
    assertThat(two.get("shown").asLong()).isEqualTo(2);
  }

  @Test
  void theOverviewHoldsEveryFigureOfTheBriefWithTheTextTheBriefPrints() {
    JsonNode overview =
        TestServer.json(server.get("/api/v1/overview?" + WINDOW + "&compare=2024", Role.VIEWER));
    JsonNode events = overview.get("figures").get("events.total");
    assertThat(events.get("value").asLong()).isEqualTo(8);
    assertThat(events.get("text").asText()).isEqualTo("8 events");
    assertThat(overview.get("figures").get("fatalities.total").get("text").asText())
        .isEqualTo("26 deaths");
    assertThat(overview.get("sections").get(0).get("id").asText()).isEqualTo("summary");
    JsonNode figures =
        TestServer.json(server.get("/api/v1/figures?" + WINDOW + "&compare=2024", Role.VIEWER))
            .get("figures");
    assertThat(overview.get("figures").size()).isEqualTo(figures.size());
    for (JsonNode f : figures) {
      JsonNode shown = overview.get("figures").get(f.get("id").asText());
      assertThat(shown.get("value")).as(f.get("id").asText()).isEqualTo(f.get("value"));
      assertThat(shown.get("records").asLong())
          .isEqualTo(f.get("citation").get("recordCount").asLong());
    }
  }

  @Test
  void anonymousVisitorsAreViewersWhenTheServerSaysSo(@TempDir Path own) {
    try (TestServer open =
        new TestServer(
            own, BriefService.Context.defaults(), Role.VIEWER, TestServer.ACLED_FIXTURE)) {
      HttpResponse<String> session = open.get("/api/v1/session", null);
      assertThat(session.statusCode()).isEqualTo(200);
      assertThat(TestServer.json(session).get("anonymous").asBoolean()).isTrue();
      assertThat(TestServer.json(session).get("role").asText()).isEqualTo("viewer");
      assertThat(open.get("/api/v1/overview?" + WINDOW, null).statusCode()).isEqualTo(200);
      HttpResponse<String> events = open.get("/api/v1/events?" + WINDOW, null);
      assertThat(events.statusCode()).isEqualTo(403);
      assertThat(TestServer.json(events).get("detail").asText())
          .contains("sign in (anonymous visitors are viewers)");
      assertThat(open.get("/api/v1/users", null).statusCode()).isEqualTo(403);
      // A signed-in analyst is still an analyst; a bad token is still refused.
      assertThat(open.get("/api/v1/events?" + WINDOW, Role.ANALYST).statusCode()).isEqualTo(200);
      HttpResponse<String> bad =
          open.send(
              HttpRequest.newBuilder(open.uri("/api/v1/overview?" + WINDOW))
                  .header("Authorization", "Bearer hmt_not_a_token")
                  .build());
      assertThat(bad.statusCode()).isEqualTo(401);
    }
    // Without the option, a visitor needs an account.
    assertThat(server.get("/api/v1/overview?" + WINDOW, null).statusCode()).isEqualTo(401);
  }

  @Test
  void theDashboardAndItsPackagesAreServedFromTheServerItself() {
    HttpResponse<String> page = server.get("/", null);
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
    // Everything the page loads comes from this server: no CDN, no tile server, no web font.
    List<String> addresses = new ArrayList<>();
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile("(?:src|href)=\"([^\"]+)\"").matcher(page.body());
    while (m.find()) {
      if (!m.group(1).startsWith("#")) {
        addresses.add(m.group(1));
      }
    }
    assertThat(addresses).isNotEmpty().allMatch(a -> a.startsWith("/") && !a.startsWith("//"));
    for (String a : addresses) {
      assertThat(server.get(a, null).statusCode()).as(a).isEqualTo(200);
    }
    assertThat(server.get("/assets/app.js", null).body().replace("http://www.w3.org/2000/svg", ""))
        .doesNotContain("http://", "https://")
        .contains("/api/v1/overview");
  }
}
