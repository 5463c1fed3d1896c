package org.harmattan.briefs.model;

import static java.util.Objects.requireNonNull;

import java.util.List;

/** A block of a section: a paragraph, a table, a chart, or a list of points. */
public sealed interface Block permits Block.Paragraph, Block.Table, Block.Chart, Block.Bullets {

  /** Running text. */
  record Paragraph(List<Inline> parts) implements Block {
    public Paragraph {
      parts = List.copyOf(parts);
    }
  }

  /** A list of points, each running text. */
  record Bullets(List<List<Inline>> items) implements Block {
    public Bullets {
      items = items.stream().map(List::copyOf).toList();
    }
  }

  /**
   * A table; number cells are figure references.
   *
   * @param caption what the table shows
   * @param headers column headers
   * @param rows cells, each running text
   */
  record Table(String caption, List<String> headers, List<List<List<Inline>>> rows)
      implements Block {
    public Table {
      requireNonNull(caption, "caption");
      headers = List.copyOf(headers);
      rows = rows.stream().map(r -> r.stream().map(List::copyOf).toList()).toList();
      for (List<List<Inline>> r : rows) {
        if (r.size() != headers.size()) {
          throw new IllegalArgumentException(
              "table '" + caption + "' row has " + r.size() + " cells for " + headers.size());
        }
      }
    }
  }

  /**
   * A chart drawn from figures: every plotted value is one figure of the brief.
   *
   * @param id stable id, used for file and anchor names
   * @param kind line over time, or horizontal bars
   * @param caption what it shows
   * @param valueLabel the axis label of the values, e.g. "events per month"
   * @param series the series; every point names the figure holding its value
   */
  record Chart(String id, Kind kind, String caption, String valueLabel, List<Series> series)
      implements Block {
    public Chart {
      requireNonNull(id, "id");
      requireNonNull(kind, "kind");
      requireNonNull(caption, "caption");
      requireNonNull(valueLabel, "valueLabel");
      series = List.copyOf(series);
    }
  }

  /** Chart kinds. */
  enum Kind {
    /** Values over time; point labels are ISO dates (month starts). */
    LINE,
    /** One bar per point label. */
    BAR
  }

  /** A named series of points. */
  record Series(String name, List<Point> points) {
    public Series {
      requireNonNull(name, "name");
      points = List.copyOf(points);
    }
  }

  /**
   * One plotted value.
   *
   * @param label the category or ISO date
   * @param figureId the figure whose value is plotted
   */
  record Point(String label, String figureId) {
    public Point {
      requireNonNull(label, "label");
      requireNonNull(figureId, "figureId");
    }
  }
}
