package org.harmattan.service.ingest;

import static java.util.Objects.requireNonNull;

import java.util.LinkedHashMap;
import java.util.Map;
import org.harmattan.ingest.IngestReport;
import org.harmattan.ingest.humanitarian.HumanitarianIngestReport;

/** What became of one file of an ingest: an event report, a humanitarian report, or a failure. */
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

  /** A humanitarian table, read: the keys of an event file plus blank rows and what rows gave. */
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
      m.put("updated", 0L);
      m.put("unchanged", report.unchanged());
      m.put("merged", 0L);
      m.put("quarantined", report.quarantined());
      m.put("blankRows", report.blankRows());
      m.put("observations", report.observations());
      m.put("adminUnits", report.adminUnits());
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
