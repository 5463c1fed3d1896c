package org.harmattan.analytics.warning;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * How surprising one count is under a count model fitted to a baseline.
 *
 * @param model the model used: {@link CountAnomaly#MODEL_POISSON} or {@link
 *     CountAnomaly#MODEL_NEGATIVE_BINOMIAL}
 * @param observed the count tested
 * @param mean the baseline mean (the model mean)
 * @param variance the baseline sample variance (denominator n - 1); 0 for a single value
 * @param size the negative-binomial size (dispersion) r, with variance {@code mean + mean^2 / r};
 *     positive infinity for the Poisson model
 * @param pValue {@code P(X >= observed)} under the model
 * @param score {@code -log10(pValue)}, computed from the log of the p-value so that it stays finite
 *     when the p-value underflows; positive infinity only when the p-value is exactly zero (a
 *     zero-mean baseline and a positive count)
 * @param notes caveats (model fallback, zero baseline), without formatted numbers
 */
public record AnomalyScore(
    String model,
    long observed,
    double mean,
    double variance,
    double size,
    double pValue,
    double score,
    List<String> notes) {
  public AnomalyScore {
    requireNonNull(model, "model");
    notes = List.copyOf(notes);
    if (!(pValue >= 0 && pValue <= 1)) {
      throw new IllegalArgumentException("pValue must be within [0, 1], got " + pValue);
    }
  }
}
