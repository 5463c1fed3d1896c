package org.harmattan.server.auth;

import io.javalin.http.Context;
import java.util.Locale;
import java.util.Optional;
import org.harmattan.domain.problem.ProblemCode;
import org.harmattan.engine.accounts.Role;
import org.harmattan.server.http.ApiProblem;
import org.harmattan.service.accounts.AccountService;
import org.harmattan.service.accounts.Principal;

/**
 * Finds who made a request: {@code Authorization: Bearer TOKEN}, else the dashboard's session
 * cookie (then a state-changing request must also carry the session's {@code X-CSRF-Token}); a
 * caller with neither is anonymous, with the role the server grants anonymous visitors, if any.
 */
public final class Authenticator {
  /** The session cookie's name. */
  public static final String COOKIE = "harmattan_session";

  /** The header carrying the CSRF token. */
  public static final String CSRF_HEADER = "X-CSRF-Token";

  private static final String PRINCIPAL = "harmattan.principal";

  /** The name an anonymous caller goes by; never an account's name (those have no spaces). */
  public static final String ANONYMOUS = "anonymous visitor";

  private final AccountService accounts;
  private final Sessions sessions;
  private final Role anonymous;

  /**
   * @param anonymous the role of callers without credentials, or null when every guarded resource
   *     needs credentials
   */
  public Authenticator(AccountService accounts, Sessions sessions, Role anonymous) {
    this.accounts = accounts;
    this.sessions = sessions;
    this.anonymous = anonymous;
  }

  /** The role of callers without credentials, if the server grants one. */
  public Optional<Role> anonymousRole() {
    return Optional.ofNullable(anonymous);
  }

  /** Resolves the caller once per request; a bad token is a 401, never a silent anonymous. */
  public Optional<Principal> identify(Context ctx) {
    Optional<Principal> known = Optional.ofNullable(ctx.attribute(PRINCIPAL));
    if (known.isPresent()) {
      return known;
    }
    String header = ctx.header("Authorization");
    Optional<Principal> p;
    if (header != null && !header.isBlank()) {
      if (!header.regionMatches(true, 0, "Bearer ", 0, 7)) {
        throw new ApiProblem(
            401,
            ProblemCode.UNAUTHENTICATED,
            "the Authorization header is not a bearer token",
            "Authorization",
            "Bearer TOKEN");
      }
      p = accounts.authenticateToken(header.substring(7).strip());
      if (p.isEmpty()) {
        throw new ApiProblem(
            401,
            ProblemCode.UNAUTHENTICATED,
            "the bearer token is not valid (unknown, revoked, or of a disabled account)",
            "Authorization",
            "Bearer TOKEN from harmattan users add or users token");
      }
    } else {
      Optional<Sessions.Session> s = sessions.find(ctx.cookie(COOKIE));
      if (s.isPresent() && !accounts.stillValid(s.get().principal())) {
        sessions.close(s.get().id());
        s = Optional.empty();
      }
      if (s.isPresent() && unsafe(ctx.method().name())) {
        String csrf = ctx.header(CSRF_HEADER);
        if (csrf == null || !constantTimeEquals(csrf, s.get().csrf())) {
          throw new ApiProblem(
              403,
              ProblemCode.CSRF,
              "a request made with the session cookie must carry the session's anti-forgery"
                  + " token",
              CSRF_HEADER,
              "the csrf value returned when signing in");
        }
      }
      p = s.map(Sessions.Session::principal);
    }
    p.ifPresent(x -> ctx.attribute(PRINCIPAL, x));
    return p;
  }

  /** The caller, who must have at least {@code needed}: else 401 (nobody) or 403 (too low). */
  public Principal require(Context ctx, Role needed) {
    Principal p =
        identify(ctx)
            .or(() -> anonymousRole().map(r -> new Principal(ANONYMOUS, r)))
            .orElseThrow(
                () ->
                    new ApiProblem(
                        401,
                        ProblemCode.UNAUTHENTICATED,
                        "this resource needs credentials",
                        "Authorization",
                        "Bearer TOKEN"));
    if (!p.role().covers(needed)) {
      throw new ApiProblem(
          403,
          ProblemCode.FORBIDDEN,
          "this resource needs the role "
              + needed.word()
              + (p.name().equals(ANONYMOUS)
                  ? "; sign in (anonymous visitors are " + p.role().word() + "s)"
                  : "; the account " + p.name() + " is " + p.role().word()));
    }
    return p;
  }

  private static boolean unsafe(String method) {
    String m = method.toUpperCase(Locale.ROOT);
    return !(m.equals("GET") || m.equals("HEAD") || m.equals("OPTIONS"));
  }

  private static boolean constantTimeEquals(String a, String b) {
    return java.security.MessageDigest.isEqual(
        a.getBytes(java.nio.charset.StandardCharsets.UTF_8),
        b.getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }
}
