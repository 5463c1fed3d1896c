package org.harmattan.engine.memory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.harmattan.engine.series.SeriesOutcome;
import org.harmattan.engine.series.SeriesPoint;
import org.harmattan.engine.series.SeriesWrite;
import org.harmattan.engine.write.FileRef;
import org.harmattan.engine.write.RejectedRow;

/** One series file written to the in-memory store: points collected, stored at commit. */
final class InMemorySeriesWrite implements SeriesWrite {
  private final InMemoryStore store;
  private final FileRef file;
  private final List<SeriesPoint> points = new ArrayList<>();
  private final Set<SeriesKey> keys = new HashSet<>();
  private final List<RejectedRow> rejected = new ArrayList<>();
  private boolean open = true;

  InMemorySeriesWrite(InMemoryStore store, FileRef file) {
    this.store = store;
    this.file = file;
  }

  @Override
  public void accepted(SeriesPoint point) {
    checkOpen();
    SeriesKey key = SeriesKey.of(point);
    if (!keys.add(key)) {
      throw new IllegalArgumentException(
          "a second point for " + key + " in one write of " + file.path());
    }
    points.add(point);
  }

  @Override
  public void rejected(RejectedRow row) {
    checkOpen();
    rejected.add(row);
  }

  @Override
  public SeriesOutcome commit(String dataset, long rowsRead) {
    checkOpen();
    open = false;
    return store.commitSeries(file, dataset, rowsRead, points, rejected, Instant.now());
  }

  private void checkOpen() {
    if (!open) {
      throw file.writeClosed();
    }
  }

  /** Drops what was collected unless it was committed. */
  @Override
  public void close() {
    open = false;
    points.clear();
    rejected.clear();
  }
}
