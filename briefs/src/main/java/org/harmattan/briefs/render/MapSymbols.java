package org.harmattan.briefs.render;

import static org.harmattan.briefs.render.MapProjection.num;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;
import org.harmattan.briefs.model.MapView;

/**
 * How a map's categories look: a fixed colour per ACLED event type and palette colours for other
 * categories, a marker shape per event category, a colour per cell category (hot spots grey) and
 * per corridor status; and the SVG of each marker shape.
 */
final class MapSymbols {
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
  enum MarkerShape {
    CIRCLE,
    SQUARE,
    TRIANGLE,
    DIAMOND,
    TRIANGLE_DOWN,
    CROSS
  }

  private static final Map<String, String> LINE_COLOURS =
      Map.of("open", "#1a9641", "disrupted", "#f28e2b", "blocked", "#d7191c", "unknown", "#777777");

  private final Map<String, String> pointColour = new LinkedHashMap<>();
  private final Map<String, MarkerShape> pointShape = new LinkedHashMap<>();
  private final Map<String, String> cellColour = new LinkedHashMap<>();

  /** Colours and marker shapes of the view's categories, each in sorted order. */
  MapSymbols(MapView view) {
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
      if (c.equals(MapSvg.HOT_CELLS)) {
        // Hot spots are a property of the area, not an actor: grey, so no actor's colour is taken.
        cellColour.put(c, "#4d4d4d");
        continue;
      }
      cellColour.put(c, PALETTE[j % PALETTE.length]);
      j++;
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

  /** The colour of a cell category on the map. */
  String cellColour(String category) {
    return cellColour.get(category);
  }

  /** Cell categories and their colours, in the order assigned. */
  Map<String, String> cellColours() {
    return cellColour;
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
