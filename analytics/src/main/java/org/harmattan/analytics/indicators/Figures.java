package org.harmattan.analytics.indicators;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.harmattan.analytics.text.AnalyticsTexts;
import org.harmattan.domain.figure.Citation;
import org.harmattan.domain.figure.DeferredIds;
import org.harmattan.domain.figure.Figure;
import org.harmattan.domain.figure.SortedIds;
import org.harmattan.domain.figure.SourceRef;
import org.harmattan.domain.text.Language;
import org.harmattan.engine.query.CountResult;
import org.harmattan.engine.query.CountRow;
import org.harmattan.engine.query.DayGroup;
import org.harmattan.engine.query.EventFilter;

/**
 * Builds figures from engine results, so that every figure carries its query and citation.
 *
 * @param today the access date of a figure that counts no records (nothing was read for it)
 * @param language the language of the notes the figures are given
 */
public record Figures(LocalDate today, Language language) {
  public Figures {
    requireNonNull(language, "language");
  }

  /** Figures whose notes are in English. */
  public Figures(LocalDate today) {
    this(today, Language.EN);
  }

  /** How a figure's label writes a day: "3 March 2018". */
  public static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("d MMMM uuuu", Locale.ENGLISH);

  /**
   * The citation of figures computed from located events: their ids (sorted), the files they came
   * from and the latest access date ({@code today} when there are none).
   */
  public Citation cite(java.util.Collection<org.harmattan.engine.query.EventPoint> points) {
    return cite(points, List.of());
  }

  /**
   * As {@link #cite(java.util.Collection)}; a figure that counts no event cites the files {@code
   * searched} instead (those of the events it was sought among), so that a zero still says where
   * nothing was found.
   */
  public Citation cite(
      java.util.Collection<org.harmattan.engine.query.EventPoint> points,
      List<SourceRef> searched) {
    return cite(
        points,
        p -> List.of(p.id()),
        org.harmattan.engine.query.EventPoint::source,
        org.harmattan.engine.query.EventPoint::accessed,
        searched);
  }

  /**
   * As {@link #cite(java.util.Collection, List)}, of groups of events: their ids, their files in
   * the order the groups come, the latest day of reading.
   */
  public Citation citeGroups(java.util.Collection<DayGroup> groups, List<SourceRef> searched) {
    return cite(groups, DayGroup::ids, DayGroup::source, DayGroup::accessed, searched);
  }

  /**
   * The citation of records of located events (single events or groups of them): their ids sorted
   * and each once, their files in the order the records come, the latest day of reading; records of
   * none cite the files {@code searched}.
   */
  public <T> Citation cite(
      java.util.Collection<T> records,
      java.util.function.Function<T, List<String>> ids,
      java.util.function.Function<T, SourceRef> file,
      java.util.function.Function<T, LocalDate> read,
      List<SourceRef> searched) {
    if (records.isEmpty()) {
      return new Citation(searched, 0, List.of(), today);
    }
    List<String> distinct = SortedIds.union(idLists(records, ids));
    return new Citation(filesOf(records, file), distinct.size(), distinct, lastRead(records, read));
  }

  /**
   * As {@link #cite(java.util.Collection, java.util.function.Function, java.util.function.Function,
   * java.util.function.Function, List)}, of records that share no event (groups of one answer of
   * the engine, or some of them): they count the sum of their sizes at once, and their ids are
   * sorted when the citation's ids are first read ({@link DeferredIds}), which for groups of tens
   * of thousands of events is most of a figure's cost. Reading them fails if two records shared an
   * event after all.
   */
  public <T> Citation citeDisjoint(
      java.util.Collection<T> records,
      java.util.function.Function<T, List<String>> ids,
      java.util.function.Function<T, SourceRef> file,
      java.util.function.Function<T, LocalDate> read,
      List<SourceRef> searched) {
    if (records.isEmpty()) {
      return new Citation(searched, 0, List.of(), today);
    }
    List<String> sorted = DeferredIds.sortedUnion(idLists(records, ids));
    return new Citation(filesOf(records, file), sorted.size(), sorted, lastRead(records, read));
  }

  /** The id lists of {@code records}, in the order they come. */
  private static <T> List<List<String>> idLists(
      java.util.Collection<T> records, java.util.function.Function<T, List<String>> ids) {
    List<List<String>> lists = new ArrayList<>(records.size());
    for (T r : records) {
      lists.add(ids.apply(r));
    }
    return lists;
  }

  /** The files of {@code records}, in the order they come, each once. */
  private static <T> List<SourceRef> filesOf(
      java.util.Collection<T> records, java.util.function.Function<T, SourceRef> file) {
    java.util.Set<SourceRef> sources = new java.util.LinkedHashSet<>();
    for (T r : records) {
      sources.add(file.apply(r));
    }
    return List.copyOf(sources);
  }

  /** The latest day of reading of {@code records}, of which there is at least one. */
  private static <T> LocalDate lastRead(
      java.util.Collection<T> records, java.util.function.Function<T, LocalDate> read) {
    LocalDate accessed = null;
    for (T r : records) {
      LocalDate day = read.apply(r);
      if (accessed == null || day.isAfter(accessed)) {
        accessed = day;
      }
    }
    return accessed;
  }

  /** The files the events of {@code points} come from, in order of first appearance. */
  public static List<SourceRef> sourcesOf(
      java.util.Collection<org.harmattan.engine.query.EventPoint> points) {
    java.util.Set<SourceRef> sources = new java.util.LinkedHashSet<>();
    for (org.harmattan.engine.query.EventPoint e : points) {
      sources.add(e.source());
    }
    return List.copyOf(sources);
  }

  /** A figure from a whole count result. */
  public Figure of(
      String id, String label, double value, String unit, EventFilter filter, CountResult r) {
    return new Figure(
        id,
        label,
        value,
        unit,
        filter.period(),
        null,
        filter.describe(),
        r.query().describe(),
        new Citation(r.sources(), r.events(), r.eventIds(), accessed(r.accessed())),
        null);
  }

  /** A figure from one group of a grouped count; {@code extra} names the group's key. */
  public Figure ofRow(
      String id,
      String label,
      double value,
      String unit,
      EventFilter filter,
      Map<String, String> extra,
      CountResult r,
      CountRow row) {
    Map<String, String> filters = new TreeMap<>(filter.describe());
    filters.putAll(extra);
    StringBuilder query = new StringBuilder(r.query().describe());
    extra.forEach((k, v) -> query.append("; group ").append(k).append(" = ").append(v));
    return new Figure(
        id,
        label,
        value,
        unit,
        filter.period(),
        null,
        filters,
        query.toString(),
        new Citation(row.sources(), row.events(), row.eventIds(), accessed(row.accessed())),
        null);
  }

  /**
   * Percent change of {@code current} against {@code base} over matched windows. No value when the
   * base is zero; a caveat when it is small.
   */
  public Figure change(String id, String label, Figure current, Figure base) {
    double b = base.getValue();
    double c = current.getValue();
    Double value = b == 0 ? null : (c - b) / b * 100.0;
    String note = null;
    if (b == 0) {
      note = AnalyticsTexts.of(language).t("indicators.change.no_base");
    } else if (b < 10) {
      note = AnalyticsTexts.of(language).t("indicators.change.fragile");
    }
    List<SourceRef> sources = new ArrayList<>(current.citation().sources());
    for (SourceRef s : base.citation().sources()) {
      if (!sources.contains(s)) {
        sources.add(s);
      }
    }
    List<String> ids = union(current.citation().eventIds(), base.citation().eventIds());
    LocalDate accessed =
        current.citation().accessed().isAfter(base.citation().accessed())
            ? current.citation().accessed()
            : base.citation().accessed();
    return new Figure(
        id,
        label,
        value,
        "percent",
        current.period(),
        base.period(),
        current.filters(),
        "100 × (" + current.id() + " − " + base.id() + ") / " + base.id(),
        new Citation(
            sources,
            current.citation().recordCount() + base.citation().recordCount(),
            ids,
            accessed),
        note);
  }

  /**
   * The sorted union of two id lists, without duplicates: one merge when both are sorted in String
   * order (as they nearly always are), else a sort.
   */
  private static List<String> union(List<String> a, List<String> b) {
    List<String> out = new ArrayList<>(a.size() + b.size());
    int i = 0;
    int j = 0;
    while (i < a.size() || j < b.size()) {
      String next;
      if (j == b.size() || (i < a.size() && a.get(i).compareTo(b.get(j)) <= 0)) {
        next = a.get(i++);
      } else {
        next = b.get(j++);
      }
      if (!out.isEmpty()) {
        int c = out.get(out.size() - 1).compareTo(next);
        if (c == 0) {
          continue;
        }
        if (c > 0) {
          TreeSet<String> sorted = new TreeSet<>(a);
          sorted.addAll(b);
          return List.copyOf(sorted);
        }
      }
      out.add(next);
    }
    return out;
  }

  private LocalDate accessed(LocalDate d) {
    return d == null ? today : d;
  }
}
