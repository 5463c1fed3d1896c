package org.harmattan.briefs.render;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.harmattan.briefs.model.Block;
import org.harmattan.briefs.model.Brief;
import org.harmattan.briefs.model.Inline;
import org.harmattan.briefs.model.MapView;
import org.harmattan.briefs.model.Section;
import org.harmattan.domain.figure.Figure;
import org.harmattan.domain.figure.SourceRef;

/**
 * Renders a {@link Brief} as one self-contained XHTML document: embedded CSS, inline SVG charts,
 * every figure a link to its numbered note in the References. The same document feeds {@link
 * PdfRenderer}, so it must be well-formed XML: everything is escaped, and only void elements are
 * self-closed so that browsers reading it as HTML see the same tree.
 *
 * <p>Screen and print differ only through CSS: the full event-id lists sit in {@code <details>}
 * hidden in print (the PDF shows the first {@value #IDS_SHOWN}), and the synthetic marker is a
 * fixed bar on screen and a page-margin header in print.
 */
public final class HtmlRenderer {

  /** What every page of a brief built from synthetic data says. */
  public static final String SYNTHETIC_MARK = "SYNTHETIC DATA \u2014 NOT REAL EVENTS";

  /** Event ids shown before the rest collapse (and all the PDF shows). */
  static final int IDS_SHOWN = 8;

  private static final String CSS_RESOURCE = "brief.css";
  private static final DateTimeFormatter GENERATED =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);

  private final Brief brief;
  private final Map<String, String> anchors;
  private final StringBuilder out = new StringBuilder(64 * 1024);
  private int tables;
  private int charts;
  private int maps;

  private HtmlRenderer(Brief brief) {
    this.brief = brief;
    this.anchors = anchors(brief);
  }

  /** The brief as a complete XHTML document. */
  public static String render(Brief brief) {
    requireNonNull(brief, "brief");
    return new HtmlRenderer(brief).document();
  }

  /**
   * The anchor id of each figure, by figure id: {@code fig-} and the id with every character
   * outside [A-Za-z0-9] replaced by '-'. Two ids that map to the same anchor get "-2", "-3"… in
   * brief order, so links stay unique.
   */
  public static Map<String, String> anchors(Brief brief) {
    Map<String, String> byId = new LinkedHashMap<>();
    Set<String> used = new HashSet<>();
    for (Figure f : brief.figures()) {
      String base = "fig-" + anchorPart(f.id());
      String anchor = base;
      for (int n = 2; !used.add(anchor); n++) {
        anchor = base + "-" + n;
      }
      byId.put(f.id(), anchor);
    }
    return byId;
  }

  /** An id made safe for HTML anchors and file names. */
  static String anchorPart(String id) {
    return id.replaceAll("[^A-Za-z0-9]", "-");
  }

  private String document() {
    String mark = brief.synthetic() ? SYNTHETIC_MARK + " \u00b7 " : "";
    out.append("<!DOCTYPE html>\n");
    out.append("<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\">\n<head>\n");
    out.append("<meta charset=\"UTF-8\"/>\n");
    out.append("<title>").append(esc(mark + brief.title())).append("</title>\n");
    meta("author", "Harmattan");
    meta("subject", (brief.synthetic() ? SYNTHETIC_MARK + ". " : "") + brief.countryName());
    meta("generator", "Harmattan");
    out.append("<style>\n").append(css()).append("</style>\n</head>\n");
    out.append("<body class=\"").append(brief.synthetic() ? "synthetic" : "real").append("\">\n");
    if (brief.synthetic()) {
      out.append("<div class=\"synthetic-bar\" aria-hidden=\"true\">")
          .append(SYNTHETIC_MARK)
          .append("</div>\n");
    }
    masthead();
    out.append("<main>\n");
    for (Section s : brief.sections()) {
      section(s);
    }
    out.append("</main>\n");
    references();
    footer();
    out.append("</body>\n</html>\n");
    return out.toString();
  }

  private void meta(String name, String content) {
    out.append("<meta name=\"")
        .append(name)
        .append("\" content=\"")
        .append(esc(content))
        .append("\"/>\n");
  }

  private void masthead() {
    out.append("<header class=\"masthead\">\n");
    if (brief.synthetic()) {
      out.append("<div class=\"banner\" role=\"note\"><p class=\"banner-title\">")
          .append(SYNTHETIC_MARK)
          .append("</p><p class=\"banner-text\">This brief was produced from Harmattan's")
          .append(" synthetic demonstration data. Every event, actor and number in it is")
          .append(" generated; none describes real events. Do not cite or share it as")
          .append(" analysis.</p></div>\n");
    }
    out.append("<p class=\"kicker\">Crisis brief \u00b7 ")
        .append(esc(brief.countryName()))
        .append(" (")
        .append(esc(brief.countryIso3()))
        .append(")</p>\n");
    out.append("<h1>").append(esc(brief.title())).append("</h1>\n");
    out.append("<p class=\"dateline\"><span class=\"period\">Period: ")
        .append(esc(FigureFormat.formatPeriod(brief.period())))
        .append("</span>");
    if (brief.comparison() != null) {
      out.append(" <span class=\"sep\">\u00b7</span> <span class=\"comparison\">Compared with: ")
          .append(esc(FigureFormat.formatPeriod(brief.comparison())))
          .append("</span>");
    }
    out.append(" <span class=\"sep\">\u00b7</span> <span class=\"generated\">Generated ")
        .append(GENERATED.format(brief.generatedAt()))
        .append("</span></p>\n");
    out.append("<p class=\"howto\">Each number links to a numbered note under References that")
        .append(" gives its period, filters, query, source files and the records counted.</p>\n");
    out.append("</header>\n");
  }

  private void section(Section s) {
    out.append("<section class=\"brief-section\" id=\"sec-")
        .append(anchorPart(s.id()))
        .append("\">\n<h2>")
        .append(esc(s.title()))
        .append("</h2>\n");
    for (Block b : s.blocks()) {
      if (b instanceof Block.Paragraph p) {
        out.append("<p>");
        inline(p.parts());
        out.append("</p>\n");
      } else if (b instanceof Block.Bullets list) {
        out.append("<ul>\n");
        for (List<Inline> item : list.items()) {
          out.append("<li>");
          inline(item);
          out.append("</li>\n");
        }
        out.append("</ul>\n");
      } else if (b instanceof Block.Table t) {
        table(t);
      } else if (b instanceof Block.Chart c) {
        chart(c);
      } else if (b instanceof Block.Map m) {
        map(m.view());
      }
    }
    out.append("</section>\n");
  }

  private void inline(List<Inline> parts) {
    for (Inline part : parts) {
      if (part instanceof Inline.Text t) {
        out.append(esc(t.text()));
      } else if (part instanceof Inline.FigureRef ref) {
        figureRef(ref);
      }
    }
  }

  private void figureRef(Inline.FigureRef ref) {
    Figure f = getFigure(ref.figureId());
    out.append("<a class=\"fig\" href=\"#")
        .append(anchors.get(f.id()))
        .append("\">")
        .append(esc(FigureFormat.format(f, ref.style())))
        .append("</a><sup>[")
        .append(brief.noteNumber(f.id()))
        .append("]</sup>");
  }

  private void table(Block.Table t) {
    tables++;
    List<Boolean> numeric = new ArrayList<>();
    for (int c = 0; c < t.headers().size(); c++) {
      int col = c;
      numeric.add(!t.rows().isEmpty() && t.rows().stream().allMatch(r -> isNumber(r.get(col))));
    }
    // A label column followed by numbers gets half the width; text tables share it out.
    boolean labelled = !numeric.subList(1, numeric.size()).contains(false);
    out.append(labelled ? "<table class=\"data labelled\">" : "<table class=\"data\">")
        .append("\n<caption><span class=\"label\">Table ")
        .append(tables)
        .append(".</span> ")
        .append(esc(t.caption()))
        .append("</caption>\n<thead><tr>");
    for (int c = 0; c < t.headers().size(); c++) {
      out.append(numeric.get(c) ? "<th class=\"num\">" : "<th>")
          .append(esc(t.headers().get(c)))
          .append("</th>");
    }
    out.append("</tr></thead>\n<tbody>\n");
    for (List<List<Inline>> row : t.rows()) {
      out.append("<tr>");
      for (int c = 0; c < row.size(); c++) {
        out.append(numeric.get(c) ? "<td class=\"num\">" : "<td>");
        inline(row.get(c));
        out.append("</td>");
      }
      out.append("</tr>\n");
    }
    out.append("</tbody>\n</table>\n");
  }

  /** A cell holding figure references and nothing but blanks: right-aligned. */
  private static boolean isNumber(List<Inline> cell) {
    boolean any = false;
    for (Inline part : cell) {
      if (part instanceof Inline.FigureRef) {
        any = true;
      } else if (part instanceof Inline.Text t && !t.text().isBlank()) {
        return false;
      }
    }
    return any;
  }

  private void chart(Block.Chart c) {
    charts++;
    // The figcaption carries the caption in the HTML; the standalone SVG files keep it as a title.
    String svg = ChartRenderer.toSvg(c, brief, false);
    double heightMm = PRINT_WIDTH_MM * ChartRenderer.height(c, false) / ChartRenderer.WIDTH;
    String sized =
        String.format(
            Locale.ROOT,
            "<svg class=\"chart-svg\" role=\"img\" aria-label=\"%s\" style=\"width: %.0fmm;"
                + " height: %.1fmm\"",
            esc(c.caption()),
            PRINT_WIDTH_MM,
            heightMm);
    if (!svg.startsWith("<svg")) {
      throw new IllegalStateException("chart '" + c.id() + "' did not render as <svg>");
    }
    out.append("<figure class=\"chart\" id=\"chart-").append(anchorPart(c.id())).append("\">\n");
    out.append("<figcaption><span class=\"label\">Figure ")
        .append(charts)
        .append(".</span> ")
        .append(esc(c.caption()))
        .append("</figcaption>\n");
    out.append(sized).append(svg.substring(4)).append('\n');
    out.append("<p class=\"chart-source\">");
    noteRange(c);
    out.append("</p>\n");
    chartData(c);
    out.append("</figure>\n");
  }

  private static final double PRINT_WIDTH_MM = 170;

  private void map(MapView view) {
    maps++;
    // Inline like the charts: the figcaption carries the caption, the SVG file keeps it as title.
    String svg = MapSvg.toSvg(view, false);
    double heightMm = PRINT_WIDTH_MM * MapSvg.height(view, false) / MapSvg.WIDTH;
    out.append("<figure class=\"chart map\" id=\"map-")
        .append(anchorPart(view.id()))
        .append("\">\n");
    out.append("<figcaption><span class=\"label\">Map ")
        .append(maps)
        .append(".</span> ")
        .append(esc(view.caption()))
        .append("</figcaption>\n");
    out.append(
            String.format(
                Locale.ROOT,
                "<svg class=\"chart-svg map-svg\" role=\"img\" aria-label=\"%s\" style=\"width:"
                    + " %.0fmm; height: %.1fmm\"",
                esc(view.caption()),
                PRINT_WIDTH_MM,
                heightMm))
        .append(svg.substring(4))
        .append('\n');
    out.append("</figure>\n");
  }

  /** "Values: notes 3–14, 16." with each end a link, so a chart's numbers lead to citations. */
  private void noteRange(Block.Chart c) {
    TreeSet<Integer> notes =
        c.series().stream()
            .flatMap(s -> s.points().stream())
            .map(p -> brief.noteNumber(getFigure(p.figureId()).id()))
            .collect(Collectors.toCollection(TreeSet::new));
    if (notes.isEmpty()) {
      return;
    }
    out.append(notes.size() == 1 ? "Value: note " : "Values: notes ");
    List<int[]> runs = new ArrayList<>();
    for (int n : notes) {
      if (!runs.isEmpty() && runs.get(runs.size() - 1)[1] == n - 1) {
        runs.get(runs.size() - 1)[1] = n;
      } else {
        runs.add(new int[] {n, n});
      }
    }
    for (int i = 0; i < runs.size(); i++) {
      int[] run = runs.get(i);
      if (i > 0) {
        out.append(", ");
      }
      noteLink(run[0]);
      if (run[1] != run[0]) {
        out.append(run[1] == run[0] + 1 ? ", " : "\u2013");
        noteLink(run[1]);
      }
    }
    out.append('.');
  }

  private void noteLink(int note) {
    Figure f = brief.figures().get(note - 1);
    out.append("<a class=\"note\" href=\"#")
        .append(anchors.get(f.id()))
        .append("\">")
        .append(note)
        .append("</a>");
  }

  /** The chart's values as a table of linked figures; screen only, the PDF has the notes. */
  private void chartData(Block.Chart c) {
    out.append("<details class=\"chart-data\"><summary>Chart values</summary>\n")
        .append("<table class=\"data compact\"><thead><tr>");
    boolean several = c.series().size() > 1;
    if (several) {
      out.append("<th>Series</th>");
    }
    out.append(c.kind() == Block.Kind.LINE ? "<th>Month</th>" : "<th>Category</th>")
        .append("<th class=\"num\">")
        .append(esc(c.valueLabel()))
        .append("</th></tr></thead>\n<tbody>\n");
    for (Block.Series s : c.series()) {
      for (Block.Point p : s.points()) {
        out.append("<tr>");
        if (several) {
          out.append("<td>").append(esc(s.name())).append("</td>");
        }
        out.append("<td>")
            .append(
                esc(FigureFormat.pointLabel(c, p, brief.findFigure(p.figureId()).orElseThrow())))
            .append("</td><td class=\"num\">");
        figureRef(new Inline.FigureRef(p.figureId(), Inline.Style.NUMBER_ONLY));
        out.append("</td></tr>\n");
      }
    }
    out.append("</tbody></table>\n</details>\n");
  }

  private void references() {
    out.append("<section class=\"references\" id=\"references\">\n<h2>References</h2>\n");
    out.append("<ol class=\"notes\">\n");
    for (Figure f : brief.figures()) {
      reference(f);
    }
    out.append("</ol>\n</section>\n");
  }

  private void reference(Figure f) {
    out.append("<li id=\"").append(anchors.get(f.id())).append("\">");
    out.append("<p class=\"ref-head\"><span class=\"ref-label\">")
        .append(esc(f.label()))
        .append(":</span> <strong class=\"ref-value\">")
        .append(esc(FigureFormat.format(f)))
        .append("</strong> <span class=\"ref-id\">")
        .append(esc(f.id()))
        .append("</span></p>\n");
    out.append("<p class=\"ref-meta\">Period: ").append(esc(FigureFormat.formatPeriod(f.period())));
    if (f.comparison() != null) {
      out.append("; compared with ").append(esc(FigureFormat.formatPeriod(f.comparison())));
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
        .append(". Records: ")
        .append(FigureFormat.count(f.citation().recordCount()))
        .append(". Accessed ")
        .append(f.citation().accessed())
        .append(".</p>\n");
    if (f.note() != null) {
      out.append("<p class=\"ref-note\">Note: ").append(esc(f.note())).append("</p>\n");
    }
    out.append("<p class=\"ref-meta\">Sources: ");
    if (f.citation().sources().isEmpty()) {
      out.append("none");
    }
    for (int i = 0; i < f.citation().sources().size(); i++) {
      SourceRef s = f.citation().sources().get(i);
      out.append(i > 0 ? "; " : "")
          .append(esc(s.system()))
          .append(", <span class=\"file\">")
          .append(esc(s.dataset()))
          .append("</span>, SHA-256 <code title=\"")
          .append(esc(s.sha256()))
          .append("\">")
          .append(esc(s.sha256().substring(0, Math.min(12, s.sha256().length()))))
          .append("</code>");
    }
    out.append(".</p>\n");
    out.append("<p class=\"ref-query\">Query: <code>")
        .append(esc(f.query()))
        .append("</code></p>\n");
    eventIds(f.citation().eventIds());
    out.append("</li>\n");
  }

  private void eventIds(List<String> ids) {
    out.append("<div class=\"ref-ids\">Event ids");
    if (ids.isEmpty()) {
      out.append(": none.</div>\n");
      return;
    }
    int shown = Math.min(IDS_SHOWN, ids.size());
    out.append(ids.size() > shown ? " (first " + shown + " of " + count(ids) + "): " : ": ")
        .append("<code>")
        .append(esc(String.join(", ", ids.subList(0, shown))))
        .append("</code>");
    if (ids.size() > shown) {
      out.append("<span class=\"print-only\"> \u2026 and ")
          .append(FigureFormat.count(ids.size() - shown))
          .append(" more, listed in figures.json.</span>\n")
          .append("<details class=\"all-ids\"><summary>All ")
          .append(count(ids))
          .append(" event ids</summary><code>")
          .append(esc(String.join(", ", ids)))
          .append("</code></details>");
    }
    out.append("</div>\n");
  }

  private static String count(List<String> ids) {
    return FigureFormat.count(ids.size());
  }

  private void footer() {
    out.append(
        "<footer class=\"method\" id=\"sources-and-method\">\n<h2>Sources and method</h2>\n");
    out.append("<p class=\"attribution\">").append(esc(brief.attribution())).append("</p>\n");
    out.append("<p>Every number above is a figure computed from the records listed in its note:")
        .append(" the note gives the period, the filters, the query, the source files with their")
        .append(" SHA-256 and the count and ids of the records. The same figures are in")
        .append(" figures.json for re-computation.</p>\n");
    if (brief.synthetic()) {
      out.append("<p class=\"synthetic-note\">")
          .append(SYNTHETIC_MARK)
          .append(": the records behind this brief are synthetic.</p>\n");
    }
    out.append("<p class=\"colophon\">Generated by Harmattan on ")
        .append(GENERATED.format(brief.generatedAt()))
        .append(".</p>\n</footer>\n");
  }

  private Figure getFigure(String id) {
    return brief
        .findFigure(id)
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "the brief refers to figure '" + id + "', which its figure list lacks"));
  }

  /** The stylesheet: the static rules from brief.css and the page-margin boxes of this brief. */
  private String css() {
    StringBuilder css = new StringBuilder(staticCss());
    String footer = brief.countryName() + " \u00b7 " + FigureFormat.formatPeriod(brief.period());
    String header = brief.synthetic() ? SYNTHETIC_MARK : "Harmattan crisis brief";
    String box = "font-family: 'DejaVu Sans', sans-serif; font-size: 7.5pt; ";
    css.append("@page {\n")
        .append("  size: A4;\n")
        .append("  margin: 22mm 18mm 20mm 18mm;\n")
        .append("  @top-center { content: ")
        .append(cssString(header))
        .append("; ")
        .append(box)
        .append(
            brief.synthetic()
                ? "font-weight: bold; color: #000; vertical-align: bottom; padding-bottom: 4mm; }\n"
                : "color: #555; vertical-align: bottom; padding-bottom: 4mm; }\n")
        .append("  @bottom-left { content: ")
        .append(cssString(footer))
        .append("; ")
        .append(box)
        .append("color: #555; vertical-align: top; padding-top: 4mm; }\n")
        .append("  @bottom-center { content: \"Page \" counter(page) \" of \" counter(pages); ")
        .append(box)
        .append("color: #555; vertical-align: top; padding-top: 4mm; }\n")
        .append("}\n");
    return css.toString();
  }

  private static String staticCss() {
    try (InputStream in = HtmlRenderer.class.getResourceAsStream(CSS_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(CSS_RESOURCE + " missing from the classpath");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A CSS string literal with everything but plain letters and digits hex-escaped, so that it reads
   * the same to an XML parser (no '&' or '<') and to a browser's HTML parser.
   */
  static String cssString(String s) {
    StringBuilder b = new StringBuilder("\"");
    s.codePoints()
        .forEach(
            cp -> {
              // Spaces too: CSS swallows one blank after a hex escape.
              if ((cp >= 'a' && cp <= 'z')
                  || (cp >= 'A' && cp <= 'Z')
                  || (cp >= '0' && cp <= '9')) {
                b.appendCodePoint(cp);
              } else {
                b.append('\\').append(String.format(Locale.ROOT, "%06X", cp));
              }
            });
    return b.append('"').toString();
  }

  /** Text and attribute values escaped for XML; characters XML forbids become U+FFFD. */
  static String esc(String s) {
    StringBuilder b = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char ch = s.charAt(i);
      switch (ch) {
        case '&' -> b.append("&amp;");
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '"' -> b.append("&quot;");
        case '\'' -> b.append("&#39;");
        default -> {
          boolean allowed =
              ch == '\t'
                  || ch == '\n'
                  || ch == '\r'
                  || (ch >= 0x20 && ch != 0xFFFE && ch != 0xFFFF);
          b.append(allowed ? ch : '\uFFFD');
        }
      }
    }
    return b.toString();
  }
}
