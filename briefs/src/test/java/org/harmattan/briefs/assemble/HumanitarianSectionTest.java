package org.harmattan.briefs.assemble;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.harmattan.analytics.humanitarian.HumanitarianIds;
import org.harmattan.analytics.humanitarian.HumanitarianIndicators;
import org.harmattan.briefs.model.Block;
import org.harmattan.briefs.model.Brief;
import org.harmattan.briefs.model.Inline;
import org.harmattan.briefs.model.Section;
import org.harmattan.briefs.render.MarkdownRenderer;
import org.harmattan.domain.figure.Figure;
import org.harmattan.domain.figure.Period;
import org.harmattan.domain.figure.SourceRef;
import org.harmattan.domain.humanitarian.AdminUnit;
import org.harmattan.domain.humanitarian.Observation;
import org.harmattan.engine.query.ObservationSource;
import org.junit.jupiter.api.Test;

class HumanitarianSectionTest {
  private static final Period Y2022 =
      new Period(LocalDate.of(2022, 1, 1), LocalDate.of(2022, 12, 31));
  private static final LocalDate R64 = LocalDate.of(2020, 4, 30);
  private static final LocalDate R72 = LocalDate.of(2021, 9, 30);
  private static final SourceRef DTM =
      new SourceRef("IOM DTM", "dtm_mali_baseline_assessment_round_72__hxl.xlsx", "7428a1b9");
  private static final SourceRef HRP =
      new SourceRef("OCHA HPC", "inneed_interagency_response_plans_2022__hxl.csv", "b68a6ee1");
  private static final SourceRef POP =
      new SourceRef("OCHA COD-PS", "subnational_population_hrp_countries.csv", "676ae14e");
  private static final SourceRef IDMC =
      new SourceRef("IDMC", "idmc_displacement_data__hxl.csv", "7a006676");
  private static final SourceRef CH =
      new SourceRef("CILSS/RPCA", "cadre_harmonise_caf_ipc.xlsx", "2c503baa");

  private final List<Observation> rows = new ArrayList<>();

  private void add(
      SourceRef src,
      String dataset,
      String edition,
      String indicator,
      String qualifier,
      int level,
      String pcode,
      String name,
      LocalDate vintage,
      double value) {
    long line = rows.size() + 3L;
    rows.add(
        new Observation(
            dataset + ":" + src.sha256() + ":" + line,
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
            line));
  }

  private ObservationSource source() {
    List<Observation> copy = List.copyOf(rows);
    return new ObservationSource() {
      @Override
      public List<Observation> listObservations(String country, String indicator) {
        return copy.stream()
            .filter(o -> o.countryIso3().equals(country))
            .filter(o -> indicator == null || o.indicator().equals(indicator))
            .toList();
      }

      /** No P-code table: places are named by the observations alone. */
      @Override
      public List<AdminUnit> listAdminUnits(String country) {
        return List.of();
      }

      @Override
      public Map<String, LocalDate> listReadDays() {
        return Map.of();
      }
    };
  }

  /** Mali as the real files give it: Ménaka (ML10) has IDPs but no population figure. */
  private void mali() {
    add(
        HRP,
        "response-plan",
        "HRP 2022",
        "people_in_need",
        null,
        0,
        null,
        "Mali",
        LocalDate.of(2022, 1, 1),
        7_522_833);
    String[][] regions = {
      {"ML01", "Kayes", "2457204"}, {"ML05", "Mopti", "2509703"}, {"ML07", "Gao", "668410"}
    };
    for (String[] r : regions) {
      add(
          POP,
          "population",
          "COD-PS 2020",
          "population",
          null,
          1,
          r[0],
          r[1],
          LocalDate.of(2020, 1, 1),
          Double.parseDouble(r[2]));
    }
    add(DTM, "iom-dtm", "DTM round 64", "idps", null, 3, "ML050101", "Bandiagara", R64, 100_000);
    add(DTM, "iom-dtm", "DTM round 72", "idps", null, 3, "ML050101", "Bandiagara", R72, 159_027);
    add(DTM, "iom-dtm", "DTM round 72", "idps", null, 3, "ML070301", "Gao", R72, 97_859);
    add(DTM, "iom-dtm", "DTM round 72", "idps", null, 3, "ML100101", "Menaka", R72, 12_995);
    add(DTM, "iom-dtm", "DTM round 72", "idps", null, 3, "ML010101", "Kayes", R72, 2_435);
    add(
        IDMC,
        "idmc",
        "IDMC 2021",
        "idmc.idps.stock.conflict",
        null,
        0,
        null,
        "Mali",
        LocalDate.of(2021, 12, 31),
        326_135);
    add(
        CH,
        "cadre-harmonise",
        "CH Sep-Dec 2021 current",
        "food_insecure.phase3plus",
        "current",
        2,
        "ML0501",
        "Bandiagara",
        LocalDate.of(2021, 9, 1),
        146_203);
    add(
        CH,
        "cadre-harmonise",
        // The November 2022 exercise projects the next lean season, after the window.
        "CH Sep-Dec 2022 projected Jun-Aug 2023",
        "food_insecure.phase3plus",
        "projected",
        2,
        "ML0501",
        "Bandiagara",
        LocalDate.of(2023, 6, 1),
        194_937);
  }

  private static List<Inline> inlines(Section s) {
    List<Inline> out = new ArrayList<>();
    for (Block b : s.blocks()) {
      if (b instanceof Block.Paragraph p) {
        out.addAll(p.parts());
      } else if (b instanceof Block.Bullets bl) {
        bl.items().forEach(out::addAll);
      } else if (b instanceof Block.Table t) {
        t.rows().forEach(r -> r.forEach(out::addAll));
      }
    }
    return out;
  }

  private static String text(Section s) {
    return inlines(s).stream()
        .map(
            i ->
                i instanceof Inline.Text t
                    ? t.text()
                    : "{" + ((Inline.FigureRef) i).figureId() + "}")
        .collect(Collectors.joining());
  }

  private static String markdown(HumanitarianSection hs) {
    Brief brief =
        new Brief(
            "Mali: humanitarian figures",
            "MLI",
            "Mali",
            Y2022,
            null,
            false,
            List.of(hs.section()),
            hs.figures(),
            "Sources: OCHA, IOM DTM, IDMC, CILSS.",
            Instant.parse("2026-11-26T00:00:00Z"));
    return MarkdownRenderer.render(brief);
  }

  @Test
  void isWrittenInFrenchWithFrenchLabelsAndNotes() {
    mali();
    HumanitarianIndicators h =
        HumanitarianIndicators.compute(
            source(),
            "MLI",
            Y2022,
            LocalDate.of(2026, 11, 26),
            org.harmattan.domain.text.Language.FR);
    HumanitarianSection hs =
        HumanitarianSection.build(
            h,
            "Mali",
            org.harmattan.analytics.regions.PlaceNames.none(),
            org.harmattan.domain.text.Language.FR);
    assertThat(hs.section().title()).isEqualTo("Situation humanitaire");
    String t = text(hs.section());
    assertThat(t)
        .contains(
            "Personnes dans le besoin\u00a0: {humanitarian.people_in_need} (HRP 2022, chiffre au"
                + " 1er janvier 2022).")
        .contains("{humanitarian.idps} déplacées internes lors de DTM round 72 (30 septembre 2021)")
        .contains("La note retient le recensement de la DTM de l’OIM")
        .contains("Cadre Harmonisé, CH Sep-Dec 2021 current\u00a0: ")
        .doesNotContain(
            "People in need", "internally displaced", "The brief uses", "or worse", " is in the");
    assertThat(h.getFigure("humanitarian.idps").label())
        .isEqualTo("personnes déplacées internes recensées par la DTM de l’OIM (DTM round 72)");
    assertThat(h.notes()).isNotEmpty().noneMatch(n -> n.contains(" the window"));
    String md = markdown(hs);
    assertThat(md).contains("| Région | P-code | PDI |");
  }

  @Test
  void citesEveryIndicatorWithItsEditionAndVintage() {
    mali();
    HumanitarianIndicators h =
        HumanitarianIndicators.compute(source(), "MLI", Y2022, LocalDate.of(2026, 11, 26));
    HumanitarianSection hs = HumanitarianSection.build(h, "Mali");

    assertThat(hs.section().id()).isEqualTo("humanitarian");
    assertThat(hs.section().title()).isEqualTo("Humanitarian situation");
    String t = text(hs.section());
    assertThat(t)
        .contains(
            "People in need: {humanitarian.people_in_need} (HRP 2022, figure describing 1"
                + " January 2022)")
        .contains("{humanitarian.idps} internally displaced in DTM round 72 (30 September 2021)")
        .contains(
            "{humanitarian.idps.previous} in DTM round 64 (30 April 2020): a change of"
                + " {humanitarian.idps.change} ({humanitarian.idps.change.percent})")
        .contains("IDMC estimates {humanitarian.idmc.idps_stock}")
        .contains("The brief uses IOM DTM's count")
        .contains(
            "Cadre Harmonisé, CH Sep-Dec 2021 current: "
                + "{humanitarian.food_insecure.phase3plus}")
        .contains(
            "Cadre Harmonisé, CH Sep-Dec 2022 projected Jun-Aug 2023: "
                + "{humanitarian.food_insecure.phase3plus.projected}");

    // The IDP table: one row per region, largest first, its number a figure reference.
    Block.Table regions =
        hs.section().blocks().stream()
            .filter(b -> b instanceof Block.Table)
            .map(b -> (Block.Table) b)
            .filter(tb -> tb.caption().startsWith("Internally displaced people by region"))
            .findFirst()
            .orElseThrow();
    assertThat(regions.caption()).contains("DTM round 72, 30 September 2021");
    assertThat(regions.rows().get(0).get(0)).containsExactly(Inline.text("Mopti"));
    assertThat(regions.rows().get(0).get(2))
        .containsExactly(Inline.number(HumanitarianIds.idpsAdmin1("ML05")));
    assertThat(regions.rows()).hasSize(4);
    assertThat(regions.headers())
        .containsExactly("Region", "P-code", "IDPs", "Change since DTM round 64");
    assertThat(regions.rows().get(0).get(3))
        .containsExactly(Inline.number(HumanitarianIds.idpsAdmin1Change("ML05")));
    assertThat(h.getFigure(HumanitarianIds.idpsAdmin1Change("ML05")).value())
        .isEqualTo(159_027.0 - 100_000.0);

    // Every reference is to a figure the section hands over.
    Set<String> ids = hs.figures().stream().map(Figure::id).collect(Collectors.toSet());
    for (Inline i : inlines(hs.section())) {
      if (i instanceof Inline.FigureRef ref) {
        assertThat(ids).contains(ref.figureId());
      }
    }
  }

  @Test
  void sourcesThatGiveTheSameNumberAgree() {
    mali();
    HumanitarianIndicators differ =
        HumanitarianIndicators.compute(source(), "MLI", Y2022, LocalDate.of(2026, 11, 26));
    assertThat(text(HumanitarianSection.build(differ, "Mali").section()))
        .contains("IDMC's figure differs by {humanitarian.idps.idmc_vs_dtm}")
        .contains("The sources disagree.");

    // IDMC's stock equal to round 72's count: 159,027 + 97,859 + 12,995 + 2,435 = 272,316.
    rows.removeIf(o -> o.dataset().equals("idmc"));
    add(
        IDMC,
        "idmc",
        "IDMC 2021",
        "idmc.idps.stock.conflict",
        null,
        0,
        null,
        "Mali",
        LocalDate.of(2021, 12, 31),
        272_316);
    HumanitarianIndicators same =
        HumanitarianIndicators.compute(source(), "MLI", Y2022, LocalDate.of(2026, 11, 26));
    assertThat(same.getFigure(HumanitarianIds.IDMC_VS_DTM).value()).isEqualTo(0.0);
    assertThat(text(HumanitarianSection.build(same, "Mali").section()))
        .contains("the same number (a difference of {humanitarian.idps.idmc_vs_dtm})")
        .contains("The sources agree.")
        .doesNotContain("differs by")
        .doesNotContain("disagree");
  }

  @Test
  void anIncompletePopulationPrintsNoPercentage() {
    mali();
    HumanitarianIndicators h =
        HumanitarianIndicators.compute(source(), "MLI", Y2022, LocalDate.of(2026, 11, 26));
    HumanitarianSection hs = HumanitarianSection.build(h, "Mali");

    assertThat(text(hs.section()))
        .contains("the population table has no figure for ML10")
        .contains("{humanitarian.population.covered}")
        .contains("lower bound");
    String md = markdown(hs);
    int at = md.indexOf("No share of the population is given");
    assertThat(at).isPositive();
    String sentence = md.substring(at, md.indexOf("\n", at));
    assertThat(sentence)
        .contains("5,635,317 people") // 2,457,204 + 2,509,703 + 668,410
        .contains("(share: n/a[^")
        .doesNotContain("%");
    // The share's reference gives the reason and the incomplete denominator.
    Figure share = h.getFigure(HumanitarianIds.PEOPLE_IN_NEED_SHARE);
    assertThat(md)
        .contains(
            "[^"
                + (hs.figures().indexOf(share) + 1)
                + "]: **people in need as a share of the population (HRP 2022):** n/a (not"
                + " computed: the population table has no figure for ML10");
    assertThat(md).contains("7,522,833 people").contains("272,316 people");
  }

  @Test
  void withoutObservationsTheSectionSaysHowToAddThem() {
    HumanitarianIndicators h =
        HumanitarianIndicators.compute(source(), "MLI", Y2022, LocalDate.of(2026, 11, 26));
    HumanitarianSection hs = HumanitarianSection.build(h, "Mali");
    assertThat(hs.figures()).isEmpty();
    assertThat(hs.section().title()).isEqualTo("Humanitarian situation");
    assertThat(text(hs.section()))
        .contains("No humanitarian data for Mali is in the store")
        .contains("`harmattan ingest FILE`")
        .contains("IOM DTM");
  }
}
