package org.harmattan.analytics.influence;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.harmattan.analytics.indicators.Figures;
import org.harmattan.analytics.indicators.SecurityRequest;
import org.harmattan.domain.figure.Citation;
import org.harmattan.domain.figure.Figure;
import org.harmattan.domain.figure.Period;
import org.harmattan.domain.figure.SourceRef;
import org.harmattan.domain.text.Texts;
import org.harmattan.engine.query.EventFilter;
import org.harmattan.engine.query.EventPoint;

/**
 * The figures of one territorial-influence computation as its parts make them ({@link
 * CellInfluences}, {@link Transfers}, {@link Hotspots}, {@link Diffusion}): each figure's filters
 * and citation built the same way, kept in the order made.
 */
final class InfluenceBook {
  private final SecurityRequest request;
  private final InfluenceOptions options;
  private final Texts texts;
  private final EventFilter filter;
  private final List<SourceRef> searched;
  private final Map<String, Figure> figures;

  /**
   * @param filter the political violence of the request
   * @param searched the files of every event read: what a figure counting none searched
   * @param figures where the figures go, in the order made
   */
  InfluenceBook(
      SecurityRequest request,
      InfluenceOptions options,
      Texts texts,
      EventFilter filter,
      List<SourceRef> searched,
      Map<String, Figure> figures) {
    this.request = request;
    this.options = options;
    this.texts = texts;
    this.filter = filter;
    this.searched = List.copyOf(searched);
    this.figures = figures;
  }

  SecurityRequest request() {
    return request;
  }

  InfluenceOptions options() {
    return options;
  }

  /** The figures' language. */
  Texts texts() {
    return texts;
  }

  /** The political violence of the request. */
  EventFilter filter() {
    return filter;
  }

  /** The options that weigh and classify cells, as filters of the figures that depend on them. */
  Map<String, String> filters() {
    Map<String, String> m = new TreeMap<>();
    m.put("h3_resolution", String.valueOf(options.h3Resolution()));
    m.put("half_life_days", plain(options.halfLifeDays()));
    m.put("dominance_share", plain(options.dominanceShare()));
    m.put("min_events", String.valueOf(options.minEvents()));
    return m;
  }

  /** A number as text, without ".0" when whole. */
  static String plain(double v) {
    return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
  }

  /** A figure of the political violence of the request ({@link #filter}). */
  Figure figure(
      String id,
      String label,
      Double value,
      String unit,
      Period period,
      Collection<?> records,
      String query,
      Map<String, String> extra,
      String note) {
    return figure(filter, id, label, value, unit, period, records, query, extra, note);
  }

  /**
   * A figure of the events of {@code base} in {@code period}, citing {@code records} ({@link
   * Scored} groups or {@link EventPoint}s), its filters {@code base}'s and {@code extra}.
   */
  Figure figure(
      EventFilter base,
      String id,
      String label,
      Double value,
      String unit,
      Period period,
      Collection<?> records,
      String query,
      Map<String, String> extra,
      String note) {
    Figures cite = new Figures(request.today());
    Citation citation =
        records.stream().anyMatch(Scored.class::isInstance)
            ? cite.citeGroups(records.stream().map(o -> ((Scored) o).group()).toList(), searched)
            : cite.cite(records.stream().map(o -> (EventPoint) o).toList(), searched);
    Map<String, String> filters = new TreeMap<>(base.withPeriod(period).describe());
    filters.putAll(extra);
    return new Figure(id, label, value, unit, period, null, filters, query, citation, note);
  }

  /** Keeps {@code f}; an id made twice is a defect. */
  Figure add(Figure f) {
    if (figures.putIfAbsent(f.id(), f) != null) {
      throw new IllegalStateException("figure id computed twice: " + f.id());
    }
    return f;
  }
}
