package org.harmattan.ingest.advisories;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.harmattan.domain.error.ErrorCategory;
import org.harmattan.domain.error.HarmattanException;
import org.harmattan.domain.problem.ProblemCode;

/**
 * Fetches advisory documents over HTTP into an on-disk cache, one directory per URL. A copy younger
 * than its max-age ({@code Cache-Control: max-age} when the server gives one, else the configured
 * default) is used without asking; an older one is revalidated with {@code If-None-Match} / {@code
 * If-Modified-Since}. When the content changes, the copy it replaces is kept as the previous
 * snapshot, so that changes between the two can be detected. When the server cannot be reached the
 * cached copy is used with a warning that says so; without one the error says what to do.
 */
public final class AdvisoryFetcher {
  private static final Pattern MAX_AGE = Pattern.compile("(?i)max-age\\s*=\\s*(\\d+)");

  /**
   * Timeouts and freshness.
   *
   * @param connectTimeout how long to wait for a connection
   * @param requestTimeout how long to wait for the whole response
   * @param defaultMaxAge how long a copy is fresh when the server gives no max-age
   */
  public record Settings(Duration connectTimeout, Duration requestTimeout, Duration defaultMaxAge) {
    public Settings {
      requireNonNull(connectTimeout, "connectTimeout");
      requireNonNull(requestTimeout, "requestTimeout");
      requireNonNull(defaultMaxAge, "defaultMaxAge");
    }

    /** 10 s to connect, 30 s for the response, 6 hours fresh. */
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
    String hash = AdvisoryFiles.sha256(url.toString().getBytes(StandardCharsets.UTF_8));
    return cacheDir.resolve(readable + "-" + hash.substring(0, 12));
  }

  /** The document at {@code url}, from the cache when fresh, else from the server. */
  public Fetched fetch(URI url) {
    Path dir = directoryOf(url);
    Path current = dir.resolve("current.snapshot");
    Path meta = dir.resolve("current.properties");
    Path previous = dir.resolve("previous.snapshot");
    Properties cached = Files.exists(current) ? load(meta) : null;
    Instant now = clock.instant();
    if (cached != null) {
      Instant at = Instant.parse(cached.getProperty("fetched-at", Instant.EPOCH.toString()));
      long maxAge =
          Long.parseLong(
              cached.getProperty(
                  "max-age-seconds", Long.toString(settings.defaultMaxAge().toSeconds())));
      if (now.isBefore(at.plusSeconds(maxAge))) {
        return new Fetched(
            url, read(current), current, at, Origin.CACHE_FRESH, null, existing(previous));
      }
    }
    HttpRequest.Builder req =
        HttpRequest.newBuilder(url)
            .timeout(settings.requestTimeout())
            .header("User-Agent", "Harmattan advisory reader")
            .GET();
    if (cached != null) {
      String etag = cached.getProperty("etag");
      if (etag != null) {
        req.header("If-None-Match", etag);
      }
      String lastModified = cached.getProperty("last-modified");
      if (lastModified != null) {
        req.header("If-Modified-Since", lastModified);
      }
    }
    HttpResponse<byte[]> resp;
    try {
      resp = http.send(req.build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (HttpTimeoutException e) {
      return offline(url, current, cached, previous, "timed out: " + e.getMessage());
    } catch (IOException e) {
      return offline(url, current, cached, previous, describe(e));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new HarmattanException(
          ErrorCategory.UNAVAILABLE,
          ProblemCode.ADVISORY_INTERRUPTED,
          "fetching " + url + " was interrupted");
    }
    int status = resp.statusCode();
    if (status == 304 && cached != null) {
      cached.setProperty("fetched-at", now.toString());
      cached.setProperty("max-age-seconds", Long.toString(maxAge(resp)));
      store(meta, cached);
      return new Fetched(
          url, read(current), current, now, Origin.NOT_MODIFIED, null, existing(previous));
    }
    if (status != 200) {
      return offline(url, current, cached, previous, "the server answered HTTP " + status);
    }
    byte[] body = resp.body();
    try {
      Files.createDirectories(dir);
      if (Files.exists(current) && !Arrays.equals(read(current), body)) {
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
    return new Fetched(url, body, current, now, Origin.NETWORK, null, existing(previous));
  }

  private Fetched offline(URI url, Path current, Properties cached, Path previous, String reason) {
    if (cached == null) {
      throw new HarmattanException(
          ErrorCategory.UNAVAILABLE,
          ProblemCode.ADVISORY_OFFLINE,
          "cannot reach "
              + url
              + " ("
              + reason
              + ") and there is no cached copy in "
              + cacheDir
              + "; try again when online, or read saved documents with --from-files");
    }
    Instant at = Instant.parse(cached.getProperty("fetched-at", Instant.EPOCH.toString()));
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
        url, read(current), current, at, Origin.CACHE_OFFLINE, warning, existing(previous));
  }

  private long maxAge(HttpResponse<?> resp) {
    Optional<String> cc = resp.headers().firstValue("Cache-Control");
    if (cc.isPresent()) {
      Matcher m = MAX_AGE.matcher(cc.get());
      if (m.find()) {
        return Long.parseLong(m.group(1));
      }
      if (cc.get().toLowerCase(Locale.ROOT).contains("no-cache")) {
        return 0;
      }
    }
    return settings.defaultMaxAge().toSeconds();
  }

  private static String describe(IOException e) {
    String kind = e.getClass().getSimpleName();
    return e.getMessage() == null ? kind : kind + ": " + e.getMessage();
  }

  private static Path existing(Path p) {
    return Files.exists(p) ? p : null;
  }

  private static byte[] read(Path p) {
    try {
      return Files.readAllBytes(p);
    } catch (IOException e) {
      throw new HarmattanException(
          ErrorCategory.UNAVAILABLE,
          ProblemCode.ADVISORY_CACHE,
          "cannot read the cached copy " + p + " (" + e.getMessage() + ")",
          e);
    }
  }

  private static Properties load(Path meta) {
    Properties p = new Properties();
    if (Files.exists(meta)) {
      try (Reader r = Files.newBufferedReader(meta, StandardCharsets.UTF_8)) {
        p.load(r);
      } catch (IOException e) {
        throw new HarmattanException(
            ErrorCategory.UNAVAILABLE,
            ProblemCode.ADVISORY_CACHE,
            "cannot read the cache record " + meta + " (" + e.getMessage() + ")",
            e);
      }
    }
    return p;
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
