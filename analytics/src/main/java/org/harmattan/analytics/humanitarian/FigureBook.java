package org.harmattan.analytics.humanitarian;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.harmattan.analytics.indicators.Figures;
import org.harmattan.domain.figure.Citation;
import org.harmattan.domain.figure.Figure;
import org.harmattan.domain.figure.Period;
import org.harmattan.domain.figure.SourceRef;
import org.harmattan.domain.humanitarian.Observation;
import org.harmattan.domain.text.Texts;

/**
 * The humanitarian figures of one country and window as they are made: each figure's filters, query
 * and citation built the same way, kept in the order made, with the notes that go with them.
 */
final class FigureBook {
  /** Dates in notes and labels: "31 December 2018". */
  static final DateTimeFormatter DAY = Figures.DAY;

  private final String countryIso3;
  private final Period window;
  private final LocalDate accessed;
  private final Map<String, LocalDate> readDays;
  private final List<Observation> all;
  private final Map<String, Figure> figures = new LinkedHashMap<>();
  private final List<String> notes = new ArrayList<>();
  private final Texts texts;

  /**
   * @param accessed the access date of a file the store does not know the read day of
   * @param readDays the day each file was read into the store, by SHA-256
   */
  FigureBook(
      String countryIso3,
      Period window,
      LocalDate accessed,
      Map<String, LocalDate> readDays,
      List<Observation> all,
      Texts texts) {
    this.texts = requireNonNull(texts, "texts");
    this.readDays = Map.copyOf(readDays);
    this.countryIso3 = requireNonNull(countryIso3, "countryIso3");
    this.window = requireNonNull(window, "window");
    this.accessed = requireNonNull(accessed, "accessed");
    this.all = List.copyOf(all);
  }

  String countryIso3() {
    return countryIso3;
  }

  /** The text of {@code key} in the figures' language (labels and notes). */
  String t(String key, Object... args) {
    return texts.t(key, args);
  }

  /** A date in the figures' language: "31 December 2018", "31 décembre 2018". */
  String day(LocalDate date) {
    return texts.day(date);
  }

  Period window() {
    return window;
  }

  /**
   * The access date a citation of {@code sources} gives: the latest day one of them was read into
   * the store (as an event count's is), or the day of computing for files the store does not list.
   */
  LocalDate accessed(Collection<SourceRef> sources) {
    LocalDate latest = null;
    for (SourceRef s : sources) {
      LocalDate day = readDays.getOrDefault(s.sha256(), accessed);
      if (latest == null || day.isAfter(latest)) {
        latest = day;
      }
    }
    return latest == null ? accessed : latest;
  }

  /** The country's observations, every indicator and edition. */
  List<Observation> observations() {
    return all;
  }

  /** The figure {@code id} if it has been made, else null. */
  Figure find(String id) {
    return figures.get(id);
  }

  /** Every figure made, in order. */
  List<Figure> listFigures() {
    return List.copyOf(figures.values());
  }

  /** Adds a caveat in words. */
  void note(String note) {
    notes.add(note);
  }

  List<String> notes() {
    return List.copyOf(notes);
  }

  /** Adds a figure; each id once. */
  void put(Figure f) {
    if (figures.putIfAbsent(f.id(), f) != null) {
      throw new IllegalStateException("humanitarian figure computed twice: " + f.id());
    }
  }

  /** A figure of an edition: its country, dataset, edition and qualifier as filters. */
  Figure figure(
      String id,
      String label,
      Double value,
      String unit,
      Edition e,
      Map<String, String> extra,
      String query,
      List<Observation> rows,
      String note) {
    Map<String, String> filters = new TreeMap<>();
    filters.put("country", countryIso3);
    filters.put("dataset", e.dataset());
    filters.put("edition", e.edition());
    if (e.qualifier() != null) {
      filters.put("qualifier", e.qualifier());
    }
    filters.putAll(extra);
    return new Figure(id, label, value, unit, window, null, filters, query, citation(rows), note)
        .withContext(e.vintage(), null);
  }

  /** The total of an edition's rows that no coarser row of it already covers, in people. */
  Figure total(String id, String label, String indicator, Edition e) {
    List<Observation> leaves = AdminAreas.leaves(e.rows());
    return figure(
        id,
        label,
        sum(leaves),
        "people",
        e,
        Map.of(),
        sumQuery(indicator, e, leaves),
        leaves,
        null);
  }

  String sumQuery(String indicator, Edition e, List<Observation> leaves) {
    return sumQuery(
        indicator, e, leaves, "the latest edition whose vintage is not after " + window.to());
  }

  String sumQuery(String indicator, Edition e, List<Observation> leaves, String which) {
    Set<Integer> levels = new TreeSet<>();
    for (Observation o : leaves) {
      levels.add(o.adminLevel());
    }
    return "sum of "
        + indicator
        + " over "
        + leaves.size()
        + (leaves.size() == 1 ? " row" : " rows")
        + " (admin level "
        + levels.toString().replaceAll("[\\[\\] ]", "")
        + ") of "
        + e.dataset()
        + " edition \""
        + e.edition()
        + "\""
        + (e.qualifier() == null ? "" : " (" + e.qualifier() + ")")
        + " describing "
        + e.vintage()
        + ", country "
        + countryIso3
        + "; "
        + which
        + "; rows covered by a coarser row of the edition are not added again";
  }

  Citation citation(Collection<Observation> rows) {
    Set<String> ids = new TreeSet<>();
    for (Observation o : rows) {
      ids.add(o.recordId());
    }
    List<SourceRef> sources = sources(rows);
    return new Citation(sources, ids.size(), List.copyOf(ids), accessed(sources));
  }

  /** The observations a figure cites. */
  List<Observation> rowsOf(Figure f) {
    Set<String> ids = new LinkedHashSet<>(f.citation().eventIds());
    return all.stream().filter(o -> ids.contains(o.recordId())).toList();
  }

  static List<SourceRef> sources(Collection<Observation> rows) {
    Set<SourceRef> out = new LinkedHashSet<>();
    for (Observation o : rows) {
      out.add(o.source());
    }
    return List.copyOf(out);
  }

  static double sum(List<Observation> rows) {
    double s = 0;
    for (Observation o : rows) {
      s += o.value();
    }
    return s;
  }
}
