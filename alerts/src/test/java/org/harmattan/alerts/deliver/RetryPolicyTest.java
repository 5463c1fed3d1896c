package org.harmattan.alerts.deliver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The back-off's delays and the delivery record's rules. */
class RetryPolicyTest {
  @Test
  void delaysDoubleUpToTheCap() {
    RetryPolicy p = new RetryPolicy(10, Duration.ofSeconds(30), Duration.ofMinutes(5));
    assertThat(p.delayAfter(1)).isEqualTo(Duration.ofSeconds(30));
    assertThat(p.delayAfter(2)).isEqualTo(Duration.ofMinutes(1));
    assertThat(p.delayAfter(3)).isEqualTo(Duration.ofMinutes(2));
    assertThat(p.delayAfter(4)).isEqualTo(Duration.ofMinutes(4));
    assertThat(p.delayAfter(5)).isEqualTo(Duration.ofMinutes(5));
    assertThat(p.delayAfter(Integer.MAX_VALUE)).isEqualTo(Duration.ofMinutes(5));
    assertThat(p.cap(Duration.ofHours(1))).isEqualTo(Duration.ofMinutes(5));
  }

  @Test
  void defaultsWaitHalfAMinuteThenDouble() {
    RetryPolicy p = RetryPolicy.defaults();
    assertThat(p.maxAttempts()).isEqualTo(5);
    assertThat(p.delayAfter(1)).isEqualTo(Duration.ofSeconds(30));
    assertThat(p.delayAfter(4)).isEqualTo(Duration.ofMinutes(4));
  }

  @Test
  void badPoliciesAreRefused() {
    assertThatThrownBy(() -> new RetryPolicy(0, Duration.ofSeconds(1), Duration.ofSeconds(1)))
        .hasMessageContaining("maxAttempts must be 1 or more");
    assertThatThrownBy(() -> new RetryPolicy(3, Duration.ofSeconds(-1), Duration.ofSeconds(1)))
        .hasMessageContaining("baseDelay must not be negative");
    assertThatThrownBy(() -> new RetryPolicy(3, Duration.ofSeconds(10), Duration.ofSeconds(1)))
        .hasMessageContaining("maxDelay PT1S is shorter than baseDelay PT10S");
  }

  @Test
  void aDeadLetterSaysWhyOnOneLine() {
    Instant t = Instant.parse("2025-02-01T06:00:00Z");
    Delivery d =
        new Delivery(
            "a/MLI/2025-01-31",
            Channel.EMAIL,
            "analyst@ngo.test",
            2,
            Delivery.Outcome.DEAD_LETTER,
            451,
            "SMTP server answered\r\n  451 busy ",
            t);
    assertThat(d.lastError()).isEqualTo("SMTP server answered 451 busy");
    assertThatThrownBy(
            () ->
                new Delivery(
                    "a", Channel.EMAIL, "x@y.test", 1, Delivery.Outcome.DEAD_LETTER, null, " ", t))
        .hasMessageContaining("a dead letter must say why");
    assertThatThrownBy(
            () ->
                new Delivery(
                    "a", Channel.EMAIL, "x@y.test", 0, Delivery.Outcome.DELIVERED, 250, null, t))
        .hasMessageContaining("1 attempt or more");
  }
}
