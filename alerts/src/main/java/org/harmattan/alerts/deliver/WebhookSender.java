package org.harmattan.alerts.deliver;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.harmattan.alerts.Alert;
import org.harmattan.alerts.AlertJson;
import org.harmattan.domain.error.ErrorCategory;
import org.harmattan.domain.error.HarmattanException;
import org.harmattan.domain.problem.ProblemCode;

/**
 * Sends an alert to a subscriber's URL as a signed JSON POST.
 *
 * <p>The request: {@code POST <url>} with the body {@link AlertJson#toNode} (UTF-8 JSON) and the
 * headers
 *
 * <ul>
 *   <li>{@code Content-Type: application/json}, {@code User-Agent: Harmattan};
 *   <li>{@code X-Harmattan-Alert}: the alert's id (the same on every attempt: a receiver can drop a
 *       second copy);
 *   <li>{@code X-Harmattan-Timestamp}: the attempt's time in seconds since the epoch;
 *   <li>{@code X-Harmattan-Signature}: {@code sha256=} and the lower-case hex HMAC-SHA256, keyed
 *       with the subscription's secret (its UTF-8 bytes), of the timestamp's digits, a full stop
 *       and the body's bytes exactly as received: {@code HMAC(secret, "<timestamp>.<body>")}.
 * </ul>
 *
 * <p>To verify, a receiver computes the same HMAC over the raw body before parsing it and compares
 * in constant time ({@link #verify}), then rejects a timestamp too far from its own clock (5
 * minutes, say) so that a recorded request cannot be replayed later. Each attempt is signed anew
 * with its own timestamp.
 *
 * <p>Retries: a connection failure, a timeout, HTTP 408, 429 and 5xx are tried again after the
 * {@link RetryPolicy}'s back-off (for 429, after the {@code Retry-After} seconds when given, capped
 * at the policy's longest wait); any other status but 2xx (a 4xx, a redirect, which is not
 * followed) ends the delivery at once as a dead letter that says why.
 *
 * <p>A sender holds no state between deliveries and may be shared between threads.
 */
public final class WebhookSender {
  /** The header with the alert's id. */
  public static final String ALERT_HEADER = "X-Harmattan-Alert";

  /** The header with the attempt's time, seconds since the epoch. */
  public static final String TIMESTAMP_HEADER = "X-Harmattan-Timestamp";

  /** The header with {@code sha256=<hex HMAC-SHA256 of "<timestamp>.<body>">}. */
  public static final String SIGNATURE_HEADER = "X-Harmattan-Signature";

  private static final String SIGNATURE_PREFIX = "sha256=";
  private static final int SNIPPET_BYTES = 300;
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final WebhookConfig config;
  private final Sleeper sleeper;
  private final Clock clock;
  private final HttpClient http;

  /**
   * A sender.
   *
   * @param config timeouts and retries
   * @param sleeper waits between attempts
   * @param clock gives the timestamps
   */
  public WebhookSender(WebhookConfig config, Sleeper sleeper, Clock clock) {
    this.config = requireNonNull(config, "config");
    this.sleeper = requireNonNull(sleeper, "sleeper");
    this.clock = requireNonNull(clock, "clock");
    // HTTP/1.1: one small request, nothing to gain from HTTP/2 and its upgrade dance on http://.
    // Redirects are not followed: a POST moved elsewhere is a configuration to fix, not to guess.
    this.http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(config.connectTimeout())
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
  }

  /**
   * Sends {@code alert} to {@code url}, retrying as the configuration says.
   *
   * @param alert the alert
   * @param synthetic whether its data is synthetic (see {@link AlertJson#toNode})
   * @param url the subscriber's http or https URL
   * @param secret the subscription's secret, which keys the signature
   * @return delivered, or a dead letter with the reason
   * @throws HarmattanException (user input) when the URL is not http(s) or the secret is empty
   */
  public Delivery send(Alert alert, boolean synthetic, URI url, String secret) {
    requireNonNull(alert, "alert");
    requireNonNull(url, "url");
    requireNonNull(secret, "secret");
    Optional<String> problem = findUrlProblem(url);
    if (problem.isPresent()) {
      throw HarmattanException.userInput(ProblemCode.BAD_PARAMETER, problem.get());
    }
    String recipient = toRecipient(url);
    if (secret.isEmpty()) {
      throw HarmattanException.userInput(
          ProblemCode.BAD_PARAMETER,
          "the webhook subscription to "
              + recipient
              + " has an empty secret: give it a secret, which signs every request");
    }
    byte[] body = toBody(alert, synthetic);
    return Attempts.run(
        alert.id(),
        Channel.WEBHOOK,
        recipient,
        config.retry(),
        sleeper,
        clock,
        n -> attempt(alert.id(), url, recipient, secret, body));
  }

  /**
   * What is wrong with a webhook URL, if anything: it must be absolute, http or https, with a host.
   * For checking subscriptions when they are read, before any alert is sent.
   *
   * @param url the URL
   * @return the problem in words, or empty when the URL can be used
   */
  public static Optional<String> findUrlProblem(URI url) {
    requireNonNull(url, "url");
    String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      return Optional.of(
          "webhook URL "
              + shown(url)
              + " is not an http or https URL"
              + (scheme.isEmpty() ? "" : " (its scheme is " + scheme + ")")
              + ": a webhook is POSTed over HTTP; give an http:// or https:// URL");
    }
    if (url.getHost() == null || url.getHost().isEmpty()) {
      return Optional.of(
          "webhook URL " + shown(url) + " has no host: give a URL such as https://host/path");
    }
    return Optional.empty();
  }

  /**
   * A URL as delivery records and messages show it: scheme, host, port and path, without the user
   * info, query or fragment, which may hold credentials.
   *
   * @param url the URL
   */
  public static String toRecipient(URI url) {
    requireNonNull(url, "url");
    StringBuilder b = new StringBuilder();
    if (url.getScheme() != null) {
      b.append(url.getScheme().toLowerCase(Locale.ROOT)).append("://");
    }
    if (url.getHost() != null) {
      b.append(url.getHost());
      if (url.getPort() != -1) {
        b.append(':').append(url.getPort());
      }
    }
    if (url.getRawPath() != null) {
      b.append(url.getRawPath());
    }
    return b.toString();
  }

  /**
   * The {@value #SIGNATURE_HEADER} value of a request: {@code sha256=} and the lower-case hex
   * HMAC-SHA256 of {@code "<timestamp>.<body>"} keyed with the secret's UTF-8 bytes.
   *
   * @param secret the subscription's secret, not empty
   * @param timestamp the {@value #TIMESTAMP_HEADER} value
   * @param body the request body, byte for byte
   */
  public static String sign(String secret, String timestamp, byte[] body) {
    return SIGNATURE_PREFIX + HexFormat.of().formatHex(hmac(secret, timestamp, body));
  }

  /**
   * Whether a request's signature is right: for receivers, and the tests. The comparison takes the
   * same time wherever the first difference is, so that it cannot be guessed byte by byte. Check
   * the timestamp's age too (see the class comment).
   *
   * @param secret the subscription's secret
   * @param timestamp the {@value #TIMESTAMP_HEADER} value as received
   * @param body the raw request body, before any parsing
   * @param header the {@value #SIGNATURE_HEADER} value as received
   * @return true when the header is the signature of that timestamp and body with that secret;
   *     false for anything else, a missing or malformed header included
   */
  public static boolean verify(String secret, String timestamp, byte[] body, String header) {
    if (secret == null
        || secret.isEmpty()
        || timestamp == null
        || body == null
        || header == null
        || !header.startsWith(SIGNATURE_PREFIX)) {
      return false;
    }
    byte[] given;
    try {
      given = HexFormat.of().parseHex(header.substring(SIGNATURE_PREFIX.length()).strip());
    } catch (IllegalArgumentException e) {
      return false;
    }
    return MessageDigest.isEqual(hmac(secret, timestamp, body), given);
  }

  /**
   * The body POSTed for an alert: {@link AlertJson#toNode} as UTF-8 JSON bytes.
   *
   * @param alert the alert
   * @param synthetic whether its data is synthetic
   */
  public static byte[] toBody(Alert alert, boolean synthetic) {
    try {
      return MAPPER.writeValueAsBytes(AlertJson.toNode(alert, synthetic));
    } catch (JsonProcessingException e) {
      throw new HarmattanException(
          ErrorCategory.INTERNAL,
          ProblemCode.JSON,
          "alert " + alert.id() + " cannot be written as JSON: " + e.getOriginalMessage(),
          e);
    }
  }

  private static byte[] hmac(String secret, String timestamp, byte[] body) {
    requireNonNull(secret, "secret");
    requireNonNull(timestamp, "timestamp");
    requireNonNull(body, "body");
    if (secret.isEmpty()) {
      throw new IllegalArgumentException("a webhook secret must not be empty");
    }
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      mac.update(timestamp.getBytes(StandardCharsets.UTF_8));
      mac.update((byte) '.');
      return mac.doFinal(body);
    } catch (GeneralSecurityException e) {
      // Every Java runtime has HmacSHA256.
      throw new IllegalStateException("HmacSHA256 is not available in this Java runtime", e);
    }
  }

  private Attempts.Result attempt(
      String alertId, URI url, String recipient, String secret, byte[] body) {
    String timestamp = Long.toString(clock.instant().getEpochSecond());
    HttpRequest request =
        HttpRequest.newBuilder(url)
            .timeout(config.requestTimeout())
            .header("Content-Type", "application/json")
            .header("User-Agent", "Harmattan")
            .header(ALERT_HEADER, alertId)
            .header(TIMESTAMP_HEADER, timestamp)
            .header(SIGNATURE_HEADER, sign(secret, timestamp, body))
            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
            .build();
    String what = "POST " + recipient;
    HttpResponse<InputStream> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
    } catch (HttpConnectTimeoutException e) {
      return new Attempts.Temporary(
          null,
          what
              + ": no connection to "
              + hostPort(url)
              + " within "
              + seconds(config.connectTimeout()),
          null);
    } catch (HttpTimeoutException e) {
      return new Attempts.Temporary(
          null, what + ": no answer within " + seconds(config.requestTimeout()), null);
    } catch (ConnectException e) {
      return new Attempts.Temporary(
          null,
          what + ": cannot connect to " + hostPort(url) + " (connection refused or unreachable)",
          null);
    } catch (IOException e) {
      return new Attempts.Temporary(null, what + ": " + describe(e), null);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Attempts.Permanent(null, what + ": interrupted; not retried");
    }
    int status = response.statusCode();
    String said = snippet(response.body());
    if (status >= 200 && status < 300) {
      return new Attempts.Accepted(status);
    }
    if (status == 429) {
      return new Attempts.Temporary(
          status, what + ": HTTP 429, too many requests" + said, retryAfter(response));
    }
    if (status == 408 || status >= 500) {
      return new Attempts.Temporary(status, what + ": HTTP " + status + said, null);
    }
    return new Attempts.Permanent(status, what + ": HTTP " + status + said + "; " + why(status));
  }

  /** Why a status ends the delivery, and what to do. */
  private static String why(int status) {
    if (status >= 300 && status < 400) {
      return "a redirect, which webhooks do not follow: give the subscription the final URL;"
          + " not retried";
    }
    if (status == 401 || status == 403) {
      return "the receiver refused the request: check the subscription's secret and what the"
          + " receiver expects; not retried";
    }
    if (status == 404 || status == 410) {
      return "no receiver at this URL: check the subscription's URL; not retried";
    }
    return "the receiver rejected the request (a 4xx other than 408 or 429 is not retried)";
  }

  /**
   * The {@code Retry-After} of a 429 in seconds, or null when absent or not a number of seconds.
   */
  private static Duration retryAfter(HttpResponse<?> response) {
    Optional<String> value = response.headers().firstValue("Retry-After");
    if (value.isEmpty()) {
      return null;
    }
    try {
      long s = Long.parseLong(value.get().strip());
      return s < 0 ? null : Duration.ofSeconds(s);
    } catch (NumberFormatException e) {
      // An HTTP date: the back-off stands in.
      return null;
    }
  }

  /** The start of the receiver's answer, one line, as {@code ; the receiver said: "…"}. */
  private static String snippet(InputStream in) {
    byte[] bytes;
    boolean more;
    try (in) {
      bytes = in.readNBytes(SNIPPET_BYTES);
      more = in.read() != -1;
    } catch (IOException e) {
      return "";
    }
    String text = new String(bytes, StandardCharsets.UTF_8).replaceAll("\\s+", " ").strip();
    return text.isEmpty() ? "" : "; the receiver said: \"" + text + (more ? "…" : "") + "\"";
  }

  private static String describe(IOException e) {
    String message = e.getMessage();
    return message == null || message.isBlank()
        ? e.getClass().getSimpleName()
        : message.replaceAll("\\s+", " ").strip();
  }

  private static String hostPort(URI url) {
    int port = url.getPort();
    if (port == -1) {
      port = "https".equalsIgnoreCase(url.getScheme()) ? 443 : 80;
    }
    return url.getHost() + ":" + port;
  }

  private static String seconds(Duration d) {
    long ms = d.toMillis();
    return ms % 1000 == 0 ? ms / 1000 + " s" : ms + " ms";
  }

  /** A URL in a message: without what may hold credentials. */
  private static String shown(URI url) {
    return url.isOpaque() ? url.getScheme() + ":…" : toRecipient(url);
  }
}
