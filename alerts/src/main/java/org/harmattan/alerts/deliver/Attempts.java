package org.harmattan.alerts.deliver;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The retry loop the senders share: attempt, and after a temporary failure wait and attempt again,
 * until the receiver accepts, refuses for good, or the attempts run out.
 */
final class Attempts {
  private Attempts() {}

  /** What one attempt came to. */
  sealed interface Result permits Accepted, Temporary, Permanent {}

  /**
   * The receiver accepted the alert.
   *
   * @param status the HTTP status or SMTP reply code
   */
  record Accepted(Integer status) implements Result {}

  /**
   * A failure worth another attempt.
   *
   * @param status the HTTP status or SMTP reply code, or null
   * @param error what happened, one line
   * @param retryAfter the wait the receiver asked for ({@code Retry-After}), or null for the
   *     back-off
   */
  record Temporary(Integer status, String error, Duration retryAfter) implements Result {}

  /**
   * A failure another attempt would not mend.
   *
   * @param status the HTTP status or SMTP reply code, or null
   * @param error what happened and why it is not retried, one line
   */
  record Permanent(Integer status, String error) implements Result {}

  /** One attempt. */
  @FunctionalInterface
  interface Attempt {
    /**
     * Tries once.
     *
     * @param number 1 for the first attempt
     */
    Result run(int number);
  }

  static Delivery run(
      String alertId,
      Channel channel,
      String recipient,
      RetryPolicy retry,
      Sleeper sleeper,
      Clock clock,
      Attempt attempt) {
    for (int n = 1; ; n++) {
      Instant at = clock.instant();
      Result result = attempt.run(n);
      if (result instanceof Accepted a) {
        return new Delivery(
            alertId, channel, recipient, n, Delivery.Outcome.DELIVERED, a.status(), null, at);
      }
      if (result instanceof Permanent p) {
        return deadLetter(alertId, channel, recipient, n, p.status(), p.error(), at);
      }
      Temporary t = (Temporary) result;
      if (n >= retry.maxAttempts()) {
        return deadLetter(
            alertId,
            channel,
            recipient,
            n,
            t.status(),
            "gave up after " + attempts(n) + "; the last: " + t.error(),
            at);
      }
      Duration wait = t.retryAfter() == null ? retry.delayAfter(n) : retry.cap(t.retryAfter());
      try {
        sleeper.sleep(wait);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return deadLetter(
            alertId,
            channel,
            recipient,
            n,
            t.status(),
            "interrupted while waiting to retry after " + attempts(n) + "; the last: " + t.error(),
            at);
      }
    }
  }

  private static Delivery deadLetter(
      String alertId,
      Channel channel,
      String recipient,
      int attempts,
      Integer status,
      String error,
      Instant at) {
    return new Delivery(
        alertId, channel, recipient, attempts, Delivery.Outcome.DEAD_LETTER, status, error, at);
  }

  private static String attempts(int n) {
    return n == 1 ? "1 attempt" : n + " attempts";
  }
}
