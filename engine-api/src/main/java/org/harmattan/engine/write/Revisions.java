package org.harmattan.engine.write;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.harmattan.domain.problem.Problem;
import org.harmattan.domain.problem.ProblemCode;

/**
 * Which version of an event a store keeps: the rules every engine applies, written once.
 *
 * <p><b>Across files</b> ({@link #replaces}): a version read from a file replaces the stored one
 * when its content differs and it is newer. Newer means a later source timestamp (ACLED's {@code
 * timestamp}, which it raises whenever it revises an event) when both versions have one; a version
 * with a timestamp is newer than one without; when neither has one (UCDP, GDELT), the version read
 * last is taken as the newer release. Equal timestamps keep the stored version.
 *
 * <p><b>Within one file</b> ({@link #resolveRepeats}): rows that share an event id and differ only
 * in their actors are one event of a monadic export (one row per actor); they merge into the first
 * row, their actors folded in line order. Rows that differ otherwise conflict: the version with the
 * latest source timestamp is kept (one with a timestamp before one without), among equals the last
 * row of the file, and every other row goes to the quarantine.
 */
public final class Revisions {
  private Revisions() {}

  /**
   * A stored or incoming version of one event, as the rules see it.
   *
   * @param sourceTimestamp the source's revision time, or null when the source gives none
   * @param contentHash the fingerprint of its whole content ({@link StagedEvent#contentHash})
   */
  public record Version(Instant sourceTimestamp, long contentHash) {}

  /** Whether {@code incoming} replaces {@code stored}. */
  public static boolean replaces(Version stored, Version incoming) {
    requireNonNull(stored, "stored");
    requireNonNull(incoming, "incoming");
    if (stored.contentHash() == incoming.contentHash()) {
      return false;
    }
    Instant s = stored.sourceTimestamp();
    Instant i = incoming.sourceTimestamp();
    if (s != null && i != null) {
      return i.isAfter(s);
    }
    if (s != null) {
      return false;
    }
    return true;
  }

  /**
   * One row of an event id that a file repeats.
   *
   * @param lines the lines of the row
   * @param coreHash its fingerprint without actors ({@link StagedEvent#coreHash})
   * @param sourceTimestamp the source's revision time, or null
   * @param actors its actor columns
   */
  public record Repeat(
      LineRange lines, long coreHash, Instant sourceTimestamp, ActorColumns actors) {
    public Repeat {
      requireNonNull(lines, "lines");
      requireNonNull(actors, "actors");
    }
  }

  /**
   * What becomes of the rows of one repeated id.
   *
   * @param kept the row whose version is stored
   * @param actors the actors stored with it (merged for monadic rows)
   * @param contentHash the fingerprint of the stored version, actors included
   * @param merged rows folded into the kept one
   * @param conflicts rows that go to the quarantine, in line order
   */
  public record Resolution(
      Repeat kept, ActorColumns actors, long contentHash, int merged, List<Repeat> conflicts) {
    public Resolution {
      requireNonNull(kept, "kept");
      requireNonNull(actors, "actors");
      conflicts = List.copyOf(conflicts);
    }
  }

  /** Resolves the rows of one id, given in line order (at least two). */
  public static Resolution resolveRepeats(List<Repeat> rows) {
    if (rows.size() < 2) {
      throw new IllegalArgumentException("a repeated id has at least two rows: " + rows.size());
    }
    Repeat first = rows.get(0);
    boolean monadic = rows.stream().allMatch(r -> r.coreHash() == first.coreHash());
    if (monadic) {
      ActorColumns actors = first.actors();
      for (int i = 1; i < rows.size(); i++) {
        actors = actors.mergedWith(rows.get(i).actors());
      }
      return new Resolution(
          first, actors, actors.contentHash(first.coreHash()), rows.size() - 1, List.of());
    }
    // The kept row is tracked by its position: two rows may be equal as values, and every row
    // but the kept one, by position, is a conflict.
    int keptAt = 0;
    for (int i = 0; i < rows.size(); i++) {
      if (!isOlder(rows.get(i), rows.get(keptAt))) {
        keptAt = i;
      }
    }
    Repeat kept = rows.get(keptAt);
    List<Repeat> conflicts = new ArrayList<>();
    for (int i = 0; i < rows.size(); i++) {
      if (i != keptAt) {
        conflicts.add(rows.get(i));
      }
    }
    return new Resolution(
        kept, kept.actors(), kept.actors().contentHash(kept.coreHash()), 0, conflicts);
  }

  /**
   * The problem a conflicting row goes to the quarantine with, naming the row that was kept.
   *
   * @param sourceEventId the source's id of the event, as the user reads it in the file
   * @param keptLine the first line of the row that was kept
   */
  public static Problem conflict(String sourceEventId, long keptLine) {
    return new Problem(
        ProblemCode.DUPLICATE_EVENT_ID,
        "event_id",
        "event "
            + sourceEventId
            + " also appears on line "
            + keptLine
            + " with other values, and that row was kept (expected one row per event, or rows"
            + " that differ only in their actors as in a monadic export)");
  }

  /** Whether row {@code a} is an older version than {@code b} by source timestamp. */
  private static boolean isOlder(Repeat a, Repeat b) {
    Instant ta = a.sourceTimestamp();
    Instant tb = b.sourceTimestamp();
    if (ta == null) {
      return tb != null;
    }
    return tb != null && ta.isBefore(tb);
  }
}
