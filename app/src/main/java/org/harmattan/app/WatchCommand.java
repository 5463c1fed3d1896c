package org.harmattan.app;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.harmattan.engine.Store;
import org.harmattan.reference.profile.CountryProfiles;
import org.harmattan.service.StoreWork;
import org.harmattan.service.watch.JobRun;
import org.harmattan.service.watch.WatchConfig;
import org.harmattan.service.watch.WatchJournal;
import org.harmattan.service.watch.Watcher;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code harmattan watch CONFIG}: runs the jobs of a watch configuration on their schedule. */
@Command(
    name = "watch",
    mixinStandardHelpOptions = true,
    description = {
      "Run the jobs of a watch configuration (a drop folder, alert rules) on their schedule, one"
          + " at a time, each failure retried and every run written to the journal.",
      "Ctrl-C stops it after the job in flight; started again, it resumes from the store."
    })
final class WatchCommand implements Callable<Integer> {
  private static final ObjectMapper LINES = new ObjectMapper();

  @Mixin StoreOptions options;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(paramLabel = "CONFIG", description = "Watch configuration (YAML; see the README).")
  Path config;

  @Option(
      names = "--once",
      description = "Run every job once, in order, and exit (1 when a job failed).")
  boolean once;

  @Override
  public Integer call() throws InterruptedException {
    WatchConfig c = WatchConfig.read(config, CountryProfiles.shipped());
    PrintWriter out = spec.commandLine().getOut();
    // Counted down once the store is closed: a Ctrl-C waits for it, so the job in flight ends and
    // the store is closed cleanly before the process exits.
    CountDownLatch finished = new CountDownLatch(1);
    try (WatchJournal journal = WatchJournal.open(c.journal());
        Store store = options.open()) {
      Watcher watcher =
          new Watcher(
              c.jobs(),
              StoreWork.of(store),
              Clock.systemUTC(),
              Watcher.Waiter.system(),
              c.retry(),
              journal,
              run -> print(out, run));
      if (once) {
        List<JobRun> runs = watcher.runOnce();
        return runs.stream().allMatch(JobRun::ok) ? 0 : 1;
      }
      out.printf(
          Locale.ROOT,
          "Watching with %d job%s (journal %s); Ctrl-C stops it.%n",
          c.jobs().size(),
          c.jobs().size() == 1 ? "" : "s",
          journal.file());
      out.flush();
      Thread hook =
          new Thread(
              () -> {
                watcher.stop();
                try {
                  finished.await();
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                }
              },
              "harmattan-watch-stop");
      Runtime.getRuntime().addShutdownHook(hook);
      watcher.runUntilStopped();
      return 0;
    } finally {
      finished.countDown();
    }
  }

  private void print(PrintWriter out, JobRun run) {
    if (options.json) {
      // One line per run (JSON Lines), as the journal holds them, so a script can read as it goes.
      try {
        out.println(LINES.writeValueAsString(run.toMap()));
      } catch (JsonProcessingException e) {
        throw new IllegalStateException("a job run that is not JSON: " + run, e);
      }
    } else {
      out.printf(
          Locale.ROOT,
          "%s  %-12s %-6s %s%s%n",
          run.finishedAt(),
          run.job(),
          run.ok() ? "ok" : "FAILED",
          run.summary(),
          run.attempts() > 1 ? " (after " + run.attempts() + " attempts)" : "");
    }
    out.flush();
  }
}
