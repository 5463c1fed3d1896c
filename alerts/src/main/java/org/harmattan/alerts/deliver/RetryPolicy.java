package org.harmattan.alerts.deliver;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/**
 * How often a delivery is tried and how long it waits in between: exponential back-off, the delay
 * doubling after each failed attempt from {@code baseDelay} up to {@code maxDelay}. No jitter: the
 * delays are the same every time, so that a log can be read and a test can assert them.
 *
 * @param maxAttempts attempts in all, the first included; 1 means no retry
 * @param baseDelay the wait after the first failed attempt
 * @param maxDelay the longest wait, also the cap on a receiver's {@code Retry-After}
 */
public record RetryPolicy(int maxAttempts, Duration baseDelay, Duration maxDelay) {
  public RetryPolicy {
    requireNonNull(baseDelay, "baseDelay");
    requireNonNull(maxDelay, "maxDelay");
    if (maxAttempts < 1) {
      throw new IllegalArgumentException(
          "maxAttempts must be 1 or more (1 means no retry), got " + maxAttempts);
    }
    if (baseDelay.isNegative()) {
      throw new IllegalArgumentException("baseDelay must not be negative, got " + baseDelay);
    }
    if (maxDelay.compareTo(baseDelay) < 0) {
      throw new IllegalArgumentException(
          "maxDelay " + maxDelay + " is shorter than baseDelay " + baseDelay);
    }
  }

  /** 5 attempts, waiting 30 s, 1, 2 and 4 min in between; no wait longer than 15 min. */
  public static RetryPolicy defaults() {
    return new RetryPolicy(5, Duration.ofSeconds(30), Duration.ofMinutes(15));
  }

  /**
   * The wait after {@code failedAttempts} failed attempts: {@code baseDelay × 2^(failedAttempts −
   * 1)}, at most {@code maxDelay}.
   *
   * @param failedAttempts 1 or more
   */
  public Duration delayAfter(int failedAttempts) {
    if (failedAttempts < 1) {
      throw new IllegalArgumentException("failedAttempts must be 1 or more, got " + failedAttempts);
    }
    Duration delay = baseDelay;
    for (int i = 1; i < failedAttempts && delay.compareTo(maxDelay) < 0; i++) {
      delay = delay.multipliedBy(2);
    }
    return cap(delay);
  }

  /** {@code delay}, at most {@code maxDelay}. */
  public Duration cap(Duration delay) {
    return delay.compareTo(maxDelay) > 0 ? maxDelay : delay;
  }
}
