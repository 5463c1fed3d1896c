package org.harmattan.briefs.model;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * A map of the brief, as layers of geometry in WGS84 longitude/latitude. A map shows where; the
 * figures stay in the text and tables, so no layer carries a number that a reader must trust.
 *
 * @param id stable id, used for file and anchor names
 * @param caption what the map shows
 * @param bounds the area drawn
 * @param layers drawn in order, first at the bottom
 */
public record MapView(String id, String caption, Bounds bounds, List<Layer> layers) {
  public MapView {
    requireNonNull(id, "id");
    requireNonNull(caption, "caption");
    requireNonNull(bounds, "bounds");
    layers = List.copyOf(layers);
  }

  /** A position: longitude then latitude, as in GeoJSON. */
  public record LonLat(double lon, double lat) {
    public LonLat {
      if (lat < -90 || lat > 90 || lon < -180 || lon > 180) {
        throw new IllegalArgumentException("not a WGS84 position: " + lon + ", " + lat);
      }
    }
  }

  /** The drawn area. */
  public record Bounds(double west, double south, double east, double north) {
    public Bounds {
      if (!(west < east) || !(south < north)) {
        throw new IllegalArgumentException(
            "empty bounds: " + west + ", " + south + ", " + east + ", " + north);
      }
    }
  }

  /** One layer of a map. */
  public sealed interface Layer permits Outlines, Lines, Points, Rings, Cells {
    /** The layer's name, shown in the legend. */
    String name();
  }

  /** How an outline is drawn. */
  public enum OutlineKind {
    /** The country of the brief. */
    COUNTRY,
    /** A neighbouring country, for orientation. */
    NEIGHBOUR,
    /** A first-level administrative area. */
    ADMIN1
  }

  /**
   * Polygon outlines: countries, admin-1 areas.
   *
   * @param shapes each shape is a label and its rings (closed, outer and holes alike)
   * @param source where the outlines come from, printed as the map's attribution; null when unknown
   */
  public record Outlines(String name, OutlineKind kind, List<Shape> shapes, String source)
      implements Layer {
    public Outlines {
      requireNonNull(name, "name");
      requireNonNull(kind, "kind");
      shapes = List.copyOf(shapes);
    }

    /** Outlines of unstated source. */
    public Outlines(String name, OutlineKind kind, List<Shape> shapes) {
      this(name, kind, shapes, null);
    }
  }

  /** A labelled polygon (possibly several rings). */
  public record Shape(String label, List<List<LonLat>> rings) {
    public Shape {
      requireNonNull(label, "label");
      rings = rings.stream().map(List::copyOf).toList();
    }
  }

  /** Polylines, such as corridor segments, each with a style (e.g. open, disrupted, blocked). */
  public record Lines(String name, List<Line> lines) implements Layer {
    public Lines {
      requireNonNull(name, "name");
      lines = List.copyOf(lines);
    }
  }

  /**
   * One polyline.
   *
   * @param label e.g. "Bamako – Kati"
   * @param style a class the renderer knows ({@code open}, {@code disrupted}, {@code blocked},
   *     {@code unknown}) or a free category
   */
  public record Line(String label, String style, List<LonLat> points) {
    public Line {
      requireNonNull(label, "label");
      requireNonNull(style, "style");
      points = List.copyOf(points);
    }
  }

  /** Point markers, such as events by type or towns. */
  public record Points(String name, List<Marker> markers) implements Layer {
    public Points {
      requireNonNull(name, "name");
      markers = List.copyOf(markers);
    }
  }

  /**
   * One point.
   *
   * @param label shown on the map when {@code category} is {@code capital} or {@code town}; kept as
   *     the SVG title otherwise
   * @param category what the point is: an event type label, {@code capital}, {@code town}
   */
  public record Marker(String label, String category, LonLat at) {
    public Marker {
      requireNonNull(label, "label");
      requireNonNull(category, "category");
      requireNonNull(at, "at");
    }
  }

  /** Distance rings around a place, such as 50, 100 and 200 km around the capital. */
  public record Rings(String name, LonLat centre, List<Double> radiiKm) implements Layer {
    public Rings {
      requireNonNull(name, "name");
      requireNonNull(centre, "centre");
      radiiKm = List.copyOf(radiiKm);
    }
  }

  /** Grid cells (H3 hexagons), each shaded by a category and an intensity. */
  public record Cells(String name, List<Cell> cells) implements Layer {
    public Cells {
      requireNonNull(name, "name");
      cells = List.copyOf(cells);
    }
  }

  /**
   * One cell.
   *
   * @param boundary the cell's corners
   * @param category e.g. the dominant actor's name, or {@code hot} / {@code cold}
   * @param intensity 0..1, drawn as opacity
   */
  public record Cell(List<LonLat> boundary, String category, double intensity) {
    public Cell {
      boundary = List.copyOf(boundary);
      requireNonNull(category, "category");
      if (!(intensity >= 0 && intensity <= 1)) {
        throw new IllegalArgumentException("cell intensity must be in 0..1: " + intensity);
      }
    }
  }
}
