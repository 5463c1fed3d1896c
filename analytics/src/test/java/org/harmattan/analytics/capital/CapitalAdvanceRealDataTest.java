package org.harmattan.analytics.capital;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.harmattan.analytics.actors.ActorRegistry;
import org.harmattan.analytics.indicators.SecurityRequest;
import org.harmattan.domain.actor.ActorType;
import org.harmattan.domain.event.EventType;
import org.harmattan.domain.event.SourceSystem;
import org.harmattan.domain.figure.Figure;
import org.harmattan.domain.figure.Period;
import org.harmattan.engine.duckdb.DuckDbStore;
import org.harmattan.engine.query.EventFilter;
import org.harmattan.ingest.EventIngest;
import org.harmattan.ingest.SourceFile;
import org.harmattan.testsupport.PlainCsv;
import org.harmattan.testsupport.SharedData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ring counts around Bamako (12.65 N, 8.00 W) for Mali 2018 from the two real ACLED files; the
 * expected values come from a plain haversine over the raw CSVs written here.
 */
class CapitalAdvanceRealDataTest {
  private static final Set<String> PV =
      Set.of("Battles", "Explosions/Remote violence", "Violence against civilians");
  private static final String JNIM = "JNIM: Group for Support of Islam and Muslims";
  private static final DateTimeFormatter LONG =
      DateTimeFormatter.ofPattern("d MMMM uuuu", Locale.ENGLISH);

  @TempDir static Path dir;
  private static CapitalAdvance advance;
  private static int engineNear2017;
  private static final Map<String, Map<String, String>> RAW = new HashMap<>();

  @BeforeAll
  static void build() throws IOException {
    Path a = SharedData.require("acled/acled_mali_2017-01-01_2019-02-27__AC0519.csv");
    Path b = SharedData.require("acled_hdx_hxl/conflict_data_mli.csv");
    newest(a, false);
    newest(b, true);
    LocalDate today = LocalDate.of(2026, 11, 26);
    try (DuckDbStore store = DuckDbStore.open(dir.resolve("s.duckdb"))) {
      new EventIngest(today)
          .ingest(SourceFile.inspect(a), Optional.empty(), store.events(), x -> {});
      new EventIngest(today)
          .ingest(SourceFile.inspect(b), Optional.empty(), store.events(), x -> {});
      advance =
          CapitalAdvance.compute(
                  store.analytics(),
                  ActorRegistry.shipped(),
                  new SecurityRequest(
                      "MLI",
                      new Period(LocalDate.of(2018, 1, 1), LocalDate.of(2018, 12, 31)),
                      null,
                      Set.of(SourceSystem.ACLED),
                      today))
              .orElseThrow();
      engineNear2017 =
          store
              .analytics()
              .listEventPoints(
                  EventFilter.of(
                          "MLI", new Period(LocalDate.of(2017, 1, 1), LocalDate.of(2017, 12, 31)))
                      .withSources(Set.of(SourceSystem.ACLED))
                      .restrictEventTypes(
                          Set.of(
                              EventType.BATTLES,
                              EventType.EXPLOSIONS_REMOTE_VIOLENCE,
                              EventType.VIOLENCE_AGAINST_CIVILIANS))
                      .withNear(new EventFilter.Near(12.65, -8.0, 200)))
              .size();
    }
  }

  private static void newest(Path file, boolean hxl) throws IOException {
    List<List<String>> rows = PlainCsv.readAll(file);
    List<String> h = rows.get(0);
    for (List<String> r : rows.subList(hxl ? 2 : 1, rows.size())) {
      Map<String, String> m = new HashMap<>();
      for (int i = 0; i < h.size(); i++) {
        m.put(h.get(i), r.get(i));
      }
      Map<String, String> old = RAW.get(m.get("event_id_cnty"));
      if (old == null
          || Long.parseLong(m.get("timestamp")) > Long.parseLong(old.get("timestamp"))) {
        RAW.put(m.get("event_id_cnty"), m);
      }
    }
  }

  /** Distances from Bamako of Mali's 2018 political-violence events, by a plain haversine. */
  private static List<Double> distances2018() {
    return distances(2018);
  }

  private static int year(Map<String, String> r) {
    String d = r.get("event_date");
    return d.matches("\\d{4}-\\d\\d-\\d\\d")
        ? LocalDate.parse(d).getYear()
        : LocalDate.parse(d, LONG).getYear();
  }

  private static List<Double> distances(int wanted) {
    List<Double> out = new ArrayList<>();
    for (Map<String, String> r : RAW.values()) {
      if (year(r) != wanted
          || !"Mali".equals(r.get("country"))
          || !PV.contains(r.get("event_type"))) {
        continue;
      }
      out.add(haversine(r));
    }
    return out;
  }

  /** The haversine distance of an event from Bamako (12.65 N, 8.00 W). */
  private static double haversine(Map<String, String> r) {
    double lat = Math.toRadians(Double.parseDouble(r.get("latitude")));
    double lon = Math.toRadians(Double.parseDouble(r.get("longitude")));
    double clat = Math.toRadians(12.65);
    double clon = Math.toRadians(-8.0);
    double h =
        Math.pow(Math.sin((lat - clat) / 2), 2)
            + Math.cos(lat) * Math.cos(clat) * Math.pow(Math.sin((lon - clon) / 2), 2);
    return 2 * 6371.0088 * Math.asin(Math.sqrt(h));
  }

  private static Figure figure(String id) {
    return advance.listFigures().stream().filter(f -> f.id().equals(id)).findFirst().orElseThrow();
  }

  @Test
  void ringCountsMatchAPlainHaversine() {
    List<Double> d = distances2018();

    for (int r : CapitalAdvance.RADII_KM) {
      long expected = d.stream().filter(km -> km <= r).count();
      assertThat(figure("capital.events_within_" + r + "km").getValue())
          .as(r + " km")
          .isEqualTo((double) expected);
      assertThat(figure("capital.events_within_" + r + "km").citation().eventIds())
          .hasSize((int) expected);
    }
    assertThat(figure("capital.events_within_50km").getValue()).isEqualTo(5);
    assertThat(figure("capital.events_within_100km").getValue()).isEqualTo(5);
    assertThat(figure("capital.events_within_200km").getValue()).isEqualTo(13);
    double nearest = d.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
    assertThat(figure("capital.nearest_km").getValue()).isCloseTo(nearest, within(1e-9));
    assertThat(figure("capital.nearest_km").citation().recordCount()).isEqualTo(1);
  }

  @Test
  void theEnginesDistanceFilterAgreesWithAPlainHaversine() {
    long expected = distances(2017).stream().filter(km -> km <= 200).count();
    assertThat(expected).as("2017 events within 200 km by the plain haversine").isEqualTo(6);
    assertThat(engineNear2017).isEqualTo(expected);
  }

  /**
   * The distances from Bamako, sorted, of JNIM's 2018 political-violence events: those naming
   * ACLED's JNIM actor as actor 1, actor 2 or an associated actor (the semicolon-separated lists
   * split). The only other JNIM spelling in the files, "JNIM: Group for Support of Islam and
   * Muslims and/or Islamic State (Greater Sahara)", leaves the perpetrator open and is not JNIM's.
   * Both taxonomies count: the export-tool file's newest versions of 2018 include two "Battle-No
   * change of territory" events.
   */
  private static double[] jnim2018() {
    Set<String> pv = new HashSet<>(PV);
    pv.addAll(
        List.of(
            "Battle-No change of territory",
            "Battle-Non-state actor overtakes territory",
            "Battle-Government regains territory",
            "Remote violence"));
    List<Double> out = new ArrayList<>();
    for (Map<String, String> r : RAW.values()) {
      if (year(r) != 2018
          || !"Mali".equals(r.get("country"))
          || !pv.contains(r.get("event_type"))) {
        continue;
      }
      List<String> names = new ArrayList<>(List.of(r.get("actor1"), r.get("actor2")));
      for (String col : List.of("assoc_actor_1", "assoc_actor_2")) {
        names.addAll(List.of(r.get(col).split(";", -1)));
      }
      if (names.stream().anyMatch(n -> n.strip().equals(JNIM))) {
        out.add(haversine(r));
      }
    }
    return out.stream().mapToDouble(Double::doubleValue).sorted().toArray();
  }

  @Test
  void jnimsFiguresMatchAPlainHaversineOverItsRawEvents() {
    double[] km = jnim2018();
    // 219 events (an odd count): the median is the 110th distance
    assertThat(km).hasSize(219);
    double median = km[km.length / 2];

    assertThat(advance.actors()).extracting(a -> a.actor().id()).contains("jnim");
    assertThat(figure("capital.events.jnim").getValue()).isEqualTo(219);
    assertThat(figure("capital.events.jnim").citation().eventIds()).hasSize(219);
    Figure nearest = figure("capital.nearest_km.jnim");
    assertThat(nearest.getValue()).isCloseTo(km[0], within(1e-9));
    // MLI2463, 3 December 2018, 141.2 km from Bamako
    assertThat(nearest.getValue()).isCloseTo(141.177, within(0.001));
    assertThat(nearest.citation().eventIds()).containsExactly("acled:MLI2463");
    assertThat(nearest.filters()).containsEntry("country", "MLI");
    assertThat(figure("capital.median_km.jnim").getValue()).isCloseTo(median, within(1e-9));
    assertThat(figure("capital.median_km.jnim").getValue()).isCloseTo(575.037, within(0.001));
    for (int r : CapitalAdvance.RADII_KM) {
      long expected = Arrays.stream(km).filter(d -> d <= r).count();
      assertThat(figure("capital.events_within_" + r + "km.jnim").getValue())
          .as(r + " km")
          .isEqualTo((double) expected);
    }
    assertThat(figure("capital.events_within_200km.jnim").getValue()).isEqualTo(4);
    assertThat(figure("capital.events_within_100km.jnim").getValue()).isZero();
  }

  /**
   * The 2018 political-violence events within {@code km} of Bamako, by group, classified by ACLED's
   * own actor-type codes (inter1, inter2) of the raw rows: a non-state armed group is type 2, 3 or
   * 4; state or foreign forces 1 or 8. One exception, stated: ACLED codes "Militia (Students)" (a
   * clash between armed students, MLI2348) as a political militia; the registry does not know it as
   * an armed group, so it counts under "other".
   */
  private static Map<CapitalAdvance.Group, Set<String>> groups2018(double km) {
    Map<CapitalAdvance.Group, Set<String>> out = new HashMap<>();
    for (CapitalAdvance.Group g : CapitalAdvance.Group.values()) {
      out.put(g, new HashSet<>());
    }
    for (Map<String, String> r : RAW.values()) {
      if (year(r) != 2018
          || !"Mali".equals(r.get("country"))
          || !PV.contains(r.get("event_type"))
          || haversine(r) > km) {
        continue;
      }
      boolean armed = false;
      boolean force = false;
      for (String side : List.of("1", "2")) {
        String code = r.get("inter" + side);
        boolean students = r.get("actor" + side).equals("Militia (Students)");
        armed |= Set.of("2", "3", "4").contains(code) && !students;
        force |= Set.of("1", "8").contains(code);
      }
      CapitalAdvance.Group g =
          armed
              ? CapitalAdvance.Group.ARMED_GROUPS
              : force ? CapitalAdvance.Group.STATE_FORCES : CapitalAdvance.Group.OTHER;
      out.get(g).add("acled:" + r.get("event_id_cnty"));
    }
    return out;
  }

  @Test
  void theHeadlineCountsNonStateArmedGroupsAndCountsStateForcesAndOthersApart() {
    for (int i = 0; i < CapitalAdvance.RADII_KM.size(); i++) {
      int r = CapitalAdvance.RADII_KM.get(i);
      Map<CapitalAdvance.Group, Set<String>> expected = groups2018(r);
      double sum = 0;
      for (CapitalAdvance.Group g : CapitalAdvance.Group.values()) {
        Figure f = figure(advance.within(g).get(i));
        assertThat(f.id()).isEqualTo("capital." + g.key() + ".events_within_" + r + "km");
        assertThat(f.citation().eventIds())
            .as(g + " " + r + " km")
            .hasSameElementsAs(expected.get(g));
        assertThat(f.getValue()).isEqualTo(expected.get(g).size());
        sum += f.getValue();
      }
      assertThat(sum).isEqualTo(figure(advance.within().get(i)).getValue());
    }
    // Within 50 km: an assassination attempt on a member of the MAA and an attack on MINUSMA in
    // Bamako, and an attack on aid workers 33 km away, by unidentified armed groups; a colonel's
    // assault on a journalist (state forces) and a clash of armed students (other) are counted
    // apart.
    assertThat(groups2018(50).get(CapitalAdvance.Group.ARMED_GROUPS))
        .containsExactlyInAnyOrder("acled:MLI1938", "acled:MLI1817", "acled:MLI3005");
    assertThat(groups2018(50).get(CapitalAdvance.Group.STATE_FORCES))
        .containsExactly("acled:MLI2458");
    assertThat(groups2018(50).get(CapitalAdvance.Group.OTHER)).containsExactly("acled:MLI2348");
    Figure nearest = figure(advance.armedNearest());
    assertThat(nearest.getValue()).isCloseTo(0.0, within(0.01));
    assertThat(nearest.citation().eventIds())
        .hasSize(1)
        .isSubsetOf("acled:MLI1938", "acled:MLI1817");
  }

  @Test
  void onlyNonStateArmedGroupsGetTheirOwnApproachFigures() {
    assertThat(advance.actors())
        .isNotEmpty()
        .allSatisfy(a -> assertThat(a.actor().type()).isIn(ActorType.NON_STATE_ARMED));
    // Mali's state forces are in 2018's events near Bamako, but not among the armed groups.
    assertThat(advance.listFigures())
        .extracting(Figure::id)
        .doesNotContain("capital.events.mali_state_forces")
        .contains("capital.events.jnim");
  }
}
