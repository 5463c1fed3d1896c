package org.harmattan.briefs.render;

import static java.util.Objects.requireNonNull;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.harmattan.briefs.model.Block;
import org.harmattan.briefs.model.Brief;
import org.harmattan.briefs.model.Inline;
import org.harmattan.briefs.model.Judgement;
import org.harmattan.briefs.model.MapView;
import org.harmattan.briefs.model.Section;
import org.harmattan.domain.figure.Figure;

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

  private static final DateTimeFormatter GENERATED =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);

  private final Brief brief;
  private final StringBuilder out = new StringBuilder(32 * 1024);
  private int tables;
  private int charts;
  private int maps;

  private MarkdownRenderer(Brief brief) {
    this.brief = brief;
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
          .append(HtmlRenderer.SYNTHETIC_MARK)
          .append("**\n>\n")
          .append("> This brief was produced from Harmattan's synthetic demonstration data.")
          .append(" Every event, actor and number in it is generated; none describes real")
          .append(" events.\n\n");
    }
    out.append("# ").append(esc(brief.title())).append("\n\n");
    out.append("**Crisis brief \u00b7 ")
        .append(esc(brief.countryName()))
        .append(" (")
        .append(esc(brief.countryIso3()))
        .append(")**  \nPeriod: ")
        .append(FigureFormat.ENGLISH.formatPeriod(brief.period()));
    if (brief.comparison() != null) {
      out.append(" \u00b7 Compared with: ").append(FigureFormat.ENGLISH.formatPeriod(brief.comparison()));
    }
    out.append(" \u00b7 Generated ").append(GENERATED.format(brief.generatedAt())).append("\n\n");
    for (Section s : brief.sections()) {
      section(s);
    }
    List<Figure> cited = brief.citedFigures();
    CitationTable table = CitationTable.of(cited);
    out.append("## Sources and notes\n\n")
        .append(esc(brief.attribution()))
        .append("\n\n")
        .append("| Key | System | File | SHA-256 | Licence | Accessed |\n")
        .append("|---|---|---|---|---|---|\n");
    for (CitationTable.Source s : table.sources()) {
      out.append("| ")
          .append(s.key())
          .append(" | ")
          .append(esc(s.ref().system()))
          .append(" | ")
          .append(cellCode(s.ref().dataset()))
          .append(" | ")
          .append(cellCode(s.ref().sha256()))
          .append(" | ")
          .append(esc(SourceLicences.licence(s.ref(), brief.synthetic())))
          .append(" | ")
          .append(s.accessed())
          .append(" |\n");
    }
    out.append('\n');
    if (!brief.editionNotes().isEmpty()) {
      out.append("About the editions used for this window:\n\n");
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
        out.append("**Table ")
            .append(tables)
            .append(".** Judgement per area, by the rules stated under Method and sources\n\n")
            .append("| Area | Judgement | On the figures |\n| --- | --- | --- |\n");
        for (Judgement x : j.judgements()) {
          out.append("| ")
              .append(esc(x.area()))
              .append(" | ")
              .append(esc(x.verdict().label()))
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
    out.append("![Map ")
        .append(maps)
        .append(". ")
        .append(esc(view.caption()))
        .append("](")
        .append(mapPath(view))
        .append(")\n\n*Map ")
        .append(maps)
        .append(".* ")
        .append(esc(view.caption()))
        .append(".\n\n");
  }

  private void table(Block.Table t) {
    tables++;
    out.append("**Table ").append(tables).append(".** ").append(esc(t.caption())).append("\n\n");
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
    out.append("![Figure ")
        .append(charts)
        .append(". ")
        .append(esc(c.caption()))
        .append("](")
        .append(chartPath(c))
        .append(")\n\n");
    out.append("*Figure ").append(charts).append(".* ").append(esc(c.caption())).append(". ");
    out.append("Values (").append(esc(c.valueLabel())).append(")");
    for (Block.Series s : c.series()) {
      out.append(c.series().size() > 1 ? " \u2014 " + esc(s.name()) + ": " : ": ");
      out.append(
          s.points().stream()
              .map(
                  p ->
                      esc(
                              FigureFormat.ENGLISH.pointLabel(
                                  c, p, brief.findFigure(p.figureId()).orElseThrow()))
                          + " "
                          + figure(p.figureId(), Inline.Style.NUMBER_ONLY))
              .collect(Collectors.joining("; ")));
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
          b.append(" *[")
              .append(esc(c.verdict().replace('_', ' ') + ": " + c.reason()))
              .append("]*");
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
    return esc(FigureFormat.ENGLISH.format(f, style)) + "[^" + brief.noteNumber(id) + "]";
  }

  private void reference(Figure f, CitationTable.Entry entry) {
    out.append("[^")
        .append(brief.noteNumber(f.id()))
        .append("]: **")
        .append(esc(f.label()))
        .append(":** ")
        .append(esc(FigureFormat.ENGLISH.format(f)))
        .append(" (")
        .append(code(f.id()))
        .append("). Period: ")
        .append(FigureFormat.ENGLISH.formatPeriod(f.period()));
    if (f.comparison() != null) {
      out.append("; compared with ").append(FigureFormat.ENGLISH.formatPeriod(f.comparison()));
    }
    FigureContext.describe(f).ifPresent(c -> out.append("; ").append(esc(c)));
    out.append(". Filters: ")
        .append(
            f.filters().isEmpty()
                ? "none"
                : esc(
                    f.filters().entrySet().stream()
                        .map(e -> e.getKey() + " = " + e.getValue())
                        .collect(Collectors.joining("; "))))
        .append(". Query: ")
        .append(code(f.query()))
        .append(". Sources: ")
        .append(entry.sourceKeys().isEmpty() ? "none" : String.join(", ", entry.sourceKeys()))
        .append(". Records: ")
        .append(FigureFormat.ENGLISH.count(f.citation().recordCount()))
        .append(" (citation ")
        .append(entry.key())
        .append(" of figures.json), accessed ")
        .append(f.citation().accessed())
        .append('.');
    if (f.note() != null) {
      out.append(" Note: ").append(esc(f.note())).append('.');
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
