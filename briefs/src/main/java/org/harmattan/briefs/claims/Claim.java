package org.harmattan.briefs.claims;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;

/**
 * A stated figure to check.
 *
 * @param id the claim's id in its file
 * @param text the sentence as published
 * @param figure a figure id of the brief vocabulary, e.g. {@code events.total} or {@code
 *     change.fatalities.violence_against_civilians.state_forces}
 * @param country ISO3
 * @param from first day of the window
 * @param to last day of the window
 * @param value the stated value (a percentage for change figures: 61 for +61 %)
 * @param tolerance how far the computed value may be from the stated one, in the figure's unit
 * @param compareYear for change figures, the year of the matched comparison window (default: the
 *     year before)
 */
public record Claim(
    String id,
    String text,
    String figure,
    String country,
    LocalDate from,
    LocalDate to,
    double value,
    double tolerance,
    Integer compareYear) {
  public Claim {
    requireNonNull(id, "id");
    requireNonNull(figure, "figure");
    requireNonNull(country, "country");
    requireNonNull(from, "from");
    requireNonNull(to, "to");
    text = text == null ? "" : text;
    if (tolerance < 0) {
      throw new IllegalArgumentException("tolerance must not be negative");
    }
  }
}
