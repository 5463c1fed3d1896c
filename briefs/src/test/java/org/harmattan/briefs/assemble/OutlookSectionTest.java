package org.harmattan.briefs.assemble;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.harmattan.briefs.model.Block;
import org.harmattan.briefs.model.Brief;
import org.harmattan.briefs.model.Inline;
import org.harmattan.briefs.render.ChartRenderer;
import org.harmattan.domain.figure.Citation;
import org.harmattan.domain.figure.Figure;
import org.harmattan.domain.figure.Period;
import org.harmattan.forecast.EventPanels;
import org.harmattan.forecast.MonthlyPanel;
import org.harmattan.forecast.Outlook;
import org.harmattan.forecast.Unit;
import org.junit.jupiter.api.Test;

/**
 * The Outlook section: its figures are the outlook's numbers (the total's percentiles, the chance
 * of exceeding the past year, the record against conflictology), its fan chart plots the reported
 * months and the forecast, its table lists the regions most deaths first, and every figure cites
 * the events of its unit.
 */
class OutlookSectionTest {
  private static final YearMonth FIRST = YearMonth.of(2015, 1);
  private static final YearMonth ORIGIN = YearMonth.of(2018, 12);

  private static EventPanels.Built panel() {
    SplittableRandom random = new SplittableRandom(9);
    String[] regions = {"Gao", "Mopti", "Kidal"};
    int months = 48;
    double[][] values = new double[4][months];
    List<Unit> units = new ArrayList<>();
    units.add(new Unit("MLI", "MLI", "MLI"));
    for (int r = 0; r < regions.length; r++) {
      units.add(new Unit(regions[r], regions[r], "MLI"));
      for (int m = 0; m < months; m++) {
        values[r + 1][m] = Math.floor(random.nextDouble() * (5 + 20 * r));
        values[0][m] += values[r + 1][m];
      }
    }
    Map<String, Citation> citations = new LinkedHashMap<>();
    for (Unit u : units) {
      citations.put(
          u.id(),
          new Citation(
              List.of(),
              3,
              List.of(u.id() + "-1", u.id() + "-2", u.id() + "-3"),
              LocalDate.of(2019, 2, 1)));
    }
    return new EventPanels.Built(
        MonthlyPanel.of(units, FIRST, values), citations, "fatalities of MLI per region and month");
  }

  @Test
  void theSectionStatesTheOutlooksNumbersAsCitedFiguresWithAFanChart() {
    EventPanels.Built p = panel();
    Outlook.Result outlook = Outlook.compute(p.panel(), new Outlook.Options(ORIGIN, 6, 500, 1, 6));
    OutlookSection.Built built = OutlookSection.build(outlook, p, "MLI", "Mali");
    Map<String, Figure> figures = new LinkedHashMap<>();
    built.figures().forEach(f -> figures.put(f.id(), f));

    Outlook.UnitOutlook mali = outlook.units().get(0);
    assertThat(mali.unit().id()).isEqualTo("MLI");
    double median = Math.rint(mali.totalQuantile(3, 0.5));
    assertThat(figures.get("forecast.fatalities.next_3m").getValue()).isEqualTo(median);
    assertThat(figures.get("forecast.fatalities.next_3m.low").getValue())
        .isLessThanOrEqualTo(median);
    assertThat(figures.get("forecast.fatalities.next_3m.high").getValue())
        .isGreaterThanOrEqualTo(median);
    assertThat(figures.get("forecast.fatalities.next_3m").period())
        .isEqualTo(new Period(LocalDate.of(2019, 1, 1), LocalDate.of(2019, 3, 31)));
    assertThat(figures.get("forecast.fatalities.p_above_past_max").getValue())
        .isEqualTo(mali.nextAbovePastMax());
    double pastMax = 0;
    for (int m = 36; m < 48; m++) {
      pastMax = Math.max(pastMax, p.panel().value(0, m));
    }
    assertThat(figures.get("forecast.fatalities.past_max").getValue()).isEqualTo(pastMax);
    double model = outlook.record().model().pooled().crps();
    double bench = outlook.record().conflictology().pooled().crps();
    assertThat(figures.get("forecast.crps_vs_conflictology").getValue())
        .isCloseTo(100 * (model - bench) / bench, within(1e-9));
    assertThat(figures.get("forecast.crps.model").getValue()).isEqualTo(model);
    // Every figure cites the events of its unit: the country's, or a region's.
    assertThat(figures.get("forecast.fatalities.next_3m").citation().eventIds())
        .containsExactly("MLI-1", "MLI-2", "MLI-3");
    assertThat(figures.get("forecast.fatalities.admin1.gao.next_3m").citation().eventIds())
        .containsExactly("Gao-1", "Gao-2", "Gao-3");

    Block.Chart fan =
        built.section().blocks().stream()
            .filter(Block.Chart.class::isInstance)
            .map(Block.Chart.class::cast)
            .findFirst()
            .orElseThrow();
    assertThat(fan.kind()).isEqualTo(Block.Kind.FAN);
    assertThat(fan.series())
        .extracting(Block.Series::name)
        .containsExactly(
            "Reported",
            "Forecast (median)",
            "90 % interval, lower bound",
            "90 % interval, upper bound");
    List<Block.Point> reported = fan.series().get(0).points();
    assertThat(reported).hasSize(OutlookSection.HISTORY_MONTHS);
    assertThat(figures.get(reported.get(5).figureId()).getValue())
        .isEqualTo(p.panel().value(0, 47));
    assertThat(fan.series().get(1).points()).hasSize(7);

    Block.Table table =
        built.section().blocks().stream()
            .filter(Block.Table.class::isInstance)
            .map(Block.Table.class::cast)
            .findFirst()
            .orElseThrow();
    List<Double> expected = new ArrayList<>();
    for (List<List<Inline>> row : table.rows()) {
      expected.add(figures.get(((Inline.FigureRef) row.get(1).get(0)).figureId()).getValue());
    }
    assertThat(expected).hasSize(3).isSortedAccordingTo((a, b) -> Double.compare(b, a));

    Brief brief =
        new Brief(
            "Mali",
            "MLI",
            "Mali",
            new Period(LocalDate.of(2018, 1, 1), LocalDate.of(2018, 12, 31)),
            null,
            false,
            List.of(built.section()),
            built.figures(),
            "test",
            Instant.EPOCH);
    String svg = ChartRenderer.toSvg(fan, brief);
    assertThat(svg)
        .contains("90 % interval")
        .contains("Forecast (median)")
        .doesNotContain("lower bound");
  }

  @Test
  void tooLittleHistoryGivesASectionThatSaysSo() {
    OutlookSection.Built none = OutlookSection.unavailable("too few months");
    assertThat(none.figures()).isEmpty();
    assertThat(((Block.Paragraph) none.section().blocks().get(0)).parts())
        .containsExactly(Inline.text("No outlook: too few months."));
  }
}
