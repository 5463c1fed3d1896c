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
import org.harmattan.domain.error.HarmattanException;
import org.harmattan.domain.figure.Figure;
import org.harmattan.domain.figure.Period;
import org.harmattan.domain.problem.ProblemCode;

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

  static Checked build(
      Narrative narrative, Map<String, Figure> figures, String countryIso3, Period window) {
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
                  check(p.parts(), narrative, figures, countryIso3, window, counts, unchecked)));
        } else if (b instanceof Block.Bullets l) {
          List<List<Inline>> items = new ArrayList<>();
          for (List<Inline> item : l.items()) {
            items.add(check(item, narrative, figures, countryIso3, window, counts, unchecked));
          }
          blocks.add(new Block.Bullets(items));
        } else {
          blocks.add(b);
        }
      }
      n++;
      String title = "Analyst's assessment" + (part.title().isEmpty() ? "" : ": " + part.title());
      sections.add(new Section("narrative-" + n, title, blocks));
    }
    List<Inline> intro = intro(narrative, counts, unchecked);
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
                Inline.text(
                    "Claim check: the analyst's text states "
                        + count(problems, "number")
                        + " that the data contradict, date from an older edition or cannot"
                        + " compute; each is marked in the analyst's assessment."));
    return new Checked(sections, warning);
  }

  private static List<Inline> check(
      List<Inline> parts,
      Narrative narrative,
      Map<String, Figure> figures,
      String countryIso3,
      Period window,
      Map<Verdict, Integer> counts,
      List<String> unchecked) {
    List<Inline> out = new ArrayList<>();
    for (Inline i : parts) {
      if (i instanceof Inline.Stated s) {
        Inline.Check c = check(s, narrative, figures, countryIso3, window);
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

  private static Inline.Check check(
      Inline.Stated s,
      Narrative narrative,
      Map<String, Figure> figures,
      String countryIso3,
      Period window) {
    Figure f = figures.get(s.figureId());
    if (f == null) {
      return new Inline.Check(
          Verdict.NOT_COMPUTABLE.word(),
          "the brief computes no figure '" + s.figureId() + "' (its figures are in figures.json)",
          false);
    }
    Optional<WrittenNumbers.Written> written = WrittenNumbers.first(s.text());
    if (written.isEmpty()) {
      return new Inline.Check(
          Verdict.NOT_COMPUTABLE.word(), "the words tied to the figure hold no number", true);
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
            countryIso3,
            window.from(),
            window.to(),
            w.value() / per,
            tolerance,
            null);
    ClaimResult r = ClaimChecker.judge(claim, f);
    String reason =
        switch (r.verdict()) {
          case SUPPORTED, CONTRADICTED -> "the data give " + FigureFormat.ENGLISH.format(f);
          case STALE ->
              "the latest edition, dated "
                  + f.findVintage().map(Periods.DAY::format).orElse("?")
                  + ", is older than the window; it gives "
                  + FigureFormat.ENGLISH.format(f);
          case NOT_COMPUTABLE -> r.reason();
        };
    return new Inline.Check(r.verdict().word(), reason, true);
  }

  private static List<Inline> intro(
      Narrative narrative, Map<Verdict, Integer> counts, List<String> unchecked) {
    int tied = counts.values().stream().mapToInt(Integer::intValue).sum();
    StringBuilder b =
        new StringBuilder("Written by the analyst (")
            .append(narrative.name())
            .append("), not computed by Harmattan. ");
    if (tied == 0) {
      b.append("No number in it is tied to a figure of the brief");
    } else {
      b.append(count(tied, "number")).append(" in it ").append(tied == 1 ? "is" : "are");
      b.append(" tied to the brief's figures and checked against them: ");
      List<String> parts = new ArrayList<>();
      for (Verdict v : Verdict.values()) {
        int k = counts.getOrDefault(v, 0);
        if (k > 0) {
          parts.add(k + " " + v.word().replace('_', ' '));
        }
      }
      b.append(String.join(", ", parts));
    }
    if (unchecked.isEmpty()) {
      b.append(".");
    } else {
      b.append("; ")
          .append(count(unchecked.size(), "other number"))
          .append(unchecked.size() == 1 ? " is" : " are")
          .append(" not tied to a figure and not checked: ")
          .append(String.join(", ", unchecked.stream().map(u -> "\u201c" + u + "\u201d").toList()))
          .append(".");
    }
    return List.of(Inline.text(b.toString()));
  }

  private static String count(int n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }
}
