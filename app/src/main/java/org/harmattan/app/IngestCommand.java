package org.harmattan.app;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
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
import org.harmattan.domain.error.HarmattanException;
import org.harmattan.engine.Store;
import org.harmattan.engine.write.RejectedRow;
import org.harmattan.ingest.IngestReport;
import org.harmattan.ingest.SourceFormat;
import org.harmattan.ingest.humanitarian.HumanitarianIngestReport;
import org.harmattan.ingest.series.SeriesIngestReport;
import org.harmattan.service.ingest.FileOutcome;
import org.harmattan.service.ingest.IngestService;
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
      "Read conflict-event files (ACLED, UCDP GED, GDELT), humanitarian tables and the VIEWS"
          + " country-month series into the store.",
      "Every data row is inserted, updated, unchanged, merged or quarantined; the report per file"
          + " adds up. A file that cannot be read as a whole fails alone; the others go on, every"
          + " file is reported, and the exit code is 1 when one failed."
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
          "Event files, humanitarian tables (CSV or XLSX, HXL-tagged or not: IOM DTM, Cadre"
              + " Harmonisé, people in need, IDMC, population, the HDX P-code table), or the VIEWS"
              + " country-month file (views-cm, recognised by its header).")
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
    IngestService.Options read =
        new IngestService.Options(
            forced, year == null ? OptionalInt.empty() : OptionalInt.of(year));
    List<Map<String, Object>> results = new ArrayList<>();
    List<String> failedFiles = new ArrayList<>();
    List<String> notRead = new ArrayList<>();
    HarmattanException stopped = null;
    try (Store store = options.open()) {
      IngestService service = new IngestService(store, LocalDate.now(ZoneOffset.UTC));
      for (Path file : files) {
        if (stopped != null) {
          notRead.add(file.toString());
          continue;
        }
        FileOutcome outcome;
        try {
          outcome = ingestOne(service, file, read, err);
        } catch (HarmattanException e) {
          // The store failed, not the file: the files read so far are still reported, and the
          // rest are named as not read.
          stopped = e;
          outcome = new FileOutcome.Failed(file.toString(), e.code(), e.getMessage());
        }
        results.add(outcome.toMap());
        if (outcome instanceof FileOutcome.Failed f) {
          failedFiles.add(f.path());
          if (stopped == null) {
            // The store's fault is printed once, by Main, with its own exit code.
            err.println("harmattan: " + Terminal.escape(f.message()));
            err.flush();
          }
        } else if (!options.json && outcome instanceof FileOutcome.Events e) {
          printReport(out, e.report());
        } else if (!options.json && outcome instanceof FileOutcome.Humanitarian h) {
          printReport(out, h.report());
        } else if (!options.json && outcome instanceof FileOutcome.Series x) {
          printReport(out, x.report());
        }
      }
    }
    int readFiles = results.size() - failedFiles.size();
    if (options.json) {
      // "files" as before; the counts and the files never reached are added keys.
      Map<String, Object> report = new LinkedHashMap<>();
      report.put("files", results);
      report.put("read", readFiles);
      report.put("failed", failedFiles.size());
      report.put("notRead", notRead);
      out.println(Json.write(report));
    } else if (!failedFiles.isEmpty() || !notRead.isEmpty()) {
      out.printf(
          Locale.ROOT,
          "%d of %d files read; failed: %s%s%n",
          readFiles,
          files.size(),
          Terminal.escape(String.join(", ", failedFiles)),
          notRead.isEmpty() ? "" : "; not read: " + Terminal.escape(String.join(", ", notRead)));
    }
    out.flush();
    if (stopped != null) {
      throw stopped;
    }
    return failedFiles.isEmpty() ? 0 : Main.EXIT_SOURCE_DATA;
  }

  /** One file, with a progress bar on the terminal when it is large. */
  private static FileOutcome ingestOne(
      IngestService service, Path file, IngestService.Options read, PrintWriter err) {
    long size = sizeOf(file);
    if (size < PROGRESS_THRESHOLD_BYTES) {
      return service.ingest(file, read, bytes -> {});
    }
    try (ProgressBar bar =
        new ProgressBarBuilder()
            .setTaskName(String.valueOf(file.getFileName()))
            .setInitialMax(size >> 20)
            .setUnit(" MB", 1)
            .setStyle(ProgressBarStyle.ASCII)
            .build()) {
      FileOutcome outcome = service.ingest(file, read, bytes -> bar.stepTo(bytes >> 20));
      bar.stepTo(size >> 20);
      return outcome;
    } finally {
      err.flush();
    }
  }

  private static long sizeOf(Path file) {
    try {
      return Files.isRegularFile(file) ? Files.size(file) : 0;
    } catch (IOException e) {
      return 0;
    }
  }

  private static void printReport(PrintWriter out, HumanitarianIngestReport r) {
    out.printf(Locale.ROOT, "%s%n", Terminal.escape(r.path()));
    out.printf(
        Locale.ROOT,
        "  format %s (%s), sha256 %s%n",
        r.dataset(),
        r.description(),
        r.sha256().substring(0, 16));
    out.printf(
        Locale.ROOT,
        "  %,d rows read: %,d inserted, %,d updated, %,d unchanged, %,d quarantined; %,d blank"
            + " rows skipped%n",
        r.rowsRead(),
        r.inserted(),
        r.updated(),
        r.unchanged(),
        r.quarantined(),
        r.blankRows());
    if (r.adminUnits() > 0) {
      out.printf(Locale.ROOT, "  %,d admin units for the reference%n", r.adminUnits());
    } else {
      out.printf(Locale.ROOT, "  %,d observations%n", r.observations());
    }
    for (String note : r.notes()) {
      out.printf(Locale.ROOT, "  note: %s%n", Terminal.escape(note));
    }
    for (HumanitarianIngestReport.PlacedAgain a : r.placedAgain()) {
      out.printf(
          Locale.ROOT,
          "  placed again against the changed admin reference: %s: %,d rows, %,d updated, %,d"
              + " unchanged, %,d quarantined%n",
          Terminal.escape(a.path()),
          a.rowsRead(),
          a.inserted() + a.updated(),
          a.unchanged(),
          a.quarantined());
    }
    if (r.quarantined() > 0) {
      out.printf(Locale.ROOT, "  see the rows kept aside with: harmattan quarantine%n");
    }
    out.flush();
  }

  /** Warnings and quarantined rows listed in the text report; {@code --json} lists more. */
  private static final int LISTED = 10;

  private static void printReport(PrintWriter out, SeriesIngestReport r) {
    out.printf(Locale.ROOT, "%s%n", Terminal.escape(r.path()));
    out.printf(
        Locale.ROOT,
        "  format %s (%s), sha256 %s%n",
        r.format().id(),
        r.format().description(),
        r.sha256().substring(0, 16));
    out.printf(
        Locale.ROOT,
        "  %,d rows read: %,d inserted, %,d updated, %,d unchanged, %,d quarantined%n",
        r.rowsRead(),
        r.inserted(),
        r.updated(),
        r.unchanged(),
        r.quarantined());
    if (r.first() != null) {
      out.printf(
          Locale.ROOT,
          "  series %s by %s: %,d units, %s to %s%n",
          r.series(),
          r.level(),
          r.units(),
          r.first(),
          r.last());
    }
    List<String> warnings = r.warnings();
    for (String w : warnings.subList(0, Math.min(LISTED, warnings.size()))) {
      out.printf(Locale.ROOT, "  warning: %s%n", Terminal.escape(w));
    }
    if (warnings.size() > LISTED) {
      out.printf(Locale.ROOT, "  … and %,d more warnings (see --json)%n", warnings.size() - LISTED);
    }
    for (String note : r.notes()) {
      out.printf(Locale.ROOT, "  note: %s%n", Terminal.escape(note));
    }
    List<RejectedRow> rows = r.quarantinedRows();
    for (RejectedRow row : rows.subList(0, Math.min(LISTED, rows.size()))) {
      out.printf(Locale.ROOT, "  quarantined: %s%n", Terminal.escape(row.message()));
    }
    if (rows.size() > LISTED) {
      out.printf(Locale.ROOT, "  … and %,d more quarantined rows%n", rows.size() - LISTED);
    }
    if (r.quarantined() > 0) {
      out.printf(Locale.ROOT, "  see the rows kept aside with: harmattan quarantine%n");
    }
    out.flush();
  }

  private static void printReport(PrintWriter out, IngestReport r) {
    out.printf(Locale.ROOT, "%s%n", Terminal.escape(r.path()));
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
      out.printf(Locale.ROOT, "  note: %s%n", Terminal.escape(note));
    }
    if (r.quarantined() > 0) {
      out.printf(Locale.ROOT, "  see the rows kept aside with: harmattan quarantine%n");
    }
    out.flush();
  }
}
