package org.harmattan.engine.spark;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.harmattan.domain.error.HarmattanException;
import org.harmattan.engine.write.FileRef;
import org.harmattan.engine.write.FileRows;
import org.harmattan.engine.write.FileWrite;
import org.harmattan.engine.write.LineRange;
import org.harmattan.engine.write.RawText;
import org.harmattan.engine.write.RejectedRow;
import org.harmattan.engine.write.StagedEvent;
import org.harmattan.engine.write.WriteOutcome;

/**
 * One file's events written to a Spark store: rows are collected in the driver and, at commit,
 * resolved to one version per id ({@link FileRows}) and stored in one commit ({@link
 * SparkStore#commitEvents}). Nothing reaches the warehouse before the commit.
 */
final class SparkFileWrite implements FileWrite {
  private final SparkStore store;
  private final FileRef file;
  private final Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
  private final FileRows rows;
  private final List<RejectedRow> rejected = new ArrayList<>();
  private boolean open = true;

  SparkFileWrite(SparkStore store, FileRef file) {
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
    try {
      return store.commitEvents(file, format, rowsRead, rows.resolve(raw), rejected, now);
    } catch (HarmattanException e) {
      throw e;
    } catch (RuntimeException e) {
      throw Warehouse.failure("storing " + file.path() + " in the Spark warehouse", e);
    } finally {
      rows.clear();
      rejected.clear();
    }
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
