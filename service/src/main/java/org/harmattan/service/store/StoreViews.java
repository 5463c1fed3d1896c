package org.harmattan.service.store;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.harmattan.domain.problem.Problem;
import org.harmattan.engine.Store;
import org.harmattan.engine.query.StoreStatus;
import org.harmattan.engine.write.RejectedRow;

/**
 * What a store holds and keeps aside, in the shapes every front door prints or serves ({@code
 * status --json}, {@code quarantine --json}, the API): keys in a fixed order.
 */
public final class StoreViews {
  private StoreViews() {}

  /**
   * {@code
   * {"events","bySource","byCountry","quarantined","history","files","observations","adminUnits",
   * "seriesPoints","withdrawn"}}.
   */
  public static Map<String, Object> status(StoreStatus s) {
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
