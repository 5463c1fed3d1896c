package org.harmattan.app;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.harmattan.domain.error.ErrorCategory;
import org.harmattan.domain.error.HarmattanException;
import org.harmattan.engine.duckdb.DuckDbStore;
import org.harmattan.engine.duckdb.HumanitarianIngestReport;
import org.harmattan.ingest.IngestReport;
import org.harmattan.ingest.SourceFile;
import org.harmattan.ingest.SourceFormat;
import org.harmattan.ingest.humanitarian.HumanitarianFileReader;
import org.harmattan.ingest.hxl.HxlReader;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code harmattan ingest FILE...}: reads event files into the store, accounting for every row. */
@Command(
    name = "ingest",
    mixinStandardHelpOptions = true,
    description = {
      "Read conflict-event files (ACLED, UCDP GED, GDELT) and humanitarian tables into the store.",
      "Every data row is inserted, updated, unchanged, merged or quarantined; the report per file"
          + " adds up. A file that cannot be read as a whole fails alone; the others go on."
    })
final class IngestCommand implements Callable<Integer> {
  /** Files at least this large get a progress bar. */
  private static final long PROGRESS_THRESHOLD_BYTES = 8L << 20;

  @Mixin StoreOptions options;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      description =
          "Read every file as this format instead of detecting it. One of: ${sys:harmattan.formats}.")
  String format;

  @Option(
      names = "--year",
      paramLabel = "YEAR",
      description =
          "The year a humanitarian file describes when neither the file nor its name says it"
              + " (people in need, population tables).")
  Integer year;

  @Parameters(
      arity = "1..*",
      paramLabel = "FILE",
      description =
          "Event files, or humanitarian tables (CSV or XLSX, HXL-tagged or not: IOM DTM, Cadre"
              + " Harmonisé, people in need, IDMC, population, the HDX P-code table).")
  List<Path> files;

  static {
    System.setProperty("harmattan.formats", SourceFormat.listIds());
  }

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Optional<SourceFormat> forced = Optional.empty();
    if (format != null) {
      forced =
          Optional.of(
              SourceFormat.findById(format)
                  .orElseThrow(
                      () ->
                          new CommandLine.ParameterException(
                              spec.commandLine(),
                              "unknown --format '"
                                  + format
                                  + "' (expected one of: "
                                  + SourceFormat.listIds()
                                  + ")")));
    }
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    List<Map<String, Object>> results = new ArrayList<>();
    int exit = 0;
    try (DuckDbStore store = DuckDbStore.open(options.storePath())) {
      for (Path file : files) {
        try {
          SourceFile source = HxlReader.inspect(file);
          if (forced.isEmpty() && HumanitarianFileReader.isHumanitarian(source)) {
            HumanitarianIngestReport report =
                store.ingestHumanitarian(
                    source, year == null ? OptionalInt.empty() : OptionalInt.of(year));
            results.add(toJson(report));
            if (!options.json) {
              printReport(out, report);
            }
            continue;
          }
          IngestReport report = ingestOne(store, source, forced, today, err);
          results.add(toJson(report));
          if (!options.json) {
            printReport(out, report);
          }
        } catch (HarmattanException e) {
          if (e.category() != ErrorCategory.SOURCE_DATA
              && !"file_not_found".equals(e.code())
              && !"not_a_file".equals(e.code())) {
            throw e;
          }
          exit = Main.EXIT_SOURCE_DATA;
          Map<String, Object> failed = new LinkedHashMap<>();
          failed.put("path", file.toString());
          failed.put("error", Map.of("code", e.code(), "message", e.getMessage()));
          results.add(failed);
          err.println("harmattan: " + e.getMessage());
          err.flush();
        }
      }
    }
    if (options.json) {
      out.println(Json.write(Map.of("files", results)));
    }
    return exit;
  }

  private static IngestReport ingestOne(
      DuckDbStore store,
      SourceFile source,
      Optional<SourceFormat> forced,
      LocalDate today,
      PrintWriter err) {
    if (source.sizeBytes() < PROGRESS_THRESHOLD_BYTES) {
      return store.ingest(source, forced, today, bytes -> {});
    }
    try (ProgressBar bar =
        new ProgressBarBuilder()
            .setTaskName(source.dataset())
            .setInitialMax(source.sizeBytes() >> 20)
            .setUnit(" MB", 1)
            .setStyle(ProgressBarStyle.ASCII)
            .build()) {
      IngestReport report = store.ingest(source, forced, today, bytes -> bar.stepTo(bytes >> 20));
      bar.stepTo(source.sizeBytes() >> 20);
      return report;
    } finally {
      err.flush();
    }
  }

  static Map<String, Object> toJson(IngestReport r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("path", r.path());
    m.put("format", r.format().id());
    m.put("sha256", r.sha256());
    m.put("rowsRead", r.rowsRead());
    m.put("inserted", r.inserted());
    m.put("updated", r.updated());
    m.put("unchanged", r.unchanged());
    m.put("merged", r.merged());
    m.put("quarantined", r.quarantined());
    m.put("notes", r.notes());
    return m;
  }

  /** The same keys as an event file's report, plus the blank rows and what the rows gave. */
  static Map<String, Object> toJson(HumanitarianIngestReport r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("path", r.path());
    m.put("format", r.dataset());
    m.put("sha256", r.sha256());
    m.put("rowsRead", r.rowsRead());
    m.put("inserted", r.inserted());
    m.put("updated", 0L);
    m.put("unchanged", r.unchanged());
    m.put("merged", 0L);
    m.put("quarantined", r.quarantined());
    m.put("blankRows", r.blankRows());
    m.put("observations", r.observations());
    m.put("adminUnits", r.adminUnits());
    m.put("notes", r.notes());
    return m;
  }

  private static void printReport(PrintWriter out, HumanitarianIngestReport r) {
    out.printf(Locale.ROOT, "%s%n", r.path());
    out.printf(
        Locale.ROOT,
        "  format %s (%s), sha256 %s%n",
        r.dataset(),
        r.description(),
        r.sha256().substring(0, 16));
    out.printf(
        Locale.ROOT,
        "  %,d rows read: %,d inserted, %,d unchanged, %,d quarantined; %,d blank rows skipped%n",
        r.rowsRead(),
        r.inserted(),
        r.unchanged(),
        r.quarantined(),
        r.blankRows());
    if (r.adminUnits() > 0) {
      out.printf(Locale.ROOT, "  %,d admin units for the reference%n", r.adminUnits());
    } else {
      out.printf(Locale.ROOT, "  %,d observations%n", r.observations());
    }
    for (String note : r.notes()) {
      out.printf(Locale.ROOT, "  note: %s%n", note);
    }
    if (r.quarantined() > 0) {
      out.printf(Locale.ROOT, "  see the rows kept aside with: harmattan quarantine%n");
    }
    out.flush();
  }

  private static void printReport(PrintWriter out, IngestReport r) {
    out.printf(Locale.ROOT, "%s%n", r.path());
    out.printf(
        Locale.ROOT,
        "  format %s (%s), sha256 %s%n",
        r.format().id(),
        r.format().description(),
        r.sha256().substring(0, 16));
    out.printf(
        Locale.ROOT,
        "  %,d rows read: %,d inserted, %,d updated, %,d unchanged, %,d merged, %,d quarantined%n",
        r.rowsRead(),
        r.inserted(),
        r.updated(),
        r.unchanged(),
        r.merged(),
        r.quarantined());
    for (String note : r.notes()) {
      out.printf(Locale.ROOT, "  note: %s%n", note);
    }
    if (r.quarantined() > 0) {
      out.printf(Locale.ROOT, "  see the rows kept aside with: harmattan quarantine%n");
    }
    out.flush();
  }
}
