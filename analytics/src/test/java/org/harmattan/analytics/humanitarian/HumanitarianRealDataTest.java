package org.harmattan.analytics.humanitarian;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.harmattan.domain.figure.Figure;
import org.harmattan.domain.figure.Period;
import org.harmattan.domain.figure.SourceRef;
import org.harmattan.domain.humanitarian.CadreHarmoniseEdition;
import org.harmattan.domain.humanitarian.Observation;
import org.harmattan.testsupport.PlainCsv;
import org.harmattan.testsupport.SharedData;
import org.junit.jupiter.api.Test;

/**
 * Mali 2022 from the real files, read here with a plain CSV parser into observations shaped like
 * the ingest's (COD P-codes: {@code MLI05} becomes {@code ML05}). Expected values are the issue's
 * stated figures or plain sums over the raw rows.
 */
class HumanitarianRealDataTest {
  private static final String PIN_FILE = "hno_pin/inneed_interagency_response_plans_2022__hxl.csv";
  private static final String POP_FILE = "population_admin1/subnational_population.MALI.csv";
  private static final String R72_FILE =
      "iom_dtm_mali/dtm_mali_baseline_assessment_round_72__hxl.converted.csv";
  private static final String R64_FILE =
      "iom_dtm_mali/DTM_Mali_Baseline_Assessment_Round_64_April_2020.converted.csv";
  private static final String IDMC_FILE = "idmc_idps/idmc_displacement_data__hxl.MALI.csv";
  private static final String CH_FILE =
      "cadre_harmonise/cadre_harmonise_caf_ipc__covidviz_2022.MALI.csv";
  private static final String DTM_IDPS = "Total No# of IDPs Ind#";
  private static final DateTimeFormatter SLASHED =
      DateTimeFormatter.ofPattern("uuuu/MM/dd", Locale.ROOT);
  private static final DateTimeFormatter MONTH =
      new DateTimeFormatterBuilder()
          .appendPattern("MMM")
          .parseDefaulting(ChronoField.DAY_OF_MONTH, 1)
          .parseDefaulting(ChronoField.YEAR, 2000)
          .toFormatter(Locale.ENGLISH);
  private static final Period Y2022 =
      new Period(LocalDate.of(2022, 1, 1), LocalDate.of(2022, 12, 31));
  private static final LocalDate ACCESSED = LocalDate.of(2026, 11, 26);

  private static SourceRef ref(String system, Path file) {
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file));
      return new SourceRef(system, file.getFileName().toString(), HexFormat.of().formatHex(hash));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Observation obs(
      SourceRef src,
      String dataset,
      String edition,
      String indicator,
      String qualifier,
      int level,
      String pcode,
      String name,
      LocalDate vintage,
      double value,
      long line) {
    return new Observation(
        dataset + ":" + src.sha256().substring(0, 12) + ":" + line,
        dataset,
        edition,
        indicator,
        qualifier,
        "MLI",
        level,
        pcode,
        name,
        vintage,
        value,
        "people",
        src,
        line);
  }

  /** "MLI0501 " → "ML0501": the COD form the ingest normalises DTM's ISO3-prefixed codes to. */
  private static String cod(String dtmCode) {
    String s = dtmCode.strip();
    return s.startsWith("MLI") ? "ML" + s.substring(3) : s;
  }

  private static void peopleInNeed(Obs o) {
    Path f = SharedData.require(PIN_FILE);
    SourceRef src = ref("OCHA HPC", f);
    List<List<String>> rows = PlainCsv.readAll(f);
    for (int i = 2; i < rows.size(); i++) {
      List<String> r = rows.get(i);
      if (r.get(2).equals("MLI")) {
        o.add(
            obs(
                src,
                "response-plan",
                "HRP 2022",
                "people_in_need",
                null,
                0,
                null,
                r.get(1),
                LocalDate.of(2022, 1, 1),
                Double.parseDouble(r.get(4)),
                i + 1));
      }
    }
  }

  private static void population(Obs o) {
    Path f = SharedData.require(POP_FILE);
    SourceRef src = ref("OCHA COD-PS", f);
    List<Map<String, String>> rows = PlainCsv.readMaps(f, 0);
    for (int i = 0; i < rows.size(); i++) {
      Map<String, String> r = rows.get(i);
      if (!r.get("Population").isBlank()) {
        o.add(
            obs(
                src,
                "population",
                "COD-PS (HDX covid-viz)",
                "population",
                null,
                1,
                r.get("ADM1_PCODE"),
                r.get("ADM1_REF"),
                LocalDate.of(2020, 1, 1),
                Double.parseDouble(r.get("Population")),
                i + 2));
      }
    }
  }

  private static void dtm(Obs o, String file, String round, int skip) {
    Path f = SharedData.require(file);
    SourceRef src = ref("IOM DTM", f);
    List<Map<String, String>> rows = PlainCsv.readMaps(f, skip);
    for (int i = 0; i < rows.size(); i++) {
      Map<String, String> r = rows.get(i);
      String admin3 = r.getOrDefault("Admin 3 pcode", "").strip();
      boolean communal = !admin3.isEmpty();
      o.add(
          obs(
              src,
              "iom-dtm",
              round,
              "idps",
              null,
              communal ? 3 : 2,
              cod(communal ? admin3 : r.get("Admin 2 pcode")),
              communal ? r.get("Admin 3") : r.get("Admin 2"),
              LocalDate.parse(r.get("Snapshot Date"), SLASHED),
              Double.parseDouble(r.get(DTM_IDPS)),
              i + 2 + skip));
    }
  }

  private static void idmc(Obs o) {
    Path f = SharedData.require(IDMC_FILE);
    SourceRef src = ref("IDMC", f);
    List<Map<String, String>> rows = PlainCsv.readMaps(f, 1);
    for (int i = 0; i < rows.size(); i++) {
      Map<String, String> r = rows.get(i);
      String stock = r.get("Conflict Stock Displacement (Raw)");
      if (!stock.isBlank()) {
        int year = Integer.parseInt(r.get("Year"));
        o.add(
            obs(
                src,
                "idmc",
                "IDMC " + year,
                "idmc.idps.stock.conflict",
                null,
                0,
                null,
                "Mali",
                LocalDate.of(year, 12, 31),
                Double.parseDouble(stock),
                i + 3));
      }
    }
  }

  private static void cadreHarmonise(Obs o) {
    Path f = SharedData.require(CH_FILE);
    SourceRef src = ref("CILSS/RPCA", f);
    List<Map<String, String>> rows = PlainCsv.readMaps(f, 0);
    for (int i = 0; i < rows.size(); i++) {
      Map<String, String> r = rows.get(i);
      if (r.get("phase35").isBlank()) {
        continue;
      }
      LocalDate start =
          LocalDate.parse(r.get("reference_label").substring(0, 3), MONTH)
              .withYear(Integer.parseInt(r.get("reference_year")));
      o.add(
          obs(
              src,
              "cadre-harmonise",
              CadreHarmoniseEdition.name(
                  r.get("exercise_label"),
                  Integer.parseInt(r.get("exercise_year")),
                  r.get("chtype"),
                  r.get("reference_label"),
                  Integer.parseInt(r.get("reference_year"))),
              "food_insecure.phase3plus",
              r.get("chtype"),
              2,
              r.get("adm2_pcod2"),
              r.get("adm2_name"),
              start,
              Double.parseDouble(r.get("phase35")),
              i + 2));
    }
  }

  private static HumanitarianIndicators mali2022() {
    Obs o = Obs.create();
    peopleInNeed(o);
    population(o);
    dtm(o, R72_FILE, "DTM round 72", 1);
    dtm(o, R64_FILE, "DTM round 64", 0);
    idmc(o);
    cadreHarmonise(o);
    return HumanitarianIndicators.compute(o.source(), "MLI", Y2022, ACCESSED);
  }

  @Test
  void peopleInNeedOfTheHrp2022() {
    HumanitarianIndicators h = mali2022();
    Figure pin = h.getFigure(HumanitarianIds.PEOPLE_IN_NEED);
    assertThat(pin.value()).isEqualTo(7_522_833.0);
    assertThat(pin.vintage()).isEqualTo(LocalDate.of(2022, 1, 1));
    assertThat(pin.filters()).containsEntry("edition", "HRP 2022");
    assertThat(pin.citation().recordCount()).isEqualTo(1);
    assertThat(pin.citation().sources().get(0).dataset())
        .isEqualTo("inneed_interagency_response_plans_2022__hxl.csv");
  }

  @Test
  void theShareIsNotGivenBecauseMenakaHasNoPopulation() {
    HumanitarianIndicators h = mali2022();
    double nine = 0;
    int regions = 0;
    for (Map<String, String> r : PlainCsv.readMaps(SharedData.require(POP_FILE), 0)) {
      if (!r.get("Population").isBlank()) {
        nine += Double.parseDouble(r.get("Population"));
        regions++;
      }
    }
    assertThat(regions).isEqualTo(9);
    Figure share = h.getFigure(HumanitarianIds.PEOPLE_IN_NEED_SHARE);
    assertThat(share.value()).isNull();
    assertThat(share.note()).contains("ML10");
    assertThat(share.denominator().complete()).isFalse();
    assertThat(share.denominator().value()).isEqualTo(nine);
    assertThat(h.getFigure(HumanitarianIds.POPULATION_COVERED).value()).isEqualTo(nine);
    assertThat(h.getFigure(HumanitarianIds.POPULATION).value()).isNull();
    assertThat(h.populationCoverage().orElseThrow().missingAreas()).containsExactly("ML10");
  }

  @Test
  void dtmRound72ByRegionAndItsChangeFromRound64() {
    HumanitarianIndicators h = mali2022();
    Figure idps = h.getFigure(HumanitarianIds.IDPS);
    assertThat(idps.value()).isEqualTo(401_736.0);
    assertThat(idps.vintage()).isEqualTo(LocalDate.of(2021, 9, 30));
    assertThat(idps.citation().recordCount()).isEqualTo(56);
    Figure mopti = h.getFigure(HumanitarianIds.idpsAdmin1("ML05"));
    assertThat(mopti.value()).isEqualTo(159_027.0);
    assertThat(h.idpsByAdmin1().get(0).pcode()).isEqualTo("ML05");
    assertThat(h.idpsByAdmin1().get(0).name()).isEqualTo("Mopti");

    // Gao's rows carry a padded region code ("MLI07   ") in round 72; all of them count.
    double gao = 0;
    for (Map<String, String> r : PlainCsv.readMaps(SharedData.require(R72_FILE), 1)) {
      if (r.get("Admin 1 pcode").strip().equals("MLI07")) {
        gao += Double.parseDouble(r.get(DTM_IDPS));
      }
    }
    assertThat(h.getFigure(HumanitarianIds.idpsAdmin1("ML07")).value()).isEqualTo(gao);

    double r64 = 0;
    for (Map<String, String> r : PlainCsv.readMaps(SharedData.require(R64_FILE), 0)) {
      r64 += Double.parseDouble(r.get(DTM_IDPS));
    }
    assertThat(h.getFigure(HumanitarianIds.IDPS_PREVIOUS).value()).isEqualTo(r64);
    assertThat(h.getFigure(HumanitarianIds.IDPS_PREVIOUS).vintage())
        .isEqualTo(LocalDate.of(2020, 4, 30));
    assertThat(h.getFigure(HumanitarianIds.IDPS_CHANGE).value()).isEqualTo(401_736.0 - r64);
    assertThat(h.getFigure(HumanitarianIds.IDPS_CHANGE_PERCENT).value())
        .isCloseTo((401_736.0 - r64) / r64 * 100.0, within(1e-9));
    // Round 64 codes its communes in another scheme (MLI00100112, not under MLI01), so its rows
    // cannot all be placed in regions: no change by region rather than a wrong one.
    assertThat(h.findFigure(HumanitarianIds.idpsAdmin1Change("ML05"))).isEmpty();
    assertThat(h.notes()).anyMatch(n -> n.startsWith("No change by region"));
    // Round 72 is 15 months older than the end of 2022: said so.
    assertThat(h.notes()).anyMatch(n -> n.contains("DTM round 72") && n.contains("a year older"));
  }

  @Test
  void idmcAndDtmAreBothGivenWithTheChoice() {
    HumanitarianIndicators h = mali2022();
    double stock2021 = 0;
    for (Map<String, String> r : PlainCsv.readMaps(SharedData.require(IDMC_FILE), 1)) {
      if (r.get("Year").equals("2021")) {
        stock2021 = Double.parseDouble(r.get("Conflict Stock Displacement (Raw)"));
      }
    }
    Figure stock = h.getFigure(HumanitarianIds.IDMC_IDPS_STOCK);
    assertThat(stock.value()).isEqualTo(stock2021);
    assertThat(stock.vintage()).isEqualTo(LocalDate.of(2021, 12, 31));
    assertThat(h.headlineIdps()).contains(HumanitarianIds.IDPS);
    assertThat(h.idpsChoice().orElseThrow()).contains("DTM round 72").contains("IDMC 2021");
  }

  /** The summed phase 3+ populations of one exercise's current analysis or projection. */
  private static double chTotal(String exercise, String chtype) {
    double total = 0;
    for (Map<String, String> r : PlainCsv.readMaps(SharedData.require(CH_FILE), 0)) {
      if ((r.get("exercise_label") + " " + r.get("exercise_year")).equals(exercise)
          && r.get("chtype").equals(chtype)
          && !r.get("phase35").isBlank()) {
        total += Double.parseDouble(r.get("phase35"));
      }
    }
    return total;
  }

  private static HumanitarianIndicators cadreHarmoniseOnly(Period window) {
    Obs o = Obs.create();
    cadreHarmonise(o);
    return HumanitarianIndicators.compute(o.source(), "MLI", window, ACCESSED);
  }

  @Test
  void cadreHarmoniseCurrentAnalysisAndForwardProjection() {
    HumanitarianIndicators h =
        cadreHarmoniseOnly(new Period(LocalDate.of(2018, 1, 1), LocalDate.of(2018, 12, 31)));
    Figure now = h.getFigure(HumanitarianIds.FOOD_PHASE3PLUS);
    assertThat(now.value()).isEqualTo(chTotal("Sep-Dec 2018", "current"));
    assertThat(now.filters()).containsEntry("edition", "CH Sep-Dec 2018 current");
    assertThat(now.vintage()).isEqualTo(LocalDate.of(2018, 9, 1));
    // The window's last exercise projects the next lean season, after the window: not the
    // 2017 exercise's projection of June-August 2018, a season already past.
    Figure later = h.getFigure(HumanitarianIds.FOOD_PHASE3PLUS_PROJECTED);
    assertThat(later.value()).isEqualTo(chTotal("Sep-Dec 2018", "projected"));
    assertThat(later.filters()).containsEntry("edition", "CH Sep-Dec 2018 projected Jun-Aug 2019");
    assertThat(later.vintage()).isEqualTo(LocalDate.of(2019, 6, 1));
    assertThat(h.notes())
        .anyMatch(n -> n.contains("CH Jan-May 2022 projected Jun-Aug 2022") && n.contains("after"));
  }

  @Test
  void aProjectionOfASeasonAlreadyPastIsNotGiven() {
    HumanitarianIndicators h = mali2022();
    Figure now = h.getFigure(HumanitarianIds.FOOD_PHASE3PLUS);
    assertThat(now.value()).isEqualTo(chTotal("Sep-Dec 2021", "current"));
    assertThat(now.filters()).containsEntry("edition", "CH Sep-Dec 2021 current");
    // The file's last exercise (March 2022) projects June-August 2022, over before 2022 ends.
    assertThat(h.findFigure(HumanitarianIds.FOOD_PHASE3PLUS_PROJECTED)).isEmpty();
    assertThat(h.notes())
        .anyMatch(
            n ->
                n.contains("CH Jan-May 2022 projected Jun-Aug 2022")
                    && n.contains("31 August 2022"));
  }

  /**
   * For every season the file projects twice (the November exercise, then the March update), a
   * window ending as the season starts uses the projection the file marks {@code usethisperiod =
   * Y}.
   */
  @Test
  void theProjectionUsedForASeasonIsTheOneTheFileMarksToUse() {
    Map<String, String> marked = new java.util.TreeMap<>();
    Map<String, Integer> exercises = new java.util.HashMap<>();
    for (Map<String, String> r : PlainCsv.readMaps(SharedData.require(CH_FILE), 0)) {
      if (!r.get("chtype").equals("projected")) {
        continue;
      }
      String season = r.get("reference_year") + " " + r.get("reference_label");
      String exercise = r.get("exercise_label") + " " + r.get("exercise_year");
      exercises.merge(season + "|" + exercise, 1, Integer::sum);
      if (r.get("usethisperiod").equals("Y")) {
        marked.put(season, exercise);
      }
    }
    int checked = 0;
    for (Map.Entry<String, String> e : marked.entrySet()) {
      String season = e.getKey();
      boolean twice =
          exercises.keySet().stream().filter(k -> k.startsWith(season + "|")).count() > 1;
      if (!twice) {
        continue;
      }
      LocalDate start =
          LocalDate.parse(season.substring(5, 8), MONTH)
              .withYear(Integer.parseInt(season.substring(0, 4)));
      HumanitarianIndicators h =
          cadreHarmoniseOnly(new Period(start.minusMonths(6), start.plusMonths(1).minusDays(1)));
      Figure p = h.getFigure(HumanitarianIds.FOOD_PHASE3PLUS_PROJECTED);
      assertThat(p.filters().get("edition")).startsWith("CH " + e.getValue() + " projected");
      assertThat(p.value()).isEqualTo(chTotal(e.getValue(), "projected"));
      checked++;
    }
    // Mali's file projects every June-August from 2016 to 2021 twice.
    assertThat(checked).isGreaterThanOrEqualTo(6);
  }
}
