package org.harmattan.service.store;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.harmattan.domain.event.SourceSystem;
import org.harmattan.domain.figure.Period;
import org.harmattan.domain.problem.Problem;
import org.harmattan.engine.Store;
import org.harmattan.engine.query.Coverage;
import org.harmattan.engine.query.EventFilter;
import org.harmattan.engine.query.StoreStatus;
import org.harmattan.engine.write.RejectedRow;

/**
 * What a store holds and keeps aside, in the shapes every front door prints or serves ({@code
 * status --json}, {@code quarantine --json}, the API): keys in a fixed order.
 */
public final class StoreViews {
  private StoreViews() {}

  /**
   * What the store holds of one country from one source system.
   *
   * @param country ISO3
   * @param source the source system
   * @param coverage events held, first and last event date, the day the newest was read in
   */
  public record CoverageRow(String country, SourceSystem source, Coverage coverage) {
    public CoverageRow {
      requireNonNull(country, "country");
      requireNonNull(source, "source");
      requireNonNull(coverage, "coverage");
    }

    /** {@code {"country","source","events","first","last","accessed"}}. */
    public Map<String, Object> toMap() {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("country", country);
      m.put("source", source.name());
      m.put("events", coverage.events());
      m.put("first", String.valueOf(coverage.first()));
      m.put("last", String.valueOf(coverage.last()));
      m.put("accessed", coverage.accessed() == null ? null : coverage.accessed().toString());
      return Collections.unmodifiableMap(m);
    }
  }

  /**
   * Every country and source system the store holds events of, with the date span it covers, by
   * country then source.
   */
  public static List<CoverageRow> coverage(Store store, StoreStatus status) {
    List<CoverageRow> out = new ArrayList<>();
    for (String country : new TreeMap<>(status.byCountry()).keySet()) {
      for (SourceSystem source : SourceSystem.values()) {
        Coverage c =
            store
                .analytics()
                .coverage(EventFilter.of(country, Period.allTime()).withSources(Set.of(source)));
        if (c.events() > 0) {
          out.add(new CoverageRow(country, source, c));
        }
      }
    }
    return List.copyOf(out);
  }

  /**
   * {@code
   * {"events","bySource","byCountry","quarantined","history","files","observations","adminUnits",
   * "seriesPoints","withdrawn","coverage"}}, {@code coverage} as {@link CoverageRow#toMap} lists.
   */
  public static Map<String, Object> status(StoreStatus s, List<CoverageRow> coverage) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("events", s.events());
    m.put("bySource", new TreeMap<>(s.bySource()));
    m.put("byCountry", new TreeMap<>(s.byCountry()));
    m.put("quarantined", s.quarantined());
    m.put("history", s.history());
    m.put("files", s.files());
    m.put("observations", s.observations());
    m.put("adminUnits", s.adminUnits());
    m.put("seriesPoints", s.seriesPoints());
    m.put("withdrawn", s.withdrawn());
    List<Map<String, Object>> rows = new ArrayList<>();
    for (CoverageRow r : coverage) {
      rows.add(r.toMap());
    }
    m.put("coverage", rows);
    return m;
  }

  /** The quarantined rows of {@code store}, at most {@code limit}, as {@code {"rows":[…]}}. */
  public static Map<String, Object> quarantine(Store store, int limit) {
    List<Map<String, Object>> list = new ArrayList<>();
    for (RejectedRow r : store.listQuarantine(limit)) {
      list.add(quarantined(r));
    }
    return Map.of("rows", list);
  }

  /** One quarantined row: {@code {"path","lineNumber","problems","message","raw","sha256"}}. */
  public static Map<String, Object> quarantined(RejectedRow r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("path", r.path());
    m.put("lineNumber", r.lineNumber());
    List<Map<String, String>> problems = new ArrayList<>();
    for (Problem p : r.problems()) {
      Map<String, String> pm = new LinkedHashMap<>();
      pm.put("code", p.code());
      pm.put("column", p.column());
      pm.put("message", p.message());
      problems.add(pm);
    }
    m.put("problems", problems);
    m.put("message", r.message());
    m.put("raw", r.raw());
    m.put("sha256", r.fileSha256());
    return m;
  }
}
