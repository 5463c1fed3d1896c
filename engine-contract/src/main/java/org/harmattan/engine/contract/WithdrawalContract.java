package org.harmattan.engine.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.harmattan.domain.event.Event;
import org.harmattan.domain.event.Fatalities;
import org.harmattan.domain.event.SourceSystem;
import org.harmattan.engine.query.CountResult;
import org.harmattan.engine.query.Dimension;
import org.harmattan.engine.query.EventFilter;
import org.harmattan.engine.query.EventPoint;
import org.harmattan.engine.query.NameCount;
import org.harmattan.engine.query.StoreStatus;
import org.harmattan.engine.write.FileRef;
import org.harmattan.engine.write.FileWrite;
import org.harmattan.engine.write.LineRange;
import org.harmattan.engine.write.StagedEvent;
import org.harmattan.engine.write.WithdrawOutcome;
import org.harmattan.engine.write.Withdrawal;
import org.harmattan.engine.write.WriteOutcome;
import org.harmattan.ingest.IngestReport;
import org.junit.jupiter.api.Test;

/**
 * The contract suite's cases on withdrawals: events a source withdrew (ACLED's deleted endpoint).
 */
interface WithdrawalContract extends EngineCase {
  /** The timestamp of every row of acled-revision-1.csv. */
  Instant REVISION_1 = Instant.ofEpochSecond(1747000000);

  /** The later timestamp of acled-revision-2.csv (9201 revised, 9203 new). */
  Instant REVISION_2 = Instant.ofEpochSecond(1748000000);

  /** A withdrawal between the two files' timestamps. */
  Instant WITHDRAWN = Instant.ofEpochSecond(1747500000);

  private static Withdrawal withdrawal(String acledId, Instant at) {
    return new Withdrawal(SourceSystem.ACLED, acledId, at, Withdrawal.ACLED_DELETED);
  }

  private WithdrawOutcome withdraw(Withdrawal... withdrawals) {
    WithdrawOutcome o = store().events().withdraw(List.of(withdrawals));
    assertThat(o.total()).as("withdrawals accounted for").isEqualTo(withdrawals.length);
    return o;
  }

  /** Writes one hand-made event as a file of one row, and what the store made of it. */
  private WriteOutcome writeOne(Event e) {
    String sha = e.provenance().fileSha256();
    try (FileWrite w = store().events().begin(new FileRef("hand-made.csv", "hand-made.csv", sha))) {
      w.accepted(StagedEvent.of(e), new LineRange(2, 2));
      return w.commit("acled", 1, ranges -> Map.of());
    }
  }

  @Test
  default void aWithdrawnEventLeavesEveryCountListingAndLookupAndItsVersionGoesToHistory() {
    ingest("acled-revision-1.csv");
    EventFilter may = EventFilter.of("MLI", MAY_2025);
    assertThat(count(may).events()).isEqualTo(4);

    // 9205 (Mopti, 2 dead, JNIM against FAMa) stamped before the withdrawal.
    assertThat(withdraw(withdrawal("MLI9205", WITHDRAWN)))
        .isEqualTo(new WithdrawOutcome(1, 0, 0, 0));

    assertThat(store().findEvent("acled:MLI9205")).isEmpty();
    assertThat(store().countHistory("acled:MLI9205")).isEqualTo(1);
    CountResult counted = count(may);
    assertThat(counted.eventIds())
        .containsExactlyInAnyOrder("acled:MLI9201", "acled:MLI9202", "acled:MLI9206");
    assertThat(counted.fatalities()).isEqualTo(3 + 0 + 5);
    assertThat(groups(count(may, Dimension.EVENT_TYPE)))
        .extracting(Group::key)
        .doesNotContain(key("Battles"));
    assertThat(ids(listEvents(MAY, BY_ID)))
        .containsExactly("acled:MLI9201", "acled:MLI9202", "acled:MLI9206");
    assertThat(listEvents(MAY, BY_ID).total()).isEqualTo(3);
    assertThat(analytics().listEventPoints(may, false))
        .extracting(EventPoint::id)
        .doesNotContain("acled:MLI9205")
        .hasSize(3);
    assertThat(analytics().listActorNames(may))
        .contains(new NameCount(JNIM, 1))
        .doesNotContain(new NameCount(JNIM, 2));
    assertThat(analytics().coverage(may).events()).isEqualTo(3);
    StoreStatus status = store().status();
    assertThat(status.events()).isEqualTo(3);
    assertThat(status.bySource()).isEqualTo(Map.of("ACLED", 3L));
    assertThat(status.byCountry()).isEqualTo(Map.of("MLI", 3L));
    assertThat(status.history()).isEqualTo(1);
    assertThat(status.withdrawn()).isEqualTo(1);
    assertThat(status.files()).isEqualTo(1);
  }

  @Test
  default void withdrawingAgainChangesNothingAndAnEventNeverHeldIsRecorded() {
    ingest("acled-revision-1.csv");
    Withdrawal held = withdrawal("MLI9205", WITHDRAWN);
    Withdrawal neverHeld = withdrawal("MLI9999", WITHDRAWN);

    assertThat(withdraw(held, neverHeld)).isEqualTo(new WithdrawOutcome(1, 0, 1, 0));
    StoreStatus once = store().status();
    assertThat(once.withdrawn()).isEqualTo(2);
    assertThat(once.history()).isEqualTo(1);
    assertThat(store().countHistory("acled:MLI9999")).isZero();

    assertThat(withdraw(held, neverHeld)).isEqualTo(new WithdrawOutcome(0, 2, 0, 0));
    assertThat(store().status()).isEqualTo(once);
    assertThat(store().countHistory("acled:MLI9205")).isEqualTo(1);

    // The event never held, read later from a file older than its withdrawal, stays out...
    String sha = "a1".repeat(32);
    assertThat(writeOne(handMade("MLI9999", 4, REVISION_1, sha, 2)))
        .isEqualTo(new WriteOutcome(0, 0, 1, 0, 0));
    assertThat(store().findEvent("acled:MLI9999")).isEmpty();
    // ...and one stamped after it comes in.
    assertThat(writeOne(handMade("MLI9999", 4, REVISION_2, "a2".repeat(32), 2)))
        .isEqualTo(new WriteOutcome(1, 0, 0, 0, 0));
    assertThat(store().findEvent("acled:MLI9999")).isPresent();
    assertThat(store().countHistory("acled:MLI9999")).isZero();
    assertThat(store().status().withdrawn()).isEqualTo(1);
  }

  @Test
  default void aLaterIngestOfAnOlderRowKeepsAWithdrawnEventOutAsUnchanged() {
    ingest("acled-revision-1.csv");
    withdraw(withdrawal("MLI9202", WITHDRAWN));

    // The same file again: 9202's row, stamped before the withdrawal, stays out.
    IngestReport again = ingest("acled-revision-1.csv");
    assertThat(List.of(again.inserted(), again.updated(), again.unchanged()))
        .containsExactly(0L, 0L, 4L);
    assertThat(store().findEvent("acled:MLI9202")).isEmpty();

    // The second file: 9202 older still; the other rows as without the withdrawal.
    IngestReport second = ingest("acled-revision-2.csv");
    assertThat(
            List.of(
                second.inserted(),
                second.updated(),
                second.unchanged(),
                second.merged(),
                second.quarantined()))
        .containsExactly(1L, 1L, 3L, 0L, 1L);
    assertThat(store().findEvent("acled:MLI9202")).isEmpty();
    StoreStatus status = store().status();
    assertThat(status.events()).isEqualTo(4);
    // 9201's first version, replaced; 9202's, withdrawn; 9205's edit, which lost the tie (its
    // fingerprint is the smaller). 9202's older row stays out and is not kept.
    assertThat(status.history()).isEqualTo(3);
    assertThat(status.withdrawn()).isEqualTo(1);
    assertThat(store().countHistory("acled:MLI9202")).isEqualTo(1);

    // A row stamped at the withdrawal's time, or not stamped, is no newer than the withdrawal.
    assertThat(writeOne(handMade("MLI9202", 1, WITHDRAWN, "b1".repeat(32), 2)))
        .isEqualTo(new WriteOutcome(0, 0, 1, 0, 0));
    assertThat(writeOne(handMade("MLI9202", 1, null, "b2".repeat(32), 2)))
        .isEqualTo(new WriteOutcome(0, 0, 1, 0, 0));
    assertThat(store().findEvent("acled:MLI9202")).isEmpty();
    StoreStatus after = store().status();
    assertThat(List.of(after.events(), after.history(), after.withdrawn(), after.files()))
        .containsExactly(4L, 3L, 1L, status.files() + 2);
  }

  @Test
  default void aRowStampedAfterTheWithdrawalReinstatesTheEvent() {
    ingest("acled-revision-1.csv");
    Withdrawal first = withdrawal("MLI9202", WITHDRAWN);
    withdraw(first);

    Instant republished = WITHDRAWN.plusSeconds(1);
    assertThat(writeOne(handMade("MLI9202", 1, republished, "c1".repeat(32), 2)))
        .isEqualTo(new WriteOutcome(1, 0, 0, 0, 0));
    Event back = store().findEvent("acled:MLI9202").orElseThrow();
    assertThat(back.provenance().sourceTimestamp()).isEqualTo(republished);
    assertThat(back.fatalities()).isEqualTo(Fatalities.exactly(1));
    // The withdrawn version stays in history, the withdrawal on record.
    assertThat(store().countHistory("acled:MLI9202")).isEqualTo(1);
    assertThat(store().events().findLatestWithdrawal(SourceSystem.ACLED)).contains(WITHDRAWN);
    assertThat(store().status().withdrawn()).isZero();
    assertThat(store().status().events()).isEqualTo(4);

    // The same withdrawal again leaves the reinstated version in the view...
    assertThat(withdraw(first)).isEqualTo(new WithdrawOutcome(0, 1, 0, 0));
    assertThat(store().findEvent("acled:MLI9202")).contains(back);
    // ...a later one takes it out again.
    assertThat(withdraw(withdrawal("MLI9202", REVISION_2)))
        .isEqualTo(new WithdrawOutcome(1, 0, 0, 0));
    assertThat(store().findEvent("acled:MLI9202")).isEmpty();
    assertThat(store().countHistory("acled:MLI9202")).isEqualTo(2);
  }

  @Test
  default void aWithdrawalOlderThanTheCurrentVersionLeavesTheEventInTheView() {
    ingest("acled-revision-1.csv");
    ingest("acled-revision-2.csv");
    Event current = store().findEvent("acled:MLI9201").orElseThrow();
    assertThat(current.provenance().sourceTimestamp()).isEqualTo(REVISION_2);

    // 9201 stamped after the withdrawal: the source published it again since.
    assertThat(withdraw(withdrawal("MLI9201", WITHDRAWN)))
        .isEqualTo(new WithdrawOutcome(0, 0, 0, 1));
    assertThat(store().findEvent("acled:MLI9201")).contains(current);
    assertThat(store().countHistory("acled:MLI9201")).isEqualTo(1);
    assertThat(store().status().withdrawn()).isZero();
    // Recorded: the sync resumes after it, and applying it again changes nothing.
    assertThat(store().events().findLatestWithdrawal(SourceSystem.ACLED)).contains(WITHDRAWN);
    assertThat(withdraw(withdrawal("MLI9201", WITHDRAWN)))
        .isEqualTo(new WithdrawOutcome(0, 1, 0, 0));
    assertThat(store().findEvent("acled:MLI9201")).contains(current);
  }

  @Test
  default void aSourceWithoutTimestampsCannotBringAWithdrawnEventBack() {
    ingest("ucdp-revision-1.csv");
    assertThat(
            store()
                .events()
                .withdraw(
                    List.of(
                        new Withdrawal(
                            SourceSystem.UCDP, "990101", WITHDRAWN, "withdrawn by UCDP"))))
        .isEqualTo(new WithdrawOutcome(1, 0, 0, 0));

    // The next release, without revision times: 990101 stays out, 990102 is new.
    IngestReport next = ingest("ucdp-revision-2.csv");
    assertThat(List.of(next.inserted(), next.updated(), next.unchanged()))
        .containsExactly(1L, 0L, 1L);
    assertThat(store().findEvent("ucdp:990101")).isEmpty();
    assertThat(store().findEvent("ucdp:990102")).isPresent();
    // An ACLED event of the same source id is another event.
    assertThat(store().events().findLatestWithdrawal(SourceSystem.ACLED)).isEmpty();
    assertThat(store().events().findLatestWithdrawal(SourceSystem.UCDP)).contains(WITHDRAWN);
  }

  @Test
  default void aSyncResumesFromTheLatestWithdrawalAndTheLatestTimestampOfTheCurrentEvents() {
    var events = store().events();
    assertThat(events.findLatestWithdrawal(SourceSystem.ACLED)).isEmpty();
    assertThat(events.findLatestSourceTimestamp(SourceSystem.ACLED, "MLI")).isEmpty();

    loadQueryMix();
    ingest("acled-revision-1.csv");
    assertThat(events.findLatestSourceTimestamp(SourceSystem.ACLED, "MLI")).contains(REVISION_1);
    ingest("acled-revision-2.csv");
    assertThat(events.findLatestSourceTimestamp(SourceSystem.ACLED, "MLI")).contains(REVISION_2);
    // Burkina Faso's one event of the query mix; GDELT's latest DATEADDED (the second of its two
    // rows); UCDP states no revision time.
    assertThat(events.findLatestSourceTimestamp(SourceSystem.ACLED, "BFA"))
        .contains(Instant.ofEpochSecond(1741000000));
    assertThat(events.findLatestSourceTimestamp(SourceSystem.GDELT, "MLI"))
        .contains(Instant.parse("2025-02-16T09:00:00Z"));
    assertThat(events.findLatestSourceTimestamp(SourceSystem.UCDP, "MLI")).isEmpty();
    assertThat(events.findLatestSourceTimestamp(SourceSystem.ACLED, "NER")).isEmpty();

    // The two events stamped REVISION_2 withdrawn: only current events count.
    Instant later = REVISION_2.plusSeconds(3600);
    withdraw(withdrawal("MLI9201", later), withdrawal("MLI9203", REVISION_2));
    assertThat(events.findLatestSourceTimestamp(SourceSystem.ACLED, "MLI")).contains(REVISION_1);
    assertThat(events.findLatestWithdrawal(SourceSystem.ACLED)).contains(later);
    // An earlier withdrawal recorded afterwards does not move it back.
    withdraw(withdrawal("MLI9999", WITHDRAWN));
    assertThat(events.findLatestWithdrawal(SourceSystem.ACLED)).contains(later);
    assertThat(events.findLatestWithdrawal(SourceSystem.UCDP)).isEmpty();
  }

  @Test
  default void aWithdrawalIsAllOrNothing() {
    ingest("acled-revision-1.csv");
    StoreStatus before = store().status();

    // A list with a hole: nothing of it is applied.
    assertThatThrownBy(
            () -> store().events().withdraw(Arrays.asList(withdrawal("MLI9201", WITHDRAWN), null)))
        .isInstanceOf(NullPointerException.class);
    assertThat(store().status()).isEqualTo(before);
    assertThat(store().findEvent("acled:MLI9201")).isPresent();
    assertThat(store().events().findLatestWithdrawal(SourceSystem.ACLED)).isEmpty();

    // An empty list changes nothing; the store takes the next list as usual.
    assertThat(withdraw()).isEqualTo(new WithdrawOutcome(0, 0, 0, 0));
    assertThat(store().status()).isEqualTo(before);
    assertThat(withdraw(withdrawal("MLI9201", WITHDRAWN)))
        .isEqualTo(new WithdrawOutcome(1, 0, 0, 0));
    // 9201 stamped after the withdrawal in the second file: reinstated, so inserted.
    IngestReport second = ingest("acled-revision-2.csv");
    assertThat(List.of(second.inserted(), second.updated())).containsExactly(2L, 0L);
  }

  @Test
  default void withdrawalsAreKeptWhenTheStoreIsOpenedAgain() {
    ingest("acled-revision-1.csv");
    withdraw(withdrawal("MLI9202", WITHDRAWN), withdrawal("MLI9999", WITHDRAWN));
    StoreStatus before = store().status();
    reopenStore();

    if (!supports(EngineBehavior.SUPPORTS_PERSISTENCE)) {
      assertThat(store().events().findLatestWithdrawal(SourceSystem.ACLED)).isEmpty();
      return;
    }
    assertThat(store().status()).isEqualTo(before);
    assertThat(store().findEvent("acled:MLI9202")).isEmpty();
    assertThat(store().countHistory("acled:MLI9202")).isEqualTo(1);
    assertThat(store().events().findLatestWithdrawal(SourceSystem.ACLED)).contains(WITHDRAWN);
    assertThat(ingest("acled-revision-1.csv").unchanged()).isEqualTo(4);
    assertThat(store().findEvent("acled:MLI9202")).isEmpty();
    assertThat(withdraw(withdrawal("MLI9202", WITHDRAWN), withdrawal("MLI9999", WITHDRAWN)))
        .isEqualTo(new WithdrawOutcome(0, 2, 0, 0));
  }
}
