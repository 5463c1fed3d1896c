package org.harmattan.server.auth;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.harmattan.service.accounts.Principal;

/**
 * Dashboard sessions: a random id in an HttpOnly cookie and a CSRF token the page sends back in a
 * header. Held in memory: a restart signs everybody out. Idle sessions end after {@link #IDLE}.
 */
public final class Sessions {
  /** How long a session lives without a request. */
  public static final Duration IDLE = Duration.ofHours(8);

  /**
   * One session.
   *
   * @param id the cookie value
   * @param csrf the token state-changing requests must carry in {@code X-CSRF-Token}
   * @param principal who signed in
   * @param lastUsed the last request
   */
  public record Session(String id, String csrf, Principal principal, Instant lastUsed) {}

  private final Map<String, Session> sessions = new ConcurrentHashMap<>();
  private final SecureRandom random = new SecureRandom();
  private final Clock clock;

  public Sessions(Clock clock) {
    this.clock = clock;
  }

  public Session open(Principal p) {
    Session s = new Session(randomToken(), randomToken(), p, clock.instant());
    sessions.put(s.id(), s);
    return s;
  }

  /** The live session of {@code id}, touched; expired ones are dropped. */
  public Optional<Session> find(String id) {
    if (id == null) {
      return Optional.empty();
    }
    Session s = sessions.get(id);
    if (s == null) {
      return Optional.empty();
    }
    Instant now = clock.instant();
    if (s.lastUsed().plus(IDLE).isBefore(now)) {
      sessions.remove(id);
      return Optional.empty();
    }
    Session touched = new Session(s.id(), s.csrf(), s.principal(), now);
    sessions.put(id, touched);
    return Optional.of(touched);
  }

  public void close(String id) {
    if (id != null) {
      sessions.remove(id);
    }
  }

  /** Ends every session of {@code user} (when the account is disabled). */
  public void closeAll(String user) {
    sessions.values().removeIf(s -> s.principal().name().equals(user));
  }

  private String randomToken() {
    byte[] b = new byte[32];
    random.nextBytes(b);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
  }
}
