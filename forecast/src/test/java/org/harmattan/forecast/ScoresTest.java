package org.harmattan.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The scores on ensembles small enough to compute by hand. */
class ScoresTest {

  @Test
  void crpsOfTheEnsembleIsTheMeanErrorLessHalfTheMeanSpreadOverAllPairs() {
    // draws 0, 2, 4 and outcome 3: mean |x - y| = (3 + 1 + 1) / 3 = 5/3; pairs |x - x'| over the
    // 9 ordered pairs: 0,2,4,2,0,2,4,2,0 = 16, mean 16/9; CRPS = 5/3 - 8/9 = 7/9.
    assertThat(Scores.crps(new double[] {4, 0, 2}, 3)).isCloseTo(7.0 / 9, within(1e-12));
    // One draw: the absolute error.
    assertThat(Scores.crps(new double[] {5}, 2)).isCloseTo(3, within(1e-12));
  }

  @Test
  void ignCountsDrawsInTheCompetitionBinsWithOnePseudoCountEach() {
    // 4 draws: 0, 0 (bin 0), 1 (bin 1: 0.5-2.5), 30 (bin 5: 25.5-50.5); 11 bins of pseudo-counts.
    double[] draws = {0, 0, 1, 30};
    assertThat(Scores.ign(draws, 0)).isCloseTo(-log2(3.0 / 15), within(1e-12));
    assertThat(Scores.ign(draws, 2)).isCloseTo(-log2(2.0 / 15), within(1e-12));
    assertThat(Scores.ign(draws, 7)).isCloseTo(-log2(1.0 / 15), within(1e-12));
    // 1000.5 and above is the last, open bin.
    assertThat(Scores.ign(new double[] {5000}, 1001)).isCloseTo(-log2(2.0 / 12), within(1e-12));
  }

  @Test
  void intervalScoreIsTheWidthPlusTheMissOverHalfAlpha() {
    // draws 0..100: the 5 % and 95 % quantiles are 5 and 95.
    double[] draws = new double[101];
    for (int i = 0; i < draws.length; i++) {
      draws[i] = i;
    }
    assertThat(Scores.mis(draws, 50, 0.1)).isCloseTo(90, within(1e-9));
    assertThat(Scores.mis(draws, 100, 0.1)).isCloseTo(90 + 20 * 5, within(1e-9));
    assertThat(Scores.mis(draws, 0, 0.1)).isCloseTo(90 + 20 * 5, within(1e-9));
    assertThat(Scores.covers(draws, 95, 0.1)).isTrue();
    assertThat(Scores.covers(draws, 96, 0.1)).isFalse();
  }

  @Test
  void quantilesInterpolateBetweenOrderStatisticsAsNumpyDoes() {
    double[] sorted = {1, 2, 10};
    assertThat(Scores.quantile(sorted, 0.5)).isEqualTo(2);
    assertThat(Scores.quantile(sorted, 0.75)).isEqualTo(6);
    assertThat(Scores.quantile(sorted, 1)).isEqualTo(10);
  }

  private static double log2(double x) {
    return Math.log(x) / Math.log(2);
  }
}
