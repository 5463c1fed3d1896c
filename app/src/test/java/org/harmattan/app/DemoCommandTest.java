package org.harmattan.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.harmattan.analytics.corridors.SegmentStatus;
import org.harmattan.briefs.render.FiguresJson;
import org.harmattan.domain.figure.Figure;
import org.harmattan.engine.Store;
import org.harmattan.engine.alerts.AlertRecord;
import org.harmattan.testsupport.PlainCsv;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code harmattan demo} as a user runs it, once for all the tests here. The scenario is seeded, so
 * its figures are knowable: the values pinned below are the default seed's (4662025), and where an
 * independent count is easy the test also counts them from the generated ACLED CSV with the
 * test-support reader. A change to the scenario or to a computation that moves one of them must say
 * so by changing the value here.
 */
class DemoCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<String> POLITICAL_VIOLENCE =
      Set.of("Battles", "Explosions/Remote violence", "Violence against civilians");
  private static final double BAMAKO_LATITUDE = 12.65;
  private static final double BAMAKO_LONGITUDE = -8.0;

  @TempDir static Path dir;

  private static CliRun run;
  private static Path out;
  private static Map<String, JsonNode> figures;

  @BeforeAll
  static void runTheDemo() throws Exception {
    out = dir.resolve("demo");
    run = CliRun.of("demo", "--no-serve", "--out", out.toString());
    assertThat(run.code()).as(run.err()).isZero();
    figures = new HashMap<>();
    String json = Files.readString(out.resolve("brief/figures.json"), StandardCharsets.UTF_8);
    boolean synthetic = JSON.readTree(json).get("synthetic").asBoolean();
    for (Figure f : FiguresJson.read(json)) {
      figures.put(f.id(), FiguresJson.toNode(f, synthetic));
    }
  }

  private static JsonNode figure(String id) {
    assertThat(figures).as("figure " + id).containsKey(id);
    return figures.get(id);
  }

  private static double value(String id) {
    return figure(id).get("value").asDouble();
  }

  @Test
  void theDemoWritesASyntheticBriefFromItsOwnAcledExport() throws Exception {
    assertThat(run.out()).contains("SYNTHETIC", "Ingested acled-synthetic-sahel.csv (acled)");
    Path brief = out.resolve("brief");
    assertThat(figure("events.total").get("synthetic").asBoolean()).isTrue();
    assertThat(Files.readString(brief.resolve("brief.md"), StandardCharsets.UTF_8))
        .startsWith("> **SYNTHETIC DATA");
    assertThat(Files.readString(brief.resolve("brief.html"), StandardCharsets.UTF_8))
        .contains("<title>SYNTHETIC DATA");
    assertThat(brief.resolve("charts/monthly-events.svg")).exists();
    // Every section of the crisis brief is there, with its maps, and the key figures sum them up
    // by citing each section's own figures.
    String md = Files.readString(brief.resolve("brief.md"), StandardCharsets.UTF_8);
    assertThat(md)
        .contains(
            "## Political timeline",
            "## The capital: Bamako",
            "## Supply corridors",
            "## Territorial influence",
            "## Humanitarian situation",
            "## Travel advisories");
    assertThat(brief.resolve("maps/capital-events.svg")).exists();
    assertThat(brief.resolve("maps/influence-map.svg")).exists();
    String keyFigures = md.substring(md.indexOf("## Summary"), md.indexOf("## Political"));
    assertThat(keyFigures)
        .contains(
            "Political violence naming a non-state armed group came within",
            "Supply corridors: Dakar corridor",
            "Most active armed actor",
            "People in need",
            "Internally displaced",
            "Travel advice: United Kingdom");
    // The seeded scenario's values of the figures the key figures cite. The humanitarian ones are
    // the sums of the generated context files, which the demo module's tests count independently.
    assertThat(value("capital.nearest_km")).isCloseTo(10.94228365011725, within(1e-9));
    assertThat(value("corridor.dakar.status")).isEqualTo(SegmentStatus.BLOCKED.code());
    assertThat(value("humanitarian.people_in_need")).isEqualTo(6_369_795);
    assertThat(value("humanitarian.idps")).isEqualTo(387_674);
    assertThat(value("advisories.uk.level")).as("FCDO: advise against all travel").isEqualTo(4);
    JsonNode denominator = figure("humanitarian.people_in_need.share").get("denominator");
    assertThat(denominator.get("value").asDouble()).isEqualTo(22_159_324);
    assertThat(denominator.get("complete").asBoolean()).isTrue();
    assertThat(value("humanitarian.people_in_need.share"))
        .isCloseTo(6_369_795.0 / 22_159_324, within(1e-12));
    // Both import corridors are blocked (pinned below): the corridors' rule says deteriorated.
    assertThat(keyFigures)
        .contains("| Corridors | deteriorated | ")
        .contains("Deadliest incidents of the window");
    try (PDDocument pdf = Loader.loadPDF(brief.resolve("brief.pdf").toFile())) {
      PDFTextStripper text = new PDFTextStripper();
      text.setStartPage(1);
      text.setEndPage(2);
      assertThat(text.getText(pdf)).as("the summary ends on page 2").contains("Political timeline");
      for (int page = 1; page <= pdf.getNumberOfPages(); page++) {
        text.setStartPage(page);
        text.setEndPage(page);
        assertThat(text.getText(pdf)).as("page %d", page).contains("SYNTHETIC");
      }
    }
  }

  @Test
  void theSeededScenariosKeyFiguresArePinnedAndCountedFromItsCsv() {
    List<Map<String, String>> rows =
        PlainCsv.readMaps(out.resolve("data/acled-synthetic-sahel.csv"), 0);
    long events2025 = 0;
    long events2024 = 0;
    long deaths2025 = 0;
    long vac2025 = 0;
    double nearestKm = Double.MAX_VALUE;
    Set<String> within50Km = new TreeSet<>();
    for (Map<String, String> r : rows) {
      String year = r.get("event_date").substring(0, 4);
      if (year.equals("2024")) {
        events2024++;
      }
      if (!year.equals("2025")) {
        continue;
      }
      events2025++;
      deaths2025 += Long.parseLong(r.get("fatalities"));
      if (r.get("event_type").equals("Violence against civilians")) {
        vac2025++;
      }
      if (POLITICAL_VIOLENCE.contains(r.get("event_type"))) {
        double km =
            haversineKm(
                BAMAKO_LATITUDE,
                BAMAKO_LONGITUDE,
                Double.parseDouble(r.get("latitude")),
                Double.parseDouble(r.get("longitude")));
        nearestKm = Math.min(nearestKm, km);
        if (km <= 50) {
          within50Km.add("acled:" + r.get("event_id_cnty"));
        }
      }
    }

    // The brief describes 2025 and compares it with 2024.
    assertThat(rows).hasSize(2_194);
    assertThat(events2025).isEqualTo(1_333);
    assertThat(value("events.total")).isEqualTo(1_333);
    assertThat(value("compare.events.total")).isEqualTo(861).isEqualTo((double) events2024);
    assertThat(deaths2025).isEqualTo(3_992);
    assertThat(value("fatalities.total")).isEqualTo(3_992);
    assertThat(vac2025).isEqualTo(467);
    assertThat(value("events.violence_against_civilians")).isEqualTo(467);
    // Battles, explosions and violence against civilians within 50 km (haversine) of Bamako's
    // centre as the country profile places it; the nearest lies 10.9 km away, the next beyond
    // 50 km 50.05 km away, so rounding in either computation cannot move the count.
    assertThat(within50Km).hasSize(54);
    assertThat(value("capital.events_within_50km")).isEqualTo(54);
    List<String> cited = new ArrayList<>();
    figure("capital.events_within_50km")
        .get("citation")
        .get("eventIds")
        .forEach(id -> cited.add(id.asText()));
    assertThat(cited).containsExactlyInAnyOrderElementsOf(within50Km);
    assertThat(value("capital.nearest_km")).isCloseTo(nearestKm, within(1e-9));
    // The fuel blockade leaves both import corridors blocked at the end of the year: pinned, as
    // the corridor rating has no simple independent count.
    assertThat(value("corridor.dakar.status")).isEqualTo(SegmentStatus.BLOCKED.code());
    assertThat(value("corridor.abidjan.status")).isEqualTo(SegmentStatus.BLOCKED.code());
  }

  private static double haversineKm(double lat1, double lon1, double lat2, double lon2) {
    double dLat = Math.toRadians(lat2 - lat1);
    double dLon = Math.toRadians(lon2 - lon1);
    double a =
        Math.pow(Math.sin(dLat / 2), 2)
            + Math.cos(Math.toRadians(lat1))
                * Math.cos(Math.toRadians(lat2))
                * Math.pow(Math.sin(dLon / 2), 2);
    return 2 * 6371.0088 * Math.asin(Math.sqrt(a));
  }

  @Test
  void theRulesRaiseAlertsOfEveryKindAndTheSurgeOfTheScenarioEnd() throws Exception {
    assertThat(run.out()).containsPattern("Alerts: [0-9]+ raised in 2025");
    List<JsonNode> alerts = new ArrayList<>();
    Path caps = out.resolve("alerts").resolve("cap");
    try (Stream<Path> files = Files.list(caps)) {
      for (Path cap : files.sorted().toList()) {
        String xml = Files.readString(cap, StandardCharsets.UTF_8);
        assertThat(org.harmattan.alerts.deliver.CapSchema.validate(xml))
            .as(cap.toString())
            .isEmpty();
        assertThat(xml).contains("<status>Exercise</status>");
        alerts.add(JSON.readTree("{\"file\":\"" + cap.getFileName() + "\"}"));
      }
    }
    assertThat(alerts).isNotEmpty();
    Set<String> kinds = new java.util.TreeSet<>();
    try (Store store = org.harmattan.service.Stores.open(out.resolve("store.duckdb"))) {
      for (AlertRecord r :
          store.alerts().list(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31), 1000)) {
        kinds.add(r.kind());
      }
      // The scenario's surge: Ségou's last 21 days.
      assertThat(store.alerts().list(LocalDate.of(2025, 12, 11), LocalDate.of(2025, 12, 31), 1000))
          .anyMatch(r -> r.kind().equals("acled-surge") && "Ségou".equals(r.admin1()));
      assertThat(store.alerts().list(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31), 1000))
          .hasSize(alerts.size());
    }
    assertThat(kinds)
        .containsExactlyInAnyOrder(
            "acled-surge",
            "acled-threat",
            "acled-change",
            "hdx-signals",
            "anomaly",
            "capital-radius",
            "forecast-fatalities",
            "corridor-status",
            "advisory-change");
    try (Store store = org.harmattan.service.Stores.open(out.resolve("store.duckdb"))) {
      List<AlertRecord> year =
          store.alerts().list(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31), 1000);
      // The fuel blockade from 1 September blocks the Dakar corridor.
      assertThat(year)
          .anyMatch(
              r ->
                  r.kind().equals("corridor-status")
                      && r.id().startsWith("corridors:MLI:dakar:2025-09")
                      && r.json().contains(" blocked, was "));
      // The FCDO's second snapshot: the whole country, and a call to leave.
      JsonNode advice =
          JSON.readTree(
              year.stream()
                  .filter(r -> r.kind().equals("advisory-change"))
                  .findFirst()
                  .orElseThrow()
                  .json());
      assertThat(advice.get("id").asText()).startsWith("advice:MLI:uk:2025-");
      assertThat(advice.get("headline").asText())
          .isEqualTo(
              "Travel advice change: United Kingdom (FCDO), level raised, call to leave added"
                  + " — Mali");
    }
    assertThat(out.resolve("alerts").resolve("alerts.atom")).isRegularFile();
    // Delivered to the demo's own receivers: every alert by webhook, signed; the gravest by mail.
    try (Stream<Path> hooks = Files.list(out.resolve("alerts").resolve("webhook"));
        Stream<Path> mails = Files.list(out.resolve("alerts").resolve("mailbox"))) {
      assertThat(hooks.count()).isEqualTo(alerts.size());
      assertThat(mails.filter(p -> p.toString().endsWith(".eml")).count()).isPositive();
    }
    assertThat(run.out())
        .containsPattern(
            "Delivered: ([0-9]+) webhook calls to the demo's receiver \\(\\1 with a valid"
                + " signature\\)");
  }
}
