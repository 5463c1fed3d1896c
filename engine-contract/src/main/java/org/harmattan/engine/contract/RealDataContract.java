package org.harmattan.engine.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.harmattan.domain.event.Event;
import org.harmattan.domain.event.EventType;
import org.harmattan.domain.event.SourceSystem;
import org.harmattan.domain.figure.Period;
import org.harmattan.engine.Store;
import org.harmattan.engine.query.CountResult;
import org.harmattan.engine.query.CountRow;
import org.harmattan.engine.query.Coverage;
import org.harmattan.engine.query.Dimension;
import org.harmattan.engine.query.EventFilter;
import org.harmattan.engine.query.StoreStatus;
import org.harmattan.engine.series.SeriesPoint;
import org.harmattan.engine.write.StagedEvent;
import org.harmattan.ingest.EventIngest;
import org.harmattan.ingest.IngestReport;
import org.harmattan.ingest.SourceFile;
import org.harmattan.ingest.series.SeriesIngestReport;
import org.harmattan.testsupport.PlainCsv;
import org.harmattan.testsupport.SharedData;
import org.junit.jupiter.api.Test;

/**
 * The contract suite's cases on real data: the ACLED Mali files, UCDP releases and the VIEWS file
 * of ../shared/data, against figures computed in the test from the raw rows (skipped when absent).
 */
interface RealDataContract extends EngineCase {
  String AC0519 = "acled/acled_mali_2017-01-01_2019-02-27__AC0519.csv";
  String HDX = "acled_hdx_hxl/conflict_data_mli.csv";
  DateTimeFormatter LONG_DATE = DateTimeFormatter.ofPattern("d MMMM uuuu", Locale.ENGLISH);

  /**
   * The export and then HDX's file: the store keeps, per event id, the version with the later
   * timestamp (the two files never give one id the same timestamp), and its figures are those of
   * these versions, computed here from the raw rows with a separate CSV reader.
   */
  @Test
  default void theMaliFilesGiveTheFiguresOfTheirRawRows() {
    Path export = SharedData.require(AC0519);
    Path hdx = SharedData.require(HDX);
    Map<String, Map<String, String>> newest = new HashMap<>();
    Set<String> both = new HashSet<>();
    long revised = 0;
    int hdxRows = 0;
    for (Path file : List.of(export, hdx)) {
      boolean hxl = file.equals(hdx);
      List<List<String>> rows = PlainCsv.readAll(file);
      List<String> header = rows.get(0);
      for (List<String> r : rows.subList(hxl ? 2 : 1, rows.size())) {
        Map<String, String> m = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
          m.put(header.get(i), r.get(i));
        }
        Map<String, String> old = newest.get(m.get("event_id_cnty"));
        if (old == null) {
          newest.put(m.get("event_id_cnty"), m);
        } else {
          both.add(m.get("event_id_cnty"));
          if (Long.parseLong(m.get("timestamp")) > Long.parseLong(old.get("timestamp"))) {
            newest.put(m.get("event_id_cnty"), m);
            revised++;
          }
        }
        if (hxl) {
          hdxRows++;
        }
      }
    }
    Period y2018 = new Period(LocalDate.of(2018, 1, 1), LocalDate.of(2018, 12, 31));
    long events2018 = 0;
    long deaths2018 = 0;
    long civilians2018 = 0;
    Map<String, long[]> byRegion = new TreeMap<>();
    Map<String, Long> byMonth = new TreeMap<>();
    LocalDate first = null;
    LocalDate last = null;
    for (Map<String, String> r : newest.values()) {
      LocalDate d = rawDate(r.get("event_date"));
      first = first == null || d.isBefore(first) ? d : first;
      last = last == null || d.isAfter(last) ? d : last;
      if (!y2018.contains(d)) {
        continue;
      }
      long dead = Long.parseLong(r.get("fatalities"));
      events2018++;
      deaths2018 += dead;
      if ("Violence against civilians".equals(r.get("event_type"))) {
        civilians2018++;
      }
      long[] region = byRegion.computeIfAbsent(r.get("admin1"), k -> new long[2]);
      region[0]++;
      region[1] += dead;
      byMonth.merge(d.withDayOfMonth(1).toString(), 1L, Long::sum);
    }

    IngestReport a = ingestFile(export, new Recorded());
    IngestReport b = ingestFile(hdx, new Recorded());

    assertThat(a.inserted()).isEqualTo(a.rowsRead()).isEqualTo(1339);
    assertThat(b.inserted()).isEqualTo(hdxRows - both.size());
    assertThat(b.updated()).isEqualTo(revised);
    assertThat(b.unchanged()).isEqualTo(both.size() - revised);
    assertThat(store().status().events()).isEqualTo(newest.size()).isEqualTo(3283);
    assertThat(store().status().history()).isEqualTo(revised);
    assertThat(store().status().quarantined()).isZero();

    EventFilter mali2018 = EventFilter.of("MLI", y2018).withSources(Set.of(SourceSystem.ACLED));
    CountResult total = count(mali2018);
    assertThat(total.events()).isEqualTo(events2018).isEqualTo(757);
    assertThat(total.fatalities()).isEqualTo(deaths2018).isEqualTo(1762);
    assertThat(
            count(mali2018.withEventTypes(Set.of(EventType.VIOLENCE_AGAINST_CIVILIANS))).events())
        .isEqualTo(civilians2018);
    Map<String, long[]> regions = new TreeMap<>();
    for (CountRow row : count(mali2018, Dimension.ADMIN1).rows()) {
      regions.put(row.key().get(0), new long[] {row.events(), row.fatalities()});
    }
    assertThat(regions.keySet()).isEqualTo(byRegion.keySet());
    for (Map.Entry<String, long[]> e : byRegion.entrySet()) {
      assertThat(regions.get(e.getKey())).as(e.getKey()).containsExactly(e.getValue());
    }
    Map<String, Long> months = new TreeMap<>();
    for (CountRow row : count(mali2018, Dimension.MONTH).rows()) {
      months.put(row.key().get(0), row.events());
    }
    assertThat(months).isEqualTo(byMonth);
    Coverage coverage = analytics().coverage(mali2018);
    assertThat(coverage.first()).isEqualTo(first);
    assertThat(coverage.last()).isEqualTo(last);
    assertThat(coverage.events()).isEqualTo(newest.size());

    // Reading HDX's file again changes nothing.
    IngestReport again = ingestFile(hdx, new Recorded());
    assertThat(again.unchanged()).isEqualTo(hdxRows);
    assertThat(store().status().events()).isEqualTo(newest.size());
    assertThat(store().status().history()).isEqualTo(revised);
  }

  String UCDP_V19 = "ucdp/ged191_MMR_BGD_subset__hdx-scraper-ucdp.csv";
  String UCDP_V23 = "ucdp/ucdpged_sample_v23_1__uncertainUCDP.csv";

  /**
   * UCDP GED v19.1 (Myanmar and Bangladesh) and a v23.1 sample share three event ids, each with
   * other values (the v23.1 rows spell "Shan state" where v19.1 has "Shan State", and so on), and
   * UCDP states no revision time. Read A, B, A, B into the store and B, A into another: both hold
   * the same versions, history holds the other version of each shared id once, and every pass after
   * the first changes nothing. Ids and their counts are computed here from the raw rows.
   */
  @Test
  default void twoUcdpReleasesInAnyOrderAnyNumberOfTimesGiveOneState() throws IOException {
    Path v19 = SharedData.require(UCDP_V19);
    Path v23 = SharedData.require(UCDP_V23);
    Set<String> a = rawIds(v19, "id");
    Set<String> b = rawIds(v23, "id");
    Set<String> shared = new HashSet<>(a);
    shared.retainAll(b);
    Set<String> union = new HashSet<>(a);
    union.addAll(b);
    assertThat(shared).containsExactlyInAnyOrder("211307", "49251", "50912");

    List<IngestReport> passes = new ArrayList<>();
    for (Path f : List.of(v19, v23, v19, v23)) {
      passes.add(ingestFile(f, new Recorded()));
    }
    assertThat(passes.get(0).inserted()).isEqualTo(a.size());
    assertThat(passes.get(1).inserted()).isEqualTo(b.size() - shared.size());
    assertThat(passes.get(1).updated() + passes.get(1).unchanged()).isEqualTo(shared.size());
    for (IngestReport again : passes.subList(2, 4)) {
      assertThat(again.unchanged()).isEqualTo(again.rowsRead());
    }
    StoreStatus status = store().status();
    assertThat(status.events()).isEqualTo(union.size()).isEqualTo(4191);
    assertThat(status.history()).isEqualTo(shared.size());

    Path folder = dir().resolve("reversed");
    Files.createDirectories(folder);
    try (Store reversed = openAnother(folder)) {
      for (Path f : List.of(v23, v19)) {
        new EventIngest(TODAY)
            .ingest(SourceFile.inspect(f), Optional.empty(), reversed.events(), x -> {});
      }
      StoreStatus other = reversed.status();
      assertThat(List.of(other.events(), other.history(), other.quarantined()))
          .containsExactly(status.events(), status.history(), status.quarantined());
      assertThat(other.byCountry()).isEqualTo(status.byCountry());
      for (String id : shared) {
        Event here = store().findEvent("ucdp:" + id).orElseThrow();
        Event there = reversed.findEvent("ucdp:" + id).orElseThrow();
        assertThat(StagedEvent.of(there).contentHash())
            .as(id)
            .isEqualTo(StagedEvent.of(here).contentHash());
        assertThat(reversed.countHistory("ucdp:" + id)).as(id).isEqualTo(1);
      }
    }
  }

  /** The values of one column of a CSV file with a header, read with the separate reader. */
  private static Set<String> rawIds(Path file, String column) {
    List<List<String>> rows = PlainCsv.readAll(file);
    int at = rows.get(0).indexOf(column);
    Set<String> ids = new HashSet<>();
    for (List<String> r : rows.subList(1, rows.size())) {
      ids.add(r.get(at));
    }
    return ids;
  }

  String VIEWS_CM = "views_cm/cm_ged_sb_1990-01_2022-12.csv";

  /**
   * The VIEWS country-month file: every row a point whose value is the raw row's, and Mali's
   * (country_id 50) yearly totals as the raw rows give them, computed here with a separate CSV
   * reader.
   */
  @Test
  default void theViewsFileGivesTheSeriesOfItsRawRows() {
    Path file = SharedData.require(VIEWS_CM);
    List<List<String>> raw = PlainCsv.readAll(file);
    List<String> header = raw.get(0);
    int year = header.indexOf("year");
    int month = header.indexOf("month");
    int country = header.indexOf("country_id");
    int value = header.indexOf("ged_sb");
    int iso = header.indexOf("isoab");
    Map<String, Double> expected = new HashMap<>();
    long noIso = 0;
    Set<String> countries = new HashSet<>();
    long mali2018 = 0;
    long mali2021 = 0;
    for (List<String> r : raw.subList(1, raw.size())) {
      YearMonth m = YearMonth.of(Integer.parseInt(r.get(year)), Integer.parseInt(r.get(month)));
      long dead = Long.parseLong(r.get(value));
      expected.put(r.get(country) + " " + m, (double) dead);
      countries.add(r.get(country));
      if (r.get(iso).isEmpty()) {
        noIso++;
      }
      if (r.get(country).equals("50") && m.getYear() == 2018) {
        mali2018 += dead;
      }
      if (r.get(country).equals("50") && m.getYear() == 2021) {
        mali2021 += dead;
      }
    }

    SeriesIngestReport r = ingestSeriesFile(file, new Recorded());

    assertThat(r.rowsRead()).isEqualTo(raw.size() - 1).isEqualTo(73_231);
    assertThat(outcome(r)).containsExactly(73_231L, 0L, 0L, 0L);
    assertThat(r.units()).isEqualTo(countries.size()).isEqualTo(191);
    assertThat(List.of(r.first(), r.last()))
        .containsExactly(YearMonth.of(1990, 1), YearMonth.of(2022, 12));
    assertThat(r.gaps()).isEmpty();
    // Kosovo's rows, with no isoab, placed by their name.
    String kosovo = noIso + " rows of country_id 232";
    assertThat(r.notes()).anySatisfy(n -> assertThat(n).startsWith(kosovo).contains("XKX"));
    List<SeriesPoint> points = gedSb();
    assertThat(points).hasSize(73_231);
    Map<String, Double> stored = new HashMap<>();
    for (SeriesPoint p : points) {
      stored.put(p.unitId() + " " + p.month(), p.value());
    }
    assertThat(stored).isEqualTo(expected);
    double storedMali2018 =
        points.stream()
            .filter(p -> p.unitId().equals("50") && p.month().getYear() == 2018)
            .mapToDouble(SeriesPoint::value)
            .sum();
    double storedMali2021 =
        points.stream()
            .filter(p -> p.unitId().equals("50") && p.month().getYear() == 2021)
            .mapToDouble(SeriesPoint::value)
            .sum();
    assertThat(storedMali2018).isEqualTo((double) mali2018).isEqualTo(521.0);
    assertThat(storedMali2021).isEqualTo((double) mali2021).isEqualTo(726.0);
    assertThat(points)
        .filteredOn(p -> p.unitId().equals("50"))
        .extracting(SeriesPoint::countryIso3)
        .containsOnly("MLI");
    assertThat(store().status().seriesPoints()).isEqualTo(73_231);
    assertThat(store().status().quarantined()).isZero();
  }

  /** An ACLED date as the two files write it: {@code 2018-03-01} or {@code 1 March 2018}. */
  private static LocalDate rawDate(String v) {
    return v.matches("\\d{4}-\\d\\d-\\d\\d") ? LocalDate.parse(v) : LocalDate.parse(v, LONG_DATE);
  }
}
