package org.harmattan.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The outlook of a panel: the months after the origin for every unit, the past year's worst month
 * and the chance of exceeding it from the draws, the record against conflictology, and
 * conflictology instead of the learned model when the panel is too short to train it.
 */
class OutlookTest {
  private static final YearMonth FIRST = YearMonth.of(2012, 1);

  /** {@code units} units over {@code months} months of seeded Poisson counts. */
  private static MonthlyPanel panel(int units, int months) {
    SplittableRandom random = new SplittableRandom(5);
    List<Unit> list = new ArrayList<>();
    double[][] values = new double[units][months];
    for (int u = 0; u < units; u++) {
      list.add(new Unit("R" + u, "Region " + u, "MLI"));
      for (int m = 0; m < months; m++) {
        values[u][m] = Draws.poisson(random, 3.0 + 4 * u + (m % 7 == 0 ? 15 : 0));
      }
    }
    return MonthlyPanel.of(list, FIRST, values);
  }

  @Test
  void theOutlookForecastsEveryUnitAndScoresItsRecordAgainstConflictology() {
    MonthlyPanel p = panel(6, 72);
    YearMonth origin = p.last();
    Outlook.Result r = Outlook.compute(p, new Outlook.Options(origin, 6, 400, 3, 4));

    assertThat(r.model()).isEqualTo("boosted-quantiles");
    assertThat(r.modelNote()).isNull();
    assertThat(r.units()).hasSize(6);
    for (Outlook.UnitOutlook u : r.units()) {
      int row = p.find(u.unit().id()).orElseThrow();
      double highest = 0;
      for (int m = p.index(origin) - 11; m <= p.index(origin); m++) {
        highest = Math.max(highest, p.value(row, m));
      }
      double max = highest;
      assertThat(u.pastMax()).isEqualTo(max);
      UnitForecast next = u.forecasts().get(0);
      assertThat(next.month()).isEqualTo(origin.plusMonths(1));
      assertThat(u.forecasts()).hasSize(6);
      long above = Arrays.stream(next.draws()).filter(d -> d > max).count();
      assertThat(u.nextAbovePastMax()).isEqualTo(above / 400.0);
      double sum = 0;
      for (int i = 0; i < 3; i++) {
        sum += u.forecasts().get(i).quantile(0.95);
      }
      assertThat(u.totalQuantile(3, 0.95)).isCloseTo(sum, within(1e-9));
    }

    Outlook.TrackRecord record = r.record();
    assertThat(record).isNotNull();
    // Four origins ending three months before the forecast origin, three months each.
    assertThat(record.origins())
        .containsExactly(
            origin.minusMonths(6),
            origin.minusMonths(5),
            origin.minusMonths(4),
            origin.minusMonths(3));
    assertThat(record.model().pooled().cells()).isEqualTo(6 * 4 * 3);
    assertThat(record.conflictology().pooled().cells()).isEqualTo(6 * 4 * 3);
    // Conflictology's CRPS by hand: each unit's 12 months before the origin are its draws.
    double crps = 0;
    for (YearMonth o : record.origins()) {
      for (int u = 0; u < 6; u++) {
        double[] last12 = new double[12];
        for (int i = 0; i < 12; i++) {
          last12[i] = p.value(u, p.index(o) - 11 + i);
        }
        for (int h = 1; h <= 3; h++) {
          crps += Scores.crps(last12, p.value(u, p.index(o) + h));
        }
      }
    }
    assertThat(record.conflictology().pooled().crps()).isCloseTo(crps / 72, within(1e-9));
  }

  @Test
  void aPanelTooShortToTrainOnGivesConflictologyAndSaysWhy() {
    MonthlyPanel p = panel(1, 20);
    Outlook.Result r = Outlook.compute(p, new Outlook.Options(p.last(), 3, 100, 1, 2));
    assertThat(r.model()).isEqualTo("conflictology");
    assertThat(r.modelNote()).contains("too few to train");
    assertThat(r.record()).isNull();
    assertThat(r.recordNote()).contains("could not be trained");
    assertThat(r.units()).hasSize(1);
  }
}
