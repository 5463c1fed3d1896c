package org.harmattan.briefs.assemble;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.harmattan.analytics.advisories.AdvisoryChange;
import org.harmattan.analytics.advisories.AdvisoryPicture;
import org.harmattan.briefs.model.Block;
import org.harmattan.briefs.model.Inline;
import org.harmattan.briefs.model.Section;
import org.harmattan.briefs.text.BriefTexts;
import org.harmattan.domain.context.Advisory;
import org.harmattan.domain.context.RegionalLevel;
import org.harmattan.domain.figure.Citation;
import org.harmattan.domain.figure.Figure;
import org.harmattan.domain.figure.Period;
import org.harmattan.domain.figure.SourceRef;
import org.harmattan.domain.text.Language;
import org.harmattan.domain.text.Texts;

/**
 * The "Travel advisories" section: one table per government (the whole country and each area with
 * its own level, on the common 1–4 scale, with the government's words, date and address), then the
 * changes detected. Every level is a figure with the advisory's date as vintage and the snapshot
 * file and its SHA-256 as citation.
 */
public final class AdvisorySection {
  /** Changes detected, dated in the window. */
  public static final String CHANGES = "advisories.changes";

  /** The section and its figures. */
  public record Result(Section section, List<Figure> figures) {
    public Result {
      requireNonNull(section, "section");
      figures = List.copyOf(figures);
    }
  }

  private AdvisorySection() {}

  /** The figure id of a government's whole-country level, e.g. {@code advisories.uk.level}. */
  public static String levelId(Advisory a) {
    return "advisories." + a.government().code() + ".level";
  }

  /** The section in English. */
  public static Result build(AdvisoryPicture picture, Period window) {
    return build(picture, window, Language.EN);
  }

  /**
   * The section in {@code language}: the words it adds around the governments' own (levels,
   * headings, changes) are in that language; the governments' words are quoted as written.
   */
  public static Result build(AdvisoryPicture picture, Period window, Language language) {
    Texts texts = BriefTexts.of(language);
    List<Figure> figures = new ArrayList<>();
    List<Block> blocks = new ArrayList<>();
    blocks.add(new Block.Paragraph(List.of(Inline.text(texts.t("advisories.scale")))));
    for (Advisory a : picture.current()) {
      String id = levelId(a);
      String government = government(texts, a);
      figures.add(
          levelFigure(
              id,
              texts.t("advisories.figure.whole", government),
              a.level().rank(),
              a,
              window,
              a.hasHigherParts()
                  ? texts.t("advisories.figure.parts", Integer.toString(a.highest().rank()))
                  : null));
      List<List<List<Inline>>> rows = new ArrayList<>();
      rows.add(
          List.of(
              List.of(Inline.text(texts.t("advisories.whole_country"))),
              List.of(Inline.number(id)),
              List.of(
                  Inline.text(
                      a.report().wording().isEmpty()
                          ? texts.t("advisories.no_warning")
                          : texts.t(
                              "advisories.words",
                              String.join("; ", a.report().wording()).replace('_', ' ')))),
              List.of(Inline.text(texts.day(a.report().issued()))),
              List.of(Inline.text(a.report().url()))));
      Set<String> used = new LinkedHashSet<>();
      for (RegionalLevel r : a.regions()) {
        String rid = "advisories." + a.government().code() + ".region." + slug(r.region());
        if (!used.add(rid)) {
          continue;
        }
        figures.add(
            levelFigure(
                rid,
                texts.t("advisories.figure.region", government, r.region()),
                r.level().rank(),
                a,
                window,
                null));
        rows.add(
            List.of(
                List.of(Inline.text(texts.t("advisories.words", r.region()))),
                List.of(Inline.number(rid)),
                List.of(Inline.text(texts.t("advisories.words", r.wording()))),
                List.of(Inline.text(texts.day(a.report().issued()))),
                List.of(Inline.text(a.report().url()))));
      }
      List<List<Inline>> leave = new ArrayList<>();
      blocks.add(
          new Block.Table(
              texts.t(
                  a.leaveNow() ? "advisories.table.leave" : "advisories.table",
                  government,
                  a.report().title()),
              List.of(
                  texts.t("advisories.table.area"),
                  texts.t("advisories.table.level"),
                  texts.t("advisories.table.words"),
                  texts.t("advisories.table.date"),
                  texts.t("advisories.table.source")),
              rows));
      if (a.leaveNow()) {
        leave.add(List.of(Inline.text(texts.t("advisories.leave_words", a.leaveNowPhrase()))));
        blocks.add(new Block.Bullets(leave));
      }
    }
    List<AdvisoryChange> inWindow =
        picture.changes().stream().filter(c -> window.contains(c.date())).toList();
    Set<SourceRef> files = new LinkedHashSet<>();
    for (AdvisoryChange c : inWindow) {
      files.add(ref(c.before()));
      files.add(ref(c.after()));
    }
    figures.add(
        new Figure(
            CHANGES,
            texts.t("advisories.figure.changes"),
            (double) inWindow.size(),
            "count",
            window,
            null,
            Map.of("country", picture.countryIso3()),
            "changes between consecutive snapshots of each government, dated "
                + window.from()
                + " to "
                + window.to(),
            new Citation(
                List.copyOf(files),
                inWindow.size(),
                inWindow.stream().map(AdvisoryChange::id).sorted().toList(),
                accessed(picture, window)),
            null));
    List<List<Inline>> items = new ArrayList<>();
    for (AdvisoryChange c : inWindow) {
      items.add(
          List.of(
              Inline.text(
                  texts.t(
                      "advisories.change",
                      texts.day(c.date()),
                      government(texts, c.after()),
                      c.description(),
                      c.after().report().url()))));
    }
    blocks.add(new Block.Paragraph(Prose.of(texts, "advisories.changes", Inline.number(CHANGES))));
    if (!items.isEmpty()) {
      blocks.add(new Block.Bullets(items));
    }
    return new Result(new Section("advisories", texts.t("advisories.title"), blocks), figures);
  }

  /**
   * A level on the 1–4 scale as a figure: dated by the advice (its vintage), citing the snapshot
   * file it was read from with its SHA-256.
   *
   * @param rank the level
   * @param a the advisory it was read from
   * @param period the window the figure is stated for
   * @param note a caveat, or null
   */
  public static Figure levelFigure(
      String id, String label, int rank, Advisory a, Period period, String note) {
    return new Figure(
            id,
            label,
            (double) rank,
            "level",
            period,
            null,
            Map.of("country", a.report().countryIso3(), "government", a.government().code()),
            "advisory level on the 1–4 scale from "
                + String.join(
                    ", ",
                    a.report().wording().isEmpty() ? List.of("no warning") : a.report().wording()),
            new Citation(List.of(ref(a)), 1, List.of(a.report().sourceFile()), a.report().issued()),
            note)
        .withContext(a.report().issued(), null);
  }

  /** The government's name in the brief's language: "United Kingdom (FCDO)". */
  private static String government(Texts texts, Advisory a) {
    return texts.t("advisories.government." + a.government().code());
  }

  private static SourceRef ref(Advisory a) {
    return new SourceRef(a.government().label(), a.report().sourceFile(), a.report().sha256());
  }

  private static LocalDate accessed(AdvisoryPicture p, Period window) {
    return p.current().stream()
        .map(a -> a.report().issued())
        .max(LocalDate::compareTo)
        .orElse(window.to());
  }

  private static String slug(String s) {
    String n =
        java.text.Normalizer.normalize(s, java.text.Normalizer.Form.NFD).replaceAll("\\p{M}", "");
    return n.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_|_$", "");
  }
}
