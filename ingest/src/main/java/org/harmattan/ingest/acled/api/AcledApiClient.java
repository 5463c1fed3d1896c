package org.harmattan.ingest.acled.api;

import static java.util.Objects.requireNonNull;
import static org.harmattan.ingest.acled.api.AcledAnswers.MAPPER;
import static org.harmattan.ingest.acled.api.AcledAnswers.accountRefused;
import static org.harmattan.ingest.acled.api.AcledAnswers.errorOf;
import static org.harmattan.ingest.acled.api.AcledAnswers.malformed;
import static org.harmattan.ingest.acled.api.AcledAnswers.refused;
import static org.harmattan.ingest.acled.api.AcledAnswers.said;
import static org.harmattan.ingest.acled.api.AcledAnswers.snippet;
import static org.harmattan.ingest.acled.api.AcledAnswers.text;
import static org.harmattan.ingest.acled.api.AcledAnswers.where;
import static org.harmattan.ingest.acled.api.AcledAnswers.wholeNumber;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.harmattan.domain.error.HarmattanException;

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

  private static final String EVENTS_PATH = "/api/acled/read";
  private static final String DELETED_PATH = "/api/deleted/read";
  private static final String EXPECTED_PAGE =
      "a JSON object {\"success\":true,\"count\":…,\"data\":[{…},…]}";
  private static final DateTimeFormatter FILE_TIME =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);

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

  private final URI base;
  private final AcledCredentials credentials;
  private final Settings settings;
  private final Clock clock;
  private final AcledExchange exchange;
  private final AcledTokens tokens;

  /**
   * @param base the API's address, {@link #ACLED} but in tests
   */
  public AcledApiClient(
      URI base, AcledCredentials credentials, Settings settings, Clock clock, Sleeper sleeper) {
    this.base = requireNonNull(base, "base");
    this.credentials = requireNonNull(credentials, "credentials");
    this.settings = requireNonNull(settings, "settings");
    this.clock = requireNonNull(clock, "clock");
    this.exchange = new AcledExchange(settings, clock, sleeper);
    this.tokens = new AcledTokens(base, credentials, settings, clock, exchange);
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
    AcledExchange.Counts counts = new AcledExchange.Counts();
    String name = "acled-api-" + query.iso3() + "-" + FILE_TIME.format(clock.instant());
    String what = "the events of " + query.countryName();
    AcledEventFile rows = new AcledEventFile(folder, name, query);
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
      Optional<Path> file = rows.finish();
      return new AcledReadResult(
          file, rows.written(), page, rows.maxTimestamp(), counts.requests, counts.retries);
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
    AcledExchange.Counts counts = new AcledExchange.Counts();
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

  /** The {@code data} array of one page, checked against the envelope ACLED documents. */
  private JsonNode getPage(
      String path,
      Map<String, String> filters,
      int limit,
      int page,
      String what,
      AcledExchange.Counts counts) {
    Map<String, String> parameters = new LinkedHashMap<>();
    parameters.put("_format", "json");
    parameters.putAll(filters);
    parameters.put("limit", Integer.toString(limit));
    parameters.put("page", Integer.toString(page));
    URI uri = URI.create(AcledExchange.endpoint(base, path) + "?" + AcledExchange.form(parameters));
    String thePage =
        "page " + page + " of " + what + " (rows from offset " + (long) (page - 1) * limit + ")";
    for (boolean renewed = false; ; renewed = true) {
      String bearer = tokens.access(counts);
      HttpRequest request =
          HttpRequest.newBuilder(uri)
              .timeout(settings.requestTimeout())
              .header("Authorization", "Bearer " + bearer)
              .header("Accept", "application/json")
              .header("User-Agent", "Harmattan ACLED client")
              .GET()
              .build();
      HttpResponse<byte[]> response = exchange.send(request, thePage, counts);
      int status = response.statusCode();
      if (status == 401 && !renewed) {
        // The token may have been revoked or expired early: renew it once, then ask again.
        tokens.expire();
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
}
