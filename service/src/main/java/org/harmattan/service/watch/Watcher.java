package org.harmattan.service.watch;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.harmattan.alerts.deliver.RetryPolicy;
import org.harmattan.domain.error.HarmattanException;
import org.harmattan.service.StoreWork;

/**
 * Runs the jobs of a watch on their schedule.
 *
 * <p><b>One at a time.</b> Jobs run one after the other on the watcher's thread, in the order of
 * the configuration, so two runs never overlap; a second watcher of the same journal is refused
 * ({@link WatchJournal#open}). <b>Never silently skipped.</b> A run that fails is retried with
 * back-off ({@link RetryPolicy}); each run, failed or not, goes to the journal and to the listener
 * (the log). A run that takes longer than its job's interval delays the next one instead of piling
 * up: the slots it covered collapse into one run, which catches up, since every job works from the
 * state of the store and its folders (an ACLED sync from the latest change the store holds, the
 * rules from the last day each was evaluated, the drop folder from the files in it).
 * <b>Restart.</b> A watcher keeps no state of its own: started again, it runs every job at once and
 * resumes where the store says.
 */
public final class Watcher {
  private final List<WatchJob> jobs;
  private final StoreWork store;
  private final Clock clock;
  private final Waiter waiter;
  private final RetryPolicy retry;
  private final WatchJournal journal;
  private final Consumer<JobRun> listener;
  private final CountDownLatch stopped = new CountDownLatch(1);

  /**
   * Waits until a time or until the watcher is stopped, whichever comes first.
   *
   * <p>The system one waits on the stop signal; a test's one moves its clock instead.
   */
  @FunctionalInterface
  public interface Waiter {
    /**
     * Waits {@code duration} or until {@code stop} is counted down.
     *
     * @return true when stopped
     */
    boolean await(Duration duration, CountDownLatch stop) throws InterruptedException;

    /** Waits on the stop signal for at most {@code duration}. */
    static Waiter system() {
      return (d, stop) -> stop.await(Math.max(0, d.toMillis()), TimeUnit.MILLISECONDS);
    }
  }

  /**
   * @param jobs the jobs, in the configuration's order (ids unique)
   * @param store how jobs reach the store
   * @param clock the time
   * @param waiter how the watcher waits for the next job and between retries
   * @param retry attempts per run and the waits between them
   * @param journal where each run is written, or null for none
   * @param listener told of each run as it ends (the log)
   */
  public Watcher(
      List<WatchJob> jobs,
      StoreWork store,
      Clock clock,
      Waiter waiter,
      RetryPolicy retry,
      WatchJournal journal,
      Consumer<JobRun> listener) {
    this.jobs = List.copyOf(jobs);
    this.store = requireNonNull(store, "store");
    this.clock = requireNonNull(clock, "clock");
    this.waiter = requireNonNull(waiter, "waiter");
    this.retry = requireNonNull(retry, "retry");
    this.journal = journal;
    this.listener = requireNonNull(listener, "listener");
    if (this.jobs.stream().map(WatchJob::id).distinct().count() != this.jobs.size()) {
      throw new IllegalArgumentException("job ids must be unique");
    }
  }

  /** Runs every job once, in order (each retried on failure); what {@code watch --once} does. */
  public List<JobRun> runOnce() throws InterruptedException {
    List<JobRun> runs = new ArrayList<>();
    for (WatchJob job : jobs) {
      if (isStopped()) {
        break;
      }
      runs.add(run(job));
    }
    return runs;
  }

  /**
   * Runs the jobs when they are due until {@link #stop}: every job at once, then each every its
   * interval. A job in flight when the watcher is stopped finishes first.
   */
  public void runUntilStopped() throws InterruptedException {
    Map<WatchJob, Instant> due = new LinkedHashMap<>();
    Instant start = clock.instant();
    jobs.forEach(j -> due.put(j, start));
    while (!isStopped() && !jobs.isEmpty()) {
      Instant next = due.values().stream().min(Instant::compareTo).orElseThrow();
      Duration wait = Duration.between(clock.instant(), next);
      if (!wait.isNegative() && !wait.isZero() && waiter.await(wait, stopped)) {
        return;
      }
      for (WatchJob job : jobs) {
        if (isStopped()) {
          return;
        }
        Instant at = due.get(job);
        if (!at.isAfter(clock.instant())) {
          run(job);
          due.put(job, nextSlot(at, job.every(), clock.instant()));
        }
      }
    }
  }

  /** Asks the watcher to stop after the job in flight; returns at once. */
  public void stop() {
    stopped.countDown();
  }

  /** Whether {@link #stop} was called. */
  public boolean isStopped() {
    return stopped.getCount() == 0;
  }

  /** The first slot of the job's schedule after {@code now}: missed slots collapse into one run. */
  static Instant nextSlot(Instant due, Duration every, Instant now) {
    Instant next = due.plus(every);
    if (!next.isAfter(now)) {
      long missed = Duration.between(next, now).dividedBy(every) + 1;
      next = next.plus(every.multipliedBy(missed));
    }
    return next;
  }

  /** Runs one job with its retries, and records the run. */
  JobRun run(WatchJob job) throws InterruptedException {
    Instant started = clock.instant();
    List<String> errors = new ArrayList<>();
    for (int attempt = 1; ; attempt++) {
      try {
        WatchJob.Outcome o = job.run(store, clock);
        return record(job, started, attempt, true, o.summary(), o.counts(), errors);
      } catch (HarmattanException e) {
        errors.add(e.code() + ": " + e.getMessage());
      } catch (RuntimeException e) {
        // A fault of the code, not of the inputs: kept in the journal like any failure, so that a
        // watcher does not die of one job.
        errors.add("internal: " + e);
      }
      String last = errors.get(errors.size() - 1);
      if (attempt >= retry.maxAttempts() || isStopped()) {
        return record(job, started, attempt, false, last, Map.of(), errors);
      }
      if (waiter.await(retry.delayAfter(attempt), stopped)) {
        return record(
            job, started, attempt, false, "stopped before retrying: " + last, Map.of(), errors);
      }
    }
  }

  private JobRun record(
      WatchJob job,
      Instant started,
      int attempts,
      boolean ok,
      String summary,
      Map<String, Long> counts,
      List<String> errors) {
    JobRun run =
        new JobRun(
            job.id(), job.kind(), started, clock.instant(), attempts, ok, summary, counts, errors);
    if (journal != null) {
      journal.append(run);
    }
    listener.accept(run);
    return run;
  }
}
