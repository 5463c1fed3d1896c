package org.harmattan.briefs.assemble;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.harmattan.briefs.claims.Claim;
import org.harmattan.briefs.claims.ClaimChecker;
import org.harmattan.briefs.claims.ClaimResult;
import org.harmattan.briefs.claims.Verdict;
import org.harmattan.briefs.model.Block;
import org.harmattan.briefs.model.Inline;
import org.harmattan.briefs.model.Section;
import org.harmattan.briefs.narrative.Narrative;
import org.harmattan.briefs.narrative.WrittenNumbers;
import org.harmattan.briefs.render.FigureFormat;
import org.harmattan.briefs.text.BriefTexts;
import org.harmattan.domain.error.HarmattanException;
import org.harmattan.domain.figure.Figure;
import org.harmattan.domain.figure.Period;
import org.harmattan.domain.problem.ProblemCode;
import org.harmattan.domain.text.Language;
import org.harmattan.domain.text.Texts;

/**
 * The analyst's narrative as sections of the brief, kept apart from computed text: each number tied
 * to a figure is checked by the claim checker against the brief's own figure (same country, window
 * and comparison), and every other number is listed as not checked.
 */
final class NarrativeSections {
  private NarrativeSections() {}

  /**
   * The narrative's sections and what the check found.
   *
   * @param sections one section per part of the narrative, the first opening with the check
   * @param warning a line for the summary when a number is contradicted, stale or not computable,
   *     or empty
   */
  record Checked(List<Section> sections, List<Inline> warning) {}

  /**
   * As {@link #build(Narrative, Map, String, Period, Language)} with the words the brief adds in
   * English.
   */
  static Checked build(
      Narrative narrative, Map<String, Figure> figures, String countryIso3, Period window) {
    return build(narrative, figures, countryIso3, window, Language.EN);
  }

  /**
   * The narrative's sections and what the check found, the words the brief adds around the
   * analyst's text (headings, the check's account and reasons) in {@code language}.
   */
  static Checked build(
      Narrative narrative,
      Map<String, Figure> figures,
      String countryIso3,
      Period window,
      Language language) {
    Texts texts = BriefTexts.of(language);
    FigureFormat format = FigureFormat.of(language);
    Map<Verdict, Integer> counts = new EnumMap<>(Verdict.class);
    List<String> unchecked = new ArrayList<>();
    List<Section> sections = new ArrayList<>();
    int n = 0;
    for (Narrative.Part part : narrative.parts()) {
      List<Block> blocks = new ArrayList<>();
      for (Block b : part.blocks()) {
        if (b instanceof Block.Paragraph p) {
          blocks.add(
              new Block.Paragraph(
                  check(
                      p.parts(),
                      new Context(narrative, figures, countryIso3, window, texts, format),
                      counts,
                      unchecked)));
        } else if (b instanceof Block.Bullets l) {
          List<List<Inline>> items = new ArrayList<>();
          for (List<Inline> item : l.items()) {
            items.add(
                check(
                    item,
                    new Context(narrative, figures, countryIso3, window, texts, format),
                    counts,
                    unchecked));
          }
          blocks.add(new Block.Bullets(items));
        } else {
          blocks.add(b);
        }
      }
      n++;
      String title =
          part.title().isEmpty()
              ? texts.t("narrative.title")
              : texts.t("narrative.title.part", part.title());
      sections.add(new Section("narrative-" + n, title, blocks));
    }
    List<Inline> intro = intro(narrative, counts, unchecked, texts);
    Section first = sections.get(0);
    List<Block> withIntro = new ArrayList<>();
    withIntro.add(new Block.Paragraph(intro));
    withIntro.addAll(first.blocks());
    sections.set(0, new Section(first.id(), first.title(), withIntro));
    int problems =
        counts.getOrDefault(Verdict.CONTRADICTED, 0)
            + counts.getOrDefault(Verdict.STALE, 0)
            + counts.getOrDefault(Verdict.NOT_COMPUTABLE, 0);
    List<Inline> warning =
        problems == 0
            ? List.of()
            : List.of(
                Inline.text(texts.plural("narrative.warning", problems, format.count(problems))));
    return new Checked(sections, warning);
  }

  /** What checking one tied number needs. */
  private record Context(
      Narrative narrative,
      Map<String, Figure> figures,
      String countryIso3,
      Period window,
      Texts texts,
      FigureFormat format) {}

  private static List<Inline> check(
      List<Inline> parts, Context ctx, Map<Verdict, Integer> counts, List<String> unchecked) {
    List<Inline> out = new ArrayList<>();
    for (Inline i : parts) {
      if (i instanceof Inline.Stated s) {
        Inline.Check c = check(s, ctx);
        counts.merge(
            Verdict.valueOf(c.verdict().toUpperCase(java.util.Locale.ROOT)), 1, Integer::sum);
        out.add(s.checked(c));
      } else {
        if (i instanceof Inline.Text t) {
          unchecked.addAll(WrittenNumbers.quantities(t.text()));
        }
        out.add(i);
      }
    }
    return out;
  }

  private static Inline.Check check(Inline.Stated s, Context ctx) {
    Narrative narrative = ctx.narrative();
    Texts texts = ctx.texts();
    Figure f = ctx.figures().get(s.figureId());
    if (f == null) {
      return new Inline.Check(
          Verdict.NOT_COMPUTABLE.word(), texts.t("narrative.check.no_figure", s.figureId()), false);
    }
    Optional<WrittenNumbers.Written> written = WrittenNumbers.first(s.text());
    if (written.isEmpty()) {
      return new Inline.Check(
          Verdict.NOT_COMPUTABLE.word(), texts.t("narrative.check.no_number"), true);
    }
    WrittenNumbers.Written w = written.get();
    // "27 %" of a share (0–1) states 0.27.
    double per = w.percent() && "share".equals(f.unit()) ? 100.0 : 1.0;
    Claim.Tolerance tolerance =
        s.tolerance() == null
            ? Claim.Tolerance.of(w.halfUnit() / per)
            : Claim.Tolerance.parse(s.tolerance())
                .orElseThrow(
                    () ->
                        HarmattanException.userInput(
                            ProblemCode.BAD_NARRATIVE,
                            narrative.name()
                                + ", line "
                                + s.line()
                                + ": the tolerance of \""
                                + s.text()
                                + "\" is \""
                                + s.tolerance()
                                + "\" (expected "
                                + Claim.Tolerance.EXPECTED
                                + ")"));
    Claim claim =
        new Claim(
            narrative.name() + ":" + s.line(),
            s.text(),
            f.id(),
            ctx.countryIso3(),
            ctx.window().from(),
            ctx.window().to(),
            w.value() / per,
            tolerance,
            null);
    ClaimResult r = ClaimChecker.judge(claim, f);
    String reason =
        switch (r.verdict()) {
          case SUPPORTED, CONTRADICTED ->
              texts.t("narrative.check.data_give", ctx.format().format(f));
          case STALE ->
              texts.t(
                  "narrative.check.stale",
                  f.findVintage().map(texts::day).orElse("?"),
                  ctx.format().format(f));
          case NOT_COMPUTABLE -> r.reason();
        };
    return new Inline.Check(r.verdict().word(), reason, true);
  }

  private static List<Inline> intro(
      Narrative narrative, Map<Verdict, Integer> counts, List<String> unchecked, Texts texts) {
    int tied = counts.values().stream().mapToInt(Integer::intValue).sum();
    StringBuilder b = new StringBuilder(texts.t("narrative.intro", narrative.name())).append(' ');
    String tiedPart;
    if (tied == 0) {
      tiedPart = texts.t("narrative.intro.none");
    } else {
      List<String> parts = new ArrayList<>();
      for (Verdict v : Verdict.values()) {
        int k = counts.getOrDefault(v, 0);
        if (k > 0) {
          parts.add(texts.plural("narrative.verdict." + v.word(), k, Integer.toString(k)));
        }
      }
      tiedPart =
          texts.plural(
              "narrative.intro.tied", tied, Integer.toString(tied), String.join(", ", parts));
    }
    if (unchecked.isEmpty()) {
      b.append(texts.t("narrative.intro.end", tiedPart));
    } else {
      b.append(
          texts.plural(
              "narrative.intro.unchecked",
              unchecked.size(),
              tiedPart,
              Integer.toString(unchecked.size()),
              String.join(
                  ", ", unchecked.stream().map(u -> texts.t("narrative.quote", u)).toList())));
    }
    return List.of(Inline.text(b.toString()));
  }
}
