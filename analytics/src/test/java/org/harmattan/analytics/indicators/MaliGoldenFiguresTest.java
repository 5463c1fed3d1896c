package org.harmattan.analytics.indicators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.harmattan.domain.event.SourceSystem;
import org.harmattan.domain.figure.Figure;
import org.harmattan.domain.figure.Period;
import org.harmattan.engine.duckdb.DuckDbStore;
import org.harmattan.ingest.EventIngest;
import org.harmattan.ingest.SourceFile;
import org.harmattan.testsupport.PlainCsv;
import org.harmattan.testsupport.SharedData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Golden figures for Mali 2018 against 2017 from the two ACLED Mali files in ../shared/data. The
 * expected values are computed here from the raw CSVs with a separate minimal parser: the newest
 * version of each event_id_cnty (by timestamp) across both files, as the store keeps it.
 */
class MaliGoldenFiguresTest {
  private static final String AC0519 = "acled/acled_mali_2017-01-01_2019-02-27__AC0519.csv";
  private static final String HDX = "acled_hdx_hxl/conflict_data_mli.csv";
  private static final DateTimeFormatter LONG =
      DateTimeFormatter.ofPattern("d MMMM uuuu", Locale.ENGLISH);

  /** The key under which a raw row keeps the name of the file it came from. */
  private static final String FILE = "\u0000file";

  @TempDir static Path dir;
  private static SecurityIndicators indicators;
  private static Map<String, Map<String, String>> raw;

  @BeforeAll
  static void load() throws IOException {
    Path a = SharedData.require(AC0519);
    Path b = SharedData.require(HDX);
    raw = new HashMap<>();
    newest(a, false);
    newest(b, true);
    try (DuckDbStore store = DuckDbStore.open(dir.resolve("s.duckdb"))) {
      LocalDate today = LocalDate.of(2026, 11, 26);
      new EventIngest(today)
          .ingest(SourceFile.inspect(a), Optional.empty(), store.events(), x -> {});
      new EventIngest(today)
          .ingest(SourceFile.inspect(b), Optional.empty(), store.events(), x -> {});
      indicators =
          SecurityIndicators.compute(
              store.analytics(),
              new SecurityRequest(
                  "MLI",
                  new Period(LocalDate.of(2018, 1, 1), LocalDate.of(2018, 12, 31)),
                  new Period(LocalDate.of(2017, 1, 1), LocalDate.of(2017, 12, 31)),
                  Set.of(SourceSystem.ACLED),
                  today));
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
      m.put(FILE, file.getFileName().toString());
      Map<String, String> old = raw.get(m.get("event_id_cnty"));
      if (old == null
          || Long.parseLong(m.get("timestamp")) > Long.parseLong(old.get("timestamp"))) {
        raw.put(m.get("event_id_cnty"), m);
      }
    }
  }

  private static int year(Map<String, String> r) {
    String d = r.get("event_date");
    return d.matches("\\d{4}-\\d\\d-\\d\\d")
        ? LocalDate.parse(d).getYear()
        : LocalDate.parse(d, LONG).getYear();
  }

  /** {events, fatalities} of raw rows in a year matching a predicate. */
  private static long[] count(int year, java.util.function.Predicate<Map<String, String>> p) {
    long events = 0;
    long deaths = 0;
    for (Map<String, String> r : raw.values()) {
      if (year(r) == year && "Mali".equals(r.get("country")) && p.test(r)) {
        events++;
        deaths += Long.parseLong(r.get("fatalities"));
      }
    }
    return new long[] {events, deaths};
  }

  private static double value(String id) {
    return indicators.getFigure(id).getValue();
  }

  @Test
  void totalsMatchTheRawFiles() {
    long[] y2018 = count(2018, r -> true);
    long[] y2017 = count(2017, r -> true);

    assertThat(value("events.total")).isEqualTo((double) y2018[0]).isEqualTo(757);
    assertThat(value("fatalities.total")).isEqualTo((double) y2018[1]).isEqualTo(1762);
    assertThat(value("compare.events.total")).isEqualTo((double) y2017[0]);
    assertThat(value("change.events.total"))
        .isCloseTo(100.0 * (y2018[0] - y2017[0]) / y2017[0], within(1e-9));
  }

  @Test
  void violenceAgainstCiviliansOverallAndByStateForces() {
    java.util.function.Predicate<Map<String, String>> vac =
        r -> "Violence against civilians".equals(r.get("event_type"));
    java.util.function.Predicate<Map<String, String>> state =
        vac.and(r -> "1".equals(r.get("inter1")));

    assertThat(value("events.violence_against_civilians"))
        .isEqualTo((double) count(2018, vac)[0])
        .isEqualTo(266);
    assertThat(value("events.violence_against_civilians.state_forces"))
        .isEqualTo((double) count(2018, state)[0])
        .isEqualTo(18);
    assertThat(value("fatalities.violence_against_civilians.state_forces"))
        .isEqualTo((double) count(2018, state)[1])
        .isEqualTo(93);
    assertThat(value("compare.events.violence_against_civilians.state_forces")).isEqualTo(16);
    assertThat(value("compare.fatalities.violence_against_civilians.state_forces")).isEqualTo(26);
    assertThat(value("change.fatalities.violence_against_civilians.state_forces"))
        .isCloseTo(100.0 * (93 - 26) / 26, within(1e-9));
  }

  private static String sha256(Path file) throws IOException, NoSuchAlgorithmException {
    return HexFormat.of()
        .formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
  }

  @Test
  void everyFigureCitesItsRecords() throws Exception {
    Figure vacState = indicators.getFigure("events.violence_against_civilians.state_forces");
    Set<String> ids = new TreeSet<>();
    Set<String> files = new TreeSet<>();
    for (Map<String, String> r : raw.values()) {
      if (year(r) == 2018
          && "Mali".equals(r.get("country"))
          && "Violence against civilians".equals(r.get("event_type"))
          && "1".equals(r.get("inter1"))) {
        ids.add("acled:" + r.get("event_id_cnty"));
        files.add(r.get(FILE));
      }
    }
    Path data = SharedData.requireRoot();
    Map<String, String> sha =
        Map.of(
            Path.of(AC0519).getFileName().toString(), sha256(data.resolve(AC0519)),
            Path.of(HDX).getFileName().toString(), sha256(data.resolve(HDX)));

    assertThat(vacState.citation().recordCount()).isEqualTo(18);
    assertThat(vacState.citation().eventIds()).hasSize(18).containsExactlyInAnyOrderElementsOf(ids);
    // the newest versions of the 18 events, in the files they came from
    assertThat(vacState.citation().sources())
        .extracting(s -> s.system() + " " + s.dataset() + " " + s.sha256())
        .containsExactlyInAnyOrderElementsOf(
            files.stream().map(f -> "ACLED " + f + " " + sha.get(f)).toList());
    assertThat(vacState.filters()).containsEntry("inter1", "1").containsEntry("country", "MLI");
    for (Figure f : indicators.listFigures()) {
      if (f.value() != null && f.value() > 0 && f.unit().equals("events")) {
        assertThat(f.citation().eventIds()).as(f.id()).hasSize(f.value().intValue());
      }
    }
  }

  @Test
  void monthlySeriesAddsUpToTheTotal() {
    double sum = 0;
    for (MonthPoint m : indicators.monthly()) {
      sum += value(m.eventsFigure());
    }

    assertThat(indicators.monthly()).hasSize(12);
    assertThat(sum).isEqualTo(757);
    long mopti = count(2018, r -> "Mopti".equals(r.get("admin1")))[0];
    assertThat(value("events.by_admin1.mopti")).isEqualTo((double) mopti);
  }
}
