package org.harmattan.service.watch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.harmattan.alerts.deliver.RetryPolicy;
import org.harmattan.domain.error.HarmattanException;
import org.harmattan.domain.problem.ProblemCode;
import org.harmattan.service.StoreWork;
import org.harmattan.testsupport.MovingClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The schedule, retries and journal of a watch, on a clock the test moves. */
class WatcherTest {
  private static final Instant START = Instant.parse("2026-12-03T10:00:00Z");
  private static final RetryPolicy RETRY =
      new RetryPolicy(3, Duration.ofMinutes(1), Duration.ofMinutes(30));

  @TempDir Path dir;

  private final MovingClock clock = new MovingClock(START);
  private final List<Duration> waits = new ArrayList<>();
  private final List<JobRun> told = new ArrayList<>();

  /** A job that fails its first {@code failures} attempts, then says which attempt it was. */
  private static class Flaky implements WatchJob {
    private final String id;
    private final Duration every;
    private final Duration takes;
    private final MovingClock clock;
    private int failures;
    final List<Instant> startedAt = new ArrayList<>();

    Flaky(String id, Duration every, int failures, Duration takes, MovingClock clock) {
      this.id = id;
      this.every = every;
      this.failures = failures;
      this.takes = takes;
      this.clock = clock;
    }

    @Override
    public String id() {
      return id;
    }

    @Override
    public String kind() {
      return "test";
    }

    @Override
    public Duration every() {
      return every;
    }

    @Override
    public Outcome run(StoreWork store, Clock c) {
      startedAt.add(c.instant());
      clock.advance(takes);
      if (failures > 0) {
        failures--;
        throw HarmattanException.userInput(ProblemCode.FILE_NOT_FOUND, "source down");
      }
      return new Outcome("run " + startedAt.size(), Map.of("runs", (long) startedAt.size()));
    }
  }

  /** A waiter that moves the clock instead of sleeping, and stops the watcher at {@code until}. */
  private Watcher watcher(List<WatchJob> jobs, WatchJournal journal, Instant until) {
    Watcher[] self = new Watcher[1];
    Watcher.Waiter waiter =
        (d, stop) -> {
          waits.add(d);
          if (clock.instant().plus(d).isAfter(until)) {
            self[0].stop();
            return true;
          }
          clock.advance(d);
          return false;
        };
    self[0] = new Watcher(jobs, StoreWork.of(null), clock, waiter, RETRY, journal, told::add);
    return self[0];
  }

  @Test
  void aFailingRunIsRetriedWithBackOffAndEveryAttemptIsJournaled() throws Exception {
    Flaky twice = new Flaky("sync", Duration.ofHours(1), 2, Duration.ofSeconds(5), clock);
    try (WatchJournal journal = WatchJournal.open(dir.resolve("w.journal.jsonl"))) {
      List<JobRun> runs =
          watcher(List.of(twice), journal, START.plus(Duration.ofDays(1))).runOnce();

      assertThat(runs).hasSize(1);
      JobRun run = runs.get(0);
      assertThat(run.ok()).isTrue();
      assertThat(run.attempts()).isEqualTo(3);
      assertThat(run.errors())
          .containsExactly("file_not_found: source down", "file_not_found: source down");
      // 1 min after the first failure, 2 min after the second; each attempt took 5 s.
      assertThat(waits).containsExactly(Duration.ofMinutes(1), Duration.ofMinutes(2));
      assertThat(twice.startedAt)
          .containsExactly(START, START.plusSeconds(5 + 60), START.plusSeconds(5 + 60 + 5 + 120));
      assertThat(run.startedAt()).isEqualTo(START);
      assertThat(run.finishedAt()).isEqualTo(START.plusSeconds(195));
    }
    List<Map<String, Object>> entries = WatchJournal.list(dir.resolve("w.journal.jsonl"));
    assertThat(entries).hasSize(1);
    assertThat(entries.get(0))
        .containsEntry("job", "sync")
        .containsEntry("outcome", "ok")
        .containsEntry("attempts", 3)
        .containsEntry("summary", "run 3");
  }

  @Test
  void aRunThatFailsEveryAttemptIsReportedNotSkipped() throws Exception {
    Flaky down = new Flaky("sync", Duration.ofHours(1), 99, Duration.ZERO, clock);
    try (WatchJournal journal = WatchJournal.open(dir.resolve("w.journal.jsonl"))) {
      List<JobRun> runs = watcher(List.of(down), journal, START.plus(Duration.ofDays(1))).runOnce();

      assertThat(runs.get(0).ok()).isFalse();
      assertThat(runs.get(0).attempts()).isEqualTo(3);
      assertThat(runs.get(0).summary()).isEqualTo("file_not_found: source down");
    }
    assertThat(told).hasSize(1);
    assertThat(WatchJournal.list(dir.resolve("w.journal.jsonl")).get(0))
        .containsEntry("outcome", "failed")
        .containsEntry("attempts", 3);
  }

  @Test
  void jobsRunOnTheirScheduleOneAtATimeAndALongRunDelaysInsteadOfPilingUp() throws Exception {
    // Hourly and every 20 min, for 2 h: the hourly job at 10:00, 11:00 and 12:00. The 20-minute
    // one takes 45 min on its second run (10:20-11:05), so its slots of 10:40 and 11:00 collapse
    // into the next one, 11:20.
    Flaky hourly = new Flaky("hourly", Duration.ofHours(1), 0, Duration.ZERO, clock);
    Flaky often =
        new Flaky("often", Duration.ofMinutes(20), 0, Duration.ZERO, clock) {
          @Override
          public Outcome run(StoreWork store, Clock c) {
            Outcome o = super.run(store, c);
            if (startedAt.size() == 2) {
              clock.advance(Duration.ofMinutes(45));
            }
            return o;
          }
        };
    watcher(List.of(hourly, often), null, START.plus(Duration.ofHours(2))).runUntilStopped();

    assertThat(hourly.startedAt)
        .containsExactly(START, Instant.parse("2026-12-03T11:05:00Z"), START.plusSeconds(7200));
    assertThat(often.startedAt)
        .containsExactly(
            START,
            Instant.parse("2026-12-03T10:20:00Z"),
            Instant.parse("2026-12-03T11:20:00Z"),
            Instant.parse("2026-12-03T11:40:00Z"),
            Instant.parse("2026-12-03T12:00:00Z"));
    assertThat(told).extracting(JobRun::ok).containsOnly(true);
  }

  @Test
  void theNextSlotSkipsTheSlotsALongRunCovered() {
    Instant due = Instant.parse("2026-12-03T10:00:00Z");
    Duration h = Duration.ofHours(1);
    assertThat(Watcher.nextSlot(due, h, Instant.parse("2026-12-03T10:10:00Z")))
        .isEqualTo(Instant.parse("2026-12-03T11:00:00Z"));
    assertThat(Watcher.nextSlot(due, h, Instant.parse("2026-12-03T11:00:00Z")))
        .isEqualTo(Instant.parse("2026-12-03T12:00:00Z"));
    assertThat(Watcher.nextSlot(due, h, Instant.parse("2026-12-03T13:30:00Z")))
        .isEqualTo(Instant.parse("2026-12-03T14:00:00Z"));
  }

  @Test
  void aSecondWatcherOfTheSameJournalIsRefused() {
    Path journal = dir.resolve("w.journal.jsonl");
    try (WatchJournal first = WatchJournal.open(journal)) {
      assertThat(first.file()).isEqualTo(journal);
      assertThatThrownBy(() -> WatchJournal.open(journal))
          .isInstanceOf(HarmattanException.class)
          .hasMessageContaining("another watcher already runs")
          .extracting(e -> ((HarmattanException) e).code())
          .isEqualTo("watch_busy");
    }
    // Released when the first closes.
    WatchJournal.open(journal).close();
  }
}
