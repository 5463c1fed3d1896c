package org.harmattan.briefs.model;

import static java.util.Objects.requireNonNull;

import java.util.List;

/** A block of a section: a paragraph, a table, a chart, a map, or a list of points. */
public sealed interface Block
    permits Block.Paragraph, Block.Table, Block.Chart, Block.Bullets, Block.Map, Block.Judgements {

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
   * @param annotations dated marks drawn across a LINE chart (timeline entries), may be empty
   */
  record Chart(
      String id,
      Kind kind,
      String caption,
      String valueLabel,
      List<Series> series,
      List<Annotation> annotations)
      implements Block {
    public Chart {
      requireNonNull(id, "id");
      requireNonNull(kind, "kind");
      requireNonNull(caption, "caption");
      requireNonNull(valueLabel, "valueLabel");
      series = List.copyOf(series);
      annotations = List.copyOf(annotations);
      if (kind == Kind.FAN && (series.size() < 2 || series.size() % 2 != 0)) {
        throw new IllegalArgumentException(
            "fan chart '"
                + id
                + "' needs the observed series, the median and pairs of bounds, not "
                + series.size()
                + " series");
      }
    }

    /** A chart without annotations. */
    public Chart(String id, Kind kind, String caption, String valueLabel, List<Series> series) {
      this(id, kind, caption, valueLabel, series, List.of());
    }

    /** This chart with {@code more} annotations added. */
    public Chart annotate(List<Annotation> more) {
      List<Annotation> all = new java.util.ArrayList<>(annotations);
      all.addAll(more);
      return new Chart(id, kind, caption, valueLabel, series, all);
    }
  }

  /**
   * A dated mark on a time chart, such as a coup or a ban on parties.
   *
   * @param date ISO date
   * @param label short text, e.g. "Coup"
   */
  record Annotation(String date, String label) {
    public Annotation {
      requireNonNull(date, "date");
      requireNonNull(label, "label");
    }
  }

  /** One judgement per area, each with the figures it rests on: the summary's verdict table. */
  record Judgements(List<Judgement> judgements) implements Block {
    public Judgements {
      judgements = List.copyOf(judgements);
    }
  }

  /** A map: geometry only; see {@link MapView}. */
  record Map(MapView view) implements Block {
    public Map {
      requireNonNull(view, "view");
    }
  }

  /** Chart kinds. */
  enum Kind {
    /** Values over time; point labels are ISO dates (month starts). */
    LINE,
    /** One bar per point label. */
    BAR,
    /**
     * A fan chart of a forecast over months (point labels ISO dates): the series are the observed
     * values, the median forecast, then for each interval, widest first, its lower and its upper
     * bound, each bound on the median's months; an interval is named by its lower bound's series,
     * without a trailing ", lower bound".
     */
    FAN;

    /** Whether the points are months on a time axis. */
    public boolean overTime() {
      return this != BAR;
    }
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
