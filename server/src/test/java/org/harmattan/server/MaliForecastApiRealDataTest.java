package org.harmattan.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.harmattan.engine.accounts.Role;
import org.harmattan.testsupport.PlainCsv;
import org.harmattan.testsupport.SharedData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code /api/v1/forecasts} on the real Mali export: conflictology's draws are each region's 12
 * monthly fatality totals as an independent reading of the raw export gives them; the learned
 * model's forecasts are reproducible and ordered; asking beyond the data is refused.
 */
class MaliForecastApiRealDataTest {
  static final String FILE = "acled/acled_mali_2017-01-01_2019-02-27__AC0519.csv";
  static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);

  @TempDir static Path dir;
  static TestServer server;
  static Path raw;

  @BeforeAll
  static void start() throws Exception {
    raw = SharedData.require(FILE);
    Files.copy(raw, dir.resolve("export.csv"));
    server = new TestServer(dir.resolve("server"), "file:" + dir.resolve("export.csv"));
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
  }

  @Test
  void conflictologyDrawsAreEachRegionsLastTwelveMonths() throws Exception {
    // Fatalities per region and month of 2018 from the raw rows coded MLI.
    Map<String, long[]> byRegion = new TreeMap<>();
    for (Map<String, String> row : PlainCsv.readMaps(raw, 0)) {
      LocalDate d = LocalDate.parse(row.get("event_date"), DATE);
      if (row.get("iso3").equals("MLI") && d.getYear() == 2018) {
        byRegion.computeIfAbsent(row.get("admin1"), k -> new long[12])[d.getMonthValue() - 1] +=
            Long.parseLong(row.get("fatalities"));
      }
    }
    JsonNode body =
        ok(
            "/api/v1/forecasts?country=MLI&trainUntil=2018-12&to=2019-01&model=conflictology"
                + "&withDraws=true");
    assertThat(body.get("model").asText()).isEqualTo("conflictology");
    assertThat(body.get("from").asText()).isEqualTo("2019-01");
    Map<String, List<Long>> got = new TreeMap<>();
    for (JsonNode u : body.get("units")) {
      List<Long> draws = new ArrayList<>();
      u.get("months").get(0).get("draws").forEach(d -> draws.add(d.asLong()));
      got.put(u.get("id").asText(), draws);
    }
    assertThat(got.keySet()).isEqualTo(byRegion.keySet());
    byRegion.forEach(
        (region, months) ->
            assertThat(got.get(region))
                .as(region)
                .containsExactlyElementsOf(java.util.Arrays.stream(months).boxed().toList()));
  }

  @Test
  void theLearnedModelIsSeededAndItsQuantilesAreOrdered() {
    String path = "/api/v1/forecasts?country=MLI&trainUntil=2018-12&to=2019-03&draws=300&seed=5";
    JsonNode first = ok(path);
    assertThat(ok(path)).isEqualTo(first);
    assertThat(first.get("model").asText()).isEqualTo("boosted-quantiles");
    assertThat(first.get("units").size()).isGreaterThanOrEqualTo(8);
    for (JsonNode u : first.get("units")) {
      assertThat(u.get("months")).hasSize(3);
      for (JsonNode m : u.get("months")) {
        double[] q = {
          m.get("p05").asDouble(),
          m.get("p25").asDouble(),
          m.get("median").asDouble(),
          m.get("p75").asDouble(),
          m.get("p95").asDouble()
        };
        for (int i = 1; i < q.length; i++) {
          assertThat(q[i]).as(u.get("id") + " " + m.get("month")).isGreaterThanOrEqualTo(q[i - 1]);
        }
        assertThat(q[0]).isGreaterThanOrEqualTo(0);
      }
    }
  }

  @Test
  void aForecastBeyondTheDataOrWithABadParameterIsAProblem() {
    HttpResponse<String> beyond =
        server.get("/api/v1/forecasts?country=MLI&trainUntil=2019-06", Role.VIEWER);
    assertThat(beyond.statusCode()).isBetween(400, 499);
    assertThat(TestServer.json(beyond).get("detail").asText())
        .contains("cover whole months up to 2019-01");
    HttpResponse<String> month =
        server.get("/api/v1/forecasts?country=MLI&trainUntil=2018-13", Role.VIEWER);
    assertThat(month.statusCode()).isEqualTo(400);
    assertThat(month.body()).contains("a month as yyyy-MM");
    HttpResponse<String> model =
        server.get("/api/v1/forecasts?country=MLI&model=oracle", Role.VIEWER);
    assertThat(model.statusCode()).isBetween(400, 499);
    assertThat(model.body()).contains("no model 'oracle'");
  }

  private static JsonNode ok(String path) {
    HttpResponse<String> r = server.get(path, Role.VIEWER);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return TestServer.json(r);
  }
}
