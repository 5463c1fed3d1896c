package org.harmattan.briefs.render;

import static org.harmattan.briefs.render.MapProjection.num;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.harmattan.briefs.model.MapView;

/**
 * How a map's categories look, with the dashboard's colours: the Okabe–Ito palette (safe for colour
 * blindness) for the ACLED event types and the corridors' states, Paul Tol's "muted" scheme for
 * other categories (the eight with most cells or points, in that order; the rest share grey as
 * "other"); a marker shape per event category; hot cells as dark red outlines; and the SVG of each
 * marker shape.
 */
final class MapSymbols {
  /** The colour of every category beyond the palette's eight, and of unknown event types. */
  static final String OTHER = "#9A9A9A";

  /** Fixed colours of the ACLED event types, so the same type looks the same on every map. */
  private static final Map<String, String> EVENT_COLOURS =
      Map.of(
          "Battles", "#D55E00",
          "Explosions/Remote violence", "#E69F00",
          "Violence against civilians", "#CC79A7",
          "Protests", "#0072B2",
          "Riots", "#56B4E9",
          "Strategic developments", "#009E73",
          "Other", OTHER);

  /** Colours of other categories, most frequent first; the dashboard uses the same. */
  static final List<String> PALETTE =
      List.of(
          "#332288", "#88CCEE", "#117733", "#DDCC77", "#CC6677", "#AA4499", "#44AA99", "#999933");

  /** The outline colour of hot cells. */
  static final String HOT_OUTLINE = "#7A0000";

  /** Marker shapes, assigned by category in sorted order. */
  enum MarkerShape {
    CIRCLE,
    SQUARE,
    TRIANGLE,
    DIAMOND,
    TRIANGLE_DOWN,
    CROSS
  }

  private static final Map<String, String> LINE_COLOURS =
      Map.of("open", "#009E73", "disrupted", "#E69F00", "blocked", "#D55E00", "unknown", "#8C8C8C");

  private final Map<String, String> pointColour = new LinkedHashMap<>();
  private final Map<String, MarkerShape> pointShape = new LinkedHashMap<>();
  private final Map<String, String> cellColour = new LinkedHashMap<>();
  private final Set<String> otherCells = new TreeSet<>();

  /** Colours and marker shapes of the view's categories. */
  MapSymbols(MapView view) {
    TreeSet<String> points = new TreeSet<>();
    Map<String, Integer> cells = new HashMap<>();
    for (MapView.Layer l : view.layers()) {
      if (l instanceof MapView.Points p) {
        for (MapView.Marker m : p.markers()) {
          if (!isPlace(m.category())) {
            points.add(m.category());
          }
        }
      } else if (l instanceof MapView.Cells c) {
        for (MapView.Cell cell : c.cells()) {
          if (!cell.category().equals(MapSvg.HOT_CELLS)) {
            cells.merge(cell.category(), 1, Integer::sum);
          }
        }
      }
    }
    int i = 0;
    for (String c : points) {
      pointColour.put(
          c, EVENT_COLOURS.getOrDefault(c, i < PALETTE.size() ? PALETTE.get(i) : OTHER));
      pointShape.put(c, MarkerShape.values()[i % MarkerShape.values().length]);
      i++;
    }
    List<String> ranked =
        cells.entrySet().stream()
            .sorted(
                Map.Entry.<String, Integer>comparingByValue()
                    .reversed()
                    .thenComparing(Map.Entry.comparingByKey()))
            .map(Map.Entry::getKey)
            .toList();
    for (int j = 0; j < ranked.size(); j++) {
      if (j < PALETTE.size()) {
        cellColour.put(ranked.get(j), PALETTE.get(j));
      } else {
        otherCells.add(ranked.get(j));
      }
    }
  }

  /** The colour of an event category on the map. */
  String pointColour(String category) {
    return pointColour.get(category);
  }

  /** The marker shape of an event category on the map. */
  MarkerShape pointShape(String category) {
    return pointShape.get(category);
  }

  /** The colour of a cell category on the map: its own, grey beyond the eighth, or hot. */
  String cellColour(String category) {
    if (category.equals(MapSvg.HOT_CELLS)) {
      return HOT_OUTLINE;
    }
    return cellColour.getOrDefault(category, OTHER);
  }

  /** The cell categories with a colour of their own, most cells first, and their colours. */
  Map<String, String> cellColours() {
    return cellColour;
  }

  /** The cell categories drawn in grey, as "other", in name order. */
  Set<String> otherCells() {
    return otherCells;
  }

  /** The capital and towns are places, drawn and labelled as such; everything else is an event. */
  static boolean isPlace(String category) {
    return category.equals("capital") || category.equals("town");
  }

  static String lineColour(String style) {
    return LINE_COLOURS.getOrDefault(style, "#555555");
  }

  /** An opacity with two decimals, never in a locale's format. */
  static String fixed2(double v) {
    long hundredths = Math.round(v * 100);
    String frac = Long.toString(hundredths % 100);
    return (hundredths / 100) + "." + (frac.length() == 1 ? "0" + frac : frac);
  }

  /** The opening of a marker element, left open for its title. */
  static String shape(MarkerShape s, double cx, double cy, double r, String colour) {
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

  static String closing(MarkerShape s) {
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

  /** A five-pointed star's path data, for the capital. */
  static String star(double cx, double cy, double r) {
    double[][] pts = new double[10][];
    for (int i = 0; i < 10; i++) {
      double a = Math.toRadians(-90 + 36 * i);
      double rr = i % 2 == 0 ? 1 : 0.45;
      pts[i] = new double[] {Math.cos(a) * rr, Math.sin(a) * rr};
    }
    return poly(cx, cy, pts, r);
  }
}
