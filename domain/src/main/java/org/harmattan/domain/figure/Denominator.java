package org.harmattan.domain.figure;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;

/**
 * What a share is out of: "27 % of the population" needs the population, its date and its source.
 *
 * @param label what the denominator counts, e.g. "population of Mali (9 of 10 regions)"
 * @param value the denominator's value, or null when it is unknown (then the share has no value)
 * @param unit e.g. {@code people}
 * @param vintage the date the denominator describes, or null when unknown
 * @param source where it comes from: a figure id of the brief or a dataset name
 * @param complete false when the denominator misses parts of what it should cover (a region with no
 *     population figure); a share over an incomplete denominator says so
 */
public record Denominator(
    String label, Double value, String unit, LocalDate vintage, String source, boolean complete) {
  public Denominator {
    requireNonNull(label, "label");
    requireNonNull(unit, "unit");
    requireNonNull(source, "source");
    if (value != null && (value.isNaN() || value.isInfinite() || value <= 0)) {
      throw new IllegalArgumentException("denominator " + label + " must be positive: " + value);
    }
  }
}
