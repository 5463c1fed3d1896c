package org.harmattan.testsupport.acled;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * ACLED's API as documented (2025), in the test's JVM on the loopback: the token endpoint with the
 * password and refresh-token grants and expiring tokens (by the test's clock), the events endpoint
 * with its {@code iso}, {@code country}, {@code event_date} BETWEEN and {@code timestamp} {@code >}
 * filters and paging, the deleted endpoint. Canned answers stand in for chosen requests.
 */
@SuppressForbidden(reason = "the JDK's HTTP server plays ACLED's API for the real client")
public final class FakeAcledApi implements AutoCloseable {
  public static final String USERNAME = "analyst@example.org";
  public static final String PASSWORD = "correct horse battery staple";
  public static final long EXPIRES_IN = 86_400;
  public static final Duration REFRESH_LIFETIME = Duration.ofDays(14);

  /** Numbers are kept as written in the fixture ({@code 14.4940}), as a server would send them. */
  private static final ObjectMapper MAPPER =
      new ObjectMapper()
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .configure(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false);

  /** An answer given instead of the documented one; status 0 closes the connection unanswered. */
  public record Canned(int status, Map<String, String> headers, String body) {
    public static Canned of(int status, String body) {
      return new Canned(status, Map.of(), body);
    }

    public static Canned hangUp() {
      return new Canned(0, Map.of(), "");
    }
  }

  /** A request as received, its query or form decoded. */
  public record Received(
      String method, String path, Map<String, String> parameters, String bearer) {
    public String get(String name) {
      return parameters.get(name);
    }
  }

  private final Clock clock;
  private final HttpServer server;
  private final List<JsonNode> events;
  private final List<JsonNode> deletions;
  private final List<Received> received = Collections.synchronizedList(new ArrayList<>());
  private final Map<String, Instant> accessTokens = new HashMap<>();
  private final Map<String, Instant> refreshTokens = new HashMap<>();
  private final Set<String> revoked = new HashSet<>();
  private final Deque<Canned> nextData = new ArrayDeque<>();
  private final Map<Integer, Canned> pageAnswers = new HashMap<>();
  private Canned everyData;
  private boolean refuseEveryToken;
  private int issued;

  public FakeAcledApi(Clock clock) throws IOException {
    this.clock = clock;
    this.events = new ArrayList<>(rows("events-mali-2022-05.json"));
    this.deletions = new ArrayList<>(rows("deleted.json"));
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/oauth/token", this::token);
    server.createContext("/api/acled/read", ex -> data(ex, events, this::eventMatches));
    server.createContext("/api/deleted/read", ex -> data(ex, deletions, this::deletionMatches));
    server.start();
  }

  /** The fixture rows of {@code org/harmattan/testsupport/acled} (see its README), in order. */
  public static List<JsonNode> rows(String fixture) {
    try (InputStream in = FakeAcledApi.class.getResourceAsStream(fixture)) {
      if (in == null) {
        throw new IllegalArgumentException("no ACLED API fixture " + fixture);
      }
      List<JsonNode> out = new ArrayList<>();
      MAPPER.readTree(in).forEach(out::add);
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Publishes {@code row} as ACLED does a new or revised event: it replaces the row of the same
   * {@code event_id_cnty}, or is added after the others.
   */
  public synchronized void putEvent(JsonNode row) {
    String id = row.path("event_id_cnty").asText();
    for (int i = 0; i < events.size(); i++) {
      if (events.get(i).path("event_id_cnty").asText().equals(id)) {
        events.set(i, row);
        return;
      }
    }
    events.add(row);
  }

  /** Withdraws an event as ACLED does: gone from the events, listed by the deleted endpoint. */
  public synchronized void delete(String eventIdCnty, Instant deletedAt) {
    events.removeIf(r -> r.path("event_id_cnty").asText().equals(eventIdCnty));
    ObjectNode d = MAPPER.createObjectNode();
    d.put("event_id_cnty", eventIdCnty);
    d.put("deleted_timestamp", Long.toString(deletedAt.getEpochSecond()));
    deletions.add(d);
  }

  public URI base() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  public List<Received> received() {
    synchronized (received) {
      return List.copyOf(received);
    }
  }

  /** The requests to {@code path}, in order. */
  public List<Received> received(String path) {
    return received().stream().filter(r -> r.path().equals(path)).toList();
  }

  /** Answers the next data request (events or deletions) with {@code canned}, once. */
  public synchronized void answerNext(Canned canned) {
    nextData.add(canned);
  }

  /** Answers the first request for page {@code page} with {@code canned}. */
  public synchronized void answerPage(int page, Canned canned) {
    pageAnswers.put(page, canned);
  }

  /** Answers every data request with {@code canned}. */
  public synchronized void answerEveryData(Canned canned) {
    everyData = canned;
  }

  /** Withdraws every access token issued so far, as when ACLED revokes them. */
  public synchronized void revokeAccessTokens() {
    revoked.addAll(accessTokens.keySet());
  }

  /** Withdraws every refresh token issued so far. */
  public synchronized void revokeRefreshTokens() {
    revoked.addAll(refreshTokens.keySet());
  }

  /** Refuses every bearer token, new ones included. */
  public synchronized void refuseEveryToken() {
    refuseEveryToken = true;
  }

  @Override
  public void close() {
    server.stop(0);
  }

  // --- the token endpoint -----------------------------------------------------------------------

  private synchronized void token(HttpExchange ex) throws IOException {
    Map<String, String> form =
        decode(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
    received.add(new Received(ex.getRequestMethod(), "/oauth/token", form, null));
    if (!ex.getRequestMethod().equals("POST")
        || !"application/x-www-form-urlencoded"
            .equals(ex.getRequestHeaders().getFirst("Content-Type"))) {
      send(ex, 405, "{\"error\":\"invalid_request\"}", Map.of());
      return;
    }
    Instant now = clock.instant();
    String grant = form.getOrDefault("grant_type", "");
    boolean ok;
    if (grant.equals("password")) {
      ok =
          USERNAME.equals(form.get("username"))
              && PASSWORD.equals(form.get("password"))
              && "acled".equals(form.get("client_id"))
              && "authenticated".equals(form.get("scope"));
      if (!ok) {
        send(
            ex,
            401,
            "{\"error\":\"invalid_grant\",\"error_description\":\"The user credentials were"
                + " incorrect.\"}",
            Map.of());
        return;
      }
    } else if (grant.equals("refresh_token")) {
      String refresh = form.getOrDefault("refresh_token", "");
      Instant expires = refreshTokens.get(refresh);
      ok =
          expires != null
              && now.isBefore(expires)
              && !revoked.contains(refresh)
              && "acled".equals(form.get("client_id"));
      if (!ok) {
        send(
            ex,
            400,
            "{\"error\":\"invalid_grant\",\"error_description\":\"The refresh token is"
                + " invalid.\"}",
            Map.of());
        return;
      }
      revoked.add(refresh);
    } else {
      send(ex, 400, "{\"error\":\"unsupported_grant_type\"}", Map.of());
      return;
    }
    issued++;
    String access = "access-" + issued;
    String refresh = "refresh-" + issued;
    accessTokens.put(access, now.plusSeconds(EXPIRES_IN));
    refreshTokens.put(refresh, now.plus(REFRESH_LIFETIME));
    ObjectNode body = MAPPER.createObjectNode();
    body.put("token_type", "Bearer");
    body.put("expires_in", EXPIRES_IN);
    body.put("access_token", access);
    body.put("refresh_token", refresh);
    send(ex, 200, body.toString(), Map.of());
  }

  // --- the events and deleted endpoints ---------------------------------------------------------

  private interface Filter {
    boolean matches(JsonNode row, Map<String, String> q);
  }

  private synchronized void data(HttpExchange ex, List<JsonNode> rows, Filter filter)
      throws IOException {
    Map<String, String> q = decode(ex.getRequestURI().getRawQuery());
    String auth = ex.getRequestHeaders().getFirst("Authorization");
    String bearer = auth != null && auth.startsWith("Bearer ") ? auth.substring(7) : null;
    received.add(new Received(ex.getRequestMethod(), ex.getRequestURI().getPath(), q, bearer));
    Instant expires = bearer == null ? null : accessTokens.get(bearer);
    if (refuseEveryToken
        || expires == null
        || !clock.instant().isBefore(expires)
        || revoked.contains(bearer)) {
      send(
          ex,
          401,
          "{\"status\":401,\"success\":false,\"error\":{\"message\":\"Access denied\"}}",
          Map.of());
      return;
    }
    int page = Integer.parseInt(q.getOrDefault("page", "1"));
    Canned canned = nextData.poll();
    if (canned == null) {
      canned = pageAnswers.remove(page);
    }
    if (canned == null) {
      canned = everyData;
    }
    if (canned != null && canned.status() == 0) {
      ex.close();
      return;
    }
    if (canned != null) {
      send(ex, canned.status(), canned.body(), canned.headers());
      return;
    }
    if (!"json".equals(q.get("_format"))) {
      send(ex, 400, "{\"status\":400,\"success\":false,\"error\":\"_format\"}", Map.of());
      return;
    }
    int limit = Integer.parseInt(q.getOrDefault("limit", "5000"));
    List<JsonNode> selected = rows.stream().filter(r -> filter.matches(r, q)).toList();
    int from = Math.min((page - 1) * limit, selected.size());
    int to = Math.min(from + limit, selected.size());
    ArrayNode data = MAPPER.createArrayNode();
    selected.subList(from, to).forEach(data::add);
    ObjectNode body = MAPPER.createObjectNode();
    body.put("status", 200);
    body.put("success", true);
    body.put("count", data.size());
    body.set("data", data);
    send(ex, 200, body.toString(), Map.of());
  }

  private boolean eventMatches(JsonNode row, Map<String, String> q) {
    if (q.containsKey("iso") && !q.get("iso").equals(row.path("iso").asText())) {
      return false;
    }
    if (q.containsKey("country") && !q.get("country").equals(row.path("country").asText())) {
      return false;
    }
    if (q.containsKey("event_date")) {
      if (!"BETWEEN".equals(q.get("event_date_where"))) {
        throw new IllegalStateException("the fake knows event_date BETWEEN only");
      }
      String[] range = q.get("event_date").split("\\|", -1);
      String date = row.path("event_date").asText();
      if (date.compareTo(range[0]) < 0 || date.compareTo(range[1]) > 0) {
        return false;
      }
    }
    return after(row, "timestamp", q);
  }

  private boolean deletionMatches(JsonNode row, Map<String, String> q) {
    return after(row, "deleted_timestamp", q);
  }

  private static boolean after(JsonNode row, String field, Map<String, String> q) {
    if (!q.containsKey(field)) {
      return true;
    }
    if (!">".equals(q.get(field + "_where"))) {
      throw new IllegalStateException("the fake knows " + field + "_where=> only");
    }
    return Long.parseLong(row.path(field).asText()) > Long.parseLong(q.get(field));
  }

  // --- helpers ----------------------------------------------------------------------------------

  private static Map<String, String> decode(String encoded) {
    Map<String, String> out = new LinkedHashMap<>();
    if (encoded == null || encoded.isEmpty()) {
      return out;
    }
    for (String pair : encoded.split("&", -1)) {
      int eq = pair.indexOf('=');
      String k = eq < 0 ? pair : pair.substring(0, eq);
      String v = eq < 0 ? "" : pair.substring(eq + 1);
      out.put(
          URLDecoder.decode(k, StandardCharsets.UTF_8),
          URLDecoder.decode(v, StandardCharsets.UTF_8));
    }
    return out;
  }

  private static void send(HttpExchange ex, int status, String body, Map<String, String> headers)
      throws IOException {
    byte[] b = body.getBytes(StandardCharsets.UTF_8);
    headers.forEach((k, v) -> ex.getResponseHeaders().add(k, v));
    if (!headers.containsKey("Content-Type")) {
      ex.getResponseHeaders().add("Content-Type", "application/json");
    }
    ex.sendResponseHeaders(status, b.length == 0 ? -1 : b.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(b);
    }
  }
}
