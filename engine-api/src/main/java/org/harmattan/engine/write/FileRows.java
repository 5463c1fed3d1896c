package org.harmattan.engine.write;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The accepted rows of one file, collected in memory and resolved to one version per event id by
 * {@link Revisions#resolveRepeats}: the way an engine that stages a file in the JVM (the reference
 * engine, the Spark engine's driver) turns a file's rows into the versions it compares with the
 * stored ones.
 */
public final class FileRows {
  private final FileRef file;
  private final List<Row> rows = new ArrayList<>();

  /** An accepted row and the lines it spans. */
  private record Row(StagedEvent staged, LineRange lines) {}

  /**
   * What the rows of a file come to.
   *
   * @param versions one version per event id, in the order ids first appear: a repeated id's kept
   *     row with its resolved actors and fingerprint
   * @param merged rows folded into another row of the same event (monadic rows)
   * @param conflicts rows of a repeated id that conflict with the kept one, for the quarantine
   */
  public record Resolved(List<StagedEvent> versions, long merged, List<RejectedRow> conflicts) {
    public Resolved {
      versions = List.copyOf(versions);
      conflicts = List.copyOf(conflicts);
    }
  }

  public FileRows(FileRef file) {
    this.file = requireNonNull(file, "file");
  }

  public void add(StagedEvent staged, LineRange lines) {
    rows.add(new Row(requireNonNull(staged, "staged"), requireNonNull(lines, "lines")));
  }

  public void clear() {
    rows.clear();
  }

  /** Resolves the rows; {@code raw} gives the text of conflicting rows for the quarantine. */
  public Resolved resolve(RawText raw) {
    Map<String, List<Row>> byId = new LinkedHashMap<>();
    for (Row row : rows) {
      byId.computeIfAbsent(row.staged().event().id(), id -> new ArrayList<>()).add(row);
    }
    List<StagedEvent> versions = new ArrayList<>(byId.size());
    long merged = 0;
    Map<Row, Long> conflicts = new LinkedHashMap<>();
    for (List<Row> group : byId.values()) {
      if (group.size() == 1) {
        versions.add(group.get(0).staged());
        continue;
      }
      group.sort(Comparator.comparingLong(r -> r.lines().first()));
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
      StagedEvent k = kept.staged();
      versions.add(
          new StagedEvent(k.event(), resolution.actors(), k.coreHash(), resolution.contentHash()));
      for (Revisions.Repeat conflict : resolution.conflicts()) {
        conflicts.put(byLine.get(conflict.lines().first()), kept.lines().first());
      }
    }
    List<RejectedRow> quarantined = new ArrayList<>();
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
    return new Resolved(versions, merged, quarantined);
  }
}
