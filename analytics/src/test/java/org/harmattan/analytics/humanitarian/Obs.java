package org.harmattan.analytics.humanitarian;

import java.time.LocalDate;
import java.time.Month;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.harmattan.domain.figure.SourceRef;
import org.harmattan.domain.humanitarian.AdminUnit;
import org.harmattan.domain.humanitarian.CadreHarmoniseEdition;
import org.harmattan.domain.humanitarian.Observation;
import org.harmattan.engine.query.ObservationSource;

/** Observations shaped like the ingest's, and an in-memory {@link ObservationSource} of them. */
final class Obs {
  static final SourceRef DTM_R72 =
      new SourceRef("IOM DTM", "dtm_mali_baseline_assessment_round_72__hxl.xlsx", "7428a1b9");
  static final SourceRef DTM_R64 =
      new SourceRef("IOM DTM", "DTM_Mali_Baseline_Assessment_Round_64_April_2020.xlsx", "56202ef6");
  static final SourceRef HRP =
      new SourceRef("OCHA HPC", "inneed_interagency_response_plans_2022__hxl.csv", "b68a6ee1");
  static final SourceRef POP =
      new SourceRef("OCHA COD-PS", "subnational_population_hrp_countries.csv", "676ae14e");
  static final SourceRef IDMC =
      new SourceRef("IDMC", "idmc_displacement_data__hxl.csv", "7a006676");
  static final SourceRef CH =
      new SourceRef("CILSS/RPCA", "cadre_harmonise_caf_ipc.xlsx", "2c503baa");

  private final List<Observation> list = new ArrayList<>();
  private final List<AdminUnit> units = new ArrayList<>();

  static Obs create() {
    return new Obs();
  }

  /** A unit of the admin reference, as a P-code table of Mali (valid from 2021-12-20) gives it. */
  Obs unit(int level, String pcode, String name) {
    units.add(
        new AdminUnit(
            "MLI",
            level,
            pcode,
            name,
            level == 1 ? "MLI" : pcode.substring(0, 4),
            LocalDate.of(2021, 12, 20),
            units.size() + 3L));
    return this;
  }

  Obs add(
      SourceRef source,
      String dataset,
      String edition,
      String indicator,
      String qualifier,
      int level,
      String pcode,
      String name,
      LocalDate vintage,
      double value) {
    long line = list.size() + 3L;
    list.add(
        new Observation(
            String.format(Locale.ROOT, "%s:%s:%d", dataset, source.sha256(), line),
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
            source,
            line));
    return this;
  }

  Obs add(Observation o) {
    list.add(o);
    return this;
  }

  /** A people-in-need row of a response plan. */
  Obs pin(String edition, LocalDate vintage, double value) {
    return add(
        HRP, "response-plan", edition, "people_in_need", null, 0, "ML", "Mali", vintage, value);
  }

  /** A DTM row. */
  Obs dtm(SourceRef source, String round, LocalDate vintage, int level, String pcode, double idps) {
    return add(source, "iom-dtm", round, "idps", null, level, pcode, pcode, vintage, idps);
  }

  /** A population row of a region. */
  Obs population(String pcode, String name, double value) {
    return add(
        POP,
        "population",
        "COD-PS 2021",
        "population",
        null,
        1,
        pcode,
        name,
        LocalDate.of(2021, 1, 1),
        value);
  }

  Obs idmc(int year, double stock) {
    return add(
        IDMC,
        "idmc",
        "IDMC " + year,
        "idmc.idps.stock.conflict",
        null,
        0,
        null,
        "Mali",
        LocalDate.of(year, 12, 31),
        stock);
  }

  /**
   * A Cadre Harmonisé phase 3+ population of a cercle in an exercise ("Sep-Dec 2021"); a projection
   * describes the three months from {@code vintage} ("Jun-Aug 2022").
   */
  Obs ch(String exercise, String qualifier, LocalDate vintage, String pcode, double phase35) {
    int space = exercise.indexOf(' ');
    String months = month(vintage.getMonth()) + "-" + month(vintage.getMonth().plus(2));
    return add(
        CH,
        "cadre-harmonise",
        CadreHarmoniseEdition.name(
            exercise.substring(0, space),
            Integer.parseInt(exercise.substring(space + 1)),
            qualifier,
            months,
            vintage.getYear()),
        "food_insecure.phase3plus",
        qualifier,
        2,
        pcode,
        pcode,
        vintage,
        phase35);
  }

  private static String month(Month m) {
    return m.getDisplayName(TextStyle.SHORT, Locale.ENGLISH);
  }

  List<Observation> list() {
    return List.copyOf(list);
  }

  /** The store's port over these rows, ordered as the store orders them. */
  ObservationSource source() {
    List<Observation> sorted = new ArrayList<>(list);
    sorted.sort(
        Comparator.comparing(Observation::vintage)
            .thenComparing(Observation::dataset)
            .thenComparing(Observation::edition)
            .thenComparing(Observation::recordId));
    List<AdminUnit> reference = List.copyOf(units);
    return new ObservationSource() {
      @Override
      public List<Observation> listObservations(String country, String indicator) {
        return sorted.stream()
            .filter(o -> o.countryIso3().equals(country))
            .filter(o -> indicator == null || o.indicator().equals(indicator))
            .toList();
      }

      @Override
      public List<AdminUnit> listAdminUnits(String country) {
        return reference.stream().filter(u -> u.countryIso3().equals(country)).toList();
      }

      @Override
      public Map<String, LocalDate> listReadDays() {
        return Map.of();
      }
    };
  }
}
