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
 * event), from the sources asked.
 */
public final class EventPanels {
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
   * Fatalities per admin-1 region of {@code countryIso3} and month, from the first month with an
   * event of the country (not before {@code from}) to {@code to}, any source.
   */
  public static MonthlyPanel admin1Fatalities(
      AnalyticsEngine engine, String countryIso3, YearMonth from, YearMonth to) {
    return fatalities(engine, countryIso3, Set.of(), from, to, false).panel();
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
        engine.count(new CountQuery(filter, List.of(Dimension.ADMIN1, Dimension.MONTH)));
    String query = monthly.query().describe() + "; fatalities summed per admin-1 region and month";
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
    Map<String, double[]> byUnit = new LinkedHashMap<>();
    if (withCountry) {
      byUnit.put(countryIso3, new double[months]);
    }
    TreeMap<String, double[]> byRegion = new TreeMap<>();
    for (CountRow r : monthly.rows()) {
      int m =
          (int) ChronoUnit.MONTHS.between(first, YearMonth.from(LocalDate.parse(r.key().get(1))));
      if (withCountry) {
        byUnit.get(countryIso3)[m] += r.fatalities();
      }
      String region = r.key().get(0);
      if (region != null && !region.isBlank()) {
        byRegion.computeIfAbsent(region, k -> new double[months])[m] += r.fatalities();
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
    int i = 0;
    for (var e : byUnit.entrySet()) {
      units.add(new Unit(e.getKey(), e.getKey(), countryIso3));
      values[i++] = e.getValue();
    }
    return new Built(MonthlyPanel.of(units, first, values), citations, query);
  }
}
