package org.harmattan.service.ingest;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.harmattan.domain.problem.Problem;
import org.harmattan.engine.write.RejectedRow;
import org.harmattan.ingest.IngestReport;
import org.harmattan.ingest.humanitarian.HumanitarianIngestReport;
import org.harmattan.ingest.series.SeriesGap;
import org.harmattan.ingest.series.SeriesIngestReport;

/**
 * What became of one file of an ingest: an event report, a humanitarian report, a series report, or
 * a failure.
 */
public sealed interface FileOutcome {

  /** The file as the user named it. */
  String path();

  /** The outcome as the JSON of {@code ingest --json} and the API: keys in a fixed order. */
  Map<String, Object> toMap();

  /** An event file, read. */
  record Events(IngestReport report) implements FileOutcome {
    public Events {
      requireNonNull(report, "report");
    }

    @Override
    public String path() {
      return report.path();
    }

    @Override
    public Map<String, Object> toMap() {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("path", report.path());
      m.put("format", report.format().id());
      m.put("sha256", report.sha256());
      m.put("rowsRead", report.rowsRead());
      m.put("inserted", report.inserted());
      m.put("updated", report.updated());
      m.put("unchanged", report.unchanged());
      m.put("merged", report.merged());
      m.put("quarantined", report.quarantined());
      m.put("notes", report.notes());
      return m;
    }
  }

  /**
   * A humanitarian table, read: the keys of an event file plus blank rows, what rows gave, and the
   * kept tables placed again against the changed admin reference.
   */
  record Humanitarian(HumanitarianIngestReport report) implements FileOutcome {
    public Humanitarian {
      requireNonNull(report, "report");
    }

    @Override
    public String path() {
      return report.path();
    }

    @Override
    public Map<String, Object> toMap() {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("path", report.path());
      m.put("format", report.dataset());
      m.put("sha256", report.sha256());
      m.put("rowsRead", report.rowsRead());
      m.put("inserted", report.inserted());
      m.put("updated", report.updated());
      m.put("unchanged", report.unchanged());
      m.put("merged", 0L);
      m.put("quarantined", report.quarantined());
      m.put("blankRows", report.blankRows());
      m.put("observations", report.observations());
      m.put("adminUnits", report.adminUnits());
      m.put("notes", report.notes());
      List<Map<String, Object>> again = new ArrayList<>();
      for (HumanitarianIngestReport.PlacedAgain a : report.placedAgain()) {
        Map<String, Object> am = new LinkedHashMap<>();
        am.put("path", a.path());
        am.put("sha256", a.sha256());
        am.put("rowsRead", a.rowsRead());
        am.put("inserted", a.inserted());
        am.put("updated", a.updated());
        am.put("unchanged", a.unchanged());
        am.put("quarantined", a.quarantined());
        again.add(am);
      }
      m.put("placedAgain", again);
      return m;
    }
  }

  /**
   * A monthly series file, read: the keys of an event file plus the series, its units and months,
   * the gaps found (as warnings) and the rows quarantined (without their raw text, which {@code
   * harmattan quarantine} shows).
   */
  record Series(SeriesIngestReport report) implements FileOutcome {
    /** At most this many quarantined rows are listed; {@code quarantined} counts them all. */
    public static final int LISTED_ROWS = 100;

    public Series {
      requireNonNull(report, "report");
    }

    @Override
    public String path() {
      return report.path();
    }

    @Override
    public Map<String, Object> toMap() {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("path", report.path());
      m.put("format", report.format().id());
      m.put("sha256", report.sha256());
      m.put("rowsRead", report.rowsRead());
      m.put("inserted", report.inserted());
      m.put("updated", report.updated());
      m.put("unchanged", report.unchanged());
      m.put("merged", 0L);
      m.put("quarantined", report.quarantined());
      m.put("series", report.series());
      m.put("level", report.level());
      m.put("units", report.units());
      m.put("first", report.first() == null ? null : report.first().toString());
      m.put("last", report.last() == null ? null : report.last().toString());
      m.put("warnings", report.warnings());
      List<Map<String, Object>> gaps = new ArrayList<>();
      for (SeriesGap g : report.gaps()) {
        Map<String, Object> gm = new LinkedHashMap<>();
        gm.put("unitId", g.unitId());
        gm.put("unitName", g.unitName());
        gm.put("country", g.countryIso3());
        gm.put("from", g.from().toString());
        gm.put("to", g.to().toString());
        gm.put("months", g.months());
        gm.put("lineBefore", g.lineBefore());
        gm.put("lineAfter", g.lineAfter());
        gaps.add(gm);
      }
      m.put("gaps", gaps);
      List<Map<String, Object>> rows = new ArrayList<>();
      for (RejectedRow r : report.quarantinedRows()) {
        if (rows.size() >= LISTED_ROWS) {
          break;
        }
        Map<String, Object> rm = new LinkedHashMap<>();
        rm.put("lineNumber", r.lineNumber());
        List<Map<String, String>> problems = new ArrayList<>();
        for (Problem p : r.problems()) {
          Map<String, String> pm = new LinkedHashMap<>();
          pm.put("code", p.code());
          pm.put("column", p.column());
          pm.put("message", p.message());
          problems.add(pm);
        }
        rm.put("problems", problems);
        rm.put("message", r.message());
        rows.add(rm);
      }
      m.put("quarantinedRows", rows);
      m.put("notes", report.notes());
      return m;
    }
  }

  /**
   * A file that could not be read as a whole.
   *
   * @param path the file as named
   * @param code the error code
   * @param message what is wrong, where, and what was expected
   */
  record Failed(String path, String code, String message) implements FileOutcome {
    public Failed {
      requireNonNull(path, "path");
      requireNonNull(code, "code");
      requireNonNull(message, "message");
    }

    @Override
    public Map<String, Object> toMap() {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("path", path);
      m.put("error", Map.of("code", code, "message", message));
      return m;
    }
  }
}
