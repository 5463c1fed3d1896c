package org.harmattan.engine.write;

/**
 * What an engine made of a list of withdrawals ({@link EventWriter#withdraw}). Every withdrawal of
 * the list is counted once, in the order of the list: {@code withdrawn + alreadyWithdrawn + notHeld
 * + outdated} is the list's size. Every withdrawal not on record before is recorded, whatever its
 * count.
 *
 * @param withdrawn events of the current view taken out of it now, their last version kept in
 *     history with the reason
 * @param alreadyWithdrawn withdrawals of events out of the view already: the same withdrawal (event
 *     and time) was recorded before, so applying a list again changes nothing; or the event was
 *     withdrawn before at another time, which is recorded as well
 * @param notHeld withdrawals of events the store never held: recorded anyway, so that a later
 *     ingest of an older file that still holds the event cannot bring it in
 * @param outdated withdrawals older than the current version of their event (a version stamped
 *     after the withdrawal, which the source published again): recorded, the event stays in the
 *     view ({@link Revisions#reinstates})
 */
public record WithdrawOutcome(long withdrawn, long alreadyWithdrawn, long notHeld, long outdated) {
  public WithdrawOutcome {
    if (withdrawn < 0 || alreadyWithdrawn < 0 || notHeld < 0 || outdated < 0) {
      throw new IllegalArgumentException("negative count in " + this);
    }
  }

  /** The number of withdrawals accounted for. */
  public long total() {
    return withdrawn + alreadyWithdrawn + notHeld + outdated;
  }
}
