package org.harmattan.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.HandlerType;
import io.javalin.http.SameSite;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.harmattan.domain.problem.ProblemCode;
import org.harmattan.engine.accounts.Account;
import org.harmattan.engine.accounts.Role;
import org.harmattan.server.auth.Authenticator;
import org.harmattan.server.auth.Sessions;
import org.harmattan.server.http.ApiProblem;
import org.harmattan.server.http.Json;
import org.harmattan.service.accounts.AccountService;
import org.harmattan.service.accounts.AccountViews;
import org.harmattan.service.accounts.Principal;

/** Signing in and out of the dashboard, and managing accounts (admin). */
final class AccountsResource {
  private final Api api;

  AccountsResource(Api api) {
    this.api = api;
  }

  List<ApiRoute> routes() {
    return List.of(
        ApiRoute.json(
            HandlerType.POST,
            "/api/v1/session",
            null,
            "accounts",
            "Sign in with name and password: sets an HttpOnly session cookie and returns the CSRF"
                + " token to send in X-CSRF-Token",
            List.of(),
            "SignIn",
            "Session",
            this::signIn),
        ApiRoute.json(
            HandlerType.GET,
            "/api/v1/session",
            Role.VIEWER,
            "accounts",
            "Who is signed in",
            List.of(),
            null,
            "Session",
            this::who),
        ApiRoute.json(
                HandlerType.DELETE,
                "/api/v1/session",
                Role.VIEWER,
                "accounts",
                "Sign out",
                List.of(),
                null,
                null,
                this::signOut)
            .withSuccess(204)
            .withMedia(List.of()),
        ApiRoute.json(
            HandlerType.GET,
            "/api/v1/users",
            Role.ADMIN,
            "accounts",
            "Every account with its role and state (never a password or token)",
            List.of(),
            null,
            "UserList",
            this::list),
        ApiRoute.json(
                HandlerType.POST,
                "/api/v1/users",
                Role.ADMIN,
                "accounts",
                "Add an account; its first API token is in the answer, shown only then",
                List.of(),
                "NewUser",
                "IssuedToken",
                this::add)
            .withSuccess(201),
        ApiRoute.json(
            HandlerType.POST,
            "/api/v1/users/{name}/disable",
            Role.ADMIN,
            "accounts",
            "Switch an account off: its tokens and sessions stop working",
            List.of(ApiRoute.Param.path("name", "Account name")),
            null,
            "User",
            ctx -> setDisabled(ctx, true)),
        ApiRoute.json(
            HandlerType.POST,
            "/api/v1/users/{name}/enable",
            Role.ADMIN,
            "accounts",
            "Switch an account on again",
            List.of(ApiRoute.Param.path("name", "Account name")),
            null,
            "User",
            ctx -> setDisabled(ctx, false)),
        ApiRoute.json(
                HandlerType.POST,
                "/api/v1/users/{name}/tokens",
                Role.ADMIN,
                "accounts",
                "Issue another API token for an account, shown only in this answer",
                List.of(ApiRoute.Param.path("name", "Account name")),
                null,
                "IssuedToken",
                this::token)
            .withSuccess(201));
  }

  private void signIn(Context ctx) {
    JsonNode body = Json.read(ctx.body());
    String name = text(body, "name");
    String password = text(body, "password");
    String address = ctx.ip();
    Duration wait = api.throttle().waitFor(name, address);
    if (!wait.isZero()) {
      ctx.header("Retry-After", Long.toString(Math.max(1, wait.toSeconds())));
      throw new ApiProblem(
          429,
          ProblemCode.TOO_MANY_ATTEMPTS,
          "too many failed sign-ins; try again in " + Math.max(1, wait.toSeconds()) + " s");
    }
    Optional<Principal> p = api.accounts().authenticatePassword(name, password.toCharArray());
    if (p.isEmpty()) {
      api.throttle().failed(name, address);
      throw new ApiProblem(401, ProblemCode.UNAUTHENTICATED, "the name or password is wrong");
    }
    api.throttle().succeeded(name);
    Sessions.Session s = api.sessions().open(p.get());
    Cookie cookie = new Cookie(Authenticator.COOKIE, s.id());
    cookie.setHttpOnly(true);
    cookie.setSameSite(SameSite.STRICT);
    cookie.setPath("/");
    cookie.setSecure("https".equals(ctx.scheme()));
    cookie.setMaxAge((int) Sessions.IDLE.toSeconds());
    ctx.cookie(cookie);
    SystemResource.ok(ctx, session(p.get(), s.csrf()));
  }

  private void who(Context ctx) {
    Principal p = api.authenticator().require(ctx, Role.VIEWER);
    String csrf =
        api.sessions()
            .find(ctx.cookie(Authenticator.COOKIE))
            .map(Sessions.Session::csrf)
            .orElse(null);
    SystemResource.ok(ctx, session(p, csrf));
  }

  private void signOut(Context ctx) {
    api.sessions().close(ctx.cookie(Authenticator.COOKIE));
    ctx.removeCookie(Authenticator.COOKIE, "/");
    ctx.status(204);
  }

  private void list(Context ctx) {
    List<Map<String, Object>> users = new ArrayList<>();
    for (Account a : api.accounts().list()) {
      users.add(AccountViews.account(a));
    }
    SystemResource.ok(ctx, Map.of("users", users));
  }

  private void add(Context ctx) {
    JsonNode body = Json.read(ctx.body());
    String name = text(body, "name");
    Role role =
        Role.find(text(body, "role"))
            .orElseThrow(
                () ->
                    ApiProblem.badParameter(
                        "role",
                        "'" + body.get("role").asText() + "' is not a role",
                        "viewer, analyst or admin"));
    char[] password =
        body.hasNonNull("password") ? body.get("password").asText().toCharArray() : null;
    AccountService.Issued issued = api.accounts().add(name, role, password);
    ctx.status(201);
    SystemResource.ok(
        ctx, AccountViews.issued(issued.account().name(), issued.account().role(), issued.token()));
  }

  private void setDisabled(Context ctx, boolean disabled) {
    Account a = api.accounts().setDisabled(ctx.pathParam("name"), disabled);
    if (disabled) {
      api.sessions().closeAll(a.name());
    }
    SystemResource.ok(ctx, AccountViews.account(a));
  }

  private void token(Context ctx) {
    Account a = api.accounts().get(ctx.pathParam("name"));
    String token = api.accounts().issueToken(a.name());
    ctx.status(201);
    SystemResource.ok(ctx, AccountViews.issued(a.name(), a.role(), token));
  }

  private static Map<String, Object> session(Principal p, String csrf) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("user", p.name());
    m.put("role", p.role().word());
    m.put("csrf", csrf);
    m.put("anonymous", Authenticator.ANONYMOUS.equals(p.name()));
    return m;
  }

  private static String text(JsonNode body, String field) {
    JsonNode n = body.get(field);
    if (n == null || !n.isTextual() || n.asText().isBlank()) {
      throw ApiProblem.badParameter(field, field + " is required in the JSON body", "a string");
    }
    return n.asText();
  }
}
