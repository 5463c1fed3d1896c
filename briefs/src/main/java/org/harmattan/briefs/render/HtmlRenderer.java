package org.harmattan.briefs.render;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.time.format.TextStyle;
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
import org.harmattan.briefs.model.Judgement;
import org.harmattan.briefs.model.MapView;
import org.harmattan.briefs.model.Section;
import org.harmattan.briefs.text.BriefTexts;
import org.harmattan.domain.event.EventType;
import org.harmattan.domain.figure.Figure;
import org.harmattan.domain.figure.Period;
import org.harmattan.domain.text.Language;
import org.harmattan.domain.text.Texts;
import org.harmattan.domain.text.Vocabulary;

/**
 * Renders a {@link Brief} as one self-contained XHTML document: embedded CSS, inline SVG charts,
 * every figure a link to its numbered note in the References. The same document feeds {@link
 * PdfRenderer}, so it must be well-formed XML: everything is escaped, and only void elements are
 * self-closed so that browsers reading it as HTML see the same tree.
 *
 * <p>Screen and print differ only through CSS: each figure's query and the lists of records sit in
 * {@code <details>} hidden in print (the PDF keeps the one-line notes and the table of sources,
 * whose SHA-256 it abbreviates), and the synthetic marker is a fixed bar on screen and a
 * page-margin header in print.
 */
public final class HtmlRenderer {

  /** The language of the figures' queries, which the notes quote. */
  static final Language QUERY_LANGUAGE = Language.EN;

  private final Brief brief;
  private final Texts texts;
  private final FigureFormat format;
  private final String syntheticMark;
  private final Map<String, String> anchors;
  private final StringBuilder out = new StringBuilder(64 * 1024);
  private int tables;
  private int charts;
  private int maps;

  private HtmlRenderer(Brief brief) {
    this.brief = brief;
    this.texts = BriefTexts.of(brief.language());
    this.format = FigureFormat.of(brief.language());
    this.syntheticMark = texts.t("render.synthetic_mark");
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
    String mark = brief.synthetic() ? syntheticMark + " \u00b7 " : "";
    out.append("<!DOCTYPE html>\n");
    out.append("<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"")
        .append(brief.language().code())
        .append("\">\n<head>\n");
    out.append("<meta charset=\"UTF-8\"/>\n");
    out.append("<title>").append(esc(mark + brief.title())).append("</title>\n");
    meta("author", "Harmattan");
    meta("subject", (brief.synthetic() ? syntheticMark + ". " : "") + brief.countryName());
    meta("generator", "Harmattan");
    out.append("<style>\n")
        .append(HtmlStyle.of(brief, texts, format, syntheticMark))
        .append("</style>\n</head>\n");
    out.append("<body class=\"").append(brief.synthetic() ? "synthetic" : "real").append("\">\n");
    if (brief.synthetic()) {
      out.append("<div class=\"synthetic-bar\" aria-hidden=\"true\">")
          .append(esc(syntheticMark))
          .append("</div>\n");
    }
    masthead();
    out.append("<main>\n");
    for (Section s : brief.sections()) {
      section(s);
    }
    out.append("</main>\n");
    new HtmlNotes(brief, texts, format, syntheticMark, anchors, out).write();
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
          .append(esc(syntheticMark))
          .append("</p><p class=\"banner-text\">")
          // The bundle's own text: no markup characters, and apostrophes stay as written.
          .append(texts.t("render.banner"))
          .append("</p></div>\n");
    }
    out.append("<p class=\"kicker\">")
        .append(esc(texts.t("render.kicker", brief.countryName(), brief.countryIso3())))
        .append("</p>\n");
    out.append("<h1>").append(esc(brief.title())).append("</h1>\n");
    out.append("<p class=\"dateline\"><span class=\"period\">")
        .append(esc(texts.t("render.period", format.formatPeriod(brief.period()))))
        .append("</span>");
    if (brief.comparison() != null) {
      out.append(" <span class=\"sep\">\u00b7</span> <span class=\"comparison\">")
          .append(esc(texts.t("render.compared_with", format.formatPeriod(brief.comparison()))))
          .append("</span>");
    }
    out.append(" <span class=\"sep\">\u00b7</span> <span class=\"generated\">")
        .append(esc(texts.t("render.generated", format.timestamp(brief.generatedAt()))))
        .append("</span></p>\n");
    out.append("<p class=\"howto\">").append(esc(texts.t("render.howto"))).append("</p>\n");
    out.append("</header>\n");
  }

  private void section(Section s) {
    out.append(
            s.id().startsWith("narrative-")
                ? "<section class=\"brief-section analyst\" id=\"sec-"
                : "<section class=\"brief-section\" id=\"sec-")
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
      } else if (b instanceof Block.Judgements j) {
        judgements(j);
      }
    }
    out.append("</section>\n");
  }

  private void inline(List<Inline> parts) {
    for (int i = 0; i < parts.size(); i++) {
      Inline part = parts.get(i);
      if (part instanceof Inline.Text t) {
        if (t.text().endsWith("(")
            && i + 1 < parts.size()
            && parts.get(i + 1) instanceof Inline.FigureRef ref) {
          // The PDF's line breaker may break where an element starts, even after "(": the bracket
          // goes inside the figure's link, so that it never ends a line alone.
          out.append(esc(t.text().substring(0, t.text().length() - 1)));
          figureRef(ref, "(");
          i++;
        } else {
          out.append(esc(t.text()));
        }
      } else if (part instanceof Inline.FigureRef ref) {
        figureRef(ref, "");
      } else if (part instanceof Inline.Stated st) {
        stated(st);
      }
    }
  }

  /**
   * A number the analyst wrote: as written, with the figure's citation mark, and what the data say
   * when they do not support it.
   */
  private void stated(Inline.Stated st) {
    Inline.Check c = requireChecked(st);
    out.append("<span class=\"stated stated-")
        .append(c.verdict().replace('_', '-'))
        .append("\" title=\"")
        .append(esc(HtmlRenderer.checkWords(texts, c)))
        .append("\">");
    if (c.cited()) {
      Figure f = getFigure(st.figureId());
      out.append("<a class=\"fig\" href=\"#")
          .append(anchors.get(f.id()))
          .append("\">")
          .append(esc(st.text()))
          .append("</a><sup>[")
          .append(brief.noteNumber(f.id()))
          .append("]</sup>");
    } else {
      out.append(esc(st.text()));
    }
    out.append("</span>");
    if (!c.verdict().equals("supported")) {
      out.append(" <span class=\"check\">[")
          .append(esc(HtmlRenderer.checkWords(texts, c)))
          .append("]</span>");
    }
  }

  /** A stated number's check in words: "contradicted: the data give 1,762 deaths". */
  static String checkWords(Texts texts, Inline.Check c) {
    String key = "render.check." + c.verdict();
    String verdict = texts.has(key) ? texts.t(key) : c.verdict().replace('_', ' ');
    return texts.t("render.colon", verdict, c.reason());
  }

  /** The check of a stated number, which the brief's builder always sets. */
  static Inline.Check requireChecked(Inline.Stated st) {
    if (st.check() == null) {
      throw new IllegalStateException("stated number not checked: " + st.text());
    }
    return st.check();
  }

  /** A figure's number with its citation mark, {@code before} (a bracket) inside its link. */
  private void figureRef(Inline.FigureRef ref, String before) {
    Figure f = getFigure(ref.figureId());
    out.append("<a class=\"fig\" href=\"#")
        .append(anchors.get(f.id()))
        .append("\">")
        .append(before)
        .append(esc(format.format(f, ref.style())))
        .append("</a><sup>[")
        .append(brief.noteNumber(f.id()))
        .append("]</sup>");
  }

  /** The judgement per area: area, verdict, and the figures it rests on (rules: Method). */
  private void judgements(Block.Judgements j) {
    tables++;
    out.append("<table class=\"data judgements\">\n<caption><span class=\"label\">")
        .append(esc(texts.t("render.table", Integer.toString(tables))))
        .append("</span> ")
        .append(esc(texts.t("render.judgements.caption")))
        .append("</caption>\n<thead><tr><th>")
        .append(esc(texts.t("render.judgements.area")))
        .append("</th><th>")
        .append(esc(texts.t("render.judgements.verdict")))
        .append("</th><th>")
        .append(esc(texts.t("render.judgements.basis")))
        .append("</th></tr></thead>\n<tbody>\n");
    for (Judgement x : j.judgements()) {
      out.append("<tr class=\"verdict-")
          .append(x.verdict().name().toLowerCase(Locale.ROOT).replace('_', '-'))
          .append("\"><td>")
          .append(esc(x.area()))
          .append("</td><td class=\"verdict\">")
          .append(esc(verdict(texts, x.verdict())))
          .append("</td><td>");
      inline(x.basis());
      out.append("</td></tr>\n");
    }
    out.append("</tbody>\n</table>\n");
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
    // A long table may run on to the next page, its header repeated, rather than leave half a
    // page empty before it.
    out.append("<table class=\"data")
        .append(labelled ? " labelled" : "")
        .append(t.rows().size() > LONG_TABLE_ROWS ? " long\">" : "\">")
        .append("\n<caption><span class=\"label\">")
        .append(esc(texts.t("render.table", Integer.toString(tables))))
        .append("</span> ")
        .append(esc(t.caption()))
        .append("</caption>\n<thead><tr>");
    for (int c = 0; c < t.headers().size(); c++) {
      if (numeric.get(c)) {
        out.append("<th class=\"num\" style=\"width: ")
            .append(numberColumnPt(t, c))
            .append("pt\">");
      } else {
        out.append("<th>");
      }
      out.append(esc(t.headers().get(c))).append("</th>");
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

  /** Width of a bold table digit (DejaVu Sans Bold at the tables' 8.8 pt), in points. */
  private static final double TABLE_DIGIT_PT = 6.2;

  /** Width of a character of a citation mark (6.5 pt), in points. */
  private static final double MARK_CHAR_PT = 4.0;

  /**
   * The width a column of numbers needs so that no number is parted from its citation mark: the
   * PDF's table layout counts the end of the number as a place to wrap, so without it a narrow
   * column puts "219" on one line and "[320]" under it. A cell's width acts as the column's least
   * width; a wider column stays wider.
   */
  private long numberColumnPt(Block.Table t, int column) {
    double widest = 0;
    for (List<List<Inline>> row : t.rows()) {
      double width = 0;
      for (Inline part : row.get(column)) {
        if (part instanceof Inline.FigureRef ref) {
          Figure f = getFigure(ref.figureId());
          width +=
              format.format(f, ref.style()).length() * TABLE_DIGIT_PT
                  + ("[" + brief.noteNumber(f.id()) + "]").length() * MARK_CHAR_PT;
        }
      }
      widest = Math.max(widest, width);
    }
    return Math.round(Math.ceil(widest + 2));
  }

  /** Rows beyond which a table may break across pages. */
  static final int LONG_TABLE_ROWS = 6;

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
    out.append("<figcaption><span class=\"label\">")
        .append(esc(texts.t("render.figure", Integer.toString(charts))))
        .append("</span> ")
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

  /** Where markup goes into a translated text that is escaped first (a private-use character). */
  static final String PLACE = "\ue000";

  private void map(MapView view) {
    maps++;
    // Inline like the charts: the figcaption carries the caption, the SVG file keeps it as title.
    String svg = MapSvg.toSvg(view, brief.language(), false);
    double heightMm = PRINT_WIDTH_MM * MapSvg.height(view, brief.language(), false) / MapSvg.WIDTH;
    out.append("<figure class=\"chart map\" id=\"map-")
        .append(anchorPart(view.id()))
        .append("\">\n");
    out.append("<figcaption><span class=\"label\">")
        .append(esc(texts.t("render.map", Integer.toString(maps))))
        .append("</span> ")
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
    StringBuilder links = new StringBuilder();
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
        links.append(", ");
      }
      noteLink(links, run[0]);
      if (run[1] != run[0]) {
        links.append(run[1] == run[0] + 1 ? ", " : "\u2013");
        noteLink(links, run[1]);
      }
    }
    // The pattern's own words are escaped; the links are markup already.
    out.append(esc(texts.plural("render.chart.notes", notes.size(), PLACE)).replace(PLACE, links));
  }

  private void noteLink(StringBuilder links, int note) {
    Figure f = brief.figures().get(note - 1);
    links
        .append("<a class=\"note\" href=\"#")
        .append(anchors.get(f.id()))
        .append("\">")
        .append(note)
        .append("</a>");
  }

  /** The chart's values as a table of linked figures; screen only, the PDF has the notes. */
  private void chartData(Block.Chart c) {
    out.append("<details class=\"chart-data\"><summary>")
        .append(esc(texts.t("render.chart.values")))
        .append("</summary>\n")
        .append("<table class=\"data compact\"><thead><tr>");
    boolean several = c.series().size() > 1;
    if (several) {
      out.append("<th>").append(esc(texts.t("render.chart.series"))).append("</th>");
    }
    out.append("<th>")
        .append(esc(texts.t(c.kind().overTime() ? "render.chart.month" : "render.chart.category")))
        .append("</th><th class=\"num\">")
        .append(esc(c.valueLabel()))
        .append("</th></tr></thead>\n<tbody>\n");
    for (Block.Series s : c.series()) {
      for (Block.Point p : s.points()) {
        out.append("<tr>");
        if (several) {
          out.append("<td>").append(esc(s.name())).append("</td>");
        }
        out.append("<td>")
            .append(esc(format.pointLabel(c, p, brief.findFigure(p.figureId()).orElseThrow())))
            .append("</td><td class=\"num\">");
        figureRef(new Inline.FigureRef(p.figureId(), Inline.Style.NUMBER_ONLY), "");
        out.append("</td></tr>\n");
      }
    }
    out.append("</tbody></table>\n</details>\n");
  }

  /**
   * The name of a figure's filter as the notes print it: its key in English ("event_type"), in
   * words in other languages ("type d’événement"); a key without a name stays as it is.
   */
  static String filterName(Texts texts, String name) {
    String key = "render.filter_name." + name.replaceAll("[^A-Za-z0-9]+", "_");
    return texts.has(key) ? texts.t(key) : name;
  }

  /**
   * A filter's value as the notes print it: ACLED's event and sub-event types (one or several,
   * joined by "; ") in the brief's language, any other value as it is.
   */
  static String filterValue(Texts texts, String name, String value) {
    if (!name.equals("event_type") && !name.equals("sub_event_type")) {
      return value;
    }
    List<String> terms = new ArrayList<>();
    for (String term : value.split("; ", -1)) {
      terms.add(
          name.equals("event_type")
              ? EventType.findByLabel(term)
                  .map(t -> Vocabulary.eventType(texts.language(), t))
                  .orElse(term)
              : Vocabulary.subEventType(texts.language(), term));
    }
    return String.join(texts.t("render.separator"), terms);
  }

  /** A verdict in the brief's language: "deteriorated", "dégradée". */
  static String verdict(Texts texts, Judgement.Verdict verdict) {
    return texts.t("render.verdict." + verdict.name().toLowerCase(Locale.ROOT));
  }

  /**
   * A period in few characters, for the one-line notes: "Jan–Dec 2018", "Jul 2018" ("janv.–déc.
   * 2018" in French), or ISO days "2018-12-02–2018-12-31".
   */
  static String shortPeriod(Period p, Locale locale) {
    LocalDate from = p.from();
    LocalDate to = p.to();
    if (from.getDayOfMonth() == 1
        && to.getDayOfMonth() == to.lengthOfMonth()
        && from.getYear() == to.getYear()) {
      String first = from.getMonth().getDisplayName(TextStyle.SHORT, locale);
      String last = to.getMonth().getDisplayName(TextStyle.SHORT, locale);
      return (from.getMonth() == to.getMonth() ? first : first + "\u2013" + last)
          + " "
          + to.getYear();
    }
    return from.equals(to) ? from.toString() : from + "\u2013" + to;
  }

  /** The line that says when the brief was made; the method is a section of its own. */
  private void footer() {
    out.append("<footer class=\"colophon\">")
        .append(esc(texts.t("render.footer", format.timestamp(brief.generatedAt()))))
        .append("</footer>\n");
  }

  private Figure getFigure(String id) {
    return brief
        .findFigure(id)
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "the brief refers to figure '" + id + "', which its figure list lacks"));
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
