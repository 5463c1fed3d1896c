package org.harmattan.analytics.capital;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

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
import org.harmattan.analytics.actors.ActorRegistry;
import org.harmattan.analytics.indicators.SecurityRequest;
import org.harmattan.domain.event.EventType;
import org.harmattan.domain.event.SourceSystem;
import org.harmattan.domain.figure.Figure;
import org.harmattan.domain.figure.Period;
import org.harmattan.engine.duckdb.DuckDbStore;
import org.harmattan.engine.query.EventFilter;
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
      store.ingest(SourceFile.inspect(a), Optional.empty(), today, x -> {});
      store.ingest(SourceFile.inspect(b), Optional.empty(), today, x -> {});
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

  private static List<Double> distances(int wanted) {
    List<Double> out = new ArrayList<>();
    for (Map<String, String> r : RAW.values()) {
      String d = r.get("event_date");
      int year =
          d.matches("\\d{4}-\\d\\d-\\d\\d")
              ? LocalDate.parse(d).getYear()
              : LocalDate.parse(d, LONG).getYear();
      if (year != wanted || !"Mali".equals(r.get("country")) || !PV.contains(r.get("event_type"))) {
        continue;
      }
      double lat = Math.toRadians(Double.parseDouble(r.get("latitude")));
      double lon = Math.toRadians(Double.parseDouble(r.get("longitude")));
      double clat = Math.toRadians(12.65);
      double clon = Math.toRadians(-8.0);
      double h =
          Math.pow(Math.sin((lat - clat) / 2), 2)
              + Math.cos(lat) * Math.cos(clat) * Math.pow(Math.sin((lon - clon) / 2), 2);
      out.add(2 * 6371.0088 * Math.asin(Math.sqrt(h)));
    }
    return out;
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
    assertThat(expected).isPositive();
    assertThat(engineNear2017).isEqualTo(expected);
  }

  @Test
  void jnimGetsItsOwnFigures() {
    Figure jnim = figure("capital.nearest_km.jnim");

    assertThat(advance.actors()).extracting(a -> a.actor().id()).contains("jnim");
    assertThat(jnim.getValue()).isPositive();
    assertThat(jnim.filters()).containsEntry("country", "MLI");
    assertThat(figure("capital.median_km.jnim").getValue()).isGreaterThan(jnim.getValue());
  }
}
