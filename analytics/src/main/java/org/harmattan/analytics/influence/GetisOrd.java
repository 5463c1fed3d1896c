package org.harmattan.analytics.influence;

import static java.util.Objects.requireNonNull;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * The Getis-Ord Gi* statistic (Getis and Ord 1992; Ord and Getis 1995) with binary weights: for
 * each area, a z-score of the sum of the values in its neighbourhood (itself included) against what
 * the whole study area would give by chance.
 *
 * <pre>
 *   Gi* = (Σj wij xj − X̄ Σj wij) / (S √((n Σj wij² − (Σj wij)²) / (n − 1)))
 *   X̄ = Σ xj / n,  S = √(Σ xj² / n − X̄²)
 * </pre>
 */
public final class GetisOrd {
  /** The z-score of a hot spot at 95 % confidence. */
  public static final double Z95 = 1.96;

  /** The z-score of a hot spot at 99 % confidence. */
  public static final double Z99 = 2.58;

  private GetisOrd() {}

  /**
   * The Gi* z-score of every area of the study set.
   *
   * @param values the value of every area in the study set, zeros included
   * @param neighbourhood each area's neighbours with weight 1, the area itself included; areas
   *     outside the study set are ignored
   * @return the z-scores, in the order of {@code values}; empty when the values do not vary (or
   *     there are fewer than two areas), and without the areas whose neighbourhood is the whole set
   *     (their statistic is undefined)
   */
  public static <K> Map<K, Double> zScores(
      Map<K, ? extends Number> values, Function<K, Collection<K>> neighbourhood) {
    requireNonNull(values, "values");
    requireNonNull(neighbourhood, "neighbourhood");
    int n = values.size();
    Map<K, Double> out = new LinkedHashMap<>();
    if (n < 2) {
      return out;
    }
    double sum = 0;
    double sumSq = 0;
    for (Number v : values.values()) {
      double x = v.doubleValue();
      sum += x;
      sumSq += x * x;
    }
    double mean = sum / n;
    double variance = sumSq / n - mean * mean;
    if (!(variance > 1e-12 * Math.max(1, mean * mean))) {
      return out;
    }
    double s = Math.sqrt(variance);
    for (K i : values.keySet()) {
      double weights = 0;
      double local = 0;
      for (K j : neighbourhood.apply(i)) {
        Number x = values.get(j);
        if (x != null) {
          weights += 1;
          local += x.doubleValue();
        }
      }
      // binary weights: Σ wij² = Σ wij
      double spread = (n * weights - weights * weights) / (n - 1);
      if (!(spread > 0)) {
        continue;
      }
      out.put(i, (local - mean * weights) / (s * Math.sqrt(spread)));
    }
    return out;
  }
}
