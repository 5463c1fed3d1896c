package org.harmattan.service.watch;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.harmattan.domain.error.HarmattanException;
import org.harmattan.domain.problem.ProblemCode;
import org.harmattan.service.StoreWork;
import org.harmattan.service.ingest.FileOutcome;
import org.harmattan.service.ingest.IngestService;

/**
 * A drop folder: each file that appears in it is ingested once, then moved to {@code done/} (read,
 * even when some rows went to the quarantine) or {@code failed/} (the file as a whole could not be
 * read), with its report beside it as {@code NAME.report.json}.
 *
 * <p>A file still being written is left for a later run: only regular files not modified for {@code
 * settle} are taken, and names that copy tools use for partial files (starting with a dot, ending
 * in {@code .part}, {@code .tmp}, {@code .crdownload}) are ignored. Files are taken oldest first. A
 * file whose ingest fails for a reason that is not the file's (the store unavailable) stays where
 * it is and the run fails, to be retried. When the watcher stops between the ingest and the move,
 * the next run ingests the file again, which changes nothing in the store (every row is then
 * unchanged) and moves it.
 *
 * @param id the job's id
 * @param every how often the folder is looked at
 * @param folder the folder
 * @param settle how long a file must have been left alone before it is taken
 */
public record DropFolderJob(String id, Duration every, Path folder, Duration settle)
    implements WatchJob {
  public static final String KIND = "drop-folder";

  /** The folder files that were read move to. */
  public static final String DONE = "done";

  /** The folder files that could not be read move to. */
  public static final String FAILED = "failed";

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);

  public DropFolderJob {
    requireNonNull(id, "id");
    requireNonNull(every, "every");
    requireNonNull(folder, "folder");
    requireNonNull(settle, "settle");
  }

  @Override
  public String kind() {
    return KIND;
  }

  @Override
  public Outcome run(StoreWork store, Clock clock) {
    Instant now = clock.instant();
    long done = 0;
    long failed = 0;
    long waiting = 0;
    List<String> lines = new ArrayList<>();
    for (Arrived arrived : listArrived()) {
      Path file = arrived.file();
      if (arrived.modified().plus(settle).isAfter(now)) {
        waiting++;
        continue;
      }
      LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
      FileOutcome outcome =
          store.write(
              s ->
                  new IngestService(s, today)
                      .ingest(file, IngestService.Options.detect(), bytes -> {}));
      boolean read = !(outcome instanceof FileOutcome.Failed);
      moveWithReport(file, read ? DONE : FAILED, outcome, now);
      if (read) {
        done++;
      } else {
        failed++;
        lines.add(file.getFileName() + ": " + ((FileOutcome.Failed) outcome).message());
      }
    }
    Map<String, Long> counts = new LinkedHashMap<>();
    counts.put("ingested", done);
    counts.put("failed", failed);
    counts.put("waiting", waiting);
    String summary =
        String.format(
            Locale.ROOT,
            "%d file%s ingested, %d failed, %d still being written",
            done,
            done == 1 ? "" : "s",
            failed,
            waiting);
    if (!lines.isEmpty()) {
      summary += " (" + String.join("; ", lines) + ")";
    }
    return new Outcome(summary, counts);
  }

  /** A file in the folder, with its modification time read once. */
  record Arrived(Path file, Instant modified) {}

  /** The files waiting in the folder, oldest first: regular files, no partial ones. */
  List<Arrived> listArrived() {
    if (!Files.isDirectory(folder)) {
      throw HarmattanException.userInput(
          ProblemCode.BAD_WATCH_CONFIG,
          "drop folder "
              + folder
              + " of job '"
              + id
              + "' does not exist (create it, or fix the"
              + " job's 'folder')");
    }
    List<Arrived> files = new ArrayList<>();
    try (DirectoryStream<Path> dir = Files.newDirectoryStream(folder)) {
      for (Path p : dir) {
        if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS) && !partial(p)) {
          files.add(new Arrived(p, modified(p)));
        }
      }
    } catch (IOException e) {
      throw HarmattanException.userInput(
          ProblemCode.UNREADABLE_FILE, "cannot list drop folder " + folder + ": " + e.getMessage());
    }
    files.sort(Comparator.comparing(Arrived::modified).thenComparing(a -> a.file().toString()));
    return files;
  }

  private static boolean partial(Path p) {
    String name = p.getFileName().toString().toLowerCase(Locale.ROOT);
    return name.startsWith(".")
        || name.endsWith(".part")
        || name.endsWith(".tmp")
        || name.endsWith(".crdownload");
  }

  private static Instant modified(Path p) {
    try {
      return Files.getLastModifiedTime(p).toInstant();
    } catch (IOException e) {
      // A file removed while the folder is read: the next run no longer sees it.
      return Instant.MAX;
    }
  }

  /**
   * Moves {@code file} into {@code to/} and writes its report beside it; a name already there gets
   * the time of the move added, so that no earlier file or report is overwritten.
   */
  private void moveWithReport(Path file, String to, FileOutcome outcome, Instant now) {
    Path dir = folder.resolve(to);
    String name = file.getFileName().toString();
    try {
      Files.createDirectories(dir);
      Path target = dir.resolve(name);
      if (Files.exists(target) || Files.exists(dir.resolve(name + ".report.json"))) {
        int dot = name.lastIndexOf('.');
        String stamped =
            dot > 0
                ? name.substring(0, dot) + "-" + STAMP.format(now) + name.substring(dot)
                : name + "-" + STAMP.format(now);
        target = dir.resolve(stamped);
      }
      Map<String, Object> report = new LinkedHashMap<>();
      report.put("file", name);
      report.put("movedTo", to + "/" + target.getFileName());
      report.put("at", now.toString());
      report.put("outcome", outcome.toMap());
      Path reportFile = dir.resolve(target.getFileName() + ".report.json");
      JSON.writeValue(reportFile.toFile(), report);
      Files.move(file, target, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw HarmattanException.userInput(
          ProblemCode.CANNOT_WRITE_WATCH_FILES,
          "cannot move " + file + " to " + dir + " after reading it: " + e.getMessage());
    }
  }
}
