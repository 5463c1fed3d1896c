package org.harmattan.forecast;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeMap;
import org.harmattan.domain.figure.Period;
import org.harmattan.engine.query.AnalyticsEngine;
import org.harmattan.engine.query.CountQuery;
import org.harmattan.engine.query.CountRow;
import org.harmattan.engine.query.Dimension;
import org.harmattan.engine.query.EventFilter;

/**
 * Panels the engine aggregates from events: fatalities per admin-1 region and month of one country,
 * every month of the period (0 where a region had no event), any source in the store.
 */
public final class EventPanels {
  private EventPanels() {}

  /**
   * Fatalities per admin-1 region of {@code countryIso3} and month, from the first month with an
   * event of the country (not before {@code from}) to {@code to}.
   */
  public static MonthlyPanel admin1Fatalities(
      AnalyticsEngine engine, String countryIso3, YearMonth from, YearMonth to) {
    EventFilter filter = EventFilter.of(countryIso3, new Period(from.atDay(1), to.atEndOfMonth()));
    List<CountRow> rows =
        engine.count(new CountQuery(filter, List.of(Dimension.ADMIN1, Dimension.MONTH))).rows();
    YearMonth first = to;
    for (CountRow r : rows) {
      YearMonth m = YearMonth.from(LocalDate.parse(r.key().get(1)));
      first = m.isBefore(first) ? m : first;
    }
    from = first;
    TreeMap<String, double[]> byRegion = new TreeMap<>();
    int months = (int) ChronoUnit.MONTHS.between(from, to) + 1;
    for (CountRow r : rows) {
      String region = r.key().get(0);
      if (region == null || region.isBlank()) {
        continue;
      }
      YearMonth month = YearMonth.from(LocalDate.parse(r.key().get(1)));
      double[] values = byRegion.computeIfAbsent(region, k -> new double[months]);
      values[(int) ChronoUnit.MONTHS.between(from, month)] += r.fatalities();
    }
    List<Unit> units = new ArrayList<>();
    double[][] values = new double[byRegion.size()][];
    int i = 0;
    for (var e : byRegion.entrySet()) {
      units.add(new Unit(e.getKey(), e.getKey(), countryIso3));
      values[i++] = Arrays.copyOf(e.getValue(), months);
    }
    return MonthlyPanel.of(units, from, values);
  }
}
