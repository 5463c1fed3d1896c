package org.harmattan.briefs.render;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.stream.Collectors;
import org.harmattan.briefs.model.Block;
import org.harmattan.briefs.model.Brief;
import org.harmattan.briefs.model.Inline;
import org.harmattan.briefs.model.Judgement;
import org.harmattan.briefs.model.MapView;
import org.harmattan.briefs.model.Section;
import org.harmattan.briefs.text.BriefTexts;
import org.harmattan.domain.figure.Figure;
import org.harmattan.domain.text.Texts;

/**
 * Renders a {@link Brief} as GitHub-flavoured Markdown: figures as "757 events[^3]" where 3 is the
 * note number, GFM tables, charts as images under {@code charts/} (written by {@link BriefWriter})
 * followed by their values with footnotes, and every figure's citation as a footnote definition
 * under a final "References" heading.
 *
 * <p>GitHub renumbers footnotes in order of first use when it displays them; the labels in the
 * source are the brief's note numbers, the same as in the HTML and PDF.
 */
public final class MarkdownRenderer {

  private final Brief brief;
  private final Texts texts;
  private final FigureFormat format;
  private final StringBuilder out = new StringBuilder(32 * 1024);
  private int tables;
  private int charts;
  private int maps;

  private MarkdownRenderer(Brief brief) {
    this.brief = brief;
    this.texts = BriefTexts.of(brief.language());
    this.format = FigureFormat.of(brief.language());
  }

  /** The brief as Markdown. */
  public static String render(Brief brief) {
    requireNonNull(brief, "brief");
    return new MarkdownRenderer(brief).document();
  }

  /** Where the chart image of {@code chart} lives, relative to the Markdown file. */
  public static String chartPath(Block.Chart chart) {
    return "charts/" + BriefWriter.chartFileName(chart);
  }

  /** Where the SVG of {@code map} lives, relative to the Markdown file. */
  public static String mapPath(MapView map) {
    return "maps/" + BriefWriter.mapFileName(map);
  }

  private String document() {
    if (brief.synthetic()) {
      out.append("> **")
          .append(esc(texts.t("render.synthetic_mark")))
          .append("**\n>\n> ")
          .append(esc(texts.t("render.banner_short")))
          .append("\n\n");
    }
    out.append("# ").append(esc(brief.title())).append("\n\n");
    out.append("**")
        .append(esc(texts.t("render.kicker", brief.countryName(), brief.countryIso3())))
        .append("**  \n")
        .append(texts.t("render.period", format.formatPeriod(brief.period())));
    if (brief.comparison() != null) {
      out.append(" \u00b7 ")
          .append(texts.t("render.compared_with", format.formatPeriod(brief.comparison())));
    }
    out.append(" \u00b7 ")
        .append(texts.t("render.generated", format.timestamp(brief.generatedAt())))
        .append("\n\n");
    for (Section s : brief.sections()) {
      section(s);
    }
    List<Figure> cited = brief.citedFigures();
    CitationTable table = CitationTable.of(cited);
    out.append("## ")
        .append(esc(texts.t("render.sources_notes")))
        .append("\n\n")
        .append(esc(brief.attribution()))
        .append("\n\n| ")
        .append(esc(texts.t("render.sources.key")))
        .append(" | ")
        .append(esc(texts.t("render.sources.system")))
        .append(" | ")
        .append(esc(texts.t("render.sources.file")))
        .append(" | SHA-256 | ")
        .append(esc(texts.t("render.sources.licence")))
        .append(" | ")
        .append(esc(texts.t("render.sources.accessed")))
        .append(" |\n")
        .append("|---|---|---|---|---|---|\n");
    for (CitationTable.Source s : table.sources()) {
      out.append("| ")
          .append(s.key())
          .append(" | ")
          .append(esc(SourceLicences.system(s.ref(), texts)))
          .append(" | ")
          .append(cellCode(s.ref().dataset()))
          .append(" | ")
          .append(cellCode(s.ref().sha256()))
          .append(" | ")
          .append(esc(SourceLicences.licence(s.ref(), brief.synthetic(), texts)))
          .append(" | ")
          .append(s.accessed())
          .append(" |\n");
    }
    out.append('\n');
    if (!brief.editionNotes().isEmpty()) {
      out.append(esc(texts.t("render.editions"))).append("\n\n");
      for (String n : brief.editionNotes()) {
        out.append("- ").append(esc(n)).append('\n');
      }
      out.append('\n');
    }
    for (Figure f : cited) {
      reference(f, table.entry(f));
    }
    return out.toString();
  }

  private void section(Section s) {
    out.append("## ").append(esc(s.title())).append("\n\n");
    for (Block b : s.blocks()) {
      if (b instanceof Block.Paragraph p) {
        out.append(inline(p.parts())).append("\n\n");
      } else if (b instanceof Block.Bullets list) {
        for (List<Inline> item : list.items()) {
          out.append("- ").append(inline(item)).append('\n');
        }
        out.append('\n');
      } else if (b instanceof Block.Table t) {
        table(t);
      } else if (b instanceof Block.Chart c) {
        chart(c);
      } else if (b instanceof Block.Map m) {
        map(m.view());
      } else if (b instanceof Block.Judgements j) {
        tables++;
        out.append("**")
            .append(esc(texts.t("render.table", Integer.toString(tables))))
            .append("** ")
            .append(esc(texts.t("render.judgements.caption")))
            .append("\n\n| ")
            .append(esc(texts.t("render.judgements.area")))
            .append(" | ")
            .append(esc(texts.t("render.judgements.verdict")))
            .append(" | ")
            .append(esc(texts.t("render.judgements.basis")))
            .append(" |\n| --- | --- | --- |\n");
        for (Judgement x : j.judgements()) {
          out.append("| ")
              .append(esc(x.area()))
              .append(" | ")
              .append(esc(HtmlRenderer.verdict(texts, x.verdict())))
              .append(" | ")
              .append(inline(x.basis()))
              .append(" |\n");
        }
        out.append('\n');
      }
    }
  }

  private void map(MapView view) {
    maps++;
    String label = esc(texts.t("render.map", Integer.toString(maps)));
    out.append("![")
        .append(label)
        .append(' ')
        .append(esc(view.caption()))
        .append("](")
        .append(mapPath(view))
        .append(")\n\n*")
        .append(label)
        .append("* ")
        .append(esc(view.caption()))
        .append(".\n\n");
  }

  private void table(Block.Table t) {
    tables++;
    out.append("**")
        .append(esc(texts.t("render.table", Integer.toString(tables))))
        .append("** ")
        .append(esc(t.caption()))
        .append("\n\n");
    out.append('|');
    for (String h : t.headers()) {
      out.append(' ').append(esc(h)).append(" |");
    }
    out.append("\n|");
    for (int c = 0; c < t.headers().size(); c++) {
      int col = c;
      boolean numeric =
          !t.rows().isEmpty()
              && t.rows().stream()
                  .allMatch(r -> r.get(col).stream().anyMatch(Inline.FigureRef.class::isInstance));
      out.append(numeric ? " ---: |" : " --- |");
    }
    out.append('\n');
    for (List<List<Inline>> row : t.rows()) {
      out.append('|');
      for (List<Inline> cell : row) {
        out.append(' ').append(inline(cell)).append(" |");
      }
      out.append('\n');
    }
    out.append('\n');
  }

  private void chart(Block.Chart c) {
    charts++;
    String label = esc(texts.t("render.figure", Integer.toString(charts)));
    out.append("![")
        .append(label)
        .append(' ')
        .append(esc(c.caption()))
        .append("](")
        .append(chartPath(c))
        .append(")\n\n");
    out.append('*').append(label).append("* ").append(esc(c.caption())).append(". ");
    String values = esc(texts.t("render.chart.md_values", c.valueLabel()));
    boolean several = c.series().size() > 1;
    if (several || c.series().isEmpty()) {
      out.append(values);
    }
    for (Block.Series s : c.series()) {
      String points =
          s.points().stream()
              .map(
                  p ->
                      esc(format.pointLabel(c, p, brief.findFigure(p.figureId()).orElseThrow()))
                          + " "
                          + figure(p.figureId(), Inline.Style.NUMBER_ONLY))
              .collect(Collectors.joining(texts.t("render.separator")));
      out.append(
          several
              ? " \u2014 " + texts.t("render.colon", esc(s.name()), points)
              : texts.t("render.colon", values, points));
    }
    out.append(".\n\n");
  }

  private String inline(List<Inline> parts) {
    StringBuilder b = new StringBuilder();
    for (Inline part : parts) {
      if (part instanceof Inline.Text t) {
        b.append(esc(t.text()));
      } else if (part instanceof Inline.FigureRef ref) {
        b.append(figure(ref.figureId(), ref.style()));
      } else if (part instanceof Inline.Stated st) {
        Inline.Check c = HtmlRenderer.requireChecked(st);
        b.append(esc(st.text()));
        if (c.cited()) {
          b.append("[^").append(brief.noteNumber(st.figureId())).append("]");
        }
        if (!c.verdict().equals("supported")) {
          b.append(" *[").append(esc(HtmlRenderer.checkWords(texts, c))).append("]*");
        }
      }
    }
    return b.toString();
  }

  private String figure(String id, Inline.Style style) {
    Figure f =
        brief
            .findFigure(id)
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "the brief refers to figure '" + id + "', which its figure list lacks"));
    return esc(format.format(f, style)) + "[^" + brief.noteNumber(id) + "]";
  }

  private void reference(Figure f, CitationTable.Entry entry) {
    String separator = texts.t("render.separator");
    out.append("[^")
        .append(brief.noteNumber(f.id()))
        .append("]: **")
        .append(texts.t("render.md.label", esc(f.label())))
        .append("** ")
        .append(esc(format.format(f)))
        .append(" (")
        .append(code(f.id()))
        .append("). ")
        .append(texts.t("render.md.period", format.formatPeriod(f.period())));
    if (f.comparison() != null) {
      out.append(separator)
          .append(texts.t("render.md.compared", format.formatPeriod(f.comparison())));
    }
    FigureContext.describe(f, format, texts).ifPresent(c -> out.append(separator).append(esc(c)));
    out.append(". ")
        .append(
            f.filters().isEmpty()
                ? texts.t("render.md.filters_none")
                : texts.t(
                    "render.md.filters",
                    esc(
                        f.filters().entrySet().stream()
                            .map(
                                e ->
                                    HtmlRenderer.filterName(texts, e.getKey())
                                        + " = "
                                        + HtmlRenderer.filterValue(texts, e.getKey(), e.getValue()))
                            .collect(Collectors.joining(separator)))));
    // The query is written in English: a brief in another language leaves it to figures.json.
    if (brief.language() == HtmlRenderer.QUERY_LANGUAGE) {
      out.append(". ").append(texts.t("render.md.query", code(f.query())));
    }
    long count = f.citation().recordCount();
    out.append(". ")
        .append(
            entry.sourceKeys().isEmpty()
                ? texts.t("render.md.sources_none")
                : texts.t("render.md.sources", String.join(", ", entry.sourceKeys())))
        .append(". ")
        .append(
            texts.t(
                "render.md.records",
                format.count(count),
                entry.key(),
                format.stamp(f.citation().accessed())))
        .append('.');
    if (f.note() != null) {
      out.append(' ').append(texts.t("render.md.note", esc(f.note()))).append('.');
    }
    out.append("\n\n");
  }

  /**
   * Inline code that holds any text (CommonMark's code spans): fenced by one backtick more than the
   * longest run of backticks inside, and padded with a space when the text starts or ends with a
   * backtick or a space, which the reader strips again. Backslashes are literal inside.
   */
  static String code(String s) {
    String flat = s.replace('\n', ' ').replace('\r', ' ');
    int longest = 0;
    int run = 0;
    for (int i = 0; i < flat.length(); i++) {
      run = flat.charAt(i) == '`' ? run + 1 : 0;
      longest = Math.max(longest, run);
    }
    String fence = "`".repeat(longest + 1);
    boolean pad =
        !flat.isEmpty()
            && (flat.startsWith("`")
                || flat.endsWith("`")
                || (flat.startsWith(" ") && flat.endsWith(" ") && !flat.isBlank()));
    return pad ? fence + " " + flat + " " + fence : fence + flat + fence;
  }

  /**
   * Inline code in a GFM table cell: GFM splits the row at every unescaped '|' before it reads code
   * spans, and takes "\\|" inside one as a '|'.
   */
  static String cellCode(String s) {
    return code(s).replace("|", "\\|");
  }

  /** Text with Markdown's active characters escaped and line breaks flattened. */
  static String esc(String s) {
    StringBuilder b = new StringBuilder(s.length() + 8);
    for (int i = 0; i < s.length(); i++) {
      char ch = s.charAt(i);
      switch (ch) {
        case '\\', '`', '*', '_', '[', ']', '<', '>', '|', '#' -> b.append('\\').append(ch);
        case '\n', '\r' -> b.append(' ');
        default -> b.append(ch);
      }
    }
    return b.toString();
  }
}
