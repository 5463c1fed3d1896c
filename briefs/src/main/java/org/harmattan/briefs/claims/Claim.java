package org.harmattan.briefs.claims;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
 * @param tolerance how far the computed value may be from the stated one
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
    Tolerance tolerance,
    Integer compareYear) {
  /**
   * How far a computed value may lie from the stated one.
   *
   * @param amount the distance allowed: in the figure's unit, or a percentage of the stated value
   * @param relative whether {@code amount} is a percentage of the stated value ({@code 2%})
   */
  public record Tolerance(double amount, boolean relative) {
    public Tolerance {
      if (!(amount >= 0) || Double.isInfinite(amount)) {
        throw new IllegalArgumentException("tolerance must be a finite number, not negative");
      }
    }

    /** An absolute tolerance, in the figure's unit. */
    public static Tolerance of(double amount) {
      return new Tolerance(amount, false);
    }

    /** A tolerance of {@code percent} % of the stated value. */
    public static Tolerance percent(double percent) {
      return new Tolerance(percent, true);
    }

    /**
     * A tolerance as written in a claims file or a narrative: a number in the figure's unit ({@code
     * 5}) or a percentage of the stated value ({@code 2%}); empty when it is neither.
     */
    public static Optional<Tolerance> parse(String text) {
      Matcher m = WRITTEN.matcher(text);
      if (!m.matches()) {
        return Optional.empty();
      }
      double amount = Double.parseDouble(m.group(1));
      return Optional.of(m.group(2) == null ? of(amount) : percent(amount));
    }

    private static final Pattern WRITTEN = Pattern.compile("\\s*(\\d+(?:\\.\\d+)?)\\s*(%)?\\s*");

    /** What the tolerance expects, for messages. */
    public static final String EXPECTED =
        "a number in the figure's unit, such as 1, or a percentage of the stated value, such as 2%";

    /** The distance allowed from {@code stated}, in the figure's unit. */
    public double around(double stated) {
      return relative ? Math.abs(stated) * amount / 100.0 : amount;
    }
  }

  public Claim {
    requireNonNull(id, "id");
    requireNonNull(figure, "figure");
    requireNonNull(country, "country");
    requireNonNull(from, "from");
    requireNonNull(to, "to");
    requireNonNull(tolerance, "tolerance");
    text = text == null ? "" : text;
  }
}
