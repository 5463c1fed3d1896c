package org.harmattan.briefs.render;

import static java.util.Objects.requireNonNull;
import static org.harmattan.briefs.render.MapProjection.num;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.harmattan.briefs.model.MapView;
import org.harmattan.domain.text.Texts;

/**
 * What a map says about itself: a legend of what is drawn, a scale bar in round kilometres and the
 * outlines' attribution.
 */
final class MapLegend {
  static final int LEGEND_ROW = 17;

  /** The height of each further line of a wrapped legend text. */
  static final int LEGEND_LINE = 11;

  /** The most characters a legend line holds in the legend's width. */
  static final int LEGEND_CHARS = 30;

  static final String INK = "#222222";

  /** One legend row: how to draw its key, and its text. */
  record Row(String key, String text) {}

  private final MapView view;
  private final MapProjection projection;
  private final MapSymbols symbols;
  private final Texts texts;

  /**
   * @param texts the brief's words (its maps bundle)
   */
  MapLegend(MapView view, MapProjection projection, MapSymbols symbols, Texts texts) {
    this.view = requireNonNull(view, "view");
    this.projection = requireNonNull(projection, "projection");
    this.symbols = requireNonNull(symbols, "symbols");
    this.texts = requireNonNull(texts, "texts");
  }

  /** The rows the legend lists, one per thing drawn, in layer order. */
  List<Row> rows() {
    List<Row> rows = new ArrayList<>();
    for (MapView.Layer l : view.layers()) {
      if (l instanceof MapView.Outlines o) {
        String fill =
            switch (o.kind()) {
              case COUNTRY -> "#f4efe1\" stroke=\"#444444\" stroke-width=\"1.2";
              case NEIGHBOUR -> "#fbfaf6\" stroke=\"#b0b0b0\" stroke-width=\"0.7";
              default -> "none\" stroke=\"#8a8a8a\" stroke-width=\"0.8";
            };
        rows.add(
            new Row(
                "<rect x=\"0\" y=\"-6\" width=\"16\" height=\"10\" fill=\"" + fill + "\"/>",
                o.name()));
      } else if (l instanceof MapView.Cells c) {
        cellRows(c, rows);
      } else if (l instanceof MapView.Lines ls) {
        new TreeSet<>(ls.lines().stream().map(MapView.Line::style).toList())
            .forEach(
                style ->
                    rows.add(
                        new Row(
                            "<path d=\"M0 -1L16 -1\" stroke=\""
                                + MapSymbols.lineColour(style)
                                + "\" stroke-width=\"3.2\""
                                + (style.equals("unknown") ? " stroke-dasharray=\"7 5\"" : "")
                                + "/>",
                            texts.t(
                                "maps.line_style", ls.name(), MapLayers.lineStyle(texts, style)))));
      } else if (l instanceof MapView.Rings r) {
        rows.add(
            new Row(
                "<circle cx=\"8\" cy=\"-1\" r=\"6\" fill=\"none\" stroke=\"#333333\""
                    + " stroke-width=\"0.9\" stroke-dasharray=\"3 2\"/>",
                r.name()));
      } else if (l instanceof MapView.Points p) {
        TreeSet<String> present = new TreeSet<>();
        boolean capital = false;
        boolean town = false;
        for (MapView.Marker m : p.markers()) {
          if (m.category().equals("capital")) {
            capital = true;
          } else if (m.category().equals("town")) {
            town = true;
          } else {
            present.add(m.category());
          }
        }
        for (String c : present) {
          MapSymbols.MarkerShape s = symbols.pointShape(c);
          rows.add(
              new Row(
                  MapSymbols.shape(s, 8, -1, 4.2, symbols.pointColour(c)) + MapSymbols.closing(s),
                  MapLayers.category(texts, c)));
        }
        if (capital) {
          rows.add(
              new Row(
                  "<path d=\""
                      + MapSymbols.star(8, -1, 7)
                      + "\" fill=\"#ffffff\" stroke=\"#111111\" stroke-width=\"1.3\"/>",
                  texts.t("maps.capital")));
        }
        if (town) {
          rows.add(
              new Row(
                  "<circle cx=\"8\" cy=\"-1\" r=\"2.6\" fill=\"#ffffff\" stroke=\"#111111\"/>",
                  texts.t("maps.town")));
        }
      }
    }
    return rows;
  }

  private void cellRows(MapView.Cells c, List<Row> rows) {
    Set<String> here = new HashSet<>();
    c.cells().forEach(cell -> here.add(cell.category()));
    if (here.contains(MapSvg.HOT_CELLS)) {
      rows.add(
          new Row(
              "<path d=\"M3 -8L13 -8L16 -1L13 6L3 6L0 -1Z\" fill=\"none\" stroke=\""
                  + MapSymbols.HOT_OUTLINE
                  + "\" stroke-width=\"1.1\"/>",
              c.name()));
      return;
    }
    for (Map.Entry<String, String> e : symbols.cellColours().entrySet()) {
      if (here.contains(e.getKey())) {
        rows.add(new Row(swatch(e.getValue()), MapLayers.category(texts, e.getKey())));
      }
    }
    long others = symbols.otherCells().stream().filter(here::contains).count();
    if (others > 0) {
      rows.add(
          new Row(
              swatch(MapSymbols.OTHER),
              texts.plural(
                  "maps.other_actors",
                  (double) others,
                  FigureFormat.of(texts.language()).count(others))));
    }
  }

  private static String swatch(String colour) {
    return "<rect x=\"0\" y=\"-6\" width=\"16\" height=\"10\" fill=\""
        + colour
        + "\" fill-opacity=\"0.7\"/>";
  }

  /** The legend's height: a row per entry, a line more for each wrapped line of its text. */
  double height() {
    double h = 0;
    for (Row r : rows()) {
      h += LEGEND_ROW + (lines(r.text()).size() - 1) * LEGEND_LINE;
    }
    return h;
  }

  /** A legend text in lines of at most {@link #LEGEND_CHARS} characters, broken at spaces. */
  static List<String> lines(String text) {
    return lines(text, LEGEND_CHARS);
  }

  /** A text in lines of at most {@code chars} characters, broken at spaces. */
  static List<String> lines(String text, int chars) {
    List<String> out = new ArrayList<>();
    StringBuilder line = new StringBuilder();
    for (String word : text.split(" ", -1)) {
      if (line.length() > 0 && line.length() + 1 + word.length() > chars) {
        out.add(line.toString());
        line.setLength(0);
      }
      if (line.length() > 0) {
        line.append(' ');
      }
      line.append(word);
    }
    out.add(line.toString());
    return out;
  }

  /** The legend, right of the map. */
  void legend(StringBuilder out) {
    double lx = MapProjection.PAD + MapProjection.MAP_WIDTH + 14;
    double ly = projection.top() + 8;
    out.append("<g class=\"legend\" font-size=\"9.5\" fill=\"")
        .append(INK)
        .append("\"><text x=\"")
        .append(num(lx))
        .append("\" y=\"")
        .append(num(ly + 4))
        .append("\" font-weight=\"bold\" font-size=\"10\">")
        .append(HtmlRenderer.esc(texts.t("maps.legend")))
        .append("</text>");
    double row = ly + 4 + LEGEND_ROW;
    for (Row r : rows()) {
      out.append("<g transform=\"translate(")
          .append(num(lx))
          .append(' ')
          .append(num(row))
          .append(")\">")
          .append(r.key())
          .append("<text x=\"22\" y=\"2.5\">");
      List<String> lines = lines(r.text());
      for (int i = 0; i < lines.size(); i++) {
        out.append("<tspan x=\"22\" dy=\"")
            .append(i == 0 ? "0" : Integer.toString(LEGEND_LINE))
            .append("\">")
            .append(HtmlRenderer.esc(lines.get(i)))
            .append("</tspan>");
      }
      out.append("</text></g>");
      row += LEGEND_ROW + (lines.size() - 1) * LEGEND_LINE;
    }
    out.append("</g>");
  }

  /** A scale bar about a quarter of the map wide, a round number of km, at the bottom left. */
  void scaleBar(StringBuilder out) {
    double kmPerUnit = projection.kmPerUnit();
    double target = MapProjection.MAP_WIDTH / 4.0 * kmPerUnit;
    double step = Math.pow(10, Math.floor(Math.log10(target)));
    double km = step;
    for (double m : new double[] {1, 2, 5, 10}) {
      if (m * step <= target) {
        km = m * step;
      }
    }
    double len = km / kmPerUnit;
    double x0 = MapProjection.PAD;
    double y0 = projection.top() + projection.mapHeight() + 16;
    out.append("<g class=\"scale\" font-size=\"9\" fill=\"")
        .append(INK)
        .append("\"><path d=\"M")
        .append(num(x0))
        .append(' ')
        .append(num(y0 - 4))
        .append("V")
        .append(num(y0))
        .append("H")
        .append(num(x0 + len))
        .append("V")
        .append(num(y0 - 4))
        .append("\" fill=\"none\" stroke=\"")
        .append(INK)
        .append("\" stroke-width=\"1\"/><text x=\"")
        .append(num(x0 + len + 5))
        .append("\" y=\"")
        .append(num(y0))
        .append("\">")
        .append(HtmlRenderer.esc(MapLayers.kmLabel(texts, km)))
        .append("</text></g>");
  }

  /**
   * An outline source's attribution in the brief's language when it is one of the shipped outlines'
   * (written by Harmattan), else as given.
   */
  private String attribution(String source) {
    if (source.equals(MapSvg.ATTRIBUTION)) {
      return texts.t("maps.attribution.shipped");
    }
    if (source.equals(WORLD_ATTRIBUTION)) {
      return texts.t("maps.attribution.world");
    }
    return source;
  }

  /** The attribution of the shipped outlines without admin-1 areas. */
  private static final String WORLD_ATTRIBUTION = "Boundaries: Natural Earth (world-atlas)";

  /** The outlines' sources, under the map on the right; nothing when no outlines are drawn. */
  void attribution(StringBuilder out) {
    List<MapView.Outlines> outlines =
        view.layers().stream()
            .filter(MapView.Outlines.class::isInstance)
            .map(MapView.Outlines.class::cast)
            .toList();
    if (outlines.isEmpty()) {
      return;
    }
    List<String> sources =
        outlines.stream().map(MapView.Outlines::source).filter(s -> s != null).distinct().toList();
    String text =
        sources.isEmpty()
            ? texts.t("maps.attribution.shipped")
            : sources.stream().map(this::attribution).collect(Collectors.joining("; "));
    out.append("<text x=\"")
        .append(MapProjection.PAD + MapProjection.MAP_WIDTH)
        .append("\" y=\"")
        .append(num(projection.top() + projection.mapHeight() + 16))
        .append("\" font-size=\"8\" text-anchor=\"end\" fill=\"#666666\">")
        .append(HtmlRenderer.esc(text))
        .append("</text>");
  }
}
