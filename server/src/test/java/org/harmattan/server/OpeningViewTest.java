package org.harmattan.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.harmattan.domain.figure.Period;
import org.harmattan.engine.accounts.Role;
import org.harmattan.testsupport.PlainCsv;
import org.harmattan.testsupport.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The dashboard's opening view: the window the coverage names, computed by the server when it
 * starts and again after every write, so that the first visitor finds its figures ready.
 */
class OpeningViewTest {
  private static final Duration PATIENCE = Duration.ofMinutes(2);
  private static final DateTimeFormatter RAW_DATE =
      DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);

  @Test
  void theMaliExportOpensOnItsLastFullYearComputedBeforeAnyoneAsks(@TempDir Path dir)
      throws Exception {
    Path raw = SharedData.require(MaliApiRealDataTest.FILE);
    // The expected view from the raw rows alone: the country with most rows, its first and last
    // event dates.
    Map<String, Integer> rows = new TreeMap<>();
    Map<String, LocalDate[]> span = new TreeMap<>();
    for (Map<String, String> row : PlainCsv.readMaps(raw, 0)) {
      String iso3 = row.get("iso3");
      // This export writes its dates as "22 February 2019".
      LocalDate d = LocalDate.parse(row.get("event_date"), RAW_DATE);
      rows.merge(iso3, 1, Integer::sum);
      span.merge(
          iso3,
          new LocalDate[] {d, d},
          (a, b) ->
              new LocalDate[] {
                a[0].isBefore(b[0]) ? a[0] : b[0], a[1].isAfter(b[1]) ? a[1] : b[1]
              });
    }
    String country =
        rows.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
    LocalDate first = span.get(country)[0];
    LocalDate last = span.get(country)[1];
    assertThat(country).isEqualTo("MLI");
    // The export ends on 2019-02-27, not a year's end, and starts in 2017: the view is 2018, whole,
    // compared with 2017.
    assertThat(last.getYear()).isEqualTo(2019);
    assertThat(last).isNotEqualTo(LocalDate.of(2019, 12, 31));
    assertThat(first.getYear()).isEqualTo(2017);
    Files.copy(raw, dir.resolve("export.csv"));
    try (TestServer server =
        new TestServer(dir.resolve("server"), "file:" + dir.resolve("export.csv"))) {
      JsonNode opening = ready(server);
      assertThat(opening.get("view").get("country").asText()).isEqualTo("MLI");
      assertThat(opening.get("view").get("from").asText()).isEqualTo("2018-01-01");
      assertThat(opening.get("view").get("to").asText()).isEqualTo("2018-12-31");
      assertThat(opening.get("view").get("compare").asText()).isEqualTo("2017");
      JsonNode coverage = TestServer.json(server.get("/api/v1/coverage", Role.VIEWER));
      assertThat(coverage.get("views").get(0)).isEqualTo(opening.get("view"));
      // Burkina Faso's one row in the export has an opening view too, computed as well.
      assertThat(opening.get("ready").toString()).isEqualTo("[\"MLI\",\"BFA\"]");
      JsonNode bfa = TestServer.json(server.get("/api/v1/coverage?country=BFA", Role.VIEWER));
      assertThat(bfa.get("views")).hasSize(1);
      assertThat(bfa.get("views").get(0).get("country").asText()).isEqualTo("BFA");

      Instant asked = Instant.now();
      JsonNode overview =
          TestServer.json(
              server.get(
                  "/api/v1/overview?country=MLI&from=2018-01-01&to=2018-12-31&compare=2017",
                  Role.VIEWER));
      assertThat(Instant.parse(overview.get("generatedAt").asText()))
          .as("computed before it was asked for")
          .isBefore(asked);
    }
  }

  @Test
  void aWriteComputesTheOpeningViewAgain(@TempDir Path dir) throws Exception {
    try (TestServer server = new TestServer(dir, TestServer.ACLED_FIXTURE)) {
      // The fixture's Mali events run from 2024-12-31 to 2025-03-31: the last full year is 2024,
      // and the store holds nothing before it to compare with.
      JsonNode opening = ready(server);
      assertThat(opening.get("view").get("from").asText()).isEqualTo("2024-01-01");
      assertThat(opening.get("view").get("to").asText()).isEqualTo("2024-12-31");
      assertThat(opening.get("view").get("compare").isNull()).isTrue();
      String ucdp;
      try (InputStream in = OpeningViewTest.class.getResourceAsStream(TestServer.UCDP_FIXTURE)) {
        ucdp = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
      assertThat(ApiTest.upload(server, "ucdp.csv", ucdp).statusCode()).isEqualTo(200);
      Instant written = Instant.now();
      JsonNode again = ready(server);
      assertThat(again.get("view")).isEqualTo(opening.get("view"));
      JsonNode overview =
          TestServer.json(
              server.get(
                  "/api/v1/overview?country=MLI&from=2024-01-01&to=2024-12-31", Role.VIEWER));
      assertThat(Instant.parse(overview.get("generatedAt").asText()))
          .as("computed again after the write")
          .isAfter(written.minusSeconds(1))
          .isBefore(Instant.now());
    }
  }

  @Test
  void aViewTheCallerAnnouncesIsComputedAheadToo(@TempDir Path dir) throws Exception {
    try (TestServer server = new TestServer(dir, TestServer.ACLED_FIXTURE)) {
      // Not an opening view: the first quarter of 2025, against that of 2024.
      server.server.computeAhead(
          "MLI", new Period(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 3, 31)), 2024);
      ready(server);
      Instant asked = Instant.now();
      JsonNode overview =
          TestServer.json(
              server.get(
                  "/api/v1/overview?country=MLI&from=2025-01-01&to=2025-03-31&compare=2024",
                  Role.VIEWER));
      assertThat(Instant.parse(overview.get("generatedAt").asText()))
          .as("computed before it was asked for")
          .isBefore(asked);
    }
  }

  @Test
  void anEmptyStoreHasNoOpeningView(@TempDir Path dir) throws Exception {
    try (TestServer server = new TestServer(dir)) {
      JsonNode opening = settled(server);
      assertThat(opening.get("state").asText()).isEqualTo("none");
      assertThat(opening.get("view").isNull()).isTrue();
      assertThat(TestServer.json(server.get("/api/v1/coverage", Role.VIEWER)).get("views"))
          .isEmpty();
    }
  }

  /** The health answer's opening once it is ready. */
  private static JsonNode ready(TestServer server) throws InterruptedException {
    JsonNode opening = settled(server);
    assertThat(opening.get("state").asText()).as(opening.toString()).isEqualTo("ready");
    return opening;
  }

  /** The health answer's opening once it is no longer being computed. */
  private static JsonNode settled(TestServer server) throws InterruptedException {
    Instant until = Instant.now().plus(PATIENCE);
    while (true) {
      JsonNode opening = TestServer.json(server.get("/api/v1/health", null)).get("opening");
      if (!opening.get("state").asText().equals("computing") || Instant.now().isAfter(until)) {
        return opening;
      }
      Thread.sleep(50);
    }
  }
}
