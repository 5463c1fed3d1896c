package org.harmattan.analytics.indicators;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.harmattan.analytics.warning.DailySeries;
import org.harmattan.domain.figure.Period;
import org.harmattan.engine.query.CountQuery;
import org.harmattan.engine.query.CountResult;
import org.harmattan.engine.query.CountRow;
import org.harmattan.engine.query.EventFilter;

/**
 * A count by day, or by region (admin1) and day, over a history: the daily series the early-warning
 * rules read, and the rows that answer the figures of narrower windows without asking the engine
 * again.
 *
 * @param result the count, grouped by {@code [DAY]} or {@code [ADMIN1, DAY]}
 * @param dayColumn where the day is in a row's key: 0, or 1 when the region comes first
 * @param days each row's day, in the order of the rows
 */
public record DayCounts(CountResult result, int dayColumn, List<LocalDate> days) {
  public DayCounts {
    requireNonNull(result, "result");
    days = List.copyOf(days);
    if (days.size() != result.rows().size()) {
      throw new IllegalArgumentException(
          "one day per row expected: " + days.size() + " days for " + result.rows().size());
    }
  }

  /** The rows of a count by day ({@code dayColumn} 0) or by region and day (1), with their days. */
  public DayCounts(CountResult result, int dayColumn) {
    this(result, dayColumn, parse(result, dayColumn));
  }

  private static List<LocalDate> parse(CountResult result, int dayColumn) {
    List<LocalDate> days = new ArrayList<>(result.rows().size());
    for (CountRow row : result.rows()) {
      days.add(LocalDate.parse(row.key().get(dayColumn)));
    }
    return days;
  }

  /**
   * The events per day (or reported fatalities, when {@code fatalities}), by region for a count by
   * region and day (rows without a region are left out), else under the one name {@code area}.
   */
  public Map<String, DailySeries> series(String area, boolean fatalities) {
    Map<String, Map<LocalDate, Long>> byArea = new TreeMap<>();
    List<CountRow> rows = result.rows();
    for (int i = 0; i < rows.size(); i++) {
      CountRow row = rows.get(i);
      String name = dayColumn == 0 ? area : row.key().get(0);
      if (name == null) {
        continue;
      }
      byArea
          .computeIfAbsent(name, k -> new HashMap<>())
          .merge(days.get(i), fatalities ? row.fatalities() : row.events(), Long::sum);
    }
    Map<String, DailySeries> series = new TreeMap<>();
    byArea.forEach((name, counts) -> series.put(name, DailySeries.of(name, counts)));
    if (dayColumn == 0 && series.isEmpty()) {
      series.put(area, DailySeries.empty(area));
    }
    return series;
  }

  /**
   * The total of {@code f} (this count's filter with a narrower period, and for a count by region
   * narrowed to the region {@code admin1}) from this count's rows; empty when the period reaches
   * beyond this count's.
   */
  public Optional<CountResult> total(EventFilter f, String admin1) {
    Period covered = result.query().filter().period();
    Period window = f.period();
    if (window.from().isBefore(covered.from()) || window.to().isAfter(covered.to())) {
      return Optional.empty();
    }
    List<CountRow> parts = new ArrayList<>();
    List<CountRow> rows = result.rows();
    for (int i = 0; i < rows.size(); i++) {
      LocalDate day = days.get(i);
      if (!day.isBefore(window.from())
          && !day.isAfter(window.to())
          && (admin1 == null || admin1.equals(rows.get(i).key().get(0)))) {
        parts.add(rows.get(i));
      }
    }
    return Optional.of(CountResult.ofGroups(CountQuery.total(f), List.of(), parts));
  }
}
