package org.harmattan.forecast;

import com.uber.h3core.H3Core;
import java.io.IOException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.harmattan.domain.error.ErrorCategory;
import org.harmattan.domain.error.HarmattanException;
import org.harmattan.domain.event.SourceSystem;
import org.harmattan.domain.figure.Citation;
import org.harmattan.domain.figure.Period;
import org.harmattan.domain.figure.SourceRef;
import org.harmattan.engine.query.AnalyticsEngine;
import org.harmattan.engine.query.EventFilter;
import org.harmattan.engine.query.EventPoint;

/**
 * Panels of H3 cells from located events: fatalities per cell and month of one country (cells where
 * an event happened, every month from the first event, 0 where none), with the events in all and
 * per type as covariates; a cell's neighbours are the cells around it that the panel holds.
 */
public final class H3Panels {
  /** The default resolution: cells of about 250 km² (an edge of about 9 km). */
  public static final int DEFAULT_RESOLUTION = 5;

  private static final java.util.regex.Pattern CELL_ADDRESS =
      java.util.regex.Pattern.compile("[0-9a-f]{15}");

  private static volatile H3Core h3;

  private H3Panels() {}

  /**
   * Fatalities per H3 cell of {@code resolution} and month of {@code sources}' located events in
   * {@code countryIso3}, from the first month with an event (not before {@code from}) to {@code
   * to}.
   */
  public static EventPanels.Built fatalities(
      AnalyticsEngine engine,
      String countryIso3,
      Set<SourceSystem> sources,
      YearMonth from,
      YearMonth to,
      int resolution) {
    if (resolution < 0 || resolution > 15) {
      throw new IllegalArgumentException("an H3 resolution is 0 to 15, not " + resolution);
    }
    EventFilter filter =
        EventFilter.of(countryIso3, new Period(from.atDay(1), to.atEndOfMonth()))
            .withSources(sources);
    List<EventPoint> points = engine.listEventPoints(filter);
    String query =
        "located events of "
            + filter.describe()
            + "; fatalities summed per H3 cell (resolution "
            + resolution
            + ") and month, events counted per type";
    if (points.isEmpty()) {
      return new EventPanels.Built(
          MonthlyPanel.of(List.of(), to, new double[0][]), Map.of(), query);
    }
    YearMonth first = to;
    for (EventPoint p : points) {
      YearMonth m = YearMonth.from(p.date());
      first = m.isBefore(first) ? m : first;
    }
    int months = (int) ChronoUnit.MONTHS.between(first, to) + 1;
    H3Core core = core();
    Map<String, Map<String, double[]>> byCell = new TreeMap<>();
    Map<String, List<EventPoint>> cited = new TreeMap<>();
    Set<String> types = new java.util.TreeSet<>();
    for (EventPoint p : points) {
      String cell = core.latLngToCellAddress(p.latitude(), p.longitude(), resolution);
      int m = (int) ChronoUnit.MONTHS.between(first, YearMonth.from(p.date()));
      Map<String, double[]> series = byCell.computeIfAbsent(cell, k -> new TreeMap<>());
      series.computeIfAbsent(EventPanels.FATALITIES, k -> new double[months])[m] += p.fatalities();
      series.computeIfAbsent(EventPanels.EVENTS, k -> new double[months])[m] += 1;
      String type = EventPanels.EVENTS + "." + EventPanels.slug(p.eventType().label());
      types.add(type);
      series.computeIfAbsent(type, k -> new double[months])[m] += 1;
      cited.computeIfAbsent(cell, k -> new ArrayList<>()).add(p);
    }
    List<Unit> units = new ArrayList<>();
    double[][] values = new double[byCell.size()][];
    Map<String, double[][]> covariates = new TreeMap<>();
    covariates.put(EventPanels.EVENTS, new double[byCell.size()][]);
    types.forEach(t -> covariates.put(t, new double[byCell.size()][]));
    Map<String, Citation> citations = new LinkedHashMap<>();
    int i = 0;
    for (var e : byCell.entrySet()) {
      units.add(new Unit(e.getKey(), e.getKey(), countryIso3));
      values[i] = e.getValue().getOrDefault(EventPanels.FATALITIES, new double[months]);
      for (var c : covariates.entrySet()) {
        c.getValue()[i] = e.getValue().getOrDefault(c.getKey(), new double[months]);
      }
      citations.put(e.getKey(), cite(cited.get(e.getKey())));
      i++;
    }
    MonthlyPanel panel = MonthlyPanel.of(units, first, values);
    for (var c : covariates.entrySet()) {
      panel = panel.withCovariate(c.getKey(), c.getValue());
    }
    return new EventPanels.Built(panel, citations, query);
  }

  /** Whether every unit of {@code panel} is an H3 cell (its id a cell address). */
  public static boolean isCellPanel(MonthlyPanel panel) {
    if (panel.unitCount() == 0) {
      return false;
    }
    H3Core core = core();
    // The H3 library throws on text that is not hexadecimal ("Bamako") rather than saying no.
    return panel.units().stream()
        .allMatch(u -> CELL_ADDRESS.matcher(u.id()).matches() && core.isValidCell(u.id()));
  }

  /** Each cell's neighbours (the ring of cells around it) that the panel holds. */
  public static Map<String, List<String>> neighbours(MonthlyPanel panel) {
    H3Core core = core();
    Set<String> held = new HashSet<>();
    panel.units().forEach(u -> held.add(u.id()));
    Map<String, List<String>> out = new TreeMap<>();
    for (Unit u : panel.units()) {
      List<String> near = new ArrayList<>();
      for (String c : core.gridDisk(u.id(), 1)) {
        if (!c.equals(u.id()) && held.contains(c)) {
          near.add(c);
        }
      }
      if (!near.isEmpty()) {
        out.put(u.id(), near);
      }
    }
    return out;
  }

  private static Citation cite(List<EventPoint> points) {
    List<String> ids = new ArrayList<>();
    Set<SourceRef> sources = new java.util.LinkedHashSet<>();
    LocalDate accessed = null;
    for (EventPoint p : points) {
      ids.add(p.id());
      sources.add(p.source());
      accessed = accessed == null || p.accessed().isAfter(accessed) ? p.accessed() : accessed;
    }
    ids.sort(null);
    return new Citation(List.copyOf(sources), ids.size(), ids, accessed);
  }

  private static H3Core core() {
    H3Core h = h3;
    if (h == null) {
      synchronized (H3Panels.class) {
        h = h3;
        if (h == null) {
          try {
            h = H3Core.newInstance();
          } catch (IOException e) {
            throw new HarmattanException(
                ErrorCategory.INTERNAL,
                org.harmattan.domain.problem.ProblemCode.H3_UNAVAILABLE,
                "the H3 library could not load its native code: " + e.getMessage(),
                e);
          }
          h3 = h;
        }
      }
    }
    return h;
  }
}
