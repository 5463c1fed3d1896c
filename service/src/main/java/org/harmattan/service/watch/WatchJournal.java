package org.harmattan.service.watch;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.harmattan.domain.error.HarmattanException;
import org.harmattan.domain.problem.ProblemCode;

/**
 * The journal of a watch: one JSON line per job run, appended as each run ends, so that every run
 * (and every failure) can be read afterwards; and the lock beside it ({@code JOURNAL.lock}) that
 * keeps a second watcher of the same configuration from running beside the first.
 */
public final class WatchJournal implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path file;
  private final FileChannel lockChannel;
  private final FileLock lock;

  private WatchJournal(Path file, FileChannel lockChannel, FileLock lock) {
    this.file = file;
    this.lockChannel = lockChannel;
    this.lock = lock;
  }

  /**
   * Opens the journal and takes its lock.
   *
   * @throws HarmattanException {@code watch_busy} when another watcher holds the lock
   */
  public static WatchJournal open(Path file) {
    requireNonNull(file, "file");
    Path lockFile = file.resolveSibling(file.getFileName() + ".lock");
    FileChannel channel = null;
    try {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      FileLock lock;
      try {
        lock = channel.tryLock();
      } catch (OverlappingFileLockException e) {
        lock = null;
      }
      if (lock == null) {
        channel.close();
        throw HarmattanException.userInput(
            ProblemCode.WATCH_BUSY,
            "another watcher already runs with the journal "
                + file
                + " (it holds "
                + lockFile
                + "); stop it first, or give this one its own journal");
      }
      return new WatchJournal(file, channel, lock);
    } catch (IOException e) {
      closeQuietly(channel);
      throw HarmattanException.userInput(
          ProblemCode.CANNOT_WRITE_WATCH_FILES,
          "cannot open the watch journal " + file + ": " + e.getMessage());
    }
  }

  /** The journal file. */
  public Path file() {
    return file;
  }

  /** Appends one run. */
  public void append(JobRun run) {
    try {
      String line = JSON.writeValueAsString(run.toMap()) + "\n";
      Files.writeString(
          file, line, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw HarmattanException.userInput(
          ProblemCode.CANNOT_WRITE_WATCH_FILES,
          "cannot write the watch journal " + file + ": " + e.getMessage());
    }
  }

  /** The runs recorded, oldest first, as their journal entries. */
  public static List<Map<String, Object>> list(Path file) {
    List<Map<String, Object>> out = new ArrayList<>();
    if (!Files.exists(file)) {
      return out;
    }
    try {
      for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
        if (!line.isBlank()) {
          @SuppressWarnings("unchecked")
          Map<String, Object> m = JSON.readValue(line, Map.class);
          out.add(m);
        }
      }
    } catch (IOException e) {
      throw HarmattanException.userInput(
          ProblemCode.UNREADABLE_FILE,
          "cannot read the watch journal " + file + ": " + e.getMessage());
    }
    return out;
  }

  @Override
  public void close() {
    try {
      lock.release();
    } catch (IOException e) {
      // Closing the channel releases the lock as well.
    }
    closeQuietly(lockChannel);
  }

  private static void closeQuietly(FileChannel c) {
    if (c == null) {
      return;
    }
    try {
      c.close();
    } catch (IOException e) {
      // Nothing more to release.
    }
  }
}
