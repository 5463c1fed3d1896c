package org.harmattan.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.harmattan.server.auth.SignInThrottle;
import org.junit.jupiter.api.Test;

/** The sign-in back-off: free failures, doubling waits, and bounded memory. */
class SignInThrottleTest {
  private static final Clock NOW =
      Clock.fixed(Instant.parse("2026-12-02T10:00:00Z"), ZoneOffset.UTC);

  @Test
  void fiveFailuresAreFreeThenEachDoublesTheWait() {
    Clock clock = NOW;
    SignInThrottle t = new SignInThrottle(clock);
    for (int i = 0; i < 5; i++) {
      t.failed("zoe", "10.0.0.1");
    }
    assertThat(t.waitFor("zoe", "10.0.0.1")).isZero();
    t.failed("zoe", "10.0.0.1");
    assertThat(t.waitFor("zoe", "10.0.0.1")).isEqualTo(Duration.ofSeconds(1));
    t.failed("zoe", "10.0.0.1");
    assertThat(t.waitFor("zoe", "10.0.0.1")).isEqualTo(Duration.ofSeconds(2));
    // Another address trying the same name waits too; the name's record is what counts.
    assertThat(t.waitFor("zoe", "10.0.0.2")).isEqualTo(Duration.ofSeconds(2));
    t.succeeded("zoe");
    assertThat(t.waitFor("zoe", "10.0.0.2")).isZero();
    // The address keeps its record: the same address trying another name still waits.
    assertThat(t.waitFor("amadou", "10.0.0.1")).isEqualTo(Duration.ofSeconds(2));
  }

  @Test
  void manyNamesDoNotGrowTheRecordsWithoutBound() {
    Clock clock = NOW;
    SignInThrottle t = new SignInThrottle(clock);
    for (int i = 0; i < 3 * SignInThrottle.MAX_RECORDS; i++) {
      t.failed("name-" + i, "10.0.0.9");
    }
    assertThat(t.size()).isLessThanOrEqualTo(SignInThrottle.MAX_RECORDS + 1);
    // The attacker's address still waits after the per-name records were dropped.
    assertThat(t.waitFor("anyone", "10.0.0.9")).isPositive();
  }
}
