package org.harmattan.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.harmattan.analytics.advisories.AdvisoryChange;
import org.harmattan.analytics.advisories.AdvisoryPicture;
import org.harmattan.analytics.advisories.ChangeKind;
import org.harmattan.analytics.humanitarian.HumanitarianIds;
import org.harmattan.analytics.humanitarian.HumanitarianIndicators;
import org.harmattan.demo.SyntheticScenario.ScenarioSpec;
import org.harmattan.domain.context.AdvisoryReport;
import org.harmattan.domain.context.Government;
import org.harmattan.domain.figure.Figure;
import org.harmattan.domain.figure.Period;
import org.harmattan.engine.duckdb.DuckDbStore;
import org.harmattan.ingest.SourceFile;
import org.harmattan.ingest.advisories.AdvisoryFiles;
import org.harmattan.ingest.humanitarian.AdminReference;
import org.harmattan.ingest.humanitarian.HumanitarianFileReader;
import org.harmattan.ingest.humanitarian.HumanitarianIngest;
import org.harmattan.ingest.humanitarian.HumanitarianIngestReport;
import org.harmattan.ingest.hxl.HxlReader;
import org.harmattan.testsupport.PlainCsv;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo's synthetic context files go through the real readers whole, and the brief's
 * humanitarian figures and advisory change equal what the files say, read here with a plain CSV
 * parser.
 */
class SyntheticContextTest {
  private static final ScenarioSpec SPEC = SyntheticScenario.defaultSpec();

  @TempDir Path dir;

  private static SyntheticContext.Files write(Path d, long seed) {
    return SyntheticContext.write(d, SPEC.withSeed(seed));
  }

  /** Ingests every humanitarian file into {@code store}, checking each is accepted whole. */
  private static List<HumanitarianIngestReport> ingestAll(
      DuckDbStore store, SyntheticContext.Files files) {
    List<HumanitarianIngestReport> reports = new ArrayList<>();
    for (Path p : files.humanitarian()) {
      SourceFile source = HxlReader.inspect(p);
      assertThat(HumanitarianFileReader.isHumanitarian(source)).as(p.toString()).isTrue();
      reports.add(HumanitarianIngest.ingest(source, OptionalInt.empty(), store.humanitarian()));
    }
    return reports;
  }

  /** The data records of a CSV: without the header and, when there is one, the hashtag row. */
  private static List<Map<String, String>> records(Path csv) {
    List<List<String>> all = PlainCsv.readAll(csv);
    boolean hxl = all.get(1).stream().anyMatch(c -> c.startsWith("#"));
    return PlainCsv.readMaps(csv, hxl ? 1 : 0);
  }

  private static Path named(SyntheticContext.Files files, String part) {
    return files.humanitarian().stream()
        .filter(p -> p.getFileName().toString().contains(part))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no file named *" + part + "*"));
  }

  private static double sum(List<Map<String, String>> rows, String column) {
    double s = 0;
    for (Map<String, String> r : rows) {
      s += Double.parseDouble(r.get(column));
    }
    return s;
  }

  @Test
  void everyHumanitarianFileIsRecognisedAndAcceptedWholeByTheRealReaders() throws IOException {
    SyntheticContext.Files files = write(dir, SPEC.seed());
    assertThat(files.humanitarian()).hasSize(6);
    assertThat(files.humanitarian().get(0).getFileName().toString()).contains("pcodes");
    try (DuckDbStore store = DuckDbStore.open(dir.resolve("store.duckdb"))) {
      List<HumanitarianIngestReport> reports = ingestAll(store, files);
      assertThat(reports)
          .extracting(HumanitarianIngestReport::dataset)
          .containsExactly(
              "hdx-pcodes", "cod-ps", "hpc-pin", "iom-dtm", "iom-dtm", "cadre-harmonise");
      for (int i = 0; i < reports.size(); i++) {
        Path p = files.humanitarian().get(i);
        HumanitarianIngestReport r = reports.get(i);
        assertThat(r.quarantined()).as(p + " " + r.notes()).isZero();
        assertThat(r.rowsRead()).as(p.toString()).isEqualTo(records(p).size());
        assertThat(r.inserted()).as(p.toString()).isEqualTo(r.rowsRead());
        // Every place is found by its code under the same name: nothing placed by name alone,
        // nothing unknown, no code the reference lacks.
        assertThat(String.join("\n", r.notes()))
            .as(p.toString())
            .doesNotContain("placed by name")
            .doesNotContain("not in the admin reference")
            .doesNotContain("unknown place")
            .doesNotContain("differs")
            .doesNotContain("no admin reference");
        assertThat(p.getFileName().toString()).startsWith("synthetic-");
        assertThat(Files.readString(p, StandardCharsets.UTF_8)).contains("SYNTHETIC");
      }
      // The default seed's files: 10 regions and 53 cercles, 10 regions' populations, one plan,
      // 45 DTM rows a round (39 cercles, 6 Bamako communes), 53 cercles x current and projected.
      assertThat(reports)
          .extracting(HumanitarianIngestReport::rowsRead)
          .containsExactly(63L, 10L, 1L, 45L, 45L, 106L);
      HumanitarianIngestReport admin = reports.get(0);
      List<Map<String, String>> units = records(files.humanitarian().get(0));
      assertThat(admin.adminUnits()).isEqualTo(units.size());
      assertThat(units.stream().filter(u -> u.get("Admin Level").equals("1")))
          .extracting(u -> u.get("P-Code"))
          .containsExactly(
              "ML01", "ML02", "ML03", "ML04", "ML05", "ML06", "ML07", "ML08", "ML09", "ML10");
      // Every cercle of a DTM row is in the reference under the DTM's name.
      Map<String, String> cercles = new HashMap<>();
      units.forEach(u -> cercles.put(u.get("P-Code"), u.get("Name")));
      for (Path p : files.humanitarian()) {
        if (!p.getFileName().toString().contains("iom-dtm")) {
          continue;
        }
        for (Map<String, String> row : records(p)) {
          String code = "ML" + row.get("Admin 2 pcode").substring(3);
          assertThat(AdminReference.sameName(cercles.get(code), row.get("Admin 2")))
              .as(code + " " + row.get("Admin 2"))
              .isTrue();
        }
      }
    }
  }

  @Test
  void humanitarianFiguresEqualWhatTheFilesSay() {
    SyntheticContext.Files files = write(dir, SPEC.seed());
    int year = SPEC.lastYear();
    HumanitarianIndicators h;
    try (DuckDbStore store = DuckDbStore.open(dir.resolve("store.duckdb"))) {
      ingestAll(store, files);
      h =
          HumanitarianIndicators.compute(
              store.observations(),
              "MLI",
              new Period(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31)),
              LocalDate.of(year + 1, 1, 15));
    }

    List<Map<String, String>> pinRows = records(named(files, "inneed"));
    assertThat(pinRows).hasSize(1);
    assertThat(pinRows.get(0).get("ISO alpha-3 codes")).isEqualTo("MLI");
    double pin = Double.parseDouble(pinRows.get(0).get("In Need"));
    assertThat(h.getFigure(HumanitarianIds.PEOPLE_IN_NEED).getValue()).isEqualTo(pin);
    assertThat(h.getFigure(HumanitarianIds.PEOPLE_IN_NEED).findVintage())
        .contains(LocalDate.of(year, 1, 1));

    List<Map<String, String>> popRows = records(named(files, "population"));
    assertThat(popRows)
        .allSatisfy(r -> assertThat(r.get("alpha_3")).isEqualTo("MLI"))
        .allSatisfy(r -> assertThat(r.get("ADM_LEVEL")).isEqualTo("1"))
        .hasSize(10);
    double population = sum(popRows, "Population");
    assertThat(h.populationCoverage().orElseThrow().complete()).isTrue();
    assertThat(h.getFigure(HumanitarianIds.POPULATION).getValue()).isEqualTo(population);
    assertThat(h.findFigure(HumanitarianIds.POPULATION_COVERED)).isEmpty();
    Figure share = h.getFigure(HumanitarianIds.PEOPLE_IN_NEED_SHARE);
    assertThat(share.getValue()).isCloseTo(pin / population, within(1e-12));
    assertThat(share.findDenominator().orElseThrow().complete()).isTrue();
    assertThat(share.findDenominator().orElseThrow().value()).isEqualTo(population);
    // The default seed's people in need and population, as the files say (read above).
    assertThat(pin).isEqualTo(6_369_795);
    assertThat(population).isEqualTo(22_159_324);

    List<Path> rounds =
        files.humanitarian().stream()
            .filter(p -> p.getFileName().toString().contains("iom-dtm"))
            .sorted(Comparator.comparing(Path::toString))
            .toList();
    assertThat(rounds).hasSize(2);
    List<Map<String, String>> before = records(rounds.get(0));
    List<Map<String, String>> after = records(rounds.get(1));
    assertThat(before.get(0).get("Snapshot Date")).startsWith(Integer.toString(year - 1));
    assertThat(after.get(0).get("Snapshot Date")).startsWith(Integer.toString(year));
    double idpsBefore = sum(before, "Total No# of IDPs Ind#");
    double idpsAfter = sum(after, "Total No# of IDPs Ind#");
    assertThat(h.getFigure(HumanitarianIds.IDPS).getValue()).isEqualTo(idpsAfter);
    assertThat(h.getFigure(HumanitarianIds.IDPS_PREVIOUS).getValue()).isEqualTo(idpsBefore);
    assertThat(h.getFigure(HumanitarianIds.IDPS_CHANGE).getValue())
        .isEqualTo(idpsAfter - idpsBefore)
        .isEqualTo(82_766); // the default seed's rise in displacement
    assertThat(idpsAfter).isEqualTo(387_674);
    assertThat(h.headlineIdps()).contains(HumanitarianIds.IDPS);

    List<Map<String, String>> ch = records(named(files, "cadre-harmonise"));
    double current =
        sum(ch.stream().filter(r -> r.get("chtype").equals("current")).toList(), "phase35");
    double projected =
        sum(ch.stream().filter(r -> r.get("chtype").equals("projected")).toList(), "phase35");
    assertThat(h.getFigure(HumanitarianIds.FOOD_PHASE3PLUS).getValue()).isEqualTo(current);
    assertThat(h.getFigure(HumanitarianIds.FOOD_PHASE3PLUS_PROJECTED).getValue())
        .isEqualTo(projected)
        .isGreaterThan(current);
  }

  @Test
  void theIdpsAreWhereTheScenariosViolenceIs() {
    SyntheticContext.Files files = write(dir, SPEC.seed());
    List<String> header = SyntheticScenario.HEADER;
    int type = header.indexOf("event_type");
    int admin2 = header.indexOf("admin2");
    Map<String, Integer> violent = new HashMap<>();
    for (List<String> row : new SyntheticScenario(SPEC).rows()) {
      String t = row.get(type);
      if (t.equals("Battles")
          || t.equals("Violence against civilians")
          || t.equals("Explosions/Remote violence")) {
        violent.merge(AdminReference.nameKey(row.get(admin2)), 1, Integer::sum);
      }
    }
    List<String> mostViolent =
        violent.entrySet().stream()
            .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
            .limit(12)
            .map(Map.Entry::getKey)
            .toList();
    Path latest =
        files.humanitarian().stream()
            .filter(p -> p.getFileName().toString().contains("iom-dtm"))
            .max(Comparator.comparing(Path::toString))
            .orElseThrow();
    List<Map<String, String>> rows = new ArrayList<>(records(latest));
    rows.sort(
        Comparator.comparing(
                (Map<String, String> r) -> Double.parseDouble(r.get("Total No# of IDPs Ind#")))
            .reversed());
    // The three cercles hosting the most IDPs are among the dozen the scenario makes most violent.
    for (Map<String, String> r : rows.subList(0, 3)) {
      assertThat(mostViolent).contains(AdminReference.nameKey(r.get("Admin 2")));
    }
  }

  @Test
  void theTwoGovUkSnapshotsShowOneChangeLateInTheWindow() {
    SyntheticContext.Files files = write(dir, SPEC.seed());
    assertThat(files.advisories()).hasSize(2);
    List<AdvisoryReport> reports = new ArrayList<>();
    for (Path p : files.advisories()) {
      byte[] content = readBytes(p);
      assertThat(AdvisoryFiles.detect(content, p.getFileName().toString()))
          .isEqualTo(Government.UK);
      AdvisoryReport r = AdvisoryFiles.read(p, "MLI");
      assertThat(r.countryIso3()).isEqualTo("MLI");
      assertThat(r.title()).contains("SYNTHETIC");
      assertThat(r.text()).contains("SYNTHETIC");
      reports.add(r);
    }
    AdvisoryPicture picture = AdvisoryPicture.of("MLI", reports);
    LocalDate later = reports.get(1).issued();
    assertThat(reports.get(0).issued()).isBefore(later);
    assertThat(later)
        .isAfter(SPEC.blockadeStart())
        .isBeforeOrEqualTo(LocalDate.of(SPEC.lastYear(), 12, 31));
    List<AdvisoryChange> changes = picture.changes();
    assertThat(changes).isNotEmpty();
    // One change of advice (one pair of snapshots, one date), of which these are the parts.
    assertThat(changes).extracting(AdvisoryChange::date).containsOnly(later);
    assertThat(changes)
        .extracting(AdvisoryChange::kind)
        .contains(ChangeKind.LEVEL_RAISED, ChangeKind.LEAVE_NOW_ADDED);
    assertThat(picture.current()).hasSize(1);
    assertThat(picture.current().get(0).leaveNow()).isTrue();
    assertThat(picture.current().get(0).level().rank()).isEqualTo(4);
  }

  @Test
  void aCustomSpecGivesAContextBuiltFromThatSpec() throws IOException {
    // Another seed, other years, another surge region and an earlier blockade than the default's.
    ScenarioSpec custom =
        new ScenarioSpec(
            11L, "MLI", 2022, 2023, 1.0, 60, LocalDate.of(2023, 6, 1), "Tombouctou", 30);
    // The same seed and years with the default's surge region and blockade date, to compare.
    ScenarioSpec usual =
        new ScenarioSpec(11L, "MLI", 2022, 2023, 1.0, 60, LocalDate.of(2023, 9, 1), "Ségou", 21);

    SyntheticContext.Files files = SyntheticContext.write(dir.resolve("custom"), custom);
    SyntheticContext.Files usualFiles = SyntheticContext.write(dir.resolve("usual"), usual);

    assertThat(files.humanitarian())
        .extracting(p -> p.getFileName().toString())
        .containsExactly(
            "synthetic-global-pcodes-adm-1-2-mali.csv",
            "synthetic-subnational-population-mali-2023.csv",
            "synthetic-inneed-interagency-response-plans-mali-2023.csv",
            "synthetic-iom-dtm-mali-baseline-assessment-2022-10-31.csv",
            "synthetic-iom-dtm-mali-baseline-assessment-2023-10-31.csv",
            "synthetic-cadre-harmonise-mali-2023.csv");
    assertThat(Files.readString(files.humanitarian().get(1), StandardCharsets.UTF_8))
        .contains("(seed 11)");
    // Displacement grows by at least 35 % in every cercle of the spec's surge region, where with
    // Ségou as the surge region the same draws give at most 15 % (rounding aside).
    Map<String, Double> surge = idpGrowthByCercle(files, "Tombouctou");
    Map<String, Double> noSurge = idpGrowthByCercle(usualFiles, "Tombouctou");
    assertThat(surge).isNotEmpty().containsOnlyKeys(noSurge.keySet());
    surge.forEach((cercle, g) -> assertThat(g).as(cercle).isGreaterThan(1.34));
    noSurge.forEach((cercle, g) -> assertThat(g).as(cercle).isLessThan(1.16));
    // The advice turns to "leave now" after the spec's blockade; the advice on parts of the
    // country comes before the blockade, three weeks before it since June would be too late.
    List<AdvisoryReport> advice = new ArrayList<>();
    for (Path p : files.advisories()) {
      advice.add(AdvisoryFiles.read(p, "MLI"));
    }
    assertThat(advice.get(0).issued()).isEqualTo(LocalDate.of(2023, 5, 11));
    assertThat(advice.get(1).issued())
        .isAfter(custom.blockadeStart())
        .isBetween(custom.blockadeStart().plusDays(55), custom.blockadeStart().plusDays(64));
    assertThat(AdvisoryPicture.of("MLI", advice).current().get(0).leaveNow()).isTrue();
  }

  /** Each cercle of {@code region}: its IDPs in the later DTM round over the earlier round. */
  private static Map<String, Double> idpGrowthByCercle(
      SyntheticContext.Files files, String region) {
    List<Path> rounds =
        files.humanitarian().stream()
            .filter(p -> p.getFileName().toString().contains("iom-dtm"))
            .sorted(Comparator.comparing(Path::toString))
            .toList();
    Map<String, Double> before = new HashMap<>();
    for (Map<String, String> r : records(rounds.get(0))) {
      if (r.get("Admin 1").equals(region)) {
        before.put(r.get("Admin 2"), Double.parseDouble(r.get("Total No# of IDPs Ind#")));
      }
    }
    Map<String, Double> growth = new HashMap<>();
    for (Map<String, String> r : records(rounds.get(1))) {
      if (r.get("Admin 1").equals(region)) {
        growth.put(
            r.get("Admin 2"),
            Double.parseDouble(r.get("Total No# of IDPs Ind#")) / before.get(r.get("Admin 2")));
      }
    }
    return growth;
  }

  @Test
  void theSameSeedWritesTheSameBytesAndAnotherSeedOthers() throws IOException {
    SyntheticContext.Files a = write(dir.resolve("a"), 7L);
    SyntheticContext.Files b = write(dir.resolve("b"), 7L);
    SyntheticContext.Files c = write(dir.resolve("c"), 8L);
    List<Path> all = new ArrayList<>(a.humanitarian());
    all.addAll(a.advisories());
    List<Path> same = new ArrayList<>(b.humanitarian());
    same.addAll(b.advisories());
    for (int i = 0; i < all.size(); i++) {
      assertThat(Files.readAllBytes(same.get(i))).isEqualTo(Files.readAllBytes(all.get(i)));
    }
    Path dtmA = a.humanitarian().get(3);
    Path dtmC = c.humanitarian().get(3);
    assertThat(Files.readAllBytes(dtmC)).isNotEqualTo(Files.readAllBytes(dtmA));
    // Within one JVM the same order proves little: a map whose order changes from run to run
    // (Map.of) gives the same bytes here. Fields are written in the order they were added.
    assertThat(Files.readString(a.advisories().get(0), StandardCharsets.UTF_8))
        .contains("\"country\" : {\n      \"slug\" : \"mali\",\n      \"name\" : \"Mali\"\n    }");
  }

  private static byte[] readBytes(Path p) {
    try {
      return Files.readAllBytes(p);
    } catch (IOException e) {
      throw new AssertionError(p + ": " + e, e);
    }
  }
}
