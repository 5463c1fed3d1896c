package org.harmattan.ingest;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.LongConsumer;
import org.harmattan.domain.error.ErrorCategory;
import org.harmattan.domain.error.HarmattanException;
import org.harmattan.domain.event.Event;
import org.harmattan.domain.problem.ProblemCode;
import org.harmattan.engine.write.IngestSink;
import org.harmattan.engine.write.LineRange;
import org.harmattan.engine.write.RejectedRow;

/**
 * Runs a read (parsing and mapping) on a worker thread and hands its rows to the calling thread in
 * file order, in batches through a small bounded queue. Parsing the next rows then overlaps with
 * appending the previous ones to the store, which is most of an ingest's time; memory stays bounded
 * by {@link #QUEUED_BATCHES} plus the two batches being filled and delivered.
 *
 * <p>The target sees exactly the calls a sink would: every row, accepted or rejected, in file
 * order, all on the calling thread. A failure of the read is rethrown on the calling thread as it
 * was thrown; a failure of the target stops the read. Either way the worker has ended when {@link
 * #run} returns or throws.
 */
final class ReadAhead {
  /** Rows per batch: DuckDB's vector size, so one batch is about one appender flush. */
  static final int BATCH_ROWS = 2048;

  /** Batches waiting for the target at most. */
  static final int QUEUED_BATCHES = 4;

  private ReadAhead() {}

  /** A read that reports to a sink, such as {@code EventFileReader.read}. */
  @FunctionalInterface
  interface Read {
    ReadSummary read(IngestSink sink, LongConsumer progress);
  }

  /** Receives the rows on the calling thread. */
  interface Target<T> {
    void accepted(T prepared, LineRange lines);

    void rejected(RejectedRow row);
  }

  /**
   * Runs {@code read} on a worker thread.
   *
   * @param prepare applied to each accepted event on the worker thread (work taken off the caller)
   * @param target receives the prepared events and rejected rows, in order, on this thread
   * @param progress receives the bytes read so far, on this thread
   * @return the read's summary
   */
  static <T> ReadSummary run(
      Read read, Function<Event, T> prepare, Target<T> target, LongConsumer progress) {
    requireNonNull(read, "read");
    requireNonNull(prepare, "prepare");
    requireNonNull(target, "target");
    requireNonNull(progress, "progress");
    BlockingQueue<Batch<T>> queue = new ArrayBlockingQueue<>(QUEUED_BATCHES);
    AtomicLong bytesRead = new AtomicLong(-1);
    Thread worker = new Thread(() -> produce(read, prepare, queue, bytesRead), "harmattan-read");
    worker.setDaemon(true);
    worker.start();
    boolean finished = false;
    try {
      long reported = -1;
      while (true) {
        Batch<T> batch = take(queue);
        for (Entry<T> entry : batch.entries) {
          if (entry instanceof Accepted<T> a) {
            target.accepted(a.prepared, a.lines);
          } else if (entry instanceof Rejected<T> r) {
            target.rejected(r.row);
          }
        }
        long bytes = bytesRead.get();
        if (bytes != reported && bytes >= 0) {
          reported = bytes;
          progress.accept(bytes);
        }
        if (batch.failure != null) {
          throw rethrow(batch.failure);
        }
        if (batch.summary != null) {
          finished = true;
          return batch.summary;
        }
      }
    } finally {
      if (!finished) {
        // Stops a worker still reading: its next hand-over (or interruptible file read) fails.
        worker.interrupt();
      }
      joinUninterruptibly(worker);
    }
  }

  private static <T> void produce(
      Read read, Function<Event, T> prepare, BlockingQueue<Batch<T>> queue, AtomicLong bytesRead) {
    BatchingSink<T> sink = new BatchingSink<>(prepare, queue);
    Batch<T> last;
    try {
      ReadSummary summary = read.read(sink, bytesRead::set);
      last = sink.current;
      last.summary = summary;
    } catch (Cancelled e) {
      return;
    } catch (RuntimeException | Error e) {
      // Rows already read are delivered before the failure, as a sink would have seen them.
      last = sink.current;
      last.failure = e;
    }
    try {
      queue.put(last);
    } catch (InterruptedException e) {
      // The caller gave up; nobody waits for this batch.
      Thread.currentThread().interrupt();
    }
  }

  private static <T> Batch<T> take(BlockingQueue<Batch<T>> queue) {
    try {
      return queue.take();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new HarmattanException(
          ErrorCategory.INTERNAL, ProblemCode.INTERRUPTED, "the ingest was interrupted", e);
    }
  }

  private static RuntimeException rethrow(Throwable failure) {
    if (failure instanceof Error e) {
      throw e;
    }
    return (RuntimeException) failure;
  }

  private static void joinUninterruptibly(Thread worker) {
    boolean interrupted = false;
    while (true) {
      try {
        worker.join();
        break;
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  /** Collects the reader's calls into batches and queues each full one. */
  private static final class BatchingSink<T> implements IngestSink {
    private final Function<Event, T> prepare;
    private final BlockingQueue<Batch<T>> queue;
    Batch<T> current = new Batch<>();

    BatchingSink(Function<Event, T> prepare, BlockingQueue<Batch<T>> queue) {
      this.prepare = prepare;
      this.queue = queue;
    }

    @Override
    public void accepted(Event event, LineRange lines) {
      add(new Accepted<>(prepare.apply(event), lines));
    }

    @Override
    public void rejected(RejectedRow row) {
      add(new Rejected<>(row));
    }

    private void add(Entry<T> entry) {
      current.entries.add(entry);
      if (current.entries.size() >= BATCH_ROWS) {
        try {
          queue.put(current);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new Cancelled();
        }
        current = new Batch<>();
      }
    }
  }

  /** A row of a batch: accepted or rejected. */
  private sealed interface Entry<T> permits Accepted, Rejected {}

  /** An accepted row, prepared. */
  private record Accepted<T>(T prepared, LineRange lines) implements Entry<T> {}

  /** A rejected row. */
  private record Rejected<T>(RejectedRow row) implements Entry<T> {}

  /** Rows in file order; the last batch carries the summary or the read's failure. */
  private static final class Batch<T> {
    final List<Entry<T>> entries = new ArrayList<>(BATCH_ROWS);
    ReadSummary summary;
    Throwable failure;
  }

  /** Unwinds the reader when the caller has stopped taking batches. */
  private static final class Cancelled extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Cancelled() {
      super("the ingest stopped taking rows", null, false, false);
    }
  }
}
