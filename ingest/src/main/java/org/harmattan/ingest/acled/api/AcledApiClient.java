package org.harmattan.ingest.acled.api;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.StringJoiner;
import org.harmattan.domain.error.ErrorCategory;
import org.harmattan.domain.error.HarmattanException;
import org.harmattan.domain.problem.ProblemCode;

/**
 * A client for ACLED's live API as documented since 2025: {@code POST /oauth/token} for tokens,
 * {@code GET /api/acled/read} for events and {@code GET /api/deleted/read} for deletions, on {@code
 * java.net.http}.
 *
 * <p><b>Tokens.</b> The first request obtains a token with the password grant ({@code
 * client_id=acled}, {@code scope=authenticated}). The access token is renewed {@link
 * Settings#refreshMargin()} before it expires ({@code expires_in}, by the injected clock) with the
 * refresh-token grant, and once when a data request is answered 401; when the refresh token is
 * refused (HTTP 400 or 401) or past its lifetime, the password grant stands in. ACLED's answer does
 * not give the refresh token's lifetime: the documented 14 days are taken. A 401 or 400 to the
 * password grant means the credentials are refused; the message names where they came from, never
 * their values, and neither the credentials nor a token is written anywhere.
 *
 * <p><b>Pages.</b> Pages of {@link AcledQuery#pageSize()} rows are asked for from page 1 until one
 * holds fewer rows (an empty one included). A page must be a JSON object whose {@code data} is an
 * array of flat objects with the same fields (those of the first row) and, when it has a {@code
 * count}, as many rows as it says; a page that is not, or one with more rows than the limit, fails
 * the read with a {@link ProblemCode#SOURCE_MALFORMED} error naming the page and its offset, and
 * nothing is kept of it. {@code success:false} fails the read with ACLED's message ({@link
 * ProblemCode#SOURCE_REFUSED}). Paging by offset over live data can miss a row that moves to an
 * earlier page while the read runs; a watcher therefore asks for changes after the start of its
 * previous read rather than after the latest {@code timestamp} it saw.
 *
 * <p><b>Retries.</b> A 429, a 5xx or a request that times out is sent again after an exponential
 * back-off ({@link Settings#baseDelay()} doubling up to {@link Settings#maxDelay()}), at most
 * {@link Settings#maxAttempts()} times in all; a 429's {@code Retry-After} (seconds or an HTTP
 * date) is honoured, and one longer than the longest wait fails at once rather than be cut short.
 * Waits go through the injected {@link Sleeper}. A connection that cannot be made (refused, an
 * unknown host, no answer to connect) is not retried: the machine seems offline, and the error
 * ({@link ProblemCode#SOURCE_UNREACHABLE}) says which address it tried. Redirects are not followed,
 * so that a token or a password never goes elsewhere.
 *
 * <p><b>Output.</b> {@link #readEvents} writes the rows to a CSV file in ACLED's export layout: the
 * header is the JSON field names in the order of the first row, the values their text (numbers as
 * written, {@code null} as an empty field), so that the event ingest recognises the file as ACLED's
 * and records its SHA-256 and lines as for a user's file. The file is written under a temporary
 * name and renamed when the last page is in: a read that fails leaves no file.
 *
 * <p>Calls are serialised: one client holds one token and reads one thing at a time.
 */
public final class AcledApiClient {
  /** ACLED's API. */
  public static final URI ACLED = URI.create("https://acleddata.com");

  /** The refresh token's lifetime, as documented; ACLED's token answer does not give it. */
  static final Duration REFRESH_TOKEN_LIFETIME = Duration.ofDays(14);

  private static final String EVENTS_PATH = "/api/acled/read";
  private static final String DELETED_PATH = "/api/deleted/read";
  private static final String TOKEN_PATH = "/oauth/token";
  private static final String EXPECTED_PAGE =
      "a JSON object {\"success\":true,\"count\":…,\"data\":[{…},…]}";
  private static final int SNIPPET_CHARS = 200;
  private static final DateTimeFormatter FILE_TIME =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);
  private static final ObjectMapper MAPPER =
      new ObjectMapper()
          // Coordinates sent as JSON numbers are written as the API wrote them, not as doubles.
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .configure(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false);

  /**
   * Waits between two attempts. The client waits only through this, so that a test records the
   * delays instead of sleeping and a scheduler may wait its own way.
   */
  @FunctionalInterface
  public interface Sleeper {
    /**
     * Waits {@code duration}.
     *
     * @throws InterruptedException when the thread is interrupted while it waits
     */
    void sleep(Duration duration) throws InterruptedException;

    /** A sleeper that blocks the calling thread. */
    static Sleeper system() {
      return duration -> Thread.sleep(duration.toMillis());
    }
  }

  /**
   * Timeouts, retries and token renewal.
   *
   * @param connectTimeout how long to wait for a connection
   * @param requestTimeout how long to wait for a whole answer (a page of 5000 rows is several MB)
   * @param maxAttempts attempts of one request in all, the first included; 1 means no retry
   * @param baseDelay the wait after the first failed attempt, doubled after each further one
   * @param maxDelay the longest wait; a {@code Retry-After} longer than it fails the read
   * @param refreshMargin how long before its expiry the access token is renewed
   */
  public record Settings(
      Duration connectTimeout,
      Duration requestTimeout,
      int maxAttempts,
      Duration baseDelay,
      Duration maxDelay,
      Duration refreshMargin) {
    public Settings {
      requireNonNull(connectTimeout, "connectTimeout");
      requireNonNull(requestTimeout, "requestTimeout");
      requireNonNull(baseDelay, "baseDelay");
      requireNonNull(maxDelay, "maxDelay");
      requireNonNull(refreshMargin, "refreshMargin");
      if (maxAttempts < 1) {
        throw new IllegalArgumentException("maxAttempts must be 1 or more, got " + maxAttempts);
      }
      if (baseDelay.isNegative() || maxDelay.compareTo(baseDelay) < 0) {
        throw new IllegalArgumentException(
            "need 0 <= baseDelay <= maxDelay, got " + baseDelay + " and " + maxDelay);
      }
      if (refreshMargin.isNegative()) {
        throw new IllegalArgumentException("refreshMargin must not be negative");
      }
    }

    /**
     * 10 s to connect, 2 min for an answer; 5 attempts waiting 5, 10, 20 and 40 s, no wait longer
     * than 5 min; tokens renewed 10 min before they expire.
     */
    public static Settings defaults() {
      return new Settings(
          Duration.ofSeconds(10),
          Duration.ofMinutes(2),
          5,
          Duration.ofSeconds(5),
          Duration.ofMinutes(5),
          Duration.ofMinutes(10));
    }
  }

  /** A token as the token endpoint gave it, with its expiries by the client's clock. */
  private record Token(
      String access, String refresh, Instant accessExpiresAt, Instant refreshExpiresAt) {}

  /** The requests of one call. */
  private static final class Counts {
    int requests;
    int retries;
  }

  private final URI base;
  private final AcledCredentials credentials;
  private final Settings settings;
  private final Clock clock;
  private final Sleeper sleeper;
  private final HttpClient http;
  private Token token;

  /**
   * @param base the API's address, {@link #ACLED} but in tests
   */
  public AcledApiClient(
      URI base, AcledCredentials credentials, Settings settings, Clock clock, Sleeper sleeper) {
    this.base = requireNonNull(base, "base");
    this.credentials = requireNonNull(credentials, "credentials");
    this.settings = requireNonNull(settings, "settings");
    this.clock = requireNonNull(clock, "clock");
    this.sleeper = requireNonNull(sleeper, "sleeper");
    this.http =
        HttpClient.newBuilder()
            .connectTimeout(settings.connectTimeout())
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
  }

  /**
   * Reads every page of {@code query} and writes the rows to {@code
   * acled-api-<ISO3>-<yyyyMMdd'T'HHmmss'Z'>.csv} in {@code folder} (created if missing), named
   * after the clock's time at the start of the read.
   *
   * @throws HarmattanException when the API cannot be reached, refuses, keeps failing or answers a
   *     page that is not as documented; no file is left then
   */
  public synchronized AcledReadResult readEvents(AcledQuery query, Path folder) {
    requireNonNull(query, "query");
    requireNonNull(folder, "folder");
    Counts counts = new Counts();
    String name = "acled-api-" + query.iso3() + "-" + FILE_TIME.format(clock.instant());
    String what = "the events of " + query.countryName();
    Path part = folder.resolve("." + name + ".csv.part");
    EventRows rows = new EventRows(part, query);
    int page = 0;
    try {
      int size;
      do {
        page++;
        JsonNode data =
            getPage(EVENTS_PATH, query.parameters(), query.pageSize(), page, what, counts);
        size = data.size();
        rows.add(data, page, (long) (page - 1) * query.pageSize(), what);
      } while (size == query.pageSize());
      rows.close();
      Optional<Path> file =
          rows.written == 0 ? Optional.empty() : Optional.of(moveInPlace(part, folder, name));
      return new AcledReadResult(
          file,
          rows.written,
          page,
          Optional.ofNullable(rows.maxTimestamp),
          counts.requests,
          counts.retries);
    } finally {
      rows.abandon();
    }
  }

  /** {@link #listDeletions(Instant, int)} in pages of {@value AcledQuery#MAX_PAGE_SIZE}. */
  public List<AcledDeletion> listDeletions(Instant since) {
    return listDeletions(since, AcledQuery.MAX_PAGE_SIZE);
  }

  /**
   * The events ACLED deleted after {@code since} (to the second), every country, in the order
   * given.
   *
   * @param pageSize rows asked for a page, 1 to {@value AcledQuery#MAX_PAGE_SIZE}
   * @throws HarmattanException as {@link #readEvents} does
   */
  public synchronized List<AcledDeletion> listDeletions(Instant since, int pageSize) {
    requireNonNull(since, "since");
    if (pageSize < 1 || pageSize > AcledQuery.MAX_PAGE_SIZE) {
      throw new IllegalArgumentException(
          "pageSize must be 1 to " + AcledQuery.MAX_PAGE_SIZE + ", got " + pageSize);
    }
    Map<String, String> parameters = new LinkedHashMap<>();
    parameters.put("deleted_timestamp", Long.toString(since.getEpochSecond()));
    parameters.put("deleted_timestamp_where", ">");
    String what = "the deletions after " + since;
    Counts counts = new Counts();
    List<AcledDeletion> out = new ArrayList<>();
    int page = 0;
    int size;
    do {
      page++;
      JsonNode data = getPage(DELETED_PATH, parameters, pageSize, page, what, counts);
      size = data.size();
      long offset = (long) (page - 1) * pageSize;
      for (int i = 0; i < size; i++) {
        String where = where(what, page, offset + i);
        JsonNode row = data.get(i);
        String id = row.isObject() ? text(row.get("event_id_cnty")) : "";
        Long deleted = row.isObject() ? wholeNumber(row.get("deleted_timestamp")) : null;
        if (id.isBlank() || deleted == null) {
          throw malformed(
              where
                  + " is "
                  + snippet(row.toString())
                  + "; expected {\"event_id_cnty\":\"MLI1234\",\"deleted_timestamp\":\"<Unix"
                  + " time>\"}");
        }
        out.add(new AcledDeletion(id.strip(), Instant.ofEpochSecond(deleted)));
      }
    } while (size == pageSize);
    return List.copyOf(out);
  }

  // --- pages ------------------------------------------------------------------------------------

  /** The {@code data} array of one page, checked against the envelope ACLED documents. */
  private JsonNode getPage(
      String path, Map<String, String> filters, int limit, int page, String what, Counts counts) {
    Map<String, String> parameters = new LinkedHashMap<>();
    parameters.put("_format", "json");
    parameters.putAll(filters);
    parameters.put("limit", Integer.toString(limit));
    parameters.put("page", Integer.toString(page));
    URI uri = URI.create(stripSlash(base.toString()) + path + "?" + form(parameters));
    String thePage =
        "page " + page + " of " + what + " (rows from offset " + offsetOf(page, limit) + ")";
    for (boolean renewed = false; ; renewed = true) {
      String bearer = accessToken(counts);
      HttpRequest request =
          HttpRequest.newBuilder(uri)
              .timeout(settings.requestTimeout())
              .header("Authorization", "Bearer " + bearer)
              .header("Accept", "application/json")
              .header("User-Agent", "Harmattan ACLED client")
              .GET()
              .build();
      HttpResponse<byte[]> response = exchange(request, thePage, counts);
      int status = response.statusCode();
      if (status == 401 && !renewed) {
        // The token may have been revoked or expired early: renew it once, then ask again.
        token = new Token(token.access(), token.refresh(), Instant.EPOCH, token.refreshExpiresAt());
        continue;
      }
      if (status == 401) {
        throw accountRefused(
            "ACLED's API refused a freshly renewed access token for "
                + thePage
                + ": HTTP 401"
                + said(response.body())
                + "; check that the account of "
                + credentials.origin()
                + " has API access");
      }
      if (status == 403) {
        throw accountRefused(
            "ACLED's API refused "
                + thePage
                + ": HTTP 403"
                + said(response.body())
                + "; the account of "
                + credentials.origin()
                + " may lack access to these data; check its access level at myACLED");
      }
      if (status < 200 || status > 299) {
        throw refused(
            "ACLED's API refused "
                + thePage
                + ": HTTP "
                + status
                + response.headers().firstValue("Location").map(l -> " to " + l).orElse("")
                + said(response.body()));
      }
      JsonNode data = envelope(response.body(), thePage);
      if (data.size() > limit) {
        throw malformed(
            thePage
                + " holds "
                + data.size()
                + " rows, more than the "
                + limit
                + " asked for; expected at most "
                + limit);
      }
      return data;
    }
  }

  /** The {@code data} array of a page's body, or the error its envelope says. */
  private static JsonNode envelope(byte[] body, String thePage) {
    JsonNode root;
    try {
      root = MAPPER.readTree(body);
    } catch (JsonProcessingException e) {
      throw malformed(
          thePage
              + " is not JSON ("
              + e.getOriginalMessage().lines().findFirst().orElse("")
              + "): "
              + snippet(new String(body, StandardCharsets.UTF_8))
              + "; expected "
              + EXPECTED_PAGE);
    } catch (IOException e) {
      throw malformed(thePage + " cannot be read (" + e + "); expected " + EXPECTED_PAGE);
    }
    if (root == null || root.isMissingNode()) {
      throw malformed(thePage + " is empty; expected " + EXPECTED_PAGE);
    }
    if (!root.isObject()) {
      throw malformed(
          thePage
              + " is "
              + snippet(root.toString())
              + ", not an object; expected "
              + EXPECTED_PAGE);
    }
    JsonNode success = root.get("success");
    if (success != null && success.isBoolean() && !success.booleanValue()) {
      throw refused("ACLED's API answered " + thePage + " with an error: " + errorOf(root));
    }
    JsonNode data = root.get("data");
    if (data == null || !data.isArray()) {
      throw malformed(
          thePage
              + " has no data array: "
              + snippet(root.toString())
              + "; expected "
              + EXPECTED_PAGE);
    }
    JsonNode count = root.get("count");
    Long said = wholeNumber(count);
    if (said != null && said != data.size()) {
      throw malformed(
          thePage
              + " says count "
              + said
              + " but holds "
              + data.size()
              + " rows; expected as many rows as its count (a cut answer?)");
    }
    return data;
  }

  /**
   * The rows of a read, written to a temporary file as they arrive: the header from the first row,
   * every later row checked against it.
   */
  private static final class EventRows {
    private final Path part;
    private final String isoFilter;
    private List<String> header;
    private Set<String> names;
    private CsvWriter csv;
    long written;
    Instant maxTimestamp;

    EventRows(Path part, AcledQuery query) {
      this.part = part;
      this.isoFilter = query.parameters().get("iso");
    }

    void add(JsonNode data, int page, long offset, String what) {
      for (int i = 0; i < data.size(); i++) {
        String where = where(what, page, offset + i);
        JsonNode row = data.get(i);
        if (!row.isObject()) {
          throw malformed(where + " is " + snippet(row.toString()) + "; expected a JSON object");
        }
        if (header == null) {
          start(row, where);
        }
        List<String> cells = new ArrayList<>(header.size());
        for (String name : header) {
          JsonNode value = row.get(name);
          if (value == null) {
            throw malformed(
                where
                    + " lacks the field "
                    + name
                    + "; expected the fields of the first row: "
                    + String.join(", ", header));
          }
          if (value.isContainerNode()) {
            throw malformed(
                where
                    + ", field "
                    + name
                    + ": "
                    + snippet(value.toString())
                    + " is not a value; expected text or a number");
          }
          cells.add(text(value));
        }
        if (row.size() != header.size()) {
          Set<String> extra = new HashSet<>();
          row.fieldNames().forEachRemaining(extra::add);
          extra.removeAll(names);
          throw malformed(
              where
                  + " has fields the first row lacks ("
                  + String.join(", ", extra)
                  + "); expected the fields of the first row");
        }
        String iso = text(row.get("iso")).strip();
        if (isoFilter != null && !iso.isEmpty() && !sameNumber(iso, isoFilter)) {
          throw malformed(
              where
                  + " is of iso "
                  + iso
                  + ", not of the "
                  + isoFilter
                  + " asked for; expected only rows of the country asked for");
        }
        Long ts = wholeNumber(row.get("timestamp"));
        if (ts != null) {
          Instant t = Instant.ofEpochSecond(ts);
          maxTimestamp = maxTimestamp == null || t.isAfter(maxTimestamp) ? t : maxTimestamp;
        }
        try {
          csv.writeRecord(cells);
        } catch (UncheckedIOException e) {
          throw cannotWrite(part, e.getCause());
        }
        written++;
      }
    }

    private void start(JsonNode first, String where) {
      List<String> fields = new ArrayList<>();
      for (Iterator<String> it = first.fieldNames(); it.hasNext(); ) {
        fields.add(it.next());
      }
      if (!fields.contains("event_id_cnty")) {
        throw malformed(
            where
                + " has no event_id_cnty (its fields: "
                + String.join(", ", fields)
                + "); expected an ACLED event with event_id_cnty, event_date, event_type, …");
      }
      header = List.copyOf(fields);
      names = Set.copyOf(fields);
      try {
        Path dir = part.getParent();
        if (dir != null) {
          Files.createDirectories(dir);
        }
        csv =
            CsvWriter.builder().lineDelimiter(LineDelimiter.LF).build(part, StandardCharsets.UTF_8);
        csv.writeRecord(header);
      } catch (IOException | UncheckedIOException e) {
        throw cannotWrite(part, e);
      }
    }

    void close() {
      if (csv != null) {
        try {
          csv.close();
        } catch (IOException e) {
          throw cannotWrite(part, e);
        } finally {
          csv = null;
        }
      }
    }

    /** Closes and removes the temporary file, whatever happened. */
    void abandon() {
      try {
        close();
      } catch (HarmattanException e) {
        // Already failing, or the file was moved: nothing more to do with it.
      }
      try {
        Files.deleteIfExists(part);
      } catch (IOException e) {
        // A stray temporary file is named with a leading dot and never ingested as a result.
      }
    }
  }

  /** Renames the finished temporary file to its name, never over another file. */
  private static Path moveInPlace(Path part, Path folder, String name) {
    Path target = folder.resolve(name + ".csv");
    for (int n = 2; Files.exists(target); n++) {
      target = folder.resolve(name + "-" + n + ".csv");
    }
    try {
      return Files.move(part, target, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw cannotWrite(target, e);
    }
  }

  // --- tokens -----------------------------------------------------------------------------------

  /** A current access token, obtained or renewed as needed. */
  private String accessToken(Counts counts) {
    Instant now = clock.instant();
    if (token != null && now.isBefore(token.accessExpiresAt().minus(settings.refreshMargin()))) {
      return token.access();
    }
    Optional<Token> refreshed = Optional.empty();
    if (token != null
        && token.refresh() != null
        && now.isBefore(token.refreshExpiresAt().minus(settings.refreshMargin()))) {
      Map<String, String> form = new LinkedHashMap<>();
      form.put("grant_type", "refresh_token");
      form.put("refresh_token", token.refresh());
      form.put("client_id", "acled");
      refreshed = requestToken(form, true, counts);
    }
    if (refreshed.isEmpty()) {
      Map<String, String> form = new LinkedHashMap<>();
      form.put("username", credentials.username());
      form.put("password", credentials.password());
      form.put("grant_type", "password");
      form.put("client_id", "acled");
      form.put("scope", "authenticated");
      refreshed = requestToken(form, false, counts);
    }
    token = refreshed.orElseThrow();
    return token.access();
  }

  /**
   * A token from the token endpoint.
   *
   * @param refresh whether the form is the refresh grant, whose refusal is answered empty
   */
  private Optional<Token> requestToken(Map<String, String> form, boolean refresh, Counts counts) {
    URI uri = URI.create(stripSlash(base.toString()) + TOKEN_PATH);
    HttpRequest request =
        HttpRequest.newBuilder(uri)
            .timeout(settings.requestTimeout())
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("Accept", "application/json")
            .header("User-Agent", "Harmattan ACLED client")
            .POST(HttpRequest.BodyPublishers.ofString(form(form), StandardCharsets.UTF_8))
            .build();
    String what = "a token from " + uri;
    HttpResponse<byte[]> response = exchange(request, what, counts);
    int status = response.statusCode();
    Instant now = clock.instant();
    if ((status == 400 || status == 401) && refresh) {
      return Optional.empty();
    }
    if (status == 400 || status == 401) {
      throw accountRefused(
          "ACLED refused the username and password from "
              + credentials.origin()
              + " (HTTP "
              + status
              + " from "
              + uri
              + oauthError(response.body())
              + "); check them: they are the e-mail address and password of the myACLED account");
    }
    if (status < 200 || status > 299) {
      throw refused(
          "ACLED's token endpoint "
              + uri
              + " answered HTTP "
              + status
              + oauthError(response.body())
              + " to the account of "
              + credentials.origin());
    }
    JsonNode root;
    try {
      root = MAPPER.readTree(response.body());
    } catch (IOException e) {
      root = null;
    }
    String access = root == null ? "" : text(root.get("access_token"));
    Long expiresIn = root == null ? null : wholeNumber(root.get("expires_in"));
    if (access.isBlank() || expiresIn == null || expiresIn <= 0) {
      // The body may hold a token: it is described, not quoted.
      throw malformed(
          uri
              + " answered HTTP "
              + status
              + " without an access_token and a positive expires_in; expected {\"token_type\":"
              + "\"Bearer\",\"expires_in\":86400,\"access_token\":…,\"refresh_token\":…}");
    }
    String refreshToken = text(root.get("refresh_token"));
    return Optional.of(
        new Token(
            access,
            refreshToken.isBlank() ? null : refreshToken,
            now.plusSeconds(expiresIn),
            now.plus(REFRESH_TOKEN_LIFETIME)));
  }

  /** {@code : invalid_grant} from an OAuth error answer, or nothing. */
  private static String oauthError(byte[] body) {
    try {
      JsonNode root = MAPPER.readTree(body);
      String error = root == null ? "" : text(root.get("error"));
      // Only the error's code: an OAuth server's description may echo what was sent.
      return error.matches("[a-z_]{1,40}") ? ": " + error : "";
    } catch (IOException e) {
      return "";
    }
  }

  // --- one request, with retries ----------------------------------------------------------------

  /** The answer to {@code request}: 2xx or a client error, after retrying 429, 5xx and timeouts. */
  private HttpResponse<byte[]> exchange(HttpRequest request, String what, Counts counts) {
    for (int attempt = 1; ; attempt++) {
      counts.requests++;
      if (attempt > 1) {
        counts.retries++;
      }
      String failure;
      Duration wait = backOff(attempt);
      try {
        HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        int status = response.statusCode();
        if (status == 429) {
          failure = "HTTP 429 Too Many Requests";
          Optional<Duration> retryAfter = retryAfter(response);
          if (retryAfter.isPresent() && retryAfter.get().compareTo(settings.maxDelay()) > 0) {
            throw unavailable(
                "ACLED's API throttles "
                    + what
                    + ": HTTP 429 asking to wait "
                    + retryAfter.get().toSeconds()
                    + " s (Retry-After), longer than the "
                    + settings.maxDelay().toSeconds()
                    + " s this client waits; try again after "
                    + clock.instant().plus(retryAfter.get()));
          }
          wait = retryAfter.orElse(wait);
        } else if (status >= 500) {
          failure = "HTTP " + status + said(response.body());
        } else {
          return response;
        }
      } catch (HttpConnectTimeoutException | ConnectException e) {
        throw offline(request.uri(), e);
      } catch (HttpTimeoutException e) {
        failure = "no answer within " + settings.requestTimeout().toSeconds() + " s";
      } catch (IOException e) {
        if (unresolved(e)) {
          throw offline(request.uri(), e);
        }
        failure = "the connection failed (" + e.getClass().getSimpleName() + ")";
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw interrupted(what);
      }
      if (attempt >= settings.maxAttempts()) {
        throw unavailable(
            "ACLED's API did not serve "
                + what
                + ": "
                + failure
                + " (attempt "
                + attempt
                + " of "
                + settings.maxAttempts()
                + "); it seems down or overloaded, try again later");
      }
      try {
        sleeper.sleep(wait);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw interrupted(what);
      }
    }
  }

  /** {@code baseDelay × 2^(failedAttempts − 1)}, at most {@code maxDelay}. */
  private Duration backOff(int failedAttempts) {
    Duration delay = settings.baseDelay();
    for (int i = 1; i < failedAttempts && delay.compareTo(settings.maxDelay()) < 0; i++) {
      delay = delay.multipliedBy(2);
    }
    return delay.compareTo(settings.maxDelay()) > 0 ? settings.maxDelay() : delay;
  }

  /** A 429's {@code Retry-After}: seconds, or an HTTP date measured by the clock. */
  private Optional<Duration> retryAfter(HttpResponse<?> response) {
    Optional<String> value = response.headers().firstValue("Retry-After").map(String::strip);
    if (value.isEmpty()) {
      return Optional.empty();
    }
    try {
      long seconds = Long.parseLong(value.get());
      return seconds < 0 ? Optional.empty() : Optional.of(Duration.ofSeconds(seconds));
    } catch (NumberFormatException e) {
      try {
        Instant at =
            ZonedDateTime.parse(value.get(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        Duration d = Duration.between(clock.instant(), at);
        return Optional.of(d.isNegative() ? Duration.ZERO : d);
      } catch (DateTimeParseException notADate) {
        return Optional.empty();
      }
    }
  }

  private static boolean unresolved(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof UnresolvedAddressException || t instanceof java.net.UnknownHostException) {
        return true;
      }
    }
    return false;
  }

  private HarmattanException offline(URI uri, Exception e) {
    String address =
        uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
    String reason;
    if (unresolved(e)) {
      reason = "the host name " + uri.getHost() + " does not resolve";
    } else if (e instanceof HttpConnectTimeoutException) {
      reason = "no connection within " + settings.connectTimeout().toSeconds() + " s";
    } else {
      reason = "the connection was refused";
    }
    return new HarmattanException(
        ErrorCategory.UNAVAILABLE,
        ProblemCode.SOURCE_UNREACHABLE,
        "cannot reach ACLED's API at "
            + address
            + " ("
            + reason
            + "); the machine seems offline, or the address is wrong; try again when online",
        e);
  }

  // --- small helpers ----------------------------------------------------------------------------

  private static String where(String what, int page, long offset) {
    return "page " + page + " of " + what + ", row at offset " + offset;
  }

  private static long offsetOf(int page, int limit) {
    return (long) (page - 1) * limit;
  }

  /** A JSON value as a CSV field: text as is, a number as written, null as empty. */
  private static String text(JsonNode value) {
    if (value == null || value.isNull() || value.isMissingNode()) {
      return "";
    }
    if (value.isBigDecimal()) {
      return value.decimalValue().toPlainString();
    }
    return value.asText();
  }

  /** A whole number >= 0 from a JSON string or number (seconds, a count), or null. */
  private static Long wholeNumber(JsonNode value) {
    String s = text(value).strip();
    if (!s.matches("\\d{1,12}")) {
      return null;
    }
    return Long.parseLong(s);
  }

  private static boolean sameNumber(String a, String b) {
    try {
      return Long.parseLong(a) == Long.parseLong(b);
    } catch (NumberFormatException e) {
      return a.equals(b);
    }
  }

  /** ACLED's error of a {@code success:false} answer: its message, else the error as written. */
  private static String errorOf(JsonNode root) {
    JsonNode error = root.get("error");
    if (error == null) {
      error = root.get("message");
    }
    if (error == null || error.isNull()) {
      return "no message (" + snippet(root.toString()) + ")";
    }
    if (error.isObject() && error.hasNonNull("message")) {
      return snippet(text(error.get("message")));
    }
    return snippet(error.isValueNode() ? text(error) : error.toString());
  }

  /** {@code ; it said: "…"} from an error answer, or nothing. */
  private static String said(byte[] body) {
    if (body == null || body.length == 0) {
      return "";
    }
    String text = new String(body, StandardCharsets.UTF_8);
    try {
      JsonNode root = MAPPER.readTree(body);
      if (root != null && root.isObject() && (root.has("error") || root.has("message"))) {
        text = errorOf(root);
      }
    } catch (IOException e) {
      // Not JSON: the text as it came.
    }
    return "; it said: " + snippet(text);
  }

  /** The start of a text on one line, quoted. */
  private static String snippet(String text) {
    String one = text.replaceAll("\\s+", " ").strip();
    return "\""
        + (one.length() > SNIPPET_CHARS ? one.substring(0, SNIPPET_CHARS) + "…" : one)
        + "\"";
  }

  private static String form(Map<String, String> values) {
    StringJoiner j = new StringJoiner("&");
    values.forEach(
        (k, v) ->
            j.add(
                URLEncoder.encode(k, StandardCharsets.UTF_8)
                    + "="
                    + URLEncoder.encode(v, StandardCharsets.UTF_8)));
    return j.toString();
  }

  private static String stripSlash(String s) {
    return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
  }

  private static HarmattanException malformed(String message) {
    return new HarmattanException(ErrorCategory.SOURCE_DATA, ProblemCode.SOURCE_MALFORMED, message);
  }

  /** A refusal the API's answer blames on the source's side or the request. */
  private static HarmattanException refused(String message) {
    return new HarmattanException(ErrorCategory.UNAVAILABLE, ProblemCode.SOURCE_REFUSED, message);
  }

  /** A refusal of the account: its credentials or its access, which the user sets right. */
  private static HarmattanException accountRefused(String message) {
    return new HarmattanException(ErrorCategory.USER_INPUT, ProblemCode.SOURCE_REFUSED, message);
  }

  private static HarmattanException unavailable(String message) {
    return new HarmattanException(
        ErrorCategory.UNAVAILABLE, ProblemCode.SOURCE_UNAVAILABLE, message);
  }

  private static HarmattanException interrupted(String what) {
    return new HarmattanException(
        ErrorCategory.UNAVAILABLE,
        ProblemCode.INTERRUPTED,
        "the read of " + what + " from ACLED's API was interrupted");
  }

  private static HarmattanException cannotWrite(Path file, Throwable e) {
    return new HarmattanException(
        ErrorCategory.UNAVAILABLE,
        ProblemCode.CANNOT_WRITE_SYNC_FILE,
        "cannot write " + file + " (" + e.getMessage() + ")",
        e);
  }
}
