package org.harmattan.analytics.warning;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.harmattan.domain.figure.Period;

/**
 * A count-model anomaly score: how likely a count at least as high as the one observed is under a
 * Poisson or negative-binomial model whose parameters are estimated from a baseline of counts.
 *
 * <p>Tail probabilities are summed exactly, term by term, in log space: the first term from
 * Loader's saddle-point form of the Poisson pmf (for the negative binomial, of the binomial pmf it
 * is written with, as R does), the next ones by the pmf recurrence. When the count is above the
 * mean the upper tail is summed; otherwise one minus the lower tail, which is then at most about
 * one half. This stays accurate for means up to 1e5 and beyond. {@link StrictMath} throughout, so
 * results are the same on every platform.
 */
public final class CountAnomaly {
  /** Model name of the Poisson model. */
  public static final String MODEL_POISSON = "poisson";

  /** Model name of the negative-binomial model. */
  public static final String MODEL_NEGATIVE_BINOMIAL = "negative binomial";

  /** Rule id of {@link #monthly} when the Poisson model was used. */
  public static final String RULE_POISSON = "anomaly.poisson";

  /** Rule id of {@link #monthly} when the negative-binomial model was used. */
  public static final String RULE_NEGATIVE_BINOMIAL = "anomaly.negbin";

  /** The p-value below which {@link #monthly} fires. */
  public static final double ALPHA = 0.05;

  public static final String LEVEL_ANOMALOUS = "anomalous";
  public static final String LEVEL_NOT_ANOMALOUS = "not anomalous";

  static final String NOTE_NOT_OVERDISPERSED =
      "baseline variance not above its mean: Poisson model used instead of negative binomial";
  static final String NOTE_TOO_SHORT =
      "fewer than two baseline values, no variance: Poisson model used instead of negative"
          + " binomial";
  static final String NOTE_ZERO_MEAN =
      "baseline is zero throughout: any positive count has probability zero under the model";

  private static final double LN_2PI = StrictMath.log(2 * StrictMath.PI);
  private static final double LN_10 = StrictMath.log(10);

  /** Relative size of the neglected tail at which a sum stops. */
  private static final double EPSILON = 1e-17;

  private CountAnomaly() {}

  /**
   * The Poisson score of {@code observed} against a baseline: {@code lambda} is the baseline mean,
   * the p-value is {@code P(X >= observed | lambda)}.
   */
  public static AnomalyScore poisson(long observed, double[] baseline) {
    Moments m = moments(observed, baseline);
    return poissonScore(observed, m, List.of());
  }

  /**
   * The negative-binomial score of {@code observed} against a baseline, with mean and size
   * estimated by the method of moments: {@code mean} the baseline mean, {@code variance} the sample
   * variance (denominator n - 1), {@code size = mean^2 / (variance - mean)}. When the variance is
   * not above the mean, or there are fewer than two values, there is no overdispersion to model and
   * the Poisson score is returned, with a note saying so.
   */
  public static AnomalyScore negativeBinomial(long observed, double[] baseline) {
    Moments m = moments(observed, baseline);
    if (baseline.length < 2) {
      return poissonScore(observed, m, List.of(NOTE_TOO_SHORT));
    }
    if (!(m.variance > m.mean)) {
      return poissonScore(observed, m, List.of(NOTE_NOT_OVERDISPERSED));
    }
    double size = m.mean * m.mean / (m.variance - m.mean);
    double logP = logNegativeBinomialUpperTail(observed, size, m.mean);
    return new AnomalyScore(
        MODEL_NEGATIVE_BINOMIAL,
        observed,
        m.mean,
        m.variance,
        size,
        StrictMath.exp(logP),
        score(logP),
        List.of());
  }

  /**
   * The monthly anomaly signal: the count in the 30 days ending on {@code asOf} against the 12
   * 30-day blocks before, under the negative binomial (falling back to Poisson as {@link
   * #negativeBinomial} does; the rule id says which model was used). Fires when the p-value is
   * below {@link #ALPHA} (0.05, strictly below). {@code threshold} is the smallest count whose
   * p-value is below 0.05, so it fires exactly when {@code observed >= threshold}.
   */
  public static Signal monthly(DailySeries series, LocalDate asOf) {
    requireNonNull(series, "series");
    Period observed = DailySeries.block(asOf, DailySeries.MONTH_DAYS, 0);
    Period baselineWindow =
        DailySeries.blocksBefore(observed, DailySeries.MONTH_DAYS, AcledRules.YEAR_BASELINE_MONTHS);
    long[] blocks =
        series.blockSums(
            baselineWindow.to(), DailySeries.MONTH_DAYS, AcledRules.YEAR_BASELINE_MONTHS);
    double[] baseline = new double[blocks.length];
    for (int i = 0; i < blocks.length; i++) {
      baseline[i] = blocks[i];
    }
    long obs = series.sum(observed);
    AnomalyScore s = negativeBinomial(obs, baseline);
    boolean poisson = MODEL_POISSON.equals(s.model());
    long critical =
        poisson
            ? criticalCount(k -> logPoissonUpperTail(k, s.mean()), s.mean())
            : criticalCount(k -> logNegativeBinomialUpperTail(k, s.size(), s.mean()), s.mean());
    boolean triggered = s.pValue() < ALPHA;
    return new Signal(
        poisson ? RULE_POISSON : RULE_NEGATIVE_BINOMIAL,
        series.area(),
        triggered,
        obs,
        s.mean(),
        critical,
        triggered ? LEVEL_ANOMALOUS : LEVEL_NOT_ANOMALOUS,
        observed,
        baselineWindow,
        s.pValue(),
        "events in the last 30 days improbably high (p-value below 0.05) under a "
            + s.model()
            + " model fitted to the 12 blocks of 30 days before",
        s.notes(),
        List.of());
  }

  /** {@code P(X >= k)} for {@code X ~ Poisson(lambda)}. */
  public static double poissonUpperTail(long k, double lambda) {
    return StrictMath.exp(logPoissonUpperTail(k, lambda));
  }

  /**
   * {@code P(X >= k)} for a negative binomial with the given size r and mean mu (variance {@code mu
   * + mu^2 / r}; success probability {@code r / (r + mu)}).
   */
  public static double negativeBinomialUpperTail(long k, double size, double mean) {
    return StrictMath.exp(logNegativeBinomialUpperTail(k, size, mean));
  }

  /** The natural log of {@code P(X >= k)} for {@code X ~ Poisson(lambda)}. */
  static double logPoissonUpperTail(long k, double lambda) {
    if (!(lambda >= 0) || Double.isInfinite(lambda)) {
      throw new IllegalArgumentException("lambda must be finite and not negative, got " + lambda);
    }
    if (k <= 0) {
      return 0;
    }
    if (lambda == 0) {
      return Double.NEGATIVE_INFINITY;
    }
    if (k > lambda) {
      // Upper tail from k: the ratio of successive terms lambda / (j + 1) is below 1 and falls.
      double sum = 1;
      double term = 1;
      for (long j = k; ; j++) {
        double ratio = lambda / (j + 1);
        if (term * ratio / (1 - ratio) < EPSILON * sum) {
          break;
        }
        term *= ratio;
        sum += term;
      }
      return logPoissonPmf(k, lambda) + StrictMath.log(sum);
    }
    // 1 - P(X <= k - 1), summed down from k - 1; the ratio j / lambda is at most 1 and falls.
    double sum = 1;
    double term = 1;
    for (long j = k - 1; j > 0; j--) {
      term *= j / lambda;
      sum += term;
      if (term < EPSILON * sum) {
        break;
      }
    }
    double lower = StrictMath.exp(logPoissonPmf(k - 1, lambda) + StrictMath.log(sum));
    return StrictMath.log1p(-lower);
  }

  /** The natural log of {@code P(X >= k)} for a negative binomial of size r and mean mu. */
  static double logNegativeBinomialUpperTail(long k, double size, double mean) {
    if (!(size > 0) || Double.isInfinite(size)) {
      throw new IllegalArgumentException("size must be finite and positive, got " + size);
    }
    if (!(mean >= 0) || Double.isInfinite(mean)) {
      throw new IllegalArgumentException("mean must be finite and not negative, got " + mean);
    }
    if (k <= 0) {
      return 0;
    }
    if (mean == 0) {
      return Double.NEGATIVE_INFINITY;
    }
    double q = mean / (size + mean);
    if (k > mean) {
      // Upper tail from k; the ratios q (j + r) / (j + 1) stay below max(current ratio, q) < 1.
      double sum = 1;
      double term = 1;
      for (long j = k; ; j++) {
        double ratio = q * (j + size) / (j + 1);
        double bound = Math.max(ratio, q);
        if (term * bound / (1 - bound) < EPSILON * sum) {
          break;
        }
        term *= ratio;
        sum += term;
      }
      return logNegativeBinomialPmf(k, size, mean) + StrictMath.log(sum);
    }
    // 1 - P(X <= k - 1), summed down from k - 1 to 0.
    double sum = 1;
    double term = 1;
    for (long j = k - 1; j > 0; j--) {
      term *= j / (q * (j - 1 + size));
      sum += term;
    }
    double lower = StrictMath.exp(logNegativeBinomialPmf(k - 1, size, mean) + StrictMath.log(sum));
    return StrictMath.log1p(-Math.min(lower, 1));
  }

  /** Log of the Poisson pmf, in Loader's form {@code -stirlerr(x) - bd0(x, l) - log(2 pi x)/2}. */
  static double logPoissonPmf(long x, double lambda) {
    if (lambda == 0) {
      return x == 0 ? 0 : Double.NEGATIVE_INFINITY;
    }
    if (x == 0) {
      return -lambda;
    }
    return -stirlerr((double) x)
        - bd0((double) x, lambda)
        - 0.5 * (LN_2PI + StrictMath.log((double) x));
  }

  /**
   * Log of the negative-binomial pmf with size r and mean mu, as R's {@code dnbinom_mu}: through
   * the binomial pmf in Loader's form, so that large sizes and counts do not cancel.
   */
  static double logNegativeBinomialPmf(long x, double size, double mean) {
    if (x == 0) {
      return size
          * (size < mean
              ? StrictMath.log(size / (size + mean))
              : StrictMath.log1p(-mean / (size + mean)));
    }
    if (x < 1e-10 * size) {
      // The size is so large that the pmf is Poisson to within x (x - 1) / (2 r).
      double logQ =
          size < mean
              ? StrictMath.log(size / (1 + size / mean))
              : StrictMath.log(mean / (1 + mean / size));
      return x * logQ - mean - logFactorial(x) + StrictMath.log1p(x * (x - 1.0) / (2 * size));
    }
    double n = x + size;
    return StrictMath.log(size / n)
        + logBinomialPmf(size, n, size / (size + mean), mean / (size + mean));
  }

  /** Log of the binomial pmf at a real {@code 0 < k < n} (R's {@code dbinom_raw}). */
  private static double logBinomialPmf(double k, double n, double p, double q) {
    if (k == n) {
      return q < 0.1 ? -bd0(n, n * p) - n * q : n * StrictMath.log(p);
    }
    double lc = stirlerr(n) - stirlerr(k) - stirlerr(n - k) - bd0(k, n * p) - bd0(n - k, n * q);
    double lf = LN_2PI + StrictMath.log(k) + StrictMath.log1p(-k / n);
    return lc - 0.5 * lf;
  }

  /** {@code log(Gamma(x))} for {@code x > 0}: Stirling's series from 15 up, shifted below. */
  static double logGamma(double x) {
    if (!(x > 0)) {
      throw new IllegalArgumentException("logGamma needs a positive argument, got " + x);
    }
    double shift = 0;
    double y = x;
    while (y < 15) {
      shift += StrictMath.log(y);
      y += 1;
    }
    return (y - 0.5) * StrictMath.log(y) - y + 0.5 * LN_2PI + stirlingSeries(y) - shift;
  }

  static double logFactorial(long n) {
    if (n < 2) {
      return 0;
    }
    if (n <= 15) {
      double s = 0;
      for (long i = 2; i <= n; i++) {
        s += StrictMath.log((double) i);
      }
      return s;
    }
    return logGamma(n + 1.0);
  }

  /** {@code log(n!) - ((n + 1/2) log n - n + log(2 pi) / 2)}, Stirling's error term. */
  private static double stirlerr(double n) {
    if (n <= 15) {
      double logGammaN1 = n == Math.rint(n) ? logFactorial((long) n) : logGamma(n + 1);
      return logGammaN1 - (n + 0.5) * StrictMath.log(n) + n - 0.5 * LN_2PI;
    }
    return stirlingSeries(n);
  }

  private static double stirlingSeries(double x) {
    double x2 = x * x;
    return (1.0 / 12 - (1.0 / 360 - (1.0 / 1260 - (1.0 / 1680 - 1.0 / (1188 * x2)) / x2) / x2) / x2)
        / x;
  }

  /** {@code x log(x / np) + np - x}, without cancellation when x is near np (Loader). */
  private static double bd0(double x, double np) {
    if (Math.abs(x - np) < 0.1 * (x + np)) {
      double v = (x - np) / (x + np);
      double s = (x - np) * v;
      double ej = 2 * x * v;
      double v2 = v * v;
      for (int j = 1; j < 1000; j++) {
        ej *= v2;
        double s1 = s + ej / (2 * j + 1);
        if (s1 == s) {
          return s1;
        }
        s = s1;
      }
      return s;
    }
    return x * StrictMath.log(x / np) + np - x;
  }

  private static double score(double logP) {
    return logP == 0 ? 0 : -logP / LN_10;
  }

  private static AnomalyScore poissonScore(long observed, Moments m, List<String> notes) {
    List<String> all = new ArrayList<>(notes);
    if (m.mean == 0) {
      all.add(NOTE_ZERO_MEAN);
    }
    double logP = logPoissonUpperTail(observed, m.mean);
    return new AnomalyScore(
        MODEL_POISSON,
        observed,
        m.mean,
        m.variance,
        Double.POSITIVE_INFINITY,
        StrictMath.exp(logP),
        score(logP),
        all);
  }

  /** The smallest count whose log upper tail is below {@code log(ALPHA)}. */
  private static long criticalCount(LogTail tail, double mean) {
    double target = StrictMath.log(ALPHA);
    long lo = 0;
    long hi = Math.max(1, (long) Math.ceil(mean));
    while (tail.at(hi) >= target) {
      lo = hi;
      hi = Math.multiplyExact(hi, 2);
    }
    // tail(lo) >= target (or lo = 0, where tail = 1), tail(hi) < target.
    while (hi - lo > 1) {
      long mid = lo + (hi - lo) / 2;
      if (tail.at(mid) < target) {
        hi = mid;
      } else {
        lo = mid;
      }
    }
    return hi;
  }

  @FunctionalInterface
  private interface LogTail {
    double at(long k);
  }

  private record Moments(double mean, double variance) {}

  private static Moments moments(long observed, double[] baseline) {
    requireNonNull(baseline, "baseline");
    if (observed < 0) {
      throw new IllegalArgumentException("observed count must not be negative, got " + observed);
    }
    if (baseline.length == 0) {
      throw new IllegalArgumentException("baseline must hold at least one count");
    }
    double sum = 0;
    for (double b : baseline) {
      if (!(b >= 0) || Double.isInfinite(b)) {
        throw new IllegalArgumentException(
            "baseline counts must be finite and not negative, got " + b);
      }
      sum += b;
    }
    double mean = sum / baseline.length;
    double ss = 0;
    for (double b : baseline) {
      ss += (b - mean) * (b - mean);
    }
    double variance = baseline.length < 2 ? 0 : ss / (baseline.length - 1);
    return new Moments(mean, variance);
  }
}
