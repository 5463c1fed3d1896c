package org.harmattan.engine.memory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.harmattan.engine.write.FileRef;
import org.harmattan.engine.write.FileRows;
import org.harmattan.engine.write.FileWrite;
import org.harmattan.engine.write.LineRange;
import org.harmattan.engine.write.RawText;
import org.harmattan.engine.write.RejectedRow;
import org.harmattan.engine.write.Revisions;
import org.harmattan.engine.write.StagedEvent;
import org.harmattan.engine.write.WriteOutcome;

/**
 * One file's events written to the in-memory store: rows are collected, and at commit each repeated
 * id is resolved by {@link Revisions#resolveRepeats} and each resulting version compared with the
 * stored one by {@link Revisions#replaces}.
 */
final class InMemoryEventWrite implements FileWrite {
  private final InMemoryStore store;
  private final FileRef file;
  private final Instant now = Instant.now();
  private final FileRows rows;
  private final List<RejectedRow> rejected = new ArrayList<>();
  private boolean open = true;

  InMemoryEventWrite(InMemoryStore store, FileRef file) {
    this.store = store;
    this.file = file;
    this.rows = new FileRows(file);
  }

  @Override
  public void accepted(StagedEvent event, LineRange lines) {
    checkOpen();
    rows.add(event, lines);
  }

  @Override
  public void rejected(RejectedRow row) {
    checkOpen();
    rejected.add(row);
  }

  @Override
  public WriteOutcome commit(String format, long rowsRead, RawText raw) {
    checkOpen();
    open = false;
    FileRows.Resolved resolved = rows.resolve(raw);
    List<StoredEvent> versions = new ArrayList<>(resolved.versions().size());
    for (StagedEvent s : resolved.versions()) {
      versions.add(StoredEvent.of(s.event(), s.actors(), s.contentHash()));
    }
    List<RejectedRow> quarantined = new ArrayList<>(rejected);
    quarantined.addAll(resolved.conflicts());
    return store.commitEvents(
        file, format, rowsRead, versions, resolved.merged(), quarantined, now);
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
