package org.harmattan.engine.write;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.harmattan.domain.event.SourceSystem;

/**
 * The write port of an engine: events of source files, with their revisions and quarantine, the
 * events their sources withdrew, and where an incremental sync of a source resumes.
 */
public interface EventWriter {

  /** Starts writing the rows of {@code file}; one write at a time per store. */
  FileWrite begin(FileRef file);

  /**
   * Applies withdrawals, in the list's order, by the rules of {@link Revisions#resolveWithdrawals}:
   * each event still in the current view leaves it (every count, query and {@code findEvent}), its
   * last version kept in history with the reason (and counted by {@code countHistory}), unless that
   * version is stamped after the withdrawal; every withdrawal not on record is recorded, held event
   * or not, so that a later ingest of a row no newer than it keeps the event out. All or nothing;
   * one write at a time per store, as {@link #begin}.
   */
  WithdrawOutcome withdraw(List<Withdrawal> withdrawals);

  /**
   * The latest withdrawal time recorded for {@code source} ({@link Withdrawal#withdrawnAt}), from
   * which an incremental sync of the source's withdrawals resumes; empty when none is recorded.
   */
  Optional<Instant> findLatestWithdrawal(SourceSystem source);

  /**
   * The latest source timestamp of the current events of {@code source} in {@code countryIso3},
   * from which an incremental sync of the source resumes; empty when the store holds no such event
   * with a timestamp. Withdrawn events are not current and do not count.
   */
  Optional<Instant> findLatestSourceTimestamp(SourceSystem source, String countryIso3);

  /**
   * The writer that reads files of one row per line in pieces apart ({@link SplitFile}), when this
   * engine has one (a cluster engine, for bulk files such as GDELT's); empty when files are handed
   * over row by row through {@link #begin}.
   */
  default Optional<SplitWriter> splitWriter() {
    return Optional.empty();
  }
}
