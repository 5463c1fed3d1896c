package org.harmattan.briefs.render;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.harmattan.domain.figure.Denominator;
import org.harmattan.domain.figure.Figure;

/**
 * The words every renderer's notes use for a figure's vintage and denominator: "data of 30
 * September 2021; share of 17,907,000 people (population of Mali, COD-PS 2021, as of 1 July 2021;
 * incomplete)".
 */
final class FigureContext {
  private FigureContext() {}

  /** The vintage and denominator of {@code f} in words, or empty when it has neither. */
  static Optional<String> describe(Figure f) {
    List<String> parts = new ArrayList<>();
    f.findVintage().ifPresent(v -> parts.add("data of " + FigureFormat.ENGLISH.day(v)));
    f.findDenominator().ifPresent(d -> parts.add(denominator(d)));
    return parts.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", parts));
  }

  private static String denominator(Denominator d) {
    StringBuilder b = new StringBuilder("share of ");
    b.append(
        d.value() == null
            ? "an unknown number of " + d.unit()
            : FigureFormat.ENGLISH.withUnit(d.value(), d.unit()));
    b.append(" (").append(d.label()).append(", ").append(d.source());
    if (d.vintage() != null) {
      b.append(", as of ").append(FigureFormat.ENGLISH.day(d.vintage()));
    }
    if (!d.complete()) {
      b.append("; incomplete");
    }
    return b.append(')').toString();
  }
}
