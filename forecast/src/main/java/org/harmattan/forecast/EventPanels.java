package org.harmattan.forecast;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.harmattan.domain.event.SourceSystem;
import org.harmattan.domain.figure.Citation;
import org.harmattan.domain.figure.Period;
import org.harmattan.engine.query.AnalyticsEngine;
import org.harmattan.engine.query.CountQuery;
import org.harmattan.engine.query.CountResult;
import org.harmattan.engine.query.CountRow;
import org.harmattan.engine.query.Dimension;
import org.harmattan.engine.query.EventFilter;

/**
 * Panels the engine aggregates from events: fatalities per admin-1 region (and, if asked, of the
 * whole country) and month, every month from the country's first event (0 where a unit had no
 * event), from the sources asked; with the events of every type and of each type as covariates.
 */
public final class EventPanels {
  /** The covariate of events of every type; {@code events.<type>} are those of one type. */
  public static final String EVENTS = "events";

  /** The name of the fatalities when they are a covariate (an events outcome). */
  public static final String FATALITIES = "fatalities";

  private EventPanels() {}

  /**
   * A panel aggregated from events, with what it rests on.
   *
   * @param panel the values
   * @param citations per unit id, the events behind that unit's series
   * @param query the engine's queries, readable
   */
  public record Built(MonthlyPanel panel, Map<String, Citation> citations, String query) {
    public Built {
      requireNonNull(panel, "panel");
      citations = Map.copyOf(citations);
      requireNonNull(query, "query");
    }
  }

  /**
   * Fatalities per month of {@code sources} (empty: all) in {@code countryIso3} from the first
   * month with an event (not before {@code from}) to {@code to}: one unit per admin-1 region (id
   * and name the region's) and, when {@code withCountry}, one for the whole country first (id the
   * ISO3 code), which also counts events placed in no region.
   */
  public static Built fatalities(
      AnalyticsEngine engine,
      String countryIso3,
      Set<SourceSystem> sources,
      YearMonth from,
      YearMonth to,
      boolean withCountry) {
    EventFilter filter =
        EventFilter.of(countryIso3, new Period(from.atDay(1), to.atEndOfMonth()))
            .withSources(sources);
    CountResult monthly =
        engine.count(
            new CountQuery(
                filter, List.of(Dimension.ADMIN1, Dimension.MONTH, Dimension.EVENT_TYPE)));
    String query =
        monthly.query().describe()
            + "; fatalities summed per admin-1 region and month, events counted per type";
    if (monthly.rows().isEmpty()) {
      return new Built(MonthlyPanel.of(List.of(), to, new double[0][]), Map.of(), query);
    }
    CountResult regional = engine.count(new CountQuery(filter, List.of(Dimension.ADMIN1)));
    YearMonth first = to;
    for (CountRow r : monthly.rows()) {
      YearMonth m = YearMonth.from(LocalDate.parse(r.key().get(1)));
      first = m.isBefore(first) ? m : first;
    }
    int months = (int) ChronoUnit.MONTHS.between(first, to) + 1;
    // Per unit: fatalities, then events of every type, then events of each type.
    TreeMap<String, String> types = new TreeMap<>();
    for (CountRow r : monthly.rows()) {
      String type = r.key().get(2);
      if (type != null && !type.isBlank()) {
        types.putIfAbsent(EVENTS + "." + slug(type), type);
      }
    }
    Map<String, Map<String, double[]>> byUnit = new LinkedHashMap<>();
    if (withCountry) {
      byUnit.put(countryIso3, new TreeMap<>());
    }
    TreeMap<String, Map<String, double[]>> byRegion = new TreeMap<>();
    for (CountRow r : monthly.rows()) {
      int m =
          (int) ChronoUnit.MONTHS.between(first, YearMonth.from(LocalDate.parse(r.key().get(1))));
      String region = r.key().get(0);
      List<Map<String, double[]>> targets = new ArrayList<>();
      if (withCountry) {
        targets.add(byUnit.get(countryIso3));
      }
      if (region != null && !region.isBlank()) {
        targets.add(byRegion.computeIfAbsent(region, k -> new TreeMap<>()));
      }
      String type = r.key().get(2);
      for (Map<String, double[]> t : targets) {
        t.computeIfAbsent(FATALITIES, k -> new double[months])[m] += r.fatalities();
        t.computeIfAbsent(EVENTS, k -> new double[months])[m] += r.events();
        if (type != null && !type.isBlank()) {
          t.computeIfAbsent(EVENTS + "." + slug(type), k -> new double[months])[m] += r.events();
        }
      }
    }
    byUnit.putAll(byRegion);
    Map<String, Citation> citations = new LinkedHashMap<>();
    if (withCountry) {
      citations.put(
          countryIso3,
          new Citation(
              monthly.sources(), monthly.events(), monthly.eventIds(), monthly.accessed()));
    }
    for (CountRow r : regional.rows()) {
      String region = r.key().get(0);
      if (region != null && byRegion.containsKey(region)) {
        citations.put(region, new Citation(r.sources(), r.events(), r.eventIds(), r.accessed()));
      }
    }
    List<Unit> units = new ArrayList<>();
    double[][] values = new double[byUnit.size()][];
    Map<String, double[][]> covariates = new TreeMap<>();
    covariates.put(EVENTS, new double[byUnit.size()][]);
    types.keySet().forEach(t -> covariates.put(t, new double[byUnit.size()][]));
    int i = 0;
    for (var e : byUnit.entrySet()) {
      units.add(new Unit(e.getKey(), e.getKey(), countryIso3));
      values[i] = e.getValue().getOrDefault(FATALITIES, new double[months]);
      for (var c : covariates.entrySet()) {
        c.getValue()[i] = e.getValue().getOrDefault(c.getKey(), new double[months]);
      }
      i++;
    }
    MonthlyPanel panel = MonthlyPanel.of(units, first, values);
    for (var c : covariates.entrySet()) {
      panel = panel.withCovariate(c.getKey(), c.getValue());
    }
    return new Built(panel, citations, query);
  }

  /** Lower-case letters and digits, runs of others as one underscore. */
  static String slug(String s) {
    return s.toLowerCase(java.util.Locale.ROOT)
        .replaceAll("[^a-z0-9]+", "_")
        .replaceAll("^_|_$", "");
  }
}
