package org.harmattan.briefs.assemble;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.harmattan.analytics.indicators.SecurityIndicators;
import org.harmattan.briefs.model.Block;
import org.harmattan.briefs.model.Inline;
import org.harmattan.briefs.model.Section;
import org.harmattan.domain.figure.Figure;
import org.harmattan.domain.figure.Period;
import org.harmattan.domain.text.Texts;

/** The brief's method and sources, and the attribution line its sources ask for. */
final class MethodSection {
  private MethodSection() {}

  /**
   * The method and sources, in {@code texts}' language: what is counted and how, the source note,
   * and the rules of the summary's judgements.
   */
  static Section build(
      Texts texts,
      String countryName,
      Period p,
      Period c,
      String sourceNote,
      boolean synthetic,
      Collection<Figure> figures) {
    List<Block> blocks = new ArrayList<>();
    String counted =
        c == null
            ? texts.t("brief.method.counted", countryName, texts.day(p.from()), texts.day(p.to()))
            : texts.t(
                "brief.method.counted_compared",
                countryName,
                texts.day(p.from()),
                texts.day(p.to()),
                texts.day(c.from()),
                texts.day(c.to()));
    blocks.add(
        new Block.Paragraph(List.of(Inline.text(counted + " " + texts.t("brief.method.how")))));
    if (!sourceNote.isEmpty()) {
      blocks.add(new Block.Paragraph(List.of(Inline.text(sourceNote))));
    }
    blocks.add(new Block.Paragraph(List.of(Inline.text(texts.t("brief.method.judgements")))));
    List<List<Inline>> rules = new ArrayList<>();
    for (List<String> rule : Judgements.rules(texts)) {
      // A percentage's sign, number and % stay on one line ("−25 %", not "−25" then "%").
      rules.add(
          List.of(
              Inline.text(
                  texts.t(
                      "brief.method.rule", rule.get(0), rule.get(1).replace(" %", "\u00a0%")))));
    }
    blocks.add(new Block.Bullets(rules));
    return new Section("method", texts.t("brief.method.title"), blocks);
  }

  /** The source statement ACLED asks for, or the synthetic data's warning, in texts' language. */
  static String attribution(
      Texts texts, SecurityIndicators security, String countryName, Period p, boolean synthetic) {
    if (synthetic) {
      return texts.t("brief.attribution.synthetic");
    }
    LocalDate accessed =
        security.coverage().accessed() == null
            ? security.request().today()
            : security.coverage().accessed();
    return texts.t(
        "brief.attribution.acled",
        texts.day(accessed),
        countryName,
        texts.day(p.from()),
        texts.day(p.to()));
  }
}
