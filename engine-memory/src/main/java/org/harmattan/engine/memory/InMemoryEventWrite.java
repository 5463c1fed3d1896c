package org.harmattan.engine.memory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.harmattan.domain.error.ErrorCategory;
import org.harmattan.domain.error.HarmattanException;
import org.harmattan.domain.problem.ProblemCode;
import org.harmattan.engine.write.FileRef;
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
  private final List<Row> rows = new ArrayList<>();
  private final List<RejectedRow> rejected = new ArrayList<>();
  private boolean open = true;

  /** An accepted row and the lines it spans. */
  private record Row(StagedEvent staged, LineRange lines) {}

  InMemoryEventWrite(InMemoryStore store, FileRef file) {
    this.store = store;
    this.file = file;
  }

  @Override
  public void accepted(StagedEvent event, LineRange lines) {
    checkOpen();
    rows.add(new Row(event, lines));
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
    // The rows of each event id, in line order.
    Map<String, List<Row>> byId = new LinkedHashMap<>();
    for (Row row : rows) {
      byId.computeIfAbsent(row.staged().event().id(), id -> new ArrayList<>()).add(row);
    }
    // One version per id; the rows that conflict with it, and the line of the row kept.
    List<StoredEvent> versions = new ArrayList<>();
    long merged = 0;
    Map<Row, Long> conflicts = new LinkedHashMap<>();
    for (List<Row> group : byId.values()) {
      group.sort(Comparator.comparingLong(r -> r.lines().first()));
      if (group.size() == 1) {
        StagedEvent s = group.get(0).staged();
        versions.add(StoredEvent.of(s.event(), s.actors(), s.contentHash()));
        continue;
      }
      // A file's records never share a first line: it names a row among its id's.
      Map<Long, Row> byLine = new HashMap<>();
      List<Revisions.Repeat> repeats = new ArrayList<>();
      for (Row row : group) {
        byLine.put(row.lines().first(), row);
        StagedEvent s = row.staged();
        repeats.add(
            new Revisions.Repeat(
                row.lines(), s.coreHash(), s.event().provenance().sourceTimestamp(), s.actors()));
      }
      Revisions.Resolution resolution = Revisions.resolveRepeats(repeats);
      merged += resolution.merged();
      Row kept = byLine.get(resolution.kept().lines().first());
      versions.add(
          StoredEvent.of(kept.staged().event(), resolution.actors(), resolution.contentHash()));
      for (Revisions.Repeat conflict : resolution.conflicts()) {
        conflicts.put(byLine.get(conflict.lines().first()), kept.lines().first());
      }
    }
    List<RejectedRow> quarantined = new ArrayList<>(rejected);
    List<LineRange> ranges = new ArrayList<>();
    for (Row row : conflicts.keySet()) {
      ranges.add(row.lines());
    }
    Map<Long, String> text = conflicts.isEmpty() ? Map.of() : raw.lines(ranges);
    for (Map.Entry<Row, Long> c : conflicts.entrySet()) {
      long line = c.getKey().lines().first();
      quarantined.add(
          new RejectedRow(
              file.dataset(),
              file.path(),
              file.sha256(),
              line,
              List.of(
                  Revisions.conflict(c.getKey().staged().event().sourceEventId(), c.getValue())),
              text.getOrDefault(line, "")));
    }
    return store.commitEvents(file, format, rowsRead, versions, merged, quarantined, now);
  }

  private void checkOpen() {
    if (!open) {
      throw new HarmattanException(
          ErrorCategory.INTERNAL,
          ProblemCode.WRITE_CLOSED,
          "the write of " + file.path() + " was already committed or closed");
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
