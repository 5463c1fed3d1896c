package org.harmattan.briefs.render;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.harmattan.domain.figure.Denominator;
import org.harmattan.domain.figure.Figure;
import org.harmattan.domain.text.Texts;

/**
 * The words every renderer's notes use for a figure's vintage and denominator: "data of 30
 * September 2021; share of 17,907,000 people (population of Mali, COD-PS 2021, as of 1 July 2021;
 * incomplete)", in the brief's language.
 */
final class FigureContext {
  private FigureContext() {}

  /**
   * The vintage and denominator of {@code f} in words, or empty when it has neither.
   *
   * @param format the brief's figure format
   * @param texts the brief's words (its render bundle)
   */
  static Optional<String> describe(Figure f, FigureFormat format, Texts texts) {
    List<String> parts = new ArrayList<>();
    f.findVintage().ifPresent(v -> parts.add(texts.t("render.context.vintage", format.day(v))));
    f.findDenominator().ifPresent(d -> parts.add(denominator(d, format, texts)));
    return parts.isEmpty()
        ? Optional.empty()
        : Optional.of(String.join(texts.t("render.separator"), parts));
  }

  private static String denominator(Denominator d, FigureFormat format, Texts texts) {
    String unitWords = "format.unit." + d.unit() + ".other";
    String of =
        d.value() == null
            ? texts.t(
                "render.context.unknown",
                format.texts().has(unitWords) ? format.texts().t(unitWords) : d.unit())
            : format.withUnit(d.value(), d.unit());
    StringBuilder b = new StringBuilder(texts.t("render.context.share", of));
    b.append(" (").append(d.label()).append(", ").append(d.source());
    if (d.vintage() != null) {
      b.append(", ").append(texts.t("render.context.as_of", format.day(d.vintage())));
    }
    if (!d.complete()) {
      b.append(texts.t("render.separator")).append(texts.t("render.context.incomplete"));
    }
    return b.append(')').toString();
  }
}
