package org.harmattan.analytics.humanitarian;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.List;
import org.harmattan.domain.figure.Denominator;
import org.harmattan.domain.figure.Figure;
import org.harmattan.domain.figure.Period;
import org.junit.jupiter.api.Test;

class HumanitarianIndicatorsTest {
  private static final LocalDate ACCESSED = LocalDate.of(2026, 11, 26);
  private static final LocalDate R64 = LocalDate.of(2020, 4, 30);
  private static final LocalDate R72 = LocalDate.of(2021, 9, 30);

  private static Period year(int y) {
    return new Period(LocalDate.of(y, 1, 1), LocalDate.of(y, 12, 31));
  }

  private static HumanitarianIndicators compute(Obs obs, Period window) {
    return HumanitarianIndicators.compute(obs.source(), "MLI", window, ACCESSED);
  }

  /** The nine regions of the COD-PS table that have a figure; Ménaka (ML10) has none. */
  private static Obs nineRegions(Obs o) {
    return o.population("ML01", "Kayes", 2_457_204)
        .population("ML02", "Koulikoro", 2_985_338)
        .population("ML03", "Sikasso", 3_257_816)
        .population("ML04", "Ségou", 2_882_102)
        .population("ML05", "Mopti", 2_509_703)
        .population("ML06", "Tombouctou", 831_707)
        .population("ML07", "Gao", 668_410)
        .population("ML08", "Kidal", 83_490)
        .population("ML09", "Bamako", 2_231_344);
  }

  @Test
  void usesTheLatestEditionNotAfterTheWindowsEnd() {
    Obs o =
        Obs.create()
            .pin("HRP 2021", LocalDate.of(2021, 1, 1), 5_900_000)
            .pin("HRP 2022", LocalDate.of(2022, 1, 1), 7_522_833);

    HumanitarianIndicators y2021 = compute(o, year(2021));
    Figure pin2021 = y2021.getFigure(HumanitarianIds.PEOPLE_IN_NEED);
    assertThat(pin2021.value()).isEqualTo(5_900_000.0);
    assertThat(pin2021.vintage()).isEqualTo(LocalDate.of(2021, 1, 1));
    assertThat(pin2021.filters()).containsEntry("edition", "HRP 2021");
    assertThat(pin2021.query()).contains("HRP 2021").contains("not after 2021-12-31");
    assertThat(y2021.peopleInNeed().orElseThrow().newerEdition()).isEqualTo("HRP 2022");
    assertThat(y2021.notes()).anyMatch(n -> n.contains("HRP 2022") && n.contains("after"));

    // A window ending the day the 2022 plan starts already uses it.
    Period upToPlan = new Period(LocalDate.of(2021, 7, 1), LocalDate.of(2022, 1, 1));
    assertThat(compute(o, upToPlan).getFigure(HumanitarianIds.PEOPLE_IN_NEED).value())
        .isEqualTo(7_522_833.0);

    HumanitarianIndicators y2024 = compute(o, year(2024));
    assertThat(y2024.getFigure(HumanitarianIds.PEOPLE_IN_NEED).value()).isEqualTo(7_522_833.0);
    assertThat(y2024.peopleInNeed().orElseThrow().stale()).isTrue();
    assertThat(y2024.notes())
        .anyMatch(n -> n.contains("HRP 2022") && n.contains("more than a year older"));

    HumanitarianIndicators y2020 = compute(o, year(2020));
    assertThat(y2020.findFigure(HumanitarianIds.PEOPLE_IN_NEED)).isEmpty();
    assertThat(y2020.notes())
        .anyMatch(n -> n.contains("31 December 2020") && n.contains("HRP 2021"));
  }

  @Test
  void aPopulationMissingARegionGivesNoShareButSaysWhy() {
    // Ménaka appears in DTM (its cercle ML1001) but has no population figure.
    Obs o =
        nineRegions(Obs.create())
            .pin("HRP 2022", LocalDate.of(2022, 1, 1), 7_522_833)
            .dtm(Obs.DTM_R72, "DTM round 72", R72, 2, "ML0501", 31_388)
            .dtm(Obs.DTM_R72, "DTM round 72", R72, 2, "ML1001", 8_000);

    HumanitarianIndicators h = compute(o, year(2022));

    Figure share = h.getFigure(HumanitarianIds.PEOPLE_IN_NEED_SHARE);
    assertThat(share.value()).isNull();
    assertThat(share.note()).contains("ML10").contains("lower bound").contains("upper bound");
    Denominator d = share.denominator();
    assertThat(d.complete()).isFalse();
    assertThat(d.source()).isEqualTo(HumanitarianIds.POPULATION_COVERED);
    double nine =
        2_457_204 + 2_985_338 + 3_257_816 + 2_882_102 + 2_509_703 + 831_707 + 668_410 + 83_490
            + 2_231_344;
    assertThat(d.value()).isEqualTo(nine);
    assertThat(d.vintage()).isEqualTo(LocalDate.of(2021, 1, 1));
    assertThat(d.label()).contains("9 of 10").contains("ML10");
    assertThat(share.vintage()).isEqualTo(LocalDate.of(2022, 1, 1));
    assertThat(h.getFigure(HumanitarianIds.POPULATION).value()).isNull();
    assertThat(h.getFigure(HumanitarianIds.POPULATION).note()).contains("ML10");
    assertThat(h.getFigure(HumanitarianIds.POPULATION_COVERED).value()).isEqualTo(nine);
    assertThat(h.populationCoverage().orElseThrow().missingAreas()).containsExactly("ML10");
    assertThat(h.populationCoverage().orElseThrow().complete()).isFalse();
    // The share's citation names both the plan and the population rows.
    assertThat(share.citation().sources()).containsExactly(Obs.HRP, Obs.POP);
    assertThat(share.citation().recordCount()).isEqualTo(10);
  }

  @Test
  void aCompletePopulationGivesTheShareWithItsDenominator() {
    Obs o =
        Obs.create()
            .pin("HRP 2022", LocalDate.of(2022, 1, 1), 7_522_833)
            .add(
                Obs.POP,
                "population",
                "COD-PS 2022",
                "population",
                null,
                0,
                "ML",
                "Mali",
                LocalDate.of(2022, 1, 1),
                21_000_000)
            // Region rows under the country row are not added again.
            .population("ML05", "Mopti", 2_509_703)
            .dtm(Obs.DTM_R72, "DTM round 72", R72, 2, "ML1001", 8_000);

    HumanitarianIndicators h = compute(o, year(2022));

    Figure share = h.getFigure(HumanitarianIds.PEOPLE_IN_NEED_SHARE);
    assertThat(share.value()).isCloseTo(7_522_833.0 / 21_000_000.0, within(1e-12));
    assertThat(share.unit()).isEqualTo("share");
    assertThat(share.note()).isNull();
    assertThat(share.denominator().complete()).isTrue();
    assertThat(share.denominator().value()).isEqualTo(21_000_000.0);
    assertThat(share.denominator().source()).isEqualTo(HumanitarianIds.POPULATION);
    assertThat(h.getFigure(HumanitarianIds.POPULATION).value()).isEqualTo(21_000_000.0);
    assertThat(h.findFigure(HumanitarianIds.POPULATION_COVERED)).isEmpty();
  }

  @Test
  void comparesTheLatestDtmRoundWithTheOneBefore() {
    Obs o =
        Obs.create()
            // Round 64: communes and one cercle reported at admin2 only; all are added.
            .dtm(Obs.DTM_R64, "DTM round 64", R64, 3, "ML050101", 60_000)
            .dtm(Obs.DTM_R64, "DTM round 64", R64, 3, "ML070301", 40_000)
            .dtm(Obs.DTM_R64, "DTM round 64", R64, 2, "ML1004", 0)
            // Round 72: communes.
            .dtm(Obs.DTM_R72, "DTM round 72", R72, 3, "ML050101", 90_000)
            .dtm(Obs.DTM_R72, "DTM round 72", R72, 3, "ML050201", 30_000)
            .dtm(Obs.DTM_R72, "DTM round 72", R72, 3, "ML070301", 35_000)
            // A later round, after the window.
            .dtm(Obs.DTM_R72, "DTM round 80", LocalDate.of(2023, 3, 31), 3, "ML050101", 1);

    HumanitarianIndicators h = compute(o, year(2022));

    Figure now = h.getFigure(HumanitarianIds.IDPS);
    Figure before = h.getFigure(HumanitarianIds.IDPS_PREVIOUS);
    assertThat(now.value()).isEqualTo(155_000.0);
    assertThat(now.vintage()).isEqualTo(R72);
    assertThat(before.value()).isEqualTo(100_000.0);
    assertThat(before.vintage()).isEqualTo(R64);
    Figure change = h.getFigure(HumanitarianIds.IDPS_CHANGE);
    assertThat(change.value()).isEqualTo(55_000.0);
    assertThat(change.label())
        .contains("DTM round 64 (30 April 2020)")
        .contains("DTM round 72 (30 September 2021)");
    assertThat(change.citation().recordCount()).isEqualTo(6);
    assertThat(change.citation().sources()).containsExactlyInAnyOrder(Obs.DTM_R72, Obs.DTM_R64);
    assertThat(h.getFigure(HumanitarianIds.IDPS_CHANGE_PERCENT).value())
        .isCloseTo(55.0, within(1e-9));
    assertThat(h.idps().orElseThrow().newerEdition()).isEqualTo("DTM round 80");
    assertThat(h.idpsPrevious().orElseThrow().edition()).isEqualTo("DTM round 64");

    // By region: Mopti (ML05) 120,000 then Gao (ML07) 35,000, from the communes' prefixes.
    assertThat(h.idpsByAdmin1()).extracting(AreaRow::pcode).containsExactly("ML05", "ML07");
    assertThat(h.getFigure(HumanitarianIds.idpsAdmin1("ML05")).value()).isEqualTo(120_000.0);
    assertThat(h.getFigure(HumanitarianIds.idpsAdmin1("ML05")).citation().recordCount())
        .isEqualTo(2);
    // Change by region: Mopti 120,000 against 60,000; Gao 35,000 against 40,000.
    assertThat(h.idpsByAdmin1())
        .extracting(AreaRow::changeFigureId)
        .containsExactly(
            HumanitarianIds.idpsAdmin1Change("ML05"), HumanitarianIds.idpsAdmin1Change("ML07"));
    assertThat(h.getFigure(HumanitarianIds.idpsAdmin1Change("ML05")).value()).isEqualTo(60_000.0);
    assertThat(h.getFigure(HumanitarianIds.idpsAdmin1Change("ML07")).value()).isEqualTo(-5_000.0);
    assertThat(h.idpsTopAdmin2())
        .extracting(AreaRow::pcode)
        .containsExactly("ML0501", "ML0703", "ML0502");
  }

  @Test
  void aPlaceNoObservationNamesTakesTheAdminReferencesName() {
    // As in the December 2018 DTM file: Ménaka's cercle is coded, its region (ML10) is named by
    // no row; the HDX P-code table names it.
    Obs o =
        Obs.create()
            .dtm(Obs.DTM_R72, "DTM round 72", R72, 2, "ML1001", 12_543)
            .dtm(Obs.DTM_R72, "DTM round 72", R72, 2, "ML0501", 5);
    assertThat(compute(o, year(2021)).idpsByAdmin1())
        .extracting(AreaRow::pcode, AreaRow::name)
        .containsExactly(tuple("ML10", "ML10"), tuple("ML05", "ML05"));

    o.unit(1, "ML10", "Menaka").unit(1, "ML05", "Mopti").unit(2, "ML1001", "Menaka");
    HumanitarianIndicators h = compute(o, year(2021));

    assertThat(h.idpsByAdmin1())
        .extracting(AreaRow::pcode, AreaRow::name)
        .containsExactly(tuple("ML10", "Menaka"), tuple("ML05", "Mopti"));
    // A name an observation gives stays: the cercle row names itself.
    assertThat(h.idpsTopAdmin2()).extracting(AreaRow::name).contains("ML1001");
    assertThat(h.getFigure(HumanitarianIds.idpsAdmin1("ML10")).value()).isEqualTo(12_543.0);
  }

  @Test
  void noChangeByRegionWhenARoundHasRowsOutsideTheRegionCodes() {
    Obs o =
        Obs.create()
            // Round 64 as its file codes communes: MLI00100112, not under ML01.
            .dtm(Obs.DTM_R64, "DTM round 64", R64, 3, "ML00100112", 45)
            .dtm(Obs.DTM_R64, "DTM round 64", R64, 3, "ML050101", 60)
            .dtm(Obs.DTM_R72, "DTM round 72", R72, 3, "ML050101", 90);
    HumanitarianIndicators h = compute(o, year(2022));
    assertThat(h.getFigure(HumanitarianIds.IDPS_CHANGE).value()).isEqualTo(-15.0);
    assertThat(h.findFigure(HumanitarianIds.idpsAdmin1Change("ML05"))).isEmpty();
    assertThat(h.idpsByAdmin1()).extracting(AreaRow::changeFigureId).containsOnlyNulls();
    assertThat(h.notes()).anyMatch(n -> n.startsWith("No change by region"));
  }

  @Test
  void onlyOneDtmRoundGivesNoChange() {
    Obs o = Obs.create().dtm(Obs.DTM_R72, "DTM round 72", R72, 3, "ML050101", 10);
    HumanitarianIndicators h = compute(o, year(2022));
    assertThat(h.findFigure(HumanitarianIds.IDPS_CHANGE)).isEmpty();
    assertThat(h.idpsPrevious()).isEmpty();
  }

  @Test
  void regionTotalsAreNotAddedToTheirOwnDetail() {
    Obs o =
        Obs.create()
            .dtm(Obs.DTM_R72, "DTM round 72", R72, 1, "ML05", 100)
            .dtm(Obs.DTM_R72, "DTM round 72", R72, 2, "ML0501", 60)
            .dtm(Obs.DTM_R72, "DTM round 72", R72, 2, "ML0502", 40)
            .dtm(Obs.DTM_R72, "DTM round 72", R72, 2, "ML0703", 7);
    HumanitarianIndicators h = compute(o, year(2021));
    assertThat(h.getFigure(HumanitarianIds.IDPS).value()).isEqualTo(107.0);
    assertThat(h.getFigure(HumanitarianIds.idpsAdmin1("ML05")).value()).isEqualTo(100.0);
    assertThat(h.getFigure(HumanitarianIds.idpsAdmin1("ML07")).value()).isEqualTo(7.0);
  }

  @Test
  void whenDtmAndIdmcDisagreeBothAreGivenAndTheChoiceIsStated() {
    Obs o =
        Obs.create()
            .dtm(Obs.DTM_R72, "DTM round 72", R72, 3, "ML050101", 401_736)
            .idmc(2020, 326_298)
            .idmc(2021, 326_135);

    HumanitarianIndicators h = compute(o, year(2022));

    assertThat(h.getFigure(HumanitarianIds.IDPS).value()).isEqualTo(401_736.0);
    Figure stock = h.getFigure(HumanitarianIds.IDMC_IDPS_STOCK);
    assertThat(stock.value()).isEqualTo(326_135.0);
    assertThat(stock.vintage()).isEqualTo(LocalDate.of(2021, 12, 31));
    assertThat(h.headlineIdps()).contains(HumanitarianIds.IDPS);
    assertThat(h.idpsChoice().orElseThrow())
        .contains("IOM DTM")
        .contains("DTM round 72")
        .contains("IDMC 2021")
        .contains("field count")
        .contains("year-end");
    assertThat(h.getFigure(HumanitarianIds.IDMC_VS_DTM).value())
        .isCloseTo((326_135.0 - 401_736.0) / 401_736.0 * 100.0, within(1e-9));

    // A DTM round more than a year older than IDMC's year-end estimate does not lead.
    Obs old =
        Obs.create()
            .dtm(Obs.DTM_R64, "DTM round 64", R64, 3, "ML050101", 250_998)
            .idmc(2021, 326_135);
    HumanitarianIndicators h2 = compute(old, year(2022));
    assertThat(h2.headlineIdps()).contains(HumanitarianIds.IDMC_IDPS_STOCK);
    assertThat(h2.idpsChoice().orElseThrow()).contains("more than a year older");
  }

  @Test
  void cadreHarmoniseCurrentAndProjectedAreNamedByExercise() {
    LocalDate sepDec2021 = LocalDate.of(2021, 9, 1);
    LocalDate junAug2022 = LocalDate.of(2022, 6, 1);
    Obs o =
        Obs.create()
            .ch("Sep-Dec 2021", "current", sepDec2021, "ML0501", 100)
            .ch("Sep-Dec 2021", "current", sepDec2021, "ML0505", 50)
            // Koro split into accessible / limited-access pseudo-units: both are added.
            .ch("Sep-Dec 2021", "current", sepDec2021, "ML0505", 25)
            .ch("Sep-Dec 2021", "projected", junAug2022, "ML0501", 300)
            // The March exercise projects the same season again: it updates November's.
            .ch("Jan-May 2022", "projected", junAug2022, "ML0501", 400);

    // At the end of 2021, the November exercise's projection is the outlook.
    HumanitarianIndicators late2021 = compute(o, year(2021));
    Figure current = late2021.getFigure(HumanitarianIds.FOOD_PHASE3PLUS);
    assertThat(current.value()).isEqualTo(175.0);
    assertThat(current.vintage()).isEqualTo(sepDec2021);
    assertThat(current.filters())
        .containsEntry("edition", "CH Sep-Dec 2021 current")
        .containsEntry("qualifier", "current");
    Figure november = late2021.getFigure(HumanitarianIds.FOOD_PHASE3PLUS_PROJECTED);
    assertThat(november.value()).isEqualTo(300.0);
    assertThat(november.filters())
        .containsEntry("edition", "CH Sep-Dec 2021 projected Jun-Aug 2022");
    assertThat(late2021.notes())
        .anyMatch(n -> n.contains("CH Jan-May 2022 projected") && n.contains("after the window"));

    // Once the March exercise is in the window, its projection of the season replaces it.
    HumanitarianIndicators spring =
        compute(o, new Period(LocalDate.of(2022, 1, 1), LocalDate.of(2022, 6, 30)));
    Figure march = spring.getFigure(HumanitarianIds.FOOD_PHASE3PLUS_PROJECTED);
    assertThat(march.value()).isEqualTo(400.0);
    assertThat(march.filters()).containsEntry("edition", "CH Jan-May 2022 projected Jun-Aug 2022");
    assertThat(spring.getFigure(HumanitarianIds.FOOD_PHASE3PLUS).value()).isEqualTo(175.0);

    // After the season, the projection describes the past: no projection figure, a note.
    HumanitarianIndicators whole2022 = compute(o, year(2022));
    assertThat(whole2022.findFigure(HumanitarianIds.FOOD_PHASE3PLUS_PROJECTED)).isEmpty();
    assertThat(whole2022.notes()).anyMatch(n -> n.contains("ended on 31 August 2022"));
  }

  @Test
  void everyFigureCarriesItsWindowVintageFiltersAndCitation() {
    Obs o =
        nineRegions(Obs.create())
            .pin("HRP 2022", LocalDate.of(2022, 1, 1), 7_522_833)
            .dtm(Obs.DTM_R72, "DTM round 72", R72, 3, "ML050101", 10)
            .idmc(2021, 326_135)
            .ch("Sep-Dec 2021", "current", LocalDate.of(2021, 9, 1), "ML0501", 100);
    HumanitarianIndicators h = compute(o, year(2022));
    List<Figure> all = h.listFigures();
    assertThat(all).isNotEmpty();
    for (Figure f : all) {
      assertThat(f.period()).as(f.id()).isEqualTo(year(2022));
      assertThat(f.vintage()).as(f.id()).isNotNull();
      assertThat(f.filters()).as(f.id()).containsEntry("country", "MLI");
      assertThat(f.citation().accessed()).as(f.id()).isEqualTo(ACCESSED);
      assertThat(f.citation().eventIds()).as(f.id()).isNotEmpty().isSorted();
      assertThat(f.citation().sources()).as(f.id()).isNotEmpty();
      assertThat(f.id()).startsWith("humanitarian.");
    }
    Figure pin = h.getFigure(HumanitarianIds.PEOPLE_IN_NEED);
    assertThat(pin.citation().eventIds()).containsExactly(o.list().get(9).recordId());
    assertThat(pin.citation().sources()).containsExactly(Obs.HRP);
  }

  @Test
  void noObservationsGivesNoFigures() {
    HumanitarianIndicators h = compute(Obs.create(), year(2022));
    assertThat(h.hasObservations()).isFalse();
    assertThat(h.listFigures()).isEmpty();
    assertThat(h.idpsChoice()).isEmpty();
  }
}
