package org.harmattan.briefs.render;

import static java.util.Objects.requireNonNull;
import static org.harmattan.briefs.render.MapProjection.num;

import java.util.ArrayList;
import java.util.List;
import org.harmattan.briefs.model.MapView;
import org.harmattan.briefs.model.MapView.LonLat;
import org.harmattan.domain.event.EventType;
import org.harmattan.domain.text.Texts;
import org.harmattan.domain.text.Vocabulary;

/**
 * Draws a map's layers: outlines (the country filled light, neighbours lighter, admin-1 areas as
 * thin labelled lines), cells filled by category with opacity = intensity, corridor lines by
 * status, rings as dashed geodesic circles labelled "50 km", event markers and places. Labels are
 * collected for the caller to draw last, over every layer.
 */
final class MapLayers {
  private final StringBuilder out;
  private final MapProjection projection;
  private final MapSymbols symbols;
  private final Texts texts;

  /**
   * @param texts the brief's words (its maps bundle)
   */
  MapLayers(StringBuilder out, MapProjection projection, MapSymbols symbols, Texts texts) {
    this.out = requireNonNull(out, "out");
    this.projection = requireNonNull(projection, "projection");
    this.symbols = requireNonNull(symbols, "symbols");
    this.texts = requireNonNull(texts, "texts");
  }

  /** Draws one layer; its labels go to {@code labels}. */
  void draw(MapView.Layer l, List<String> labels) {
    if (l instanceof MapView.Outlines o) {
      outlines(o, labels);
    } else if (l instanceof MapView.Cells c) {
      cells(c);
    } else if (l instanceof MapView.Lines ls) {
      lines(ls);
    } else if (l instanceof MapView.Rings r) {
      rings(r, labels);
    } else if (l instanceof MapView.Points p) {
      points(p, labels);
    }
  }

  private static final String COUNTRY_FILL = "#f4efe1";
  private static final String NEIGHBOUR_FILL = "#fbfaf6";

  private void outlines(MapView.Outlines o, List<String> labels) {
    String fill;
    String stroke;
    String width;
    switch (o.kind()) {
      case COUNTRY -> {
        fill = COUNTRY_FILL;
        stroke = "#444444";
        width = "1.2";
      }
      case NEIGHBOUR -> {
        fill = NEIGHBOUR_FILL;
        stroke = "#b0b0b0";
        width = "0.7";
      }
      default -> {
        fill = "none";
        stroke = "#8a8a8a";
        width = "0.5";
      }
    }
    out.append("<g class=\"outlines ")
        .append(o.kind().name().toLowerCase(java.util.Locale.ROOT))
        .append("\" fill=\"")
        .append(fill)
        .append("\" stroke=\"")
        .append(stroke)
        .append("\" stroke-width=\"")
        .append(width)
        .append("\" stroke-linejoin=\"round\" fill-rule=\"evenodd\">");
    for (MapView.Shape s : o.shapes()) {
      StringBuilder d = new StringBuilder();
      for (List<LonLat> ring : s.rings()) {
        d.append(projection.pathData(ring, true));
      }
      if (d.length() == 0) {
        continue;
      }
      out.append("<path d=\"").append(d).append("\"><title>");
      out.append(HtmlRenderer.esc(s.label())).append("</title></path>");
      if (o.kind() != MapView.OutlineKind.COUNTRY) {
        labelShape(s, o.kind(), labels);
      }
    }
    out.append("</g>");
  }

  /** A label at the area-weighted centre of the shape's largest ring, if it lies on the map. */
  private void labelShape(MapView.Shape s, MapView.OutlineKind kind, List<String> labels) {
    List<LonLat> largest = null;
    double largestArea = 0;
    for (List<LonLat> ring : s.rings()) {
      double a = Math.abs(projection.signedArea(ring));
      if (a > largestArea) {
        largestArea = a;
        largest = ring;
      }
    }
    if (largest == null || s.label().isBlank()) {
      return;
    }
    double[] c = projection.centroid(largest);
    // Areas smaller than a label's footprint stay unlabelled.
    if (projection.toSquareUnits(largestArea) < 900
        || c[0] < MapProjection.PAD + 20
        || c[0] > MapProjection.PAD + MapProjection.MAP_WIDTH - 20
        || c[1] < projection.top() + 8
        || c[1] > projection.top() + projection.mapHeight() - 8) {
      return;
    }
    boolean neighbour = kind == MapView.OutlineKind.NEIGHBOUR;
    // A halo in the colour of the ground around it keeps the name legible where a corridor or a
    // ring crosses it, without a white patch on the map.
    labels.add(
        haloText(
            c[0],
            c[1],
            "font-size=\""
                + (neighbour ? "10" : "8.5")
                + "\" text-anchor=\"middle\" fill=\""
                + (neighbour ? "#9a9a9a" : "#6b6b6b")
                + "\""
                + (neighbour ? " font-style=\"italic\"" : ""),
            s.label(),
            neighbour ? NEIGHBOUR_FILL : COUNTRY_FILL));
  }

  private void cells(MapView.Cells c) {
    // A stroke in the cell's own colour keeps hexagons of a few kilometres visible on a
    // country-wide map; its opacity follows the fill's, never below 0.3. Hot cells are outlines
    // only, drawn over the colours they mark: thicker at the stricter level (intensity 1).
    out.append("<g class=\"cells\" stroke-width=\"1.2\" stroke-linejoin=\"round\">");
    for (MapView.Cell cell : c.cells()) {
      String colour = symbols.cellColour(cell.category());
      out.append("<path d=\"").append(projection.pathData(cell.boundary(), true));
      if (cell.category().equals(MapSvg.HOT_CELLS)) {
        out.append("\" fill=\"none\" stroke=\"")
            .append(colour)
            .append("\" stroke-width=\"")
            .append(cell.intensity() >= MapSvg.HOT_STRICT ? "1.1" : "0.5")
            .append("\" stroke-opacity=\"0.85");
      } else {
        out.append("\" fill=\"")
            .append(colour)
            .append("\" fill-opacity=\"")
            .append(MapSymbols.fixed2(cell.intensity()))
            .append("\" stroke=\"")
            .append(colour)
            .append("\" stroke-opacity=\"")
            .append(MapSymbols.fixed2(Math.max(0.3, cell.intensity())));
      }
      out.append("\"><title>")
          .append(
              HtmlRenderer.esc(
                  cell.category().equals(MapSvg.HOT_CELLS)
                      ? texts.t("maps.hot_cell")
                      : cell.category()))
          .append("</title></path>");
    }
    out.append("</g>");
  }

  private void lines(MapView.Lines ls) {
    out.append("<g class=\"lines\" fill=\"none\" stroke-linecap=\"round\"")
        .append(" stroke-linejoin=\"round\">");
    for (MapView.Line line : ls.lines()) {
      out.append("<path d=\"")
          .append(projection.pathData(line.points(), false))
          .append("\" stroke=\"")
          .append(MapSymbols.lineColour(line.style()))
          .append("\" stroke-width=\"3.2\"");
      if (line.style().equals("unknown")) {
        out.append(" stroke-dasharray=\"7 5\"");
      }
      out.append("><title>")
          .append(
              HtmlRenderer.esc(
                  texts.t("maps.line_title", line.label(), lineStyle(texts, line.style()))))
          .append("</title></path>");
    }
    out.append("</g>");
  }

  private void rings(MapView.Rings r, List<String> labels) {
    out.append("<g class=\"rings\" fill=\"none\" stroke=\"#333333\" stroke-width=\"0.9\"")
        .append(" stroke-dasharray=\"5 3\">");
    for (double km : r.radiiKm()) {
      List<LonLat> circle = new ArrayList<>();
      for (int deg = 0; deg <= 360; deg += 4) {
        circle.add(MapProjection.destination(r.centre(), km, deg % 360));
      }
      out.append("<path d=\"")
          .append(projection.pathData(circle, true))
          .append("\"><title>")
          .append(HtmlRenderer.esc(texts.t("maps.ring_title", kmLabel(texts, km), r.name())))
          .append("</title></path>");
      // Label on the ring's north-east, where the capital's own label is not.
      LonLat at = MapProjection.destination(r.centre(), km, 45);
      labels.add(
          haloText(
              projection.x(at.lon()) + 3,
              projection.y(at.lat()) - 3,
              "font-size=\"9\" fill=\"#333333\"",
              kmLabel(texts, km)));
    }
    out.append("</g>");
  }

  /** "50 km"; "2.5 km", "2,5 km" in French. */
  static String kmLabel(Texts texts, double km) {
    String n =
        km == Math.rint(km)
            ? Long.toString((long) km)
            : FigureFormat.of(texts.language()).decimal(Math.round(km * 10) / 10.0, 1);
    return texts.t("maps.km", n);
  }

  /** A corridor line's status in words: "open", "ouvert"; an unknown code as it is. */
  static String lineStyle(Texts texts, String style) {
    String key = "maps.line." + style;
    return texts.has(key) ? texts.t(key) : style;
  }

  /**
   * A point or cell category in words: ACLED's event types in the brief's language, "Other" too;
   * any other category (an actor's name) as the data give it.
   */
  static String category(Texts texts, String category) {
    if (category.equals("Other")) {
      return texts.t("maps.other");
    }
    return EventType.findByLabel(category)
        .map(t -> Vocabulary.eventType(texts.language(), t))
        .orElse(category);
  }

  private void points(MapView.Points p, List<String> labels) {
    out.append("<g class=\"points\">");
    // Events first, places on projection.top() of them.
    for (MapView.Marker m : p.markers()) {
      if (!MapSymbols.isPlace(m.category())) {
        marker(m);
      }
    }
    for (MapView.Marker m : p.markers()) {
      if (MapSymbols.isPlace(m.category())) {
        place(m, labels);
      }
    }
    out.append("</g>");
  }

  private void marker(MapView.Marker m) {
    double cx = projection.x(m.at().lon());
    double cy = projection.y(m.at().lat());
    if (!projection.shows(cx, cy, 5)) {
      return;
    }
    String colour = symbols.pointColour(m.category());
    out.append(MapSymbols.shape(symbols.pointShape(m.category()), cx, cy, 3.6, colour))
        .append("<title>")
        .append(HtmlRenderer.esc(m.label()))
        .append("</title>")
        .append(MapSymbols.closing(symbols.pointShape(m.category())));
  }

  private void place(MapView.Marker m, List<String> labels) {
    double cx = projection.x(m.at().lon());
    double cy = projection.y(m.at().lat());
    boolean capital = m.category().equals("capital");
    if (capital) {
      out.append("<path d=\"")
          .append(MapSymbols.star(cx, cy, 8))
          // Open, so that events at the capital's own coordinates stay visible under it.
          .append("\" fill=\"#ffffff\" fill-opacity=\"0.35\" stroke=\"#111111\"")
          .append(" stroke-width=\"1.3\" stroke-linejoin=\"round\"><title>")
          .append(HtmlRenderer.esc(m.label()))
          .append("</title></path>");
    } else {
      out.append("<circle cx=\"")
          .append(num(cx))
          .append("\" cy=\"")
          .append(num(cy))
          .append("\" r=\"2.6\" fill=\"#ffffff\" stroke=\"#111111\" stroke-width=\"1\"><title>")
          .append(HtmlRenderer.esc(m.label()))
          .append("</title></circle>");
    }
    labels.add(
        haloText(
            cx + (capital ? 9 : 5),
            cy + (capital ? 4 : 3.5),
            (capital ? "font-size=\"11\" font-weight=\"bold\"" : "font-size=\"9\"")
                + " fill=\"#111111\"",
            m.label()));
  }

  /**
   * Text with a white halo for legibility over outlines and markers: the halo is a stroked copy
   * underneath, since the PDF's SVG renderer does not know paint-order.
   */
  private static String haloText(double x, double y, String attributes, String text) {
    return haloText(x, y, attributes, text, "#ffffff");
  }

  /** As {@link #haloText(double, double, String, String)}, the halo in {@code halo}. */
  private static String haloText(double x, double y, String attributes, String text, String halo) {
    String at = "<text x=\"" + num(x) + "\" y=\"" + num(y) + "\" " + attributes;
    String t = ">" + HtmlRenderer.esc(text) + "</text>";
    return at
        + " stroke=\""
        + halo
        + "\" stroke-width=\"2.6\" stroke-linejoin=\"round\""
        + " stroke-opacity=\"0.9\""
        + t
        + at
        + t;
  }
}
