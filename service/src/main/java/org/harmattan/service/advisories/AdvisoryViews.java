package org.harmattan.service.advisories;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.harmattan.analytics.advisories.AdvisoryChange;
import org.harmattan.analytics.advisories.AdvisoryPicture;
import org.harmattan.domain.context.Advisory;
import org.harmattan.domain.context.AdvisoryReport;
import org.harmattan.ingest.advisories.AdvisoryFiles;

/** Advisory pictures from snapshot files, and their JSON shape. */
public final class AdvisoryViews {
  private AdvisoryViews() {}

  /** The picture of {@code iso3} from advisory snapshot files (several per government: changes). */
  public static AdvisoryPicture fromFiles(String iso3, List<Path> files) {
    return AdvisoryPicture.of(iso3, readAll(iso3, files));
  }

  /** The snapshots of {@code iso3} in advisory files. */
  public static List<AdvisoryReport> readAll(String iso3, List<Path> files) {
    List<AdvisoryReport> reports = new ArrayList<>();
    for (Path f : files) {
      reports.add(AdvisoryFiles.read(f, iso3));
    }
    return reports;
  }

  /**
   * {@code {"country","advisories":[{"government","level","highest","wording","date","url",
   * "leave_now","source_file","sha256","regions"}],"changes":[{"id","government","date","kind",
   * "region","description","severity","url"}]}}.
   */
  public static Map<String, Object> picture(AdvisoryPicture p) {
    List<Map<String, Object>> current = new ArrayList<>();
    for (Advisory a : p.current()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("government", a.government().code());
      m.put("level", a.level().rank());
      m.put("highest", a.highest().rank());
      m.put("wording", a.report().wording());
      m.put("date", a.report().issued().toString());
      m.put("url", a.report().url());
      m.put("leave_now", a.leaveNow());
      m.put("source_file", a.report().sourceFile());
      m.put("sha256", a.report().sha256());
      List<Map<String, Object>> regions = new ArrayList<>();
      a.regions()
          .forEach(
              r -> {
                Map<String, Object> rm = new LinkedHashMap<>();
                rm.put("region", r.region());
                rm.put("level", r.level().rank());
                rm.put("wording", r.wording());
                regions.add(rm);
              });
      m.put("regions", regions);
      current.add(m);
    }
    List<Map<String, Object>> changes = new ArrayList<>();
    for (AdvisoryChange c : p.changes()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("id", c.id());
      m.put("government", c.after().government().code());
      m.put("date", c.date().toString());
      m.put("kind", c.kind().name().toLowerCase(Locale.ROOT));
      m.put("region", c.region());
      m.put("description", c.description());
      m.put("severity", c.toAlertCandidate().severity());
      m.put("url", c.after().report().url());
      changes.add(m);
    }
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("country", p.countryIso3());
    root.put("advisories", current);
    root.put("changes", changes);
    return root;
  }
}
