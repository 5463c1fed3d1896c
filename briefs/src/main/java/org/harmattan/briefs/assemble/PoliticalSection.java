package org.harmattan.briefs.assemble;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.harmattan.briefs.model.Block;
import org.harmattan.briefs.model.Inline;
import org.harmattan.briefs.model.Section;
import org.harmattan.briefs.text.BriefTexts;
import org.harmattan.domain.context.Timeline;
import org.harmattan.domain.context.TimelineEntry;
import org.harmattan.domain.figure.Citation;
import org.harmattan.domain.figure.Figure;
import org.harmattan.domain.figure.Period;
import org.harmattan.domain.figure.SourceRef;
import org.harmattan.domain.text.Language;
import org.harmattan.domain.text.Texts;

/**
 * The "Political" section: the timeline's entries of the window, each with its sources, in a table
 * and as marks to draw on the monthly event chart, and those of the 12 months before it in one
 * line. Counts are figures cited to the case file and its SHA-256, like every other number of the
 * brief.
 */
public final class PoliticalSection {
  /** Entries dated in the window and the 12 months before it. */
  public static final String ENTRIES = "political.timeline.entries";

  /** Entries dated in the window. */
  public static final String ENTRIES_WINDOW = "political.timeline.entries.window";

  /**
   * The section, its figures, and the annotations for the monthly event chart (attach them with
   * {@link Block.Chart#annotate}).
   */
  public record Result(Section section, List<Figure> figures, List<Block.Annotation> annotations) {
    public Result {
      requireNonNull(section, "section");
      figures = List.copyOf(figures);
      annotations = List.copyOf(annotations);
    }
  }

  private PoliticalSection() {}

  /** As {@link #build(Timeline, Period, LocalDate)}, with the window's last day as access date. */
  public static Result build(Timeline timeline, Period window) {
    return build(timeline, window, window.to());
  }

  /**
   * The section for the window: its entries and those of the 12 months before it.
   *
   * @param accessed the day the case file was read, for the citations
   */
  public static Result build(Timeline timeline, Period window, LocalDate accessed) {
    return build(timeline, window, accessed, Language.EN);
  }

  /**
   * The section for the window in {@code language}: its entries (their titles and summaries as the
   * case file writes them) and those of the 12 months before it.
   *
   * @param accessed the day the case file was read, for the citations
   */
  public static Result build(
      Timeline timeline, Period window, LocalDate accessed, Language language) {
    Texts texts = BriefTexts.of(language);
    Period span = new Period(window.from().minusMonths(12), window.to());
    List<TimelineEntry> shown = timeline.listBetween(span.from(), span.to());
    List<TimelineEntry> inWindow = timeline.listBetween(window.from(), window.to());
    SourceRef file = new SourceRef("Harmattan case file", timeline.file(), timeline.sha256());
    Figure all =
        count(ENTRIES, texts.t("political.figure.entries"), shown, span, timeline, file, accessed);
    Figure inside =
        count(
            ENTRIES_WINDOW,
            texts.t("political.figure.entries_window"),
            inWindow,
            window,
            timeline,
            file,
            accessed);
    List<Block> blocks = new ArrayList<>();
    blocks.add(
        new Block.Paragraph(
            Prose.of(
                texts,
                texts.pluralKey("political.intro", shown.size()),
                timeline.file(),
                Inline.number(ENTRIES),
                texts.day(span.from()),
                texts.day(span.to()),
                Inline.number(ENTRIES_WINDOW))));
    // The entries before the window give context in one line; the table holds the window's.
    List<String> earlier = new ArrayList<>();
    for (TimelineEntry e : shown) {
      if (e.date().isBefore(window.from())) {
        earlier.add(texts.t("political.earlier.entry", texts.day(e.date()), e.title(language)));
      }
    }
    if (!earlier.isEmpty()) {
      blocks.add(
          new Block.Paragraph(
              List.of(Inline.text(texts.t("political.earlier", String.join("; ", earlier))))));
    }
    List<List<List<Inline>>> rows = new ArrayList<>();
    List<Block.Annotation> marks = new ArrayList<>();
    for (TimelineEntry e : shown) {
      if (e.date().isBefore(window.from())) {
        continue;
      }
      String text =
          texts.t(
                  "political.entry",
                  e.title(language),
                  texts.t("political.kind." + e.kind().code()))
              + " "
              + e.summary(language)
              + e.findNote(language).map(n -> " " + texts.t("political.note", n)).orElse("");
      List<String> hosts = new ArrayList<>();
      for (String url : e.sources()) {
        hosts.add(host(url));
      }
      rows.add(
          List.of(
              // Non-breaking spaces: a date is never split over lines of its narrow column.
              List.of(Inline.text(texts.day(e.date()).replace(' ', '\u00a0'))),
              List.of(Inline.text(text)),
              List.of(
                  Inline.text(
                      e.sourceChecked()
                          ? String.join(", ", hosts)
                          : texts.t("political.not_confirmed", String.join(", ", hosts))))));
      marks.add(new Block.Annotation(e.date().toString(), e.title(language)));
    }
    if (rows.isEmpty()) {
      blocks.add(new Block.Paragraph(List.of(Inline.text(texts.t("political.none")))));
    } else {
      blocks.add(
          new Block.Table(
              texts.t("political.table", texts.day(window.from()), texts.day(window.to())),
              List.of(
                  texts.t("political.table.date"),
                  texts.t("political.table.event"),
                  texts.t("political.table.source")),
              rows));
    }
    return new Result(
        new Section("political", texts.t("political.title"), blocks), List.of(all, inside), marks);
  }

  /** The host of a source address ({@code www.reuters.com} → {@code reuters.com}). */
  static String host(String url) {
    try {
      String h = java.net.URI.create(url.strip()).getHost();
      if (h == null) {
        return url;
      }
      return h.startsWith("www.") ? h.substring(4) : h;
    } catch (IllegalArgumentException e) {
      return url;
    }
  }

  private static Figure count(
      String id,
      String label,
      List<TimelineEntry> entries,
      Period period,
      Timeline t,
      SourceRef file,
      LocalDate accessed) {
    return new Figure(
        id,
        label,
        (double) entries.size(),
        "count",
        period,
        null,
        Map.of("country", t.countryIso3(), "case_file", t.file()),
        "count of case-file entries dated " + period.from() + " to " + period.to(),
        new Citation(
            List.of(file),
            entries.size(),
            entries.stream().map(TimelineEntry::id).sorted().toList(),
            accessed),
        null);
  }
}
