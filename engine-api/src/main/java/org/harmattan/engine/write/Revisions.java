package org.harmattan.engine.write;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.harmattan.domain.problem.Problem;
import org.harmattan.domain.problem.ProblemCode;

/**
 * Which version of an event a store keeps: the rules every engine applies, written once.
 *
 * <p><b>Across files</b> ({@link #replaces}): a version read from a file replaces the stored one
 * when its content differs and it is newer. Newer means a later source timestamp (ACLED's {@code
 * timestamp}, which it raises whenever it revises an event) when both versions have one; a version
 * with a timestamp is newer than one without. When the timestamps are equal or neither version has
 * one (UCDP, GDELT), the version with the greater content fingerprint ({@link
 * StagedEvent#contentHash}, compared as a signed number) is taken as the newer. That tie-break says
 * nothing about which release came first (UCDP's rows carry no release time); it is there so that
 * the same pair always resolves the same way: the rule is a total order on versions, the store
 * keeps the greatest version it has read, and the same files read in any order, any number of
 * times, leave the store holding the same versions. Reading the files in another order used to swap
 * the versions of ids that two UCDP releases both hold, on every pass.
 *
 * <p>A version read from a file that does not replace the current one, with other content, is kept
 * in history once, as a version superseded by the current one; so history, too, holds the same
 * versions whatever the order (every version read but the current one, each once). A row of a
 * withdrawn event that stays out is not kept there.
 *
 * <p><b>Within one file</b> ({@link #resolveRepeats}): rows that share an event id and differ only
 * in their actors are one event of a monadic export (one row per actor); they merge into the first
 * row, their actors folded in line order. Rows that differ otherwise conflict: the version with the
 * latest source timestamp is kept (one with a timestamp before one without), among equals the last
 * row of the file, and every other row goes to the quarantine.
 *
 * <p><b>Withdrawals</b> ({@link #resolveWithdrawals}, {@link #reinstates}): a source may withdraw
 * an event (ACLED's {@code deleted} endpoint gives its id and the time it was withdrawn). A
 * withdrawal takes the current version of the event out of the view (every count, every query) and
 * keeps it in history with the withdrawal's reason; it is recorded even for an event the store
 * never held. A withdrawal is one more version of the event, stamped with the time it was
 * withdrawn, and the version stamped later wins:
 *
 * <ul>
 *   <li>A row read later, of an event out of the view by a withdrawal, whose source timestamp is
 *       after the latest withdrawal recorded for it, is a new version: it reinstates the event
 *       (counted as inserted; the withdrawal stays on record and its version in history). A row
 *       stamped at or before that withdrawal, or not stamped at all (UCDP, GDELT), stays out and is
 *       counted as unchanged: the store's version, the withdrawal, is the newer one. So a later
 *       ingest of an older file that still holds the event cannot bring it back, and {@code read =
 *       inserted + updated + unchanged + merged + quarantined} still holds.
 *   <li>By the same rule a withdrawal older than the current version of its event (a version
 *       stamped after it, which the source published again) leaves the event in the view; it is
 *       recorded, and counted as outdated. The order in which a file and a list of withdrawals are
 *       applied therefore does not change what the view holds.
 *   <li>A withdrawal recorded before (the same event and time) changes nothing: applying a list
 *       twice changes nothing the second time.
 * </ul>
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

  /**
   * Whether {@code incoming} replaces {@code stored}: its content differs and it is newer ({@link
   * #compare}).
   */
  public static boolean replaces(Version stored, Version incoming) {
    requireNonNull(stored, "stored");
    requireNonNull(incoming, "incoming");
    return stored.contentHash() != incoming.contentHash() && compare(incoming, stored) > 0;
  }

  /**
   * The order of versions, older first: by source timestamp (none before any), then by content
   * fingerprint as a signed number. Versions with the same fingerprint are the same content and
   * compare equal whatever their timestamps.
   */
  public static int compare(Version a, Version b) {
    requireNonNull(a, "a");
    requireNonNull(b, "b");
    if (a.contentHash() == b.contentHash()) {
      return 0;
    }
    Instant ta = a.sourceTimestamp();
    Instant tb = b.sourceTimestamp();
    if (ta != null && tb != null && !ta.equals(tb)) {
      return ta.compareTo(tb);
    }
    if (ta != null && tb == null) {
      return 1;
    }
    if (ta == null && tb != null) {
      return -1;
    }
    return Long.compare(a.contentHash(), b.contentHash());
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

  /**
   * Whether a version of an event stamped {@code sourceTimestamp} is newer than its withdrawal at
   * {@code withdrawnAt}, and so stands: a row read later reinstates the event, a current version
   * stays in the view. Only a later timestamp is newer: an equal one, or none, is not.
   */
  public static boolean reinstates(Instant withdrawnAt, Instant sourceTimestamp) {
    requireNonNull(withdrawnAt, "withdrawnAt");
    return sourceTimestamp != null && sourceTimestamp.isAfter(withdrawnAt);
  }

  /**
   * What a store holds of an event that a list of withdrawals names, before the list is applied.
   *
   * @param current whether the event is in the current view
   * @param sourceTimestamp the source timestamp of the current version, or null (none, or no
   *     current version)
   * @param withdrawals the times of the withdrawals recorded for the event
   */
  public record Held(boolean current, Instant sourceTimestamp, Set<Instant> withdrawals) {
    /** An event the store holds nothing of. */
    public static final Held NOTHING = new Held(false, null, Set.of());

    public Held {
      withdrawals = Set.copyOf(withdrawals);
      if (!current && sourceTimestamp != null) {
        throw new IllegalArgumentException("only a current version has a source timestamp");
      }
    }

    private Held after(Instant withdrawnAt, boolean stillCurrent) {
      Set<Instant> times = new HashSet<>(withdrawals);
      times.add(withdrawnAt);
      return new Held(stillCurrent, stillCurrent ? sourceTimestamp : null, times);
    }
  }

  /**
   * What becomes of a list of withdrawals.
   *
   * @param outcome the counts, one per withdrawal of the list
   * @param recorded the withdrawals to record, in list order: every one not on record before, each
   *     event and time once
   * @param removing the withdrawals that take a current event out of the view, in list order, one
   *     per event: its version goes to history with this withdrawal's reason
   */
  public record WithdrawalResolution(
      WithdrawOutcome outcome, List<Withdrawal> recorded, List<Withdrawal> removing) {
    public WithdrawalResolution {
      requireNonNull(outcome, "outcome");
      recorded = List.copyOf(recorded);
      removing = List.copyOf(removing);
    }
  }

  /**
   * Resolves a list of withdrawals, one after the other in the list's order, against what the store
   * holds of their events.
   *
   * @param withdrawals the list, as the source gives it (an event may appear more than once)
   * @param held what the store holds of each event the list names, by event id ({@link
   *     Withdrawal#eventId}); an id left out stands for an event the store holds nothing of
   */
  public static WithdrawalResolution resolveWithdrawals(
      List<Withdrawal> withdrawals, Map<String, Held> held) {
    requireNonNull(withdrawals, "withdrawals");
    requireNonNull(held, "held");
    Map<String, Held> state = new HashMap<>(held);
    long withdrawn = 0;
    long already = 0;
    long notHeld = 0;
    long outdated = 0;
    List<Withdrawal> recorded = new ArrayList<>();
    List<Withdrawal> removing = new ArrayList<>();
    for (Withdrawal w : withdrawals) {
      requireNonNull(w, "withdrawal");
      String id = w.eventId();
      Held h = state.getOrDefault(id, Held.NOTHING);
      if (h.withdrawals().contains(w.withdrawnAt())) {
        already++;
        continue;
      }
      recorded.add(w);
      boolean stillCurrent = false;
      if (h.current()) {
        if (reinstates(w.withdrawnAt(), h.sourceTimestamp())) {
          outdated++;
          stillCurrent = true;
        } else {
          withdrawn++;
          removing.add(w);
        }
      } else if (h.withdrawals().isEmpty()) {
        notHeld++;
      } else {
        already++;
      }
      state.put(id, h.after(w.withdrawnAt(), stillCurrent));
    }
    return new WithdrawalResolution(
        new WithdrawOutcome(withdrawn, already, notHeld, outdated), recorded, removing);
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
