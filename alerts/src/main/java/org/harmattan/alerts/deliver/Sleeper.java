package org.harmattan.alerts.deliver;

import java.time.Duration;

/**
 * Waits between two attempts of a delivery. The senders wait only through this, so that a test can
 * record the delays asked for instead of sleeping, and a scheduler can wait its own way.
 */
@FunctionalInterface
public interface Sleeper {
  /**
   * Waits {@code duration}.
   *
   * @param duration how long, zero or more
   * @throws InterruptedException when the thread is interrupted while it waits
   */
  void sleep(Duration duration) throws InterruptedException;

  /** A sleeper that blocks the calling thread ({@link Thread#sleep(long)}). */
  static Sleeper system() {
    return duration -> Thread.sleep(duration.toMillis());
  }
}
