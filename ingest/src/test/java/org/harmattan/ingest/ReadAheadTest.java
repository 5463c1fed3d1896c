package org.harmattan.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import org.harmattan.domain.error.HarmattanException;
import org.harmattan.domain.event.Event;
import org.harmattan.domain.problem.ProblemCode;
import org.harmattan.engine.write.IngestSink;
import org.harmattan.engine.write.LineRange;
import org.harmattan.engine.write.RejectedRow;
import org.harmattan.ingest.row.RowContext;
import org.harmattan.testsupport.acled.AcledCsv;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class ReadAheadTest {
  private static final LocalDate TODAY = LocalDate.of(2026, 11, 26);

  /** Rows that fill several batches. */
  private static final int ROWS = ReadAhead.BATCH_ROWS * 3 + 17;

  @TempDir Path dir;

  /**
   * An ACLED file of {@link #ROWS} events; every 500th has a bad date (quarantined), every 300th a
   * note over two lines, so line numbers drift from row numbers.
   */
  private Path file() throws IOException {
    StringBuilder sb = new StringBuilder(AcledCsv.HEADER).append('\n');
    for (int i = 1; i <= ROWS; i++) {
      String date = i % 500 == 0 ? "2025-02-30" : "2025-05-10";
      String notes =
          i % 300 == 0 ? "\"Soldiers killed\ncivilians.\"" : "Soldiers killed civilians.";
      sb.append("MLI")
          .append(i)
          .append(',')
          .append(date)
          .append(",2025,1,Political violence,Violence against civilians,Attack,")
          .append("Military Forces of Mali (2021-),,1,Civilians (Mali),,7,17,Civilian targeting,")
          .append("466,Western Africa,Mali,Segou,Macina,Kolongo,Kolongo,13.95,-5.33,2,")
          .append("Local source,Subnational,")
          .append(notes)
          .append(",3,,1747000000\n");
    }
    Path p = dir.resolve("many.csv");
    Files.writeString(p, sb.toString(), StandardCharsets.UTF_8);
    return p;
  }

  private static ReadAhead.Read reading(SourceFile file) {
    RowContext context = new RowContext(file.dataset(), file.sha256(), Instant.EPOCH);
    return (sink, progress) ->
        new EventFileReader(TODAY)
            .read(file, Optional.<SourceFormat>empty(), context, sink, progress);
  }

  /** What a sink or target was handed, in order. */
  private static final class Recorder implements IngestSink, ReadAhead.Target<Event> {
    final List<String> calls = new ArrayList<>();
    final List<Thread> threads = new ArrayList<>();

    @Override
    public void accepted(Event event, LineRange lines) {
      calls.add("accepted " + event.sourceEventId() + " " + lines);
      threads.add(Thread.currentThread());
    }

    @Override
    public void rejected(RejectedRow row) {
      calls.add("rejected " + row.lineNumber() + " " + row.problems() + " " + row.raw());
      threads.add(Thread.currentThread());
    }
  }

  @Test
  void handsOverEveryRowInFileOrderWithItsLinesAsADirectReadDoes() throws Exception {
    SourceFile file = SourceFile.inspect(file());
    Recorder direct = new Recorder();
    ReadSummary expected = reading(file).read(direct, b -> {});
    Recorder ahead = new Recorder();
    List<Thread> progressThreads = new ArrayList<>();

    ReadSummary summary =
        ReadAhead.run(
            reading(file),
            Function.identity(),
            ahead,
            b -> progressThreads.add(Thread.currentThread()));

    assertThat(summary).isEqualTo(expected);
    assertThat(summary.rejected()).isEqualTo(ROWS / 500);
    assertThat(ahead.calls).hasSize(ROWS).isEqualTo(direct.calls);
    // Rejected rows come in file order, not held back to the end: row 500 is the first.
    assertThat(ahead.calls.get(499)).startsWith("rejected");
    assertThat(ahead.calls.get(498)).startsWith("accepted MLI499 ");
    assertThat(ahead.threads).containsOnly(Thread.currentThread());
    assertThat(progressThreads).containsOnly(Thread.currentThread());
  }

  @Test
  void aFailingReadIsRethrownAsItWasAfterTheRowsReadBeforeIt() throws Exception {
    List<Event> events = new ArrayList<>();
    reading(SourceFile.inspect(file())).read(collect(events), b -> {});
    HarmattanException boom =
        HarmattanException.sourceData(ProblemCode.UNREADABLE_FILE, "disk gone");
    Recorder target = new Recorder();

    assertThatThrownBy(
            () ->
                ReadAhead.run(
                    (sink, progress) -> {
                      for (int i = 0; i < 3000; i++) {
                        sink.accepted(events.get(i), new LineRange(i + 2, i + 2));
                      }
                      throw boom;
                    },
                    Function.identity(),
                    target,
                    b -> {}))
        .isSameAs(boom);
    assertThat(target.calls).hasSize(3000);
    assertThat(target.calls.get(2999))
        .isEqualTo(
            "accepted " + events.get(2999).sourceEventId() + " " + new LineRange(3001, 3001));
  }

  @Test
  @Timeout(20)
  void aFailingTargetStopsTheReadAndIsRethrown() throws Exception {
    List<Event> events = new ArrayList<>();
    reading(SourceFile.inspect(file())).read(collect(events), b -> {});
    AtomicBoolean readEnded = new AtomicBoolean();
    IllegalStateException appendFailed = new IllegalStateException("appender failed");
    int[] taken = {0};

    // The read never ends on its own: only the target's failure can stop it.
    assertThatThrownBy(
            () ->
                ReadAhead.run(
                    (sink, progress) -> {
                      try {
                        for (long i = 0; ; i++) {
                          sink.accepted(
                              events.get((int) (i % events.size())), new LineRange(i + 1, i + 1));
                        }
                      } finally {
                        readEnded.set(true);
                      }
                    },
                    Function.identity(),
                    new ReadAhead.Target<Event>() {
                      @Override
                      public void accepted(Event prepared, LineRange lines) {
                        if (++taken[0] == 5000) {
                          throw appendFailed;
                        }
                      }

                      @Override
                      public void rejected(RejectedRow row) {}
                    },
                    b -> {}))
        .isSameAs(appendFailed);
    assertThat(readEnded).isTrue();
  }

  private static IngestSink collect(List<Event> events) {
    return new IngestSink() {
      @Override
      public void accepted(Event event, LineRange lines) {
        events.add(event);
      }

      @Override
      public void rejected(RejectedRow row) {}
    };
  }
}
