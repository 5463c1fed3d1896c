package org.harmattan.analytics.corridors;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.harmattan.analytics.indicators.SecurityRequest;
import org.harmattan.domain.event.EventType;
import org.harmattan.domain.event.SourceSystem;
import org.harmattan.domain.figure.Figure;
import org.harmattan.domain.figure.Period;
import org.harmattan.engine.duckdb.DuckDbStore;
import org.harmattan.ingest.SourceFile;
import org.harmattan.reference.profile.CountryProfiles;
import org.harmattan.reference.roads.RoadNetwork;
import org.harmattan.reference.roads.RoadNetworkReader;
import org.harmattan.testsupport.PlainCsv;
import org.harmattan.testsupport.SharedData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Mali 2018 through the engine port: the passage-affecting events each corridor cites are those of
 * the raw ACLED file (newest version of each event) that lie within 10 km of the corridor by a
 * plain point-to-segment loop over the corridor's nodes and that the classifier accepts.
 */
class CorridorReportRealDataTest {
  private static final double R = 6371.0088;
  private static final DateTimeFormatter LONG =
      DateTimeFormatter.ofPattern("d MMMM uuuu", Locale.ENGLISH);
  private static final Period YEAR =
      new Period(LocalDate.of(2018, 1, 1), LocalDate.of(2018, 12, 31));

  @TempDir static Path dir;
  private static CorridorReport report;
  private static final Map<String, Map<String, String>> RAW = new HashMap<>();

  @BeforeAll
  static void build() throws IOException {
    Path roads =
        SharedData.require("roads_african_urban_network/AfricaNetworkEdges.csv").getParent();
    Path acled = SharedData.require("acled/acled_mali_2017-01-01_2019-02-27__AC0519.csv");
    for (Map<String, String> m : PlainCsv.readMaps(acled, 0)) {
      Map<String, String> old = RAW.get(m.get("event_id_cnty"));
      if (old == null
          || Long.parseLong(m.get("timestamp")) > Long.parseLong(old.get("timestamp"))) {
        RAW.put(m.get("event_id_cnty"), m);
      }
    }
    LocalDate today = LocalDate.of(2026, 11, 26);
    try (DuckDbStore store = DuckDbStore.open(dir.resolve("s.duckdb"))) {
      store.ingest(SourceFile.inspect(acled), Optional.empty(), today, x -> {});
      report =
          CorridorReport.compute(
              store.analytics(),
              CountryProfiles.shipped().find("MLI").orElseThrow(),
              RoadGraph.of(RoadNetworkReader.readDirectory(roads)),
              new SecurityRequest("MLI", YEAR, null, Set.of(SourceSystem.ACLED), today),
              CorridorReport.DEFAULT_BUFFER_KM);
    }
  }

  private static LocalDate date(String d) {
    return d.matches("\\d{4}-\\d\\d-\\d\\d") ? LocalDate.parse(d) : LocalDate.parse(d, LONG);
  }

  private static double plainDistance(
      double lat, double lon, RoadNetwork.Node a, RoadNetwork.Node b) {
    double kx = Math.toRadians(1) * R * Math.cos(Math.toRadians(lat));
    double ky = Math.toRadians(1) * R;
    double ax = (a.longitude() - lon) * kx;
    double ay = (a.latitude() - lat) * ky;
    double vx = (b.longitude() - lon) * kx - ax;
    double vy = (b.latitude() - lat) * ky - ay;
    double len = vx * vx + vy * vy;
    double t = len == 0 ? 0 : Math.max(0, Math.min(1, -(ax * vx + ay * vy) / len));
    return Math.hypot(ax + t * vx, ay + t * vy);
  }

  /**
   * ACLED's pre-2019 event types in the current taxonomy (codebook crosswalk); riots/protests never
   * count. The file has no sub-event types, and none of the old types is an IED or looting one.
   */
  private static Optional<EventType> oldType(String t) {
    if (t.startsWith("Battle-")) {
      return Optional.of(EventType.BATTLES);
    }
    return switch (t) {
      case "Remote violence" -> Optional.of(EventType.EXPLOSIONS_REMOTE_VIOLENCE);
      case "Violence against civilians" -> Optional.of(EventType.VIOLENCE_AGAINST_CIVILIANS);
      case "Strategic development",
          "Headquarters or base established",
          "Non-violent transfer of territory" ->
          Optional.of(EventType.STRATEGIC_DEVELOPMENTS);
      default -> Optional.empty();
    };
  }

  @Test
  void passageEventsAreTheRawEventsWithin10kmThatAffectPassage() {
    int total = 0;
    for (CorridorReport.CorridorResult c : report.corridors()) {
      List<RoadNetwork.Node> path = c.corridor().nodes();
      TreeSet<String> expected = new TreeSet<>();
      for (Map<String, String> r : RAW.values()) {
        if (!"Mali".equals(r.get("country")) || !YEAR.contains(date(r.get("event_date")))) {
          continue;
        }
        double lat = Double.parseDouble(r.get("latitude"));
        double lon = Double.parseDouble(r.get("longitude"));
        double best = Double.MAX_VALUE;
        for (int i = 1; i < path.size(); i++) {
          best = Math.min(best, plainDistance(lat, lon, path.get(i - 1), path.get(i)));
        }
        Optional<EventType> type = oldType(r.get("event_type"));
        if (best <= 10
            && type.isPresent()
            && PassageClassifier.classify(type.get(), null, r.get("notes")).isPresent()) {
          expected.add("acled:" + r.get("event_id_cnty"));
        }
      }
      Figure f = report.getFigure(c.passageEventsFigure());
      assertThat(f.getValue())
          .as(c.corridor().spec().slug() + " " + f.citation().eventIds() + " vs " + expected)
          .isEqualTo(expected.size());
      assertThat(f.citation().eventIds()).containsExactlyElementsOf(expected);
      assertThat(f.period()).isEqualTo(YEAR);
      total += expected.size();
    }
    assertThat(total).as("2018 had passage-affecting events on Mali's corridors").isPositive();
  }

  @Test
  void lengthIsCitedToTheRoadGraphFiles() {
    for (CorridorReport.CorridorResult c : report.corridors()) {
      Figure f = report.getFigure(c.lengthFigure());
      assertThat(f.citation().sources())
          .extracting(s -> s.system() + ":" + s.dataset())
          .containsExactly(
              "African Urban Network:AfricaNetworkNodes.csv",
              "African Urban Network:AfricaNetworkEdges.csv");
      assertThat(f.citation().sources()).allSatisfy(s -> assertThat(s.sha256()).hasSize(64));
      assertThat(f.getValue()).isEqualTo(c.corridor().lengthKm());
      List<String> statuses = new ArrayList<>();
      c.segments().forEach(s -> statuses.add(s.status().label()));
      assertThat(report.getFigure(c.statusFigure()).getValue()).isEqualTo(c.status().code());
      assertThat(statuses).contains(c.status().label());
    }
  }
}
