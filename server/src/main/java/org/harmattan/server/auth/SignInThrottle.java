package org.harmattan.server.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Back-off after failed sign-ins, per account name and per client address: the first {@link
 * #FREE_FAILURES} failures cost nothing, then each further one doubles the wait (1 s, 2 s, 4 s …,
 * at most {@link #MAX_WAIT}). A success clears the name's record.
 */
public final class SignInThrottle {
  /** Failures allowed before waits begin. */
  public static final int FREE_FAILURES = 5;

  /** The longest wait. */
  public static final Duration MAX_WAIT = Duration.ofMinutes(15);

  /** The most records kept; past it, records idle for {@link #MAX_WAIT} are forgotten first. */
  public static final int MAX_RECORDS = 10_000;

  private record Failures(int count, Instant blockedUntil, Instant last) {}

  private final Map<String, Failures> byKey = new ConcurrentHashMap<>();
  private final Clock clock;

  public SignInThrottle(Clock clock) {
    this.clock = clock;
  }

  /** How long the caller must still wait, or {@link Duration#ZERO}. */
  public Duration waitFor(String name, String address) {
    Instant now = clock.instant();
    Duration longest = Duration.ZERO;
    for (String key : keys(name, address)) {
      Failures f = byKey.get(key);
      if (f != null && f.blockedUntil().isAfter(now)) {
        Duration d = Duration.between(now, f.blockedUntil());
        if (d.compareTo(longest) > 0) {
          longest = d;
        }
      }
    }
    return longest;
  }

  public void failed(String name, String address) {
    Instant now = clock.instant();
    for (String key : keys(name, address)) {
      byKey.compute(
          key,
          (k, f) -> {
            int count = f == null ? 1 : f.count() + 1;
            Duration wait = Duration.ZERO;
            if (count > FREE_FAILURES) {
              long seconds = 1L << Math.min(20, count - FREE_FAILURES - 1);
              wait = Duration.ofSeconds(Math.min(seconds, MAX_WAIT.toSeconds()));
            }
            return new Failures(count, now.plus(wait), now);
          });
    }
    if (byKey.size() > MAX_RECORDS) {
      forget(now);
    }
  }

  /**
   * Keeps memory bounded when many names are tried: records idle for {@link #MAX_WAIT} go first; if
   * that is not enough, the per-name records go (the per-address ones still slow the caller).
   */
  private void forget(Instant now) {
    Instant idle = now.minus(MAX_WAIT);
    byKey.values().removeIf(f -> f.last().isBefore(idle));
    if (byKey.size() > MAX_RECORDS) {
      byKey.keySet().removeIf(k -> k.startsWith("name:"));
    }
  }

  /** How many records are kept (for tests and monitoring). */
  public int size() {
    return byKey.size();
  }

  public void succeeded(String name) {
    byKey.remove("name:" + name);
  }

  private static String[] keys(String name, String address) {
    return new String[] {"name:" + name, "address:" + address};
  }
}
