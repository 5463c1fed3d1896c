package org.harmattan.engine.write;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.harmattan.domain.event.Event;
import org.harmattan.domain.event.SourceSystem;
import org.junit.jupiter.api.Test;

/** A withdrawal and its outcome: what they accept, and the event id a withdrawal names. */
class WithdrawalTest {
  private static final Instant AT = Instant.ofEpochSecond(1747500000);

  @Test
  void aWithdrawalNamesTheEventByTheStoresId() {
    Withdrawal w = new Withdrawal(SourceSystem.ACLED, "MLI2665", AT, Withdrawal.ACLED_DELETED);

    assertThat(w.eventId())
        .isEqualTo("acled:MLI2665")
        .isEqualTo(Event.idFor(SourceSystem.ACLED, "MLI2665"));
    assertThat(w.reason()).isEqualTo("withdrawn by ACLED (deleted endpoint)");
  }

  @Test
  void theTimeIsKeptToTheMicrosecond() {
    Withdrawal w =
        new Withdrawal(
            SourceSystem.ACLED, "MLI1", AT.plusNanos(1_234_567), Withdrawal.ACLED_DELETED);

    assertThat(w.withdrawnAt()).isEqualTo(AT.plusNanos(1_234_000));
  }

  @Test
  void everyPartIsRequired() {
    assertThatThrownBy(() -> new Withdrawal(null, "MLI1", AT, "r"))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("source");
    assertThatThrownBy(() -> new Withdrawal(SourceSystem.ACLED, null, AT, "r"))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("sourceEventId");
    assertThatThrownBy(() -> new Withdrawal(SourceSystem.ACLED, "MLI1", null, "r"))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("withdrawnAt");
    assertThatThrownBy(() -> new Withdrawal(SourceSystem.ACLED, "MLI1", AT, null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("reason");
  }

  @Test
  void theIdAndTheReasonAreNotBlank() {
    assertThatThrownBy(() -> new Withdrawal(SourceSystem.ACLED, " ", AT, "r"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("sourceEventId");
    assertThatThrownBy(() -> new Withdrawal(SourceSystem.ACLED, "MLI1", AT, ""))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("reason");
  }

  @Test
  void anOutcomeCountsEveryWithdrawalOnceAndNeverBelowZero() {
    assertThat(new WithdrawOutcome(3, 2, 1, 1).total()).isEqualTo(7);
    assertThatThrownBy(() -> new WithdrawOutcome(0, -1, 0, 0))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
