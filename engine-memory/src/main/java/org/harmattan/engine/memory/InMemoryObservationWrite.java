package org.harmattan.engine.memory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import org.harmattan.engine.write.FileRef;
import org.harmattan.engine.write.ObservationOutcome;
import org.harmattan.engine.write.ObservationRow;
import org.harmattan.engine.write.ObservationWrite;
import org.harmattan.engine.write.RejectedRow;

/** One humanitarian file written to the in-memory store: rows collected, stored at commit. */
final class InMemoryObservationWrite implements ObservationWrite {
  private final InMemoryStore store;
  private final FileRef file;
  private final boolean logged;
  private InMemoryStore.Kept kept;
  private final List<ObservationRow> rows = new ArrayList<>();
  private final List<RejectedRow> rejected = new ArrayList<>();
  private boolean open = true;

  InMemoryObservationWrite(InMemoryStore store, FileRef file, boolean logged) {
    this.store = store;
    this.file = file;
    this.logged = logged;
  }

  @Override
  public void keep(byte[] content, OptionalInt year, String reference) {
    checkOpen();
    kept = InMemoryStore.kept(file, content, year, reference);
  }

  @Override
  public void accepted(ObservationRow row) {
    checkOpen();
    rows.add(row);
  }

  @Override
  public void rejected(RejectedRow row) {
    checkOpen();
    rejected.add(row);
  }

  @Override
  public ObservationOutcome commit(String dataset, long rowsRead) {
    checkOpen();
    open = false;
    return store.commitObservations(
        file, dataset, rowsRead, rows, rejected, kept, logged, Instant.now());
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
    rows.clear();
    rejected.clear();
  }
}
