package org.harmattan.analytics.corridors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
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
import org.harmattan.ingest.EventIngest;
import org.harmattan.ingest.SourceFile;
import org.harmattan.reference.profile.CountryProfile;
import org.harmattan.reference.profile.CountryProfiles;
import org.harmattan.reference.roads.RoadNetworkReader;
import org.harmattan.testsupport.PlainCsv;
import org.harmattan.testsupport.PlainRoads;
import org.harmattan.testsupport.SharedData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Mali 2018 through the engine port, against expected values computed here without the product's
 * graph reader, router or snapping: each corridor's path and length come from test-support's plain
 * Dijkstra over the raw road CSVs ({@link PlainRoads}); its passage-affecting events are those of
 * the raw ACLED file (newest version of each event) that {@link PassageClassifier} (tested on its
 * own) accepts and that lie within 10 km of that path by a plain point-to-segment loop, each on its
 * nearest segment; statuses, days since the last incident and the blockade index follow from them
 * by the rules {@link CorridorReport} documents, written out again here.
 */
class CorridorReportRealDataTest {
  private static final DateTimeFormatter LONG =
      DateTimeFormatter.ofPattern("d MMMM uuuu", Locale.ENGLISH);
  private static final Period YEAR =
      new Period(LocalDate.of(2018, 1, 1), LocalDate.of(2018, 12, 31));

  @TempDir static Path dir;
  private static CorridorReport report;
  private static CountryProfile mali;
  private static PlainRoads plain;
  private static final Map<String, Map<String, String>> RAW = new HashMap<>();

  @BeforeAll
  static void build() throws IOException {
    plain = PlainRoads.require();
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
    mali = CountryProfiles.shipped().find("MLI").orElseThrow();
    try (DuckDbStore store = DuckDbStore.open(dir.resolve("s.duckdb"))) {
      new EventIngest(today)
          .ingest(SourceFile.inspect(acled), Optional.empty(), store.events(), x -> {});
      report =
          CorridorReport.compute(
              store.analytics(),
              mali,
              RoadGraph.of(RoadNetworkReader.readDirectory(roads)),
              new SecurityRequest("MLI", YEAR, null, Set.of(SourceSystem.ACLED), today),
              CorridorReport.DEFAULT_BUFFER_KM);
    }
  }

  private static LocalDate date(String d) {
    return d.matches("\\d{4}-\\d\\d-\\d\\d") ? LocalDate.parse(d) : LocalDate.parse(d, LONG);
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

  /** A raw passage-affecting event near a corridor: its id, date, category and segment. */
  private record Expected(String id, LocalDate date, PassageCategory category, int segment) {}

  /**
   * The raw 2018 events of Mali within 10 km of {@code path} that affect passage, oldest first,
   * each on the segment (0-based) nearest to it.
   */
  private static List<Expected> passageEvents(List<String> path) {
    List<Expected> out = new ArrayList<>();
    for (Map<String, String> r : RAW.values()) {
      LocalDate d = date(r.get("event_date"));
      if (!"Mali".equals(r.get("country")) || !YEAR.contains(d)) {
        continue;
      }
      double[] e = {Double.parseDouble(r.get("latitude")), Double.parseDouble(r.get("longitude"))};
      double best = Double.MAX_VALUE;
      int segment = -1;
      for (int i = 1; i < path.size(); i++) {
        double km =
            CorridorsRealDataTest.plainDistance(
                e, plain.position(path.get(i - 1)), plain.position(path.get(i)));
        if (km < best) {
          best = km;
          segment = i - 1;
        }
      }
      Optional<EventType> type = oldType(r.get("event_type"));
      if (best <= 10 && type.isPresent()) {
        Optional<PassageClassifier.Passage> p =
            PassageClassifier.classify(type.get(), null, r.get("notes"));
        if (p.isPresent()) {
          out.add(new Expected("acled:" + r.get("event_id_cnty"), d, p.get().category(), segment));
        }
      }
    }
    out.sort(Comparator.comparing(Expected::date).thenComparing(Expected::id));
    return out;
  }

  private static PlainRoads.Route route(CorridorReport.CorridorResult c) {
    return CorridorsRealDataTest.expectedRoute(plain, mali, c.corridor().spec());
  }

  private static long age(Expected e) {
    return ChronoUnit.DAYS.between(e.date(), YEAR.to());
  }

  /** A segment's status code by the documented rules: 2 blocked, 1 disrupted, 0 open. */
  private static int status(List<Expected> onSegment) {
    List<Expected> last30 = onSegment.stream().filter(e -> age(e) < 30).toList();
    if (last30.size() >= 3
        || last30.stream().anyMatch(e -> e.category() == PassageCategory.BLOCKADE)) {
      return 2;
    }
    return onSegment.stream().anyMatch(e -> age(e) < 90) ? 1 : 0;
  }

  @Test
  void lengthsAreThoseOfAPlainDijkstraOverTheRawEdges() {
    // The raw edge lengths (column l of AfricaNetworkEdges.csv) along each path:
    // Bamako 1547 – 1139844 – 1353598 – 1108423 – Kayes 4671;
    // Bamako 1547 – 2107 – 1121940 – Sikasso 8093 – Ouangolodougou 7160;
    // Bamako 1547 – 1300664 – Ségou 7835 – 1327614 – 1082209 – 7727 – 1166219 – 1094597 – 1119292
    // – 6233 – Mopti 6231.
    Map<String, Double> byHand =
        Map.of(
            "dakar",
            3.5217947923823 + 153.448967871364 + 150.700751599395 + 265.285689339348,
            "abidjan",
            135.827795871564 + 72.4069684637794 + 127.439764676797 + 181.782467695705,
            "mopti",
            102.742622640432
                + 113.663726131043
                + 5.82613811057117
                + 70.5067756751404
                + 104.824601755601
                + 6.95382828312993
                + 24.3777029574312
                + 79.6997636895179
                + 82.8332230489344
                + 10.9398345900691);
    assertThat(report.corridors())
        .extracting(c -> c.corridor().spec().slug())
        .containsExactly("dakar", "abidjan", "mopti");
    for (CorridorReport.CorridorResult c : report.corridors()) {
      String slug = c.corridor().spec().slug();
      PlainRoads.Route route = route(c);
      Figure f = report.getFigure(c.lengthFigure());
      assertThat(route.lengthKm()).as(slug).isCloseTo(byHand.get(slug), within(1e-9));
      assertThat(f.getValue()).as(slug).isCloseTo(route.lengthKm(), within(1e-9));
      assertThat(f.unit()).isEqualTo("km");
      List<String> edges = new ArrayList<>();
      for (int i = 1; i < route.nodes().size(); i++) {
        edges.add("edge:" + route.nodes().get(i - 1) + "-" + route.nodes().get(i));
      }
      assertThat(f.citation().eventIds()).as(slug).containsExactlyElementsOf(edges);
      assertThat(c.segments()).as(slug).hasSize(edges.size());
      for (int i = 0; i < c.segments().size(); i++) {
        assertThat(report.getFigure(c.segments().get(i).lengthFigure()).getValue())
            .as(slug + " segment " + (i + 1))
            .isEqualTo(plain.edgeKm(route.nodes().get(i), route.nodes().get(i + 1)));
      }
      assertThat(f.citation().sources())
          .extracting(s -> s.system() + ":" + s.dataset())
          .containsExactly(
              "African Urban Network:AfricaNetworkNodes.csv",
              "African Urban Network:AfricaNetworkEdges.csv");
      assertThat(f.citation().sources()).allSatisfy(s -> assertThat(s.sha256()).hasSize(64));
    }
  }

  @Test
  void passageEventsAreTheRawEventsWithin10kmThatAffectPassage() {
    Map<String, Integer> counts = new LinkedHashMap<>();
    for (CorridorReport.CorridorResult c : report.corridors()) {
      List<String> expected = passageEvents(route(c).nodes()).stream().map(Expected::id).toList();
      Figure f = report.getFigure(c.passageEventsFigure());
      assertThat(f.getValue())
          .as(c.corridor().spec().slug() + " " + f.citation().eventIds() + " vs " + expected)
          .isEqualTo(expected.size());
      assertThat(f.citation().eventIds()).containsExactlyElementsOf(new TreeSet<>(expected));
      assertThat(f.period()).isEqualTo(YEAR);
      counts.put(c.corridor().spec().slug(), expected.size());
    }
    // the loop above finds 1 such event on the Dakar corridor, none on the Abidjan one, 9 on the
    // Mopti one
    assertThat(counts).containsExactly(entry("dakar", 1), entry("abidjan", 0), entry("mopti", 9));
  }

  @Test
  void statusesDaysAndBlockadeIndexFollowTheRulesOverThePlainEvents() {
    for (CorridorReport.CorridorResult c : report.corridors()) {
      String slug = c.corridor().spec().slug();
      PlainRoads.Route route = route(c);
      List<Expected> events = passageEvents(route.nodes());
      int worst = 0;
      double blockedKm = 0;
      double disruptedKm = 0;
      for (int i = 0; i < route.nodes().size() - 1; i++) {
        int segment = i;
        int status = status(events.stream().filter(e -> e.segment() == segment).toList());
        assertThat(report.getFigure(c.segments().get(i).statusFigure()).getValue())
            .as(slug + " segment " + (i + 1))
            .isEqualTo(status);
        double km = plain.edgeKm(route.nodes().get(i), route.nodes().get(i + 1));
        blockedKm += status == 2 ? km : 0;
        disruptedKm += status == 1 ? km : 0;
        worst = Math.max(worst, status);
      }
      assertThat(report.getFigure(c.statusFigure()).getValue()).as(slug).isEqualTo(worst);

      Figure days = report.getFigure(c.daysSinceFigure());
      if (events.isEmpty()) {
        assertThat(days.value()).as(slug).isNull();
      } else {
        assertThat(days.getValue()).as(slug).isEqualTo((double) age(events.get(events.size() - 1)));
      }

      double weight = 0;
      for (Expected e : events) {
        weight += Math.pow(0.5, age(e) / 30.0);
      }
      double share = (blockedKm + 0.5 * disruptedKm) / route.lengthKm();
      assertThat(report.getFigure(c.blockadeIndexFigure()).getValue())
          .as(slug)
          .isCloseTo(50 * share + 50 * Math.min(1, weight / 5), within(1e-9));
    }

    // By hand for the Dakar corridor: its one event, MLI2452 (an attack on vehicles on 30
    // November, 31 days before the year's end), disrupts its third segment (150.70 of 572.96 km).
    CorridorReport.CorridorResult dakar = report.corridors().get(0);
    double dakarKm = 3.5217947923823 + 153.448967871364 + 150.700751599395 + 265.285689339348;
    assertThat(dakar.segments())
        .extracting(s -> report.getFigure(s.statusFigure()).getValue())
        .containsExactly(0.0, 0.0, 1.0, 0.0);
    assertThat(report.getFigure(dakar.statusFigure()).getValue()).isEqualTo(1);
    assertThat(report.getFigure(dakar.daysSinceFigure()).getValue()).isEqualTo(31);
    assertThat(report.getFigure(dakar.blockadeIndexFigure()).getValue())
        .isCloseTo(
            50 * (0.5 * 150.700751599395 / dakarKm) + 50 * Math.pow(0.5, 31 / 30.0) / 5,
            within(1e-9));
    // The Abidjan corridor had none: open, no last incident, index 0.
    CorridorReport.CorridorResult abidjan = report.corridors().get(1);
    assertThat(report.getFigure(abidjan.statusFigure()).getValue()).isZero();
    assertThat(report.getFigure(abidjan.daysSinceFigure()).value()).isNull();
    assertThat(report.getFigure(abidjan.blockadeIndexFigure()).getValue()).isZero();
    // The Mopti corridor: MLI2544 on 26 December (5 days before the end) on its fourth segment and
    // MLI2451 on 28 November on its eighth disrupt those two; its other events are older than 90
    // days.
    CorridorReport.CorridorResult mopti = report.corridors().get(2);
    assertThat(mopti.segments())
        .extracting(s -> report.getFigure(s.statusFigure()).getValue())
        .containsExactly(0.0, 0.0, 0.0, 1.0, 0.0, 0.0, 0.0, 1.0, 0.0, 0.0);
    assertThat(report.getFigure(mopti.daysSinceFigure()).getValue()).isEqualTo(5);
  }
}
