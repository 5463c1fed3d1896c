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
import org.harmattan.domain.context.Advisory;
import org.harmattan.domain.context.RegionalLevel;
import org.harmattan.domain.figure.Citation;
import org.harmattan.domain.figure.Figure;
import org.harmattan.domain.figure.Period;
import org.harmattan.domain.figure.SourceRef;

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

  public static Result build(AdvisoryPicture picture, Period window) {
    List<Figure> figures = new ArrayList<>();
    List<Block> blocks = new ArrayList<>();
    blocks.add(
        new Block.Paragraph(
            List.of(
                Inline.text(
                    "Levels are put on one scale: 1 normal precautions, 2 increased caution, 3"
                        + " reconsider travel or all but essential travel, 4 do not travel. A"
                        + " government's own words are given beside each level."))));
    for (Advisory a : picture.current()) {
      String id = levelId(a);
      figures.add(
          levelFigure(
              id,
              a.government().label() + ": level for the whole country",
              a.level().rank(),
              a,
              window,
              a.hasHigherParts()
                  ? "parts of the country are at level " + a.highest().rank()
                  : null));
      List<List<List<Inline>>> rows = new ArrayList<>();
      rows.add(
          List.of(
              List.of(Inline.text("Whole country")),
              List.of(Inline.number(id)),
              List.of(
                  Inline.text(
                      a.report().wording().isEmpty()
                          ? "(no warning)"
                          : String.join("; ", a.report().wording()).replace('_', ' '))),
              List.of(Inline.text(Periods.DAY.format(a.report().issued()))),
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
                a.government().label() + ": level for " + r.region(),
                r.level().rank(),
                a,
                window,
                null));
        rows.add(
            List.of(
                List.of(Inline.text(r.region())),
                List.of(Inline.number(rid)),
                List.of(Inline.text(r.wording())),
                List.of(Inline.text(Periods.DAY.format(a.report().issued()))),
                List.of(Inline.text(a.report().url()))));
      }
      List<List<Inline>> leave = new ArrayList<>();
      blocks.add(
          new Block.Table(
              a.government().label()
                  + ": \""
                  + a.report().title()
                  + "\""
                  + (a.leaveNow() ? " — tells people in the country to leave" : ""),
              List.of("Area", "Level (1–4)", "Government's words", "Date", "Source"),
              rows));
      if (a.leaveNow()) {
        leave.add(List.of(Inline.text("In its words: \"" + a.leaveNowPhrase() + "\".")));
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
            "travel-advisory changes detected in the window",
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
                  Periods.DAY.format(c.date())
                      + ", "
                      + c.after().government().label()
                      + ": "
                      + c.description()
                      + " ("
                      + c.after().report().url()
                      + ")")));
    }
    blocks.add(
        new Block.Paragraph(
            Prose.start()
                .text("Changes detected between snapshots in the window: ")
                .num(CHANGES)
                .text(".")
                .build()));
    if (!items.isEmpty()) {
      blocks.add(new Block.Bullets(items));
    }
    return new Result(new Section("advisories", "Travel advisories", blocks), figures);
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
