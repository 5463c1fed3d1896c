package org.harmattan.analytics.warning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Expected tail probabilities come from hand formulas written here (the pmf recurrence, direct
 * summation) or from reference values computed with mpmath 1.3.0 at 40 significant digits: for the
 * Poisson {@code gammainc(k, 0, lambda, regularized=True)}, the regularized lower incomplete gamma
 * function P(k, lambda) = P(X >= k); for the negative binomial {@code betainc(k, r, 0, mu / (r +
 * mu), regularized=True)}, the regularized incomplete beta function I_q(k, r) = P(X >= k). A
 * reference value is written in full in a comment and in the code as the nearest double.
 */
class CountAnomalyTest {
  /** Relative agreement of {@code actual} with {@code expected}. */
  private static void assertRelative(double actual, double expected, double tolerance) {
    assertThat(Math.abs(actual - expected)).isLessThanOrEqualTo(tolerance * Math.abs(expected));
  }

  /**
   * {@code P(X >= k)} for a negative binomial by the gamma-Poisson mixture recurrence {@code P(0) =
   * p^r}, {@code P(j + 1) = P(j) (j + r) / (j + 1) (1 - p)}: no log-gamma, no log space.
   */
  private static double negativeBinomialByRecurrence(long k, double size, double mean) {
    double p = size / (size + mean);
    double pmf = Math.pow(p, size);
    double lower = 0;
    for (long j = 0; j < k; j++) {
      lower += pmf;
      pmf *= (j + size) / (j + 1) * (1 - p);
    }
    return 1 - lower;
  }

  /** {@code P(X >= k)} for a Poisson by direct summation of {@code e^-l l^j / j!}. */
  private static double poissonByDirectSum(long k, double lambda) {
    double lower = 0;
    double factorial = 1;
    for (long j = 0; j < k; j++) {
      if (j > 0) {
        factorial *= j;
      }
      lower += Math.exp(-lambda) * Math.pow(lambda, (double) j) / factorial;
    }
    return 1 - lower;
  }

  @Test
  void poissonTailByHand() {
    // 1 - e^-1 (1 + 1 + 1/2 + 1/6 + 1/24)
    assertRelative(CountAnomaly.poissonUpperTail(5, 1), 0.0036598468273437122, 1e-13);
    assertRelative(CountAnomaly.poissonUpperTail(1, 1), 1 - Math.exp(-1), 1e-14);
    assertThat(CountAnomaly.poissonUpperTail(0, 1)).isEqualTo(1);
    assertThat(CountAnomaly.poissonUpperTail(0, 0)).isEqualTo(1);
    assertThat(CountAnomaly.poissonUpperTail(1, 0)).isZero();
  }

  @ParameterizedTest(name = "P(X >= {0} | {1})")
  @CsvSource({"1, 0.3", "3, 2.5", "7, 2.5", "10, 10", "12, 10", "25, 10", "4, 17.5", "40, 17.5"})
  void poissonTailMatchesDirectSummation(long k, double lambda) {
    // The direct sum takes 1 - (a number near 1), so it is only good to about 1e-15 absolute.
    assertThat(CountAnomaly.poissonUpperTail(k, lambda))
        .isCloseTo(poissonByDirectSum(k, lambda), offset(1e-14));
  }

  @ParameterizedTest(name = "P(X >= {0} | 1e5)")
  @CsvSource({
    // mpmath: gammainc(k, 0, 1e5, regularized=True)
    "100000, 0.50042052211036517669",
    "101000, 0.00079980104155454103192",
    "102000, 1.4634507837249212863e-10",
    "103000, 1.8828310129004925011e-21",
    "98000, 0.99999999989013575024",
  })
  void poissonTailIsStableForAHugeMean(long k, double expected) {
    assertRelative(CountAnomaly.poissonUpperTail(k, 1e5), expected, 1e-9);
  }

  @Test
  void poissonTailAtTheMeanMatchesRamanujan() {
    // P(X >= n | n) = 1/2 + theta e^-n n^n / n!, theta -> 1/3 + 4 / (135 n).
    double n = 1e5;
    double pmf = 1 / Math.sqrt(2 * Math.PI * n) * (1 - 1 / (12 * n));
    assertThat(CountAnomaly.poissonUpperTail(100_000, n))
        .isCloseTo(0.5 + (1.0 / 3 + 4 / (135 * n)) * pmf, offset(1e-9));
  }

  @Test
  void poissonScoreFromABaseline() {
    AnomalyScore s = CountAnomaly.poisson(5, new double[] {0, 1, 2});
    assertThat(s.model()).isEqualTo(CountAnomaly.MODEL_POISSON);
    assertThat(s.mean()).isEqualTo(1);
    assertThat(s.variance()).isEqualTo(1);
    assertThat(s.size()).isInfinite();
    assertRelative(s.pValue(), 0.0036598468273437122, 1e-13);
    // -log10 0.0036598468273437122
    assertThat(s.score()).isCloseTo(2.436537090406527, offset(1e-12));
    assertThat(s.notes()).isEmpty();
  }

  @Test
  void scoreStaysFiniteWhenThePValueUnderflows() {
    AnomalyScore s = CountAnomaly.poisson(1000, new double[] {1, 1});
    assertThat(s.pValue()).isZero();
    // -log10 P(X >= 1000 | 1); mpmath: -log10(gammainc(1000, 0, 1, regularized=True)).
    assertThat(s.score()).isCloseTo(2568.0385046269903, offset(1e-9));
  }

  @Test
  void zeroBaselineMakesAnyEventImpossible() {
    AnomalyScore one = CountAnomaly.poisson(1, new double[] {0, 0, 0});
    assertThat(one.pValue()).isZero();
    assertThat(one.score()).isInfinite();
    assertThat(one.notes()).containsExactly(CountAnomaly.NOTE_ZERO_MEAN);
    AnomalyScore none = CountAnomaly.poisson(0, new double[] {0, 0, 0});
    assertThat(none.pValue()).isEqualTo(1);
    assertThat(none.score()).isZero();
  }

  @ParameterizedTest(name = "P(X >= {0} | r = {1}, mean = {2})")
  @CsvSource({
    "20, 2.5, 8, 0.046276763968031490454",
    "3, 0.5, 10, 0.60364505651013628709",
    "50, 1.3, 12.25, 0.012132212853111794139",
    "30, 3, 5, 0.000058410314292359466271",
  })
  void negativeBinomialTail(long k, double size, double mean, double expected) {
    double tail = CountAnomaly.negativeBinomialUpperTail(k, size, mean);
    assertRelative(tail, negativeBinomialByRecurrence(k, size, mean), 1e-10);
    // mpmath: betainc(k, r, 0, mean / (r + mean), regularized=True)
    assertRelative(tail, expected, 1e-10);
  }

  @Test
  void negativeBinomialTailEdges() {
    assertThat(CountAnomaly.negativeBinomialUpperTail(0, 2, 8)).isEqualTo(1);
    assertThat(CountAnomaly.negativeBinomialUpperTail(1, 2, 0)).isZero();
    // P(X >= 1) = 1 - p^r
    assertRelative(CountAnomaly.negativeBinomialUpperTail(1, 2, 8), 1 - Math.pow(0.2, 2), 1e-14);
    // A huge size is nearly Poisson: mpmath gives 0.0054530920366420101801 for r = 1e9 and
    // 0.0054530919130093593500 for Poisson(5). For a size this large the pmf is taken as Poisson
    // with a first-order correction, good to about 1e-9 here.
    double tail = CountAnomaly.negativeBinomialUpperTail(12, 1e9, 5);
    assertRelative(tail, 0.00545309203664201, 1e-8);
    assertRelative(tail, poissonByDirectSum(12, 5), 1e-6);
  }

  @Test
  void negativeBinomialByMethodOfMoments() {
    // Mean 8, sample variance (36 + 16 + 4 + 64) / 3 = 40, size 64 / 32 = 2.
    AnomalyScore s = CountAnomaly.negativeBinomial(20, new double[] {2, 4, 10, 16});
    assertThat(s.model()).isEqualTo(CountAnomaly.MODEL_NEGATIVE_BINOMIAL);
    assertThat(s.mean()).isEqualTo(8);
    assertThat(s.variance()).isEqualTo(40);
    assertThat(s.size()).isEqualTo(2);
    // mpmath: betainc(20, 2, 0, 0.8, regularized=True) = 0.0576460752303423488
    assertRelative(s.pValue(), 0.05764607523034235, 1e-10);
    assertRelative(s.pValue(), negativeBinomialByRecurrence(20, 2, 8), 1e-10);
    // -log10 0.0576460752303423488 = 1.2392302558251094824
    assertThat(s.score()).isCloseTo(1.2392302558251094, within(1e-10));
    assertThat(s.notes()).isEmpty();
  }

  @Test
  void negativeBinomialFallsBackToPoissonWithoutOverdispersion() {
    AnomalyScore flat = CountAnomaly.negativeBinomial(5, new double[] {1, 1, 1});
    assertThat(flat.model()).isEqualTo(CountAnomaly.MODEL_POISSON);
    assertThat(flat.notes()).containsExactly(CountAnomaly.NOTE_NOT_OVERDISPERSED);
    assertRelative(flat.pValue(), 0.0036598468273437122, 1e-13);

    // Variance exactly equal to the mean: mean 1, variance (1 + 0 + 1) / 2 = 1.
    assertThat(CountAnomaly.negativeBinomial(5, new double[] {0, 1, 2}).notes())
        .containsExactly(CountAnomaly.NOTE_NOT_OVERDISPERSED);

    AnomalyScore single = CountAnomaly.negativeBinomial(5, new double[] {1});
    assertThat(single.model()).isEqualTo(CountAnomaly.MODEL_POISSON);
    assertThat(single.notes()).containsExactly(CountAnomaly.NOTE_TOO_SHORT);
  }

  @Test
  void rejectsBadInput() {
    assertThatThrownBy(() -> CountAnomaly.poisson(1, new double[0]))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> CountAnomaly.poisson(-1, new double[] {1}))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> CountAnomaly.negativeBinomial(1, new double[] {1, Double.NaN}))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static final LocalDate AS_OF = LocalDate.parse("2024-02-29");

  private static DailySeries monthlySeries(long last, long... blocksOldestFirst) {
    Map<LocalDate, Long> m = new HashMap<>();
    m.put(AS_OF, last);
    for (int i = 0; i < blocksOldestFirst.length; i++) {
      int back = blocksOldestFirst.length - i; // block index counted from the as-of date
      m.merge(AS_OF.minusDays(30L * back), blocksOldestFirst[i], Long::sum);
    }
    return DailySeries.of("Mali", m);
  }

  /**
   * The baseline of the monthly tests: {2, 4, 10, 16} three times. Mean 8; squared deviations 3 ×
   * (36 + 16 + 4 + 64) = 360, sample variance 360 / 11; size 8² / (360 / 11 - 8) = 704 / 272 = 44 /
   * 17.
   */
  private static final long[] OVERDISPERSED = {2, 4, 10, 16, 2, 4, 10, 16, 2, 4, 10, 16};

  private static final double SIZE = 44.0 / 17;

  @Test
  void monthlyUsesTheNegativeBinomialWhenOverdispersed() {
    Signal s = CountAnomaly.monthly(monthlySeries(30, OVERDISPERSED), AS_OF);
    assertThat(s.ruleId()).isEqualTo("anomaly.negbin");
    assertThat(s.area()).isEqualTo("Mali");
    assertThat(s.observed()).isEqualTo(30);
    assertThat(s.baseline()).isEqualTo(8);
    assertThat(s.baselineWindow().lengthDays()).isEqualTo(360);
    // mpmath: betainc(30, 44/17, 0, 8 / (44/17 + 8), regularized=True)
    // = 0.0046458938420966292012
    assertRelative(s.pValue(), 0.004645893842096629, 1e-10);
    assertRelative(s.pValue(), negativeBinomialByRecurrence(30, SIZE, 8), 1e-10);
    assertThat(s.triggered()).isTrue();
    assertThat(s.level()).isEqualTo("anomalous");
  }

  @Test
  void monthlyThresholdIsTheSmallestCountBelowFivePercent() {
    // mpmath: P(X >= 19) = 0.055280328958965855828, P(X >= 20) = 0.044603692145006316989 for
    // size 44/17 and mean 8, so 20 is the smallest count whose p-value is below 0.05.
    assertRelative(negativeBinomialByRecurrence(19, SIZE, 8), 0.055280328958965855, 1e-10);
    assertRelative(negativeBinomialByRecurrence(20, SIZE, 8), 0.04460369214500632, 1e-10);

    assertThat(CountAnomaly.monthly(monthlySeries(0, OVERDISPERSED), AS_OF).threshold())
        .isEqualTo(20);
    Signal at = CountAnomaly.monthly(monthlySeries(20, OVERDISPERSED), AS_OF);
    Signal below = CountAnomaly.monthly(monthlySeries(19, OVERDISPERSED), AS_OF);
    assertThat(at.triggered()).isTrue();
    assertRelative(at.pValue(), 0.04460369214500632, 1e-10);
    assertThat(below.triggered()).isFalse();
    assertThat(below.level()).isEqualTo("not anomalous");
    assertRelative(below.pValue(), 0.055280328958965855, 1e-10);
  }

  @Test
  void monthlyFallsBackToPoissonForAFlatBaseline() {
    long[] blocks = new long[12];
    Arrays.fill(blocks, 10);
    Signal s = CountAnomaly.monthly(monthlySeries(16, blocks), AS_OF);
    assertThat(s.ruleId()).isEqualTo("anomaly.poisson");
    assertThat(s.notes()).containsExactly(CountAnomaly.NOTE_NOT_OVERDISPERSED);
    // Poisson(10): P(X >= 16) = 0.0487 and P(X >= 15) = 0.0835 (mpmath: 0.048740403303978703759
    // and 0.083458472934662824911), so 16 is the threshold.
    assertThat(s.threshold()).isEqualTo(16);
    assertThat(s.triggered()).isTrue();
    assertThat(s.pValue()).isCloseTo(poissonByDirectSum(16, 10), within(1e-12));
    assertRelative(s.pValue(), 0.048740403303978705, 1e-10);
  }
}
