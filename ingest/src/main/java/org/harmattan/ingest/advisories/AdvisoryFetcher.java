package org.harmattan.ingest.advisories;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.Writer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.harmattan.domain.error.ErrorCategory;
import org.harmattan.domain.error.HarmattanException;
import org.harmattan.domain.problem.ProblemCode;
import org.harmattan.ingest.Hashes;

/**
 * Fetches advisory documents over HTTP into an on-disk cache, one directory per URL. A copy younger
 * than its max-age ({@code Cache-Control: max-age} when the server gives one, else the configured
 * default) is used without asking; an older one is revalidated with {@code If-None-Match} / {@code
 * If-Modified-Since}. When the content changes, the copy it replaces is kept as the previous
 * snapshot, so that changes between the two can be detected. When the server cannot be reached the
 * cached copy is used with a warning that says so; without one the error says what to do.
 *
 * <p>Only {@code http} and {@code https} addresses are fetched: a {@code file:} or other address in
 * a feed list is refused, so that a configuration cannot make the fetcher read local files. A
 * download is stopped at {@link Settings#maxBytes()} (by default {@link #DEFAULT_MAX_BYTES}, 20
 * MiB; the largest advisory feed known, the State Department's, is under 1 MiB). A max-age that is
 * not a whole number of seconds from 0 to {@link #MAX_AGE_LIMIT_SECONDS} counts as no caching: a
 * copy is then revalidated on every fetch rather than trusted for an unknown time. A cache entry
 * that cannot be read is not fatal: it is ignored, the document fetched anew, and the fetch's
 * warning says so.
 */
public final class AdvisoryFetcher {
  /** The default download limit, 20 MiB. */
  public static final long DEFAULT_MAX_BYTES = 20L * 1024 * 1024;

  /**
   * The largest max-age honoured, 2^31 seconds (RFC 9111's "greatest integer" of delta-seconds).
   */
  public static final long MAX_AGE_LIMIT_SECONDS = 2_147_483_648L;

  // The directive's value as written, up to the next separator, so that "max-age=abc" or
  // "max-age=-5" are seen (and refused) rather than skipped.
  private static final Pattern MAX_AGE =
      Pattern.compile("(?i)(?:^|[,\\s])max-age\\s*=\\s*\"?([^,;\\s\"]*)");
  private static final Pattern DIGITS = Pattern.compile("[0-9]{1,19}");

  /**
   * Timeouts and freshness.
   *
   * @param connectTimeout how long to wait for a connection
   * @param requestTimeout how long to wait for the whole response
   * @param defaultMaxAge how long a copy is fresh when the server gives no max-age
   * @param maxBytes the largest document downloaded; a larger one is stopped and refused
   */
  public record Settings(
      Duration connectTimeout, Duration requestTimeout, Duration defaultMaxAge, long maxBytes) {
    public Settings {
      requireNonNull(connectTimeout, "connectTimeout");
      requireNonNull(requestTimeout, "requestTimeout");
      requireNonNull(defaultMaxAge, "defaultMaxAge");
      if (maxBytes < 1 || maxBytes > Integer.MAX_VALUE - 8) {
        throw new IllegalArgumentException(
            "maxBytes " + maxBytes + " is not between 1 and " + (Integer.MAX_VALUE - 8));
      }
    }

    /** With the default download limit, {@link #DEFAULT_MAX_BYTES}. */
    public Settings(Duration connectTimeout, Duration requestTimeout, Duration defaultMaxAge) {
      this(connectTimeout, requestTimeout, defaultMaxAge, DEFAULT_MAX_BYTES);
    }

    /** 10 s to connect, 30 s for the response, 6 hours fresh, 20 MiB at most. */
    public static Settings defaults() {
      return new Settings(Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofHours(6));
    }
  }

  /** Where a fetched document came from. */
  public enum Origin {
    /** Downloaded now. */
    NETWORK,
    /** The server said the cached copy is still current (HTTP 304). */
    NOT_MODIFIED,
    /** The cached copy was fresh; the server was not asked. */
    CACHE_FRESH,
    /** The server could not be reached; the cached copy was used. */
    CACHE_OFFLINE
  }

  /**
   * A fetched document.
   *
   * @param url what was asked for
   * @param body the document
   * @param file the cached copy on disk
   * @param fetchedAt when the copy was downloaded or last confirmed current
   * @param origin where it came from
   * @param warning what went wrong when the cached copy stood in, or null
   * @param previous the snapshot the current copy replaced, if any
   */
  // The body is the document as received: a Fetched is never compared or hashed, so the array's
  // identity equals does no harm, and a defensive copy would duplicate every document.
  @SuppressWarnings("ArrayRecordComponent")
  public record Fetched(
      URI url,
      byte[] body,
      Path file,
      Instant fetchedAt,
      Origin origin,
      String warning,
      Path previous) {
    public Fetched {
      requireNonNull(url, "url");
      requireNonNull(body, "body");
      requireNonNull(file, "file");
      requireNonNull(fetchedAt, "fetchedAt");
      requireNonNull(origin, "origin");
    }

    public Optional<String> findWarning() {
      return Optional.ofNullable(warning);
    }

    public Optional<Path> findPrevious() {
      return Optional.ofNullable(previous);
    }
  }

  private final Path cacheDir;
  private final Settings settings;
  private final Clock clock;
  private final HttpClient http;

  public AdvisoryFetcher(Path cacheDir, Settings settings, Clock clock) {
    this.cacheDir = requireNonNull(cacheDir, "cacheDir");
    this.settings = requireNonNull(settings, "settings");
    this.clock = requireNonNull(clock, "clock");
    this.http =
        HttpClient.newBuilder()
            .connectTimeout(settings.connectTimeout())
            .followRedirects(HttpClient.Redirect.NORMAL)
            .build();
  }

  /** The cache directory of {@code url}. */
  public Path directoryOf(URI url) {
    String readable =
        (url.getHost() == null ? "local" : url.getHost())
            + (url.getPath() == null ? "" : url.getPath());
    readable = readable.replaceAll("[^A-Za-z0-9._-]+", "_");
    if (readable.length() > 80) {
      readable = readable.substring(0, 80);
    }
    String hash = Hashes.sha256(url.toString().getBytes(StandardCharsets.UTF_8));
    return cacheDir.resolve(readable + "-" + hash.substring(0, 12));
  }

  /**
   * The document at {@code url}, from the cache when fresh, else from the server.
   *
   * @throws HarmattanException {@code USER_INPUT} when {@code url} is not an http or https address;
   *     {@code SOURCE_DATA} when the document is larger than the limit; {@code UNAVAILABLE} when
   *     the server cannot be reached and there is no usable cached copy
   */
  public Fetched fetch(URI url) {
    requireWeb(url);
    Path dir = directoryOf(url);
    Path current = dir.resolve("current.snapshot");
    Path meta = dir.resolve("current.properties");
    Path previous = dir.resolve("previous.snapshot");
    String damage = null;
    Cached cached = null;
    if (Files.exists(current)) {
      try {
        cached = loadCached(current, meta);
      } catch (DamagedCache e) {
        damage =
            "the cached copy of "
                + url
                + " in "
                + dir
                + " is damaged ("
                + e.getMessage()
                + "); it was ignored and the document fetched anew";
      }
    }
    Instant now = clock.instant();
    if (cached != null && now.isBefore(cached.fetchedAt().plusSeconds(cached.maxAgeSeconds()))) {
      return new Fetched(
          url,
          cached.body(),
          current,
          cached.fetchedAt(),
          Origin.CACHE_FRESH,
          null,
          existing(previous));
    }
    HttpRequest.Builder req =
        HttpRequest.newBuilder(url)
            .timeout(settings.requestTimeout())
            .header("User-Agent", "Harmattan advisory reader")
            .GET();
    if (cached != null) {
      String etag = cached.record().getProperty("etag");
      if (etag != null) {
        req.header("If-None-Match", etag);
      }
      String lastModified = cached.record().getProperty("last-modified");
      if (lastModified != null) {
        req.header("If-Modified-Since", lastModified);
      }
    }
    HttpResponse<InputStream> resp;
    byte[] body;
    try {
      resp = http.send(req.build(), HttpResponse.BodyHandlers.ofInputStream());
      body = readBody(url, resp);
    } catch (HttpTimeoutException e) {
      return offline(url, current, cached, previous, damage, "timed out: " + e.getMessage());
    } catch (IOException e) {
      return offline(url, current, cached, previous, damage, describe(e));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new HarmattanException(
          ErrorCategory.UNAVAILABLE,
          ProblemCode.ADVISORY_INTERRUPTED,
          "fetching " + url + " was interrupted");
    }
    int status = resp.statusCode();
    if (status == 304 && cached != null) {
      cached.record().setProperty("fetched-at", now.toString());
      cached.record().setProperty("max-age-seconds", Long.toString(maxAge(resp)));
      store(meta, cached.record());
      return new Fetched(
          url, cached.body(), current, now, Origin.NOT_MODIFIED, null, existing(previous));
    }
    if (status != 200) {
      return offline(url, current, cached, previous, damage, "the server answered HTTP " + status);
    }
    try {
      Files.createDirectories(dir);
      // A damaged copy is overwritten, never kept as the previous snapshot.
      if (cached != null && !Arrays.equals(cached.body(), body)) {
        Files.move(current, previous, StandardCopyOption.REPLACE_EXISTING);
        Files.move(meta, dir.resolve("previous.properties"), StandardCopyOption.REPLACE_EXISTING);
      }
      Files.write(current, body);
    } catch (IOException e) {
      throw new HarmattanException(
          ErrorCategory.UNAVAILABLE,
          ProblemCode.ADVISORY_CACHE,
          "cannot write the advisory cache " + dir + " (" + e.getMessage() + ")",
          e);
    }
    Properties p = new Properties();
    p.setProperty("url", url.toString());
    p.setProperty("fetched-at", now.toString());
    p.setProperty("max-age-seconds", Long.toString(maxAge(resp)));
    resp.headers().firstValue("ETag").ifPresent(v -> p.setProperty("etag", v));
    resp.headers().firstValue("Last-Modified").ifPresent(v -> p.setProperty("last-modified", v));
    store(meta, p);
    return new Fetched(url, body, current, now, Origin.NETWORK, damage, existing(previous));
  }

  /** Refuses any address but an absolute http or https URL with a host. */
  private static void requireWeb(URI url) {
    String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
    if (!(scheme.equals("http") || scheme.equals("https")) || url.getHost() == null) {
      throw HarmattanException.userInput(
          ProblemCode.ADVISORY_ADDRESS,
          "the advisory address '"
              + url
              + "' is not an http or https URL (expected an address such as"
              + " https://www.gov.uk/api/content/foreign-travel-advice/mali; read saved documents"
              + " with --from-files)");
    }
  }

  /**
   * The body of a 200 answer, stopped at the limit; other answers' bodies are discarded. Closing
   * the stream early cancels the rest of the download.
   */
  private byte[] readBody(URI url, HttpResponse<InputStream> resp) throws IOException {
    try (InputStream in = resp.body()) {
      if (resp.statusCode() != 200) {
        return new byte[0];
      }
      long declared = resp.headers().firstValueAsLong("Content-Length").orElse(-1);
      byte[] body =
          declared > settings.maxBytes() ? null : in.readNBytes((int) settings.maxBytes() + 1);
      if (body == null || body.length > settings.maxBytes()) {
        throw HarmattanException.sourceData(
            ProblemCode.ADVISORY_TOO_LARGE,
            url
                + ": the document is larger than the "
                + limitText(settings.maxBytes())
                + " limit for an advisory download"
                + (declared > 0 ? " (the server announced " + declared + " bytes)" : "")
                + "; the download was stopped (expected an advisory page or feed; check the"
                + " address)");
      }
      return body;
    }
  }

  private static String limitText(long bytes) {
    return bytes % (1024 * 1024) == 0 ? bytes / (1024 * 1024) + " MiB" : bytes + "-byte";
  }

  private Fetched offline(
      URI url, Path current, Cached cached, Path previous, String damage, String reason) {
    if (cached == null) {
      throw new HarmattanException(
          ErrorCategory.UNAVAILABLE,
          ProblemCode.ADVISORY_OFFLINE,
          "cannot reach "
              + url
              + " ("
              + reason
              + ") and there is no "
              + (damage == null ? "" : "usable ")
              + "cached copy in "
              + cacheDir
              + "; try again when online, or read saved documents with --from-files");
    }
    Instant at = cached.fetchedAt();
    String warning =
        "cannot reach "
            + url
            + " ("
            + reason
            + "); using the cached copy of "
            + at.atOffset(ZoneOffset.UTC).toLocalDate()
            + " ("
            + at
            + ")";
    return new Fetched(
        url, cached.body(), current, at, Origin.CACHE_OFFLINE, warning, existing(previous));
  }

  private long maxAge(HttpResponse<?> resp) {
    Optional<String> cc = resp.headers().firstValue("Cache-Control");
    if (cc.isPresent()) {
      Matcher m = MAX_AGE.matcher(cc.get());
      if (m.find()) {
        return findSeconds(m.group(1)).orElse(0L);
      }
      if (cc.get().toLowerCase(Locale.ROOT).contains("no-cache")) {
        return 0;
      }
    }
    return settings.defaultMaxAge().toSeconds();
  }

  /** The failure in words, without the JDK's class names. */
  private static String describe(IOException e) {
    String message = e.getMessage() == null || e.getMessage().isBlank() ? null : e.getMessage();
    String what;
    if (e instanceof java.net.ConnectException) {
      what = "the connection was refused";
    } else if (e instanceof java.net.UnknownHostException) {
      return "unknown host" + (message == null ? "" : " " + message);
    } else if (e instanceof javax.net.ssl.SSLException) {
      what = "the TLS handshake failed";
    } else {
      what = "a network error";
    }
    return message == null ? what : what + ": " + message;
  }

  private static Path existing(Path p) {
    return Files.exists(p) ? p : null;
  }

  /** A max-age as a whole number of seconds within the limit, or empty for anything else. */
  static Optional<Long> findSeconds(String text) {
    if (text == null || !DIGITS.matcher(text).matches()) {
      return Optional.empty();
    }
    long seconds = Long.parseLong(text);
    return seconds <= MAX_AGE_LIMIT_SECONDS ? Optional.of(seconds) : Optional.empty();
  }

  /** A cache entry as read back: its record, when it was fetched, its max-age and its body. */
  @SuppressWarnings("ArrayRecordComponent") // as in Fetched: the body is never compared
  private record Cached(Properties record, Instant fetchedAt, long maxAgeSeconds, byte[] body) {}

  /** Why a cache entry cannot be used; caught in {@link #fetch}, never thrown out of it. */
  private static final class DamagedCache extends Exception {
    private static final long serialVersionUID = 1L;

    DamagedCache(String message) {
      super(message, null, false, false);
    }
  }

  /** The cache entry, its record checked field by field. */
  private Cached loadCached(Path current, Path meta) throws DamagedCache {
    Properties p = new Properties();
    byte[] body;
    try {
      body = Files.readAllBytes(current);
      if (Files.exists(meta)) {
        try (Reader r = Files.newBufferedReader(meta, StandardCharsets.UTF_8)) {
          p.load(r);
        }
      }
    } catch (CharacterCodingException e) {
      throw new DamagedCache(meta.getFileName() + " is not UTF-8 text");
    } catch (IOException e) {
      throw new DamagedCache(
          "cannot be read" + (e.getMessage() == null ? "" : ": " + e.getMessage()));
    } catch (IllegalArgumentException e) {
      // Properties.load's answer to a malformed \\u escape.
      throw new DamagedCache(meta.getFileName() + " is not a properties file: " + e.getMessage());
    }
    Instant at;
    String fetchedAt = p.getProperty("fetched-at", Instant.EPOCH.toString());
    try {
      at = Instant.parse(fetchedAt);
    } catch (DateTimeParseException e) {
      throw new DamagedCache(
          "fetched-at '" + fetchedAt + "' is not an instant such as 2025-11-05T08:00:00Z");
    }
    if (at.isAfter(clock.instant())) {
      // A copy from the future would stay fresh for as long as the error lasts.
      throw new DamagedCache("fetched-at " + at + " lies in the future");
    }
    String maxAge = p.getProperty("max-age-seconds");
    long seconds = settings.defaultMaxAge().toSeconds();
    if (maxAge != null) {
      seconds =
          findSeconds(maxAge.strip())
              .orElseThrow(
                  () ->
                      new DamagedCache(
                          "max-age-seconds '"
                              + maxAge
                              + "' is not a whole number from 0 to "
                              + MAX_AGE_LIMIT_SECONDS));
    }
    return new Cached(p, at, seconds, body);
  }

  private static void store(Path meta, Properties p) {
    try (Writer w = Files.newBufferedWriter(meta, StandardCharsets.UTF_8)) {
      p.store(w, "Harmattan advisory cache");
    } catch (IOException e) {
      throw new HarmattanException(
          ErrorCategory.UNAVAILABLE,
          ProblemCode.ADVISORY_CACHE,
          "cannot write the cache record " + meta + " (" + e.getMessage() + ")",
          e);
    }
  }
}
