package org.harmattan.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.harmattan.domain.error.HarmattanException;
import org.junit.jupiter.api.Test;

/**
 * The learned model on a small seeded panel: reproducible, honest about units it cannot forecast.
 */
class BoostedQuantilesTest {
  private static final YearMonth FIRST = YearMonth.of(2010, 1);

  /** 20 units over 96 months: Poisson counts around unit-specific levels; unit 19 stops early. */
  private static MonthlyPanel panel() {
    SplittableRandom random = new SplittableRandom(3);
    List<Unit> units = new ArrayList<>();
    double[][] values = new double[20][96];
    for (int u = 0; u < 20; u++) {
      units.add(new Unit(String.valueOf(u + 1), "unit " + (u + 1), "MLI"));
      for (int m = 0; m < 96; m++) {
        values[u][m] = Draws.poisson(random, u * 2.0 + (m % 12 == 0 ? 10 : 0));
      }
    }
    Arrays.fill(values[19], 80, 96, Double.NaN);
    return MonthlyPanel.of(units, FIRST, values);
  }

  private static ForecastRun run(long seed) {
    return new BoostedQuantiles(Map.of("1", List.of("2", "3")))
        .forecast(
            new ForecastRequest(
                panel(),
                YearMonth.of(2017, 6),
                YearMonth.of(2017, 7),
                YearMonth.of(2017, 9),
                200,
                seed));
  }

  @Test
  void theSameSeedGivesTheSameDrawsAndAnotherSeedOthers() {
    ForecastRun a = run(11);
    ForecastRun b = run(11);
    ForecastRun c = run(12);
    assertThat(a.forecasts()).hasSize(19 * 3).isEqualTo(b.forecasts());
    assertThat(a.forecasts()).isNotEqualTo(c.forecasts());
    for (UnitForecast f : a.forecasts()) {
      assertThat(f.size()).isEqualTo(200);
      assertThat(Arrays.stream(f.draws()).allMatch(d -> d >= 0 && d == Math.rint(d))).isTrue();
      assertThat(f.horizon()).isBetween(1, 3);
    }
  }

  @Test
  void aUnitWithoutRecentHistoryIsSkippedWithTheReason() {
    ForecastRun r = run(11);
    assertThat(r.skipped()).hasSize(1);
    assertThat(r.skipped().get(0).unit().id()).isEqualTo("20");
    assertThat(r.skipped().get(0).reason())
        .isEqualTo("no value in 10 of the 12 months up to 2017-06");
  }

  @Test
  void levelsFollowTheUnitsOwnHistory() {
    // Unit 19 (mean 36) is forecast far above unit 1 (mean 0, bar January's 10).
    ForecastRun r = run(11);
    double low = mean(r, "1");
    double high = mean(r, "19");
    assertThat(low).isLessThan(5);
    assertThat(high).isBetween(20.0, 55.0);
  }

  @Test
  void drawsFollowTheQuantileFunction() {
    double[] flat = new double[BoostedQuantiles.LEVELS.length];
    Arrays.fill(flat, Math.log1p(10));
    assertThat(BoostedQuantiles.draw(flat, 100, new SplittableRandom(1))).containsOnly(10.0);
    double[] rising = new double[BoostedQuantiles.LEVELS.length];
    for (int i = 0; i < rising.length; i++) {
      rising[i] = Math.log1p(BoostedQuantiles.LEVELS[i] * 100);
    }
    double[] d = BoostedQuantiles.draw(rising, 1000, new SplittableRandom(1));
    Arrays.sort(d);
    // The median draw sits at the 0.5 quantile, 50.
    assertThat(Scores.quantile(d, 0.5)).isBetween(49.0, 51.0);
  }

  @Test
  void aPeriodBeyondTheDataOrBeforeTheTrainingEndIsRefused() {
    MonthlyPanel p = panel();
    assertThatThrownBy(
            () ->
                new ForecastRequest(
                    p, YearMonth.of(2018, 6), YearMonth.of(2018, 7), YearMonth.of(2018, 8), 10, 1))
        .isInstanceOf(HarmattanException.class)
        .hasMessage("the data end in 2017-12: cannot train until 2018-06");
    assertThatThrownBy(
            () ->
                new ForecastRequest(
                    p, YearMonth.of(2017, 6), YearMonth.of(2017, 6), YearMonth.of(2017, 8), 10, 1))
        .hasMessage(
            "the first month forecast (2017-06) must come after the training data (2017-06)");
  }

  private static double mean(ForecastRun r, String unit) {
    return r.forecasts().stream()
        .filter(f -> f.unit().id().equals(unit))
        .mapToDouble(UnitForecast::mean)
        .average()
        .orElseThrow();
  }
}
