package org.harmattan.engine.write;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.harmattan.domain.event.SourceSystem;
import org.harmattan.engine.write.Revisions.Held;
import org.harmattan.engine.write.Revisions.Repeat;
import org.harmattan.engine.write.Revisions.Resolution;
import org.harmattan.engine.write.Revisions.Version;
import org.harmattan.engine.write.Revisions.WithdrawalResolution;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The revision rules of {@link Revisions}, one case per branch. Expected values are worked out by
 * hand from the rules in the class comment; fingerprints are arbitrary numbers standing for
 * contents (equal numbers, equal contents).
 */
class RevisionsTest {
  private static final Instant T1 = Instant.parse("2025-03-03T11:06:40Z");
  private static final Instant T2 = Instant.parse("2025-04-01T00:00:00Z");
  private static final Instant T3 = Instant.parse("2025-05-12T08:00:00Z");

  private static final String FAMA = "Military Forces of Mali (2021-)";
  private static final String JNIM = "JNIM: Group for Support of Islam and Muslims";
  private static final String WAGNER = "Wagner Group";

  /** Across files: whether a version read from a file replaces the stored one. */
  @Nested
  class Replaces {
    @Test
    void aLaterTimestampReplaces() {
      assertThat(Revisions.replaces(new Version(T1, 1), new Version(T2, 2))).isTrue();
    }

    @Test
    void anEarlierTimestampDoesNotReplace() {
      assertThat(Revisions.replaces(new Version(T2, 1), new Version(T1, 2))).isFalse();
    }

    @Test
    void anEqualTimestampKeepsTheVersionWithTheGreaterFingerprint() {
      // The same pair resolves the same way whichever was stored first.
      assertThat(Revisions.replaces(new Version(T2, 1), new Version(T2, 2))).isTrue();
      assertThat(Revisions.replaces(new Version(T2, 2), new Version(T2, 1))).isFalse();
    }

    @Test
    void fingerprintsCompareAsSignedNumbers() {
      // DuckDB's BIGINT compares signed: -5 is less than 3 there and here.
      assertThat(Revisions.replaces(new Version(null, -5), new Version(null, 3))).isTrue();
      assertThat(Revisions.replaces(new Version(null, 3), new Version(null, -5))).isFalse();
      assertThat(Revisions.replaces(new Version(null, Long.MAX_VALUE), new Version(null, -1)))
          .isFalse();
    }

    @Test
    void equalContentNeverReplacesWhateverTheTimestamps() {
      assertThat(Revisions.replaces(new Version(T1, 7), new Version(T3, 7))).isFalse();
      assertThat(Revisions.replaces(new Version(null, 7), new Version(null, 7))).isFalse();
      assertThat(Revisions.replaces(new Version(null, 7), new Version(T1, 7))).isFalse();
    }

    @Test
    void aVersionWithATimestampReplacesOneWithout() {
      // ACLED rows whose timestamp was left empty, then re-issued with one.
      assertThat(Revisions.replaces(new Version(null, 1), new Version(T1, 2))).isTrue();
    }

    @Test
    void aVersionWithoutATimestampDoesNotReplaceOneWith() {
      assertThat(Revisions.replaces(new Version(T3, 1), new Version(null, 2))).isFalse();
    }

    @Test
    void withoutTimestampsOnEitherSideTheGreaterFingerprintReplaces() {
      // UCDP GED and GDELT 1.0 files without DATEADDED carry no revision time: the greater
      // fingerprint wins, whichever file was read last.
      assertThat(Revisions.replaces(new Version(null, 1), new Version(null, 2))).isTrue();
      assertThat(Revisions.replaces(new Version(null, 2), new Version(null, 1))).isFalse();
    }

    @Test
    void theSameVersionsInAnyOrderLeaveTheSameOneStored() {
      // Every order of five versions of one event, folded as a store folds the files it reads:
      // the first is stored, each later one replaces it when the rule says so. By hand, the
      // greatest is T2 with fingerprint 9 (T2 beats T1 and the unstamped; 9 beats -3 at T2).
      List<Version> versions =
          List.of(
              new Version(null, 40),
              new Version(T1, 12),
              new Version(T2, -3),
              new Version(T2, 9),
              new Version(null, -40));
      for (List<Version> order : permutations(versions)) {
        Version stored = order.get(0);
        for (Version incoming : order.subList(1, order.size())) {
          if (Revisions.replaces(stored, incoming)) {
            stored = incoming;
          }
        }
        assertThat(stored).as("%s", order).isEqualTo(new Version(T2, 9));
      }
    }

    @Test
    void theOrderIsOlderFirstAndTheSameContentIsEqual() {
      assertThat(Revisions.compare(new Version(null, 1), new Version(T1, 0))).isNegative();
      assertThat(Revisions.compare(new Version(T2, 0), new Version(T1, 1))).isPositive();
      assertThat(Revisions.compare(new Version(T1, 4), new Version(T1, 2))).isPositive();
      assertThat(Revisions.compare(new Version(T1, 4), new Version(null, 4))).isZero();
    }

    @Test
    void bothVersionsAreRequired() {
      assertThatThrownBy(() -> Revisions.replaces(null, new Version(T1, 1)))
          .isInstanceOf(NullPointerException.class)
          .hasMessage("stored");
      assertThatThrownBy(() -> Revisions.replaces(new Version(T1, 1), null))
          .isInstanceOf(NullPointerException.class)
          .hasMessage("incoming");
    }
  }

  /** Within one file: the rows of one repeated event id. */
  @Nested
  class ResolveRepeats {
    private ActorColumns actors(
        String actor1,
        Integer inter1,
        List<String> assoc1,
        String actor2,
        Integer inter2,
        List<String> assoc2,
        Integer interaction) {
      return new ActorColumns(actor1, inter1, assoc1, actor2, inter2, assoc2, interaction);
    }

    private Repeat row(long line, long coreHash, Instant timestamp, ActorColumns actors) {
      return new Repeat(new LineRange(line, line), coreHash, timestamp, actors);
    }

    private Repeat row(long line, long coreHash, Instant timestamp) {
      return row(line, coreHash, timestamp, actors(FAMA, 1, List.of(), JNIM, 2, List.of(), 12));
    }

    @Test
    void oneRowIsNotARepeat() {
      assertThatThrownBy(() -> Revisions.resolveRepeats(List.of(row(2, 10, T1))))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("at least two rows: 1");
      assertThatThrownBy(() -> Revisions.resolveRepeats(List.of()))
          .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void twoMonadicRowsMergeTheirActorsIntoTheFirst() {
      // An ACLED monadic export: one row per actor, the same event otherwise.
      Repeat fama = row(2, 10, T1, actors(FAMA, 1, List.of(), JNIM, 2, List.of(), 12));
      Repeat jnim = row(3, 10, T1, actors(JNIM, 2, List.of(), FAMA, 1, List.of(WAGNER), 12));

      Resolution r = Revisions.resolveRepeats(List.of(fama, jnim));

      // By hand: JNIM and FAMa are known names; the second row's actor 1 is not the first row's,
      // so its sides are swapped: Wagner, associated with FAMa there, joins FAMa's side here.
      ActorColumns merged = actors(FAMA, 1, List.of(WAGNER), JNIM, 2, List.of(), 12);
      assertThat(r.kept()).isSameAs(fama);
      assertThat(r.actors()).isEqualTo(merged);
      assertThat(r.contentHash()).isEqualTo(merged.contentHash(10));
      assertThat(r.merged()).isEqualTo(1);
      assertThat(r.conflicts()).isEmpty();
    }

    @Test
    void threeMonadicRowsFoldInLineOrder() {
      Repeat first = row(4, 20, T1, actors(FAMA, 1, List.of(), null, null, List.of(), 10));
      Repeat second =
          row(5, 20, T1, actors(JNIM, 2, List.of("Katiba Macina"), null, null, List.of(), 20));
      Repeat third =
          row(
              6,
              20,
              T1,
              actors(
                  "Dan Na Ambassagou", 4, List.of("Dozo Militia"), FAMA, 1, List.of(WAGNER), 14));

      Resolution r = Revisions.resolveRepeats(List.of(first, second, third));

      // By hand. First with second: JNIM is new and actor 2 is free, so JNIM (inter 2) becomes
      // actor 2; JNIM is not FAMa, so the second row's associates go to the other side:
      //   FAMa(1) [] | JNIM(2) [Katiba Macina].
      // Then with third: Dan Na Ambassagou is new but actor 2 is taken, so it joins side 2; FAMa
      // is known; the third row's actor 1 is not FAMa, so its associates swap sides: Dozo Militia
      // joins side 2 and Wagner side 1. Interaction stays the first row's.
      ActorColumns merged =
          actors(
              FAMA,
              1,
              List.of(WAGNER),
              JNIM,
              2,
              List.of("Katiba Macina", "Dan Na Ambassagou", "Dozo Militia"),
              10);
      assertThat(r.kept()).isSameAs(first);
      assertThat(r.actors()).isEqualTo(merged);
      assertThat(r.contentHash()).isEqualTo(merged.contentHash(20));
      assertThat(r.merged()).isEqualTo(2);
      assertThat(r.conflicts()).isEmpty();
    }

    @Test
    void monadicRowsWithTheSameActorOnBothRowsKeepItsSide() {
      Repeat a = row(2, 30, T1, actors(FAMA, 1, List.of(), null, null, List.of(), 10));
      Repeat b = row(3, 30, T1, actors(FAMA, 1, List.of(WAGNER), JNIM, 2, List.of("Katiba"), 12));

      Resolution r = Revisions.resolveRepeats(List.of(a, b));

      // Same actor 1, so associates stay on their side; JNIM fills the free actor 2.
      assertThat(r.actors())
          .isEqualTo(actors(FAMA, 1, List.of(WAGNER), JNIM, 2, List.of("Katiba"), 10));
      assertThat(r.merged()).isEqualTo(1);
    }

    @Test
    void identicalRowsAreOneEventRepeated() {
      Repeat a = row(2, 40, T1);
      Repeat b = row(3, 40, T1);

      Resolution r = Revisions.resolveRepeats(List.of(a, b));

      assertThat(r.kept()).isSameAs(a);
      assertThat(r.actors()).isEqualTo(a.actors());
      assertThat(r.contentHash()).isEqualTo(a.actors().contentHash(40));
      assertThat(r.merged()).isEqualTo(1);
      assertThat(r.conflicts()).isEmpty();
    }

    @Test
    void aConflictKeepsTheLatestTimestampEvenOnAnEarlierLine() {
      Repeat revised = row(2, 50, T2);
      Repeat first = row(3, 51, T1);

      Resolution r = Revisions.resolveRepeats(List.of(revised, first));

      assertThat(r.kept()).isSameAs(revised);
      assertThat(r.actors()).isEqualTo(revised.actors());
      assertThat(r.contentHash()).isEqualTo(revised.actors().contentHash(50));
      assertThat(r.merged()).isZero();
      assertThat(r.conflicts()).containsExactly(first);
    }

    @Test
    void aConflictBetweenEqualTimestampsKeepsTheLastRow() {
      Repeat a = row(4, 60, T1);
      Repeat b = row(5, 61, T1);

      Resolution r = Revisions.resolveRepeats(List.of(a, b));

      assertThat(r.kept()).isSameAs(b);
      assertThat(r.contentHash()).isEqualTo(b.actors().contentHash(61));
      assertThat(r.conflicts()).containsExactly(a);
    }

    @Test
    void aConflictKeepsARowWithATimestampBeforeOneWithout() {
      Repeat stamped = row(6, 70, T1);
      Repeat unstamped = row(7, 71, null);

      assertThat(Revisions.resolveRepeats(List.of(stamped, unstamped)).kept()).isSameAs(stamped);
      assertThat(Revisions.resolveRepeats(List.of(unstamped, stamped)).kept()).isSameAs(stamped);
      assertThat(Revisions.resolveRepeats(List.of(stamped, unstamped)).conflicts())
          .containsExactly(unstamped);
    }

    @Test
    void aConflictWithoutAnyTimestampKeepsTheLastRow() {
      // UCDP and GDELT 1.0 rows: no revision time on any row.
      Repeat a = row(2, 80, null);
      Repeat b = row(3, 81, null);
      Repeat c = row(4, 82, null);

      Resolution r = Revisions.resolveRepeats(List.of(a, b, c));

      assertThat(r.kept()).isSameAs(c);
      assertThat(r.conflicts()).containsExactly(a, b);
    }

    @Test
    void threeConflictingRowsKeepTheLastOfTheLatestAndQuarantineTheRestInLineOrder() {
      Repeat a = row(8, 90, T2);
      Repeat b = row(10, 91, T2);
      Repeat c = row(11, 92, T1);

      Resolution r = Revisions.resolveRepeats(List.of(a, b, c));

      assertThat(r.kept()).isSameAs(b);
      assertThat(r.conflicts()).containsExactly(a, c);
      assertThat(r.merged()).isZero();
    }

    @Test
    void oneDifferingRowMakesEveryRowOfTheIdAConflict() {
      // Two rows agree but for their actors; a third differs otherwise: no merge at all.
      Repeat a = row(2, 100, T1, actors(FAMA, 1, List.of(), null, null, List.of(), 10));
      Repeat b = row(3, 100, T1, actors(JNIM, 2, List.of(), null, null, List.of(), 20));
      Repeat c = row(4, 101, T1);

      Resolution r = Revisions.resolveRepeats(List.of(a, b, c));

      assertThat(r.kept()).isSameAs(c);
      assertThat(r.actors()).isEqualTo(c.actors());
      assertThat(r.merged()).isZero();
      assertThat(r.conflicts()).containsExactly(a, b);
    }
  }

  @Test
  void aConflictingRowIsQuarantinedNamingTheKeptLine() {
    org.harmattan.domain.problem.Problem p = Revisions.conflict("MLI9101", 2);

    assertThat(p.code()).isEqualTo("duplicate_event_id");
    assertThat(p.column()).isEqualTo("event_id");
    assertThat(p.message())
        .startsWith("event MLI9101 also appears on line 2 with other values, and that row was kept")
        .contains("monadic export");
  }

  /**
   * A row of a withdrawn event read later, and a current version against a withdrawal: the version
   * stamped after the withdrawal stands.
   */
  @Nested
  class Reinstates {
    @Test
    void aTimestampAfterTheWithdrawalReinstates() {
      assertThat(Revisions.reinstates(T2, T3)).isTrue();
    }

    @Test
    void aTimestampBeforeTheWithdrawalStaysOut() {
      // An older file that still holds the event, read after the withdrawal.
      assertThat(Revisions.reinstates(T2, T1)).isFalse();
    }

    @Test
    void anEqualTimestampStaysOut() {
      // The withdrawal is the store's version; an equal timestamp is not newer.
      assertThat(Revisions.reinstates(T2, T2)).isFalse();
      assertThat(Revisions.reinstates(T2, T2.plusNanos(1000))).isTrue();
    }

    @Test
    void noTimestampStaysOut() {
      // UCDP and GDELT rows carry no revision time: nothing says they are newer than the
      // withdrawal.
      assertThat(Revisions.reinstates(T2, null)).isFalse();
    }

    @Test
    void theWithdrawalTimeIsRequired() {
      assertThatThrownBy(() -> Revisions.reinstates(null, T1))
          .isInstanceOf(NullPointerException.class)
          .hasMessage("withdrawnAt");
    }
  }

  /** A list of withdrawals against what the store holds of their events. */
  @Nested
  class ResolveWithdrawals {
    private static final String REASON = Withdrawal.ACLED_DELETED;

    private Withdrawal withdrawal(String id, Instant at) {
      return new Withdrawal(SourceSystem.ACLED, id, at, REASON);
    }

    private Held current(Instant timestamp, Instant... withdrawals) {
      return new Held(true, timestamp, Set.of(withdrawals));
    }

    private Held out(Instant... withdrawals) {
      return new Held(false, null, Set.of(withdrawals));
    }

    @Test
    void aCurrentEventStampedAtOrBeforeTheWithdrawalOrNotAtAllIsWithdrawn() {
      Withdrawal a = withdrawal("MLI1", T2);
      Withdrawal b = withdrawal("MLI2", T2);
      Withdrawal c = withdrawal("MLI3", T2);
      WithdrawalResolution r =
          Revisions.resolveWithdrawals(
              List.of(a, b, c),
              Map.of(
                  "acled:MLI1",
                  current(T1),
                  "acled:MLI2",
                  current(T2),
                  "acled:MLI3",
                  current(null)));

      assertThat(r.outcome()).isEqualTo(new WithdrawOutcome(3, 0, 0, 0));
      assertThat(r.removing()).containsExactly(a, b, c);
      assertThat(r.recorded()).containsExactly(a, b, c);
    }

    @Test
    void aCurrentEventStampedAfterTheWithdrawalStaysAndTheWithdrawalIsRecorded() {
      Withdrawal a = withdrawal("MLI1", T1);
      WithdrawalResolution r =
          Revisions.resolveWithdrawals(List.of(a), Map.of("acled:MLI1", current(T2)));

      assertThat(r.outcome()).isEqualTo(new WithdrawOutcome(0, 0, 0, 1));
      assertThat(r.removing()).isEmpty();
      assertThat(r.recorded()).containsExactly(a);
    }

    @Test
    void anEventTheStoreNeverHeldIsRecorded() {
      Withdrawal a = withdrawal("MLI1", T1);
      WithdrawalResolution r = Revisions.resolveWithdrawals(List.of(a), Map.of());

      assertThat(r.outcome()).isEqualTo(new WithdrawOutcome(0, 0, 1, 0));
      assertThat(r.removing()).isEmpty();
      assertThat(r.recorded()).containsExactly(a);
    }

    @Test
    void theSameWithdrawalRecordedBeforeChangesNothing() {
      // Recorded before; the event since reinstated by a version stamped after it, or still out.
      WithdrawalResolution r =
          Revisions.resolveWithdrawals(
              List.of(withdrawal("MLI1", T1), withdrawal("MLI2", T1)),
              Map.of("acled:MLI1", current(T2, T1), "acled:MLI2", out(T1)));

      assertThat(r.outcome()).isEqualTo(new WithdrawOutcome(0, 2, 0, 0));
      assertThat(r.removing()).isEmpty();
      assertThat(r.recorded()).isEmpty();
    }

    @Test
    void anotherWithdrawalOfAnEventOutOfTheViewIsRecordedAsAlreadyWithdrawn() {
      Withdrawal later = withdrawal("MLI1", T2);
      WithdrawalResolution r =
          Revisions.resolveWithdrawals(List.of(later), Map.of("acled:MLI1", out(T1)));

      assertThat(r.outcome()).isEqualTo(new WithdrawOutcome(0, 1, 0, 0));
      assertThat(r.recorded()).containsExactly(later);
      assertThat(r.removing()).isEmpty();
    }

    @Test
    void aListIsAppliedInItsOrder() {
      // MLI1 stamped T2: the withdrawal at T1 is outdated, the one at T3 takes it out, the repeat
      // of T3 was recorded a moment before. MLI9 is not held: its first withdrawal is "not held",
      // its second finds it withdrawn already.
      Withdrawal t1 = withdrawal("MLI1", T1);
      Withdrawal t3 = withdrawal("MLI1", T3);
      Withdrawal first = withdrawal("MLI9", T1);
      Withdrawal second = withdrawal("MLI9", T2);
      WithdrawalResolution r =
          Revisions.resolveWithdrawals(
              List.of(t1, t3, withdrawal("MLI1", T3), first, second),
              Map.of("acled:MLI1", current(T2)));

      assertThat(r.outcome()).isEqualTo(new WithdrawOutcome(1, 2, 1, 1));
      assertThat(r.outcome().total()).isEqualTo(5);
      assertThat(r.removing()).containsExactly(t3);
      assertThat(r.recorded()).containsExactly(t1, t3, first, second);
    }

    @Test
    void theLaterWithdrawalFirstLeavesTheEarlierOneNothingToTakeOut() {
      Withdrawal t3 = withdrawal("MLI1", T3);
      Withdrawal t1 = withdrawal("MLI1", T1);
      WithdrawalResolution r =
          Revisions.resolveWithdrawals(List.of(t3, t1), Map.of("acled:MLI1", current(null)));

      assertThat(r.outcome()).isEqualTo(new WithdrawOutcome(1, 1, 0, 0));
      assertThat(r.removing()).containsExactly(t3);
      assertThat(r.recorded()).containsExactly(t3, t1);
    }

    @Test
    void eventsAreToldApartBySource() {
      // ucdp:1 and acled:1 are two events.
      Withdrawal ucdp = new Withdrawal(SourceSystem.UCDP, "1", T1, "withdrawn by UCDP");
      WithdrawalResolution r =
          Revisions.resolveWithdrawals(List.of(ucdp), Map.of("acled:1", current(null)));

      assertThat(r.outcome()).isEqualTo(new WithdrawOutcome(0, 0, 1, 0));
    }

    @Test
    void anEmptyListDoesNothing() {
      WithdrawalResolution r = Revisions.resolveWithdrawals(List.of(), Map.of());

      assertThat(r.outcome()).isEqualTo(new WithdrawOutcome(0, 0, 0, 0));
      assertThat(r.recorded()).isEmpty();
      assertThat(r.removing()).isEmpty();
    }

    @Test
    void onlyACurrentVersionHasATimestamp() {
      assertThatThrownBy(() -> new Held(false, T1, Set.of()))
          .isInstanceOf(IllegalArgumentException.class);
    }
  }

  /** Every order of {@code items}. */
  private static List<List<Version>> permutations(List<Version> items) {
    if (items.isEmpty()) {
      return List.of(List.of());
    }
    List<List<Version>> out = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      List<Version> rest = new ArrayList<>(items);
      Version first = rest.remove(i);
      for (List<Version> tail : permutations(rest)) {
        List<Version> order = new ArrayList<>();
        order.add(first);
        order.addAll(tail);
        out.add(order);
      }
    }
    return out;
  }
}
