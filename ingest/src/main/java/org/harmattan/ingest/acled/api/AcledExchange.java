package org.harmattan.ingest.acled.api;

import static java.util.Objects.requireNonNull;
import static org.harmattan.ingest.acled.api.AcledAnswers.interrupted;
import static org.harmattan.ingest.acled.api.AcledAnswers.said;
import static org.harmattan.ingest.acled.api.AcledAnswers.unavailable;

import java.io.IOException;
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
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;
import org.harmattan.domain.error.ErrorCategory;
import org.harmattan.domain.error.HarmattanException;
import org.harmattan.domain.problem.ProblemCode;

/**
 * One request to the API and its answer, sent again after a 429, a 5xx or a timeout as {@link
 * AcledApiClient.Settings} says, waiting through the {@link AcledApiClient.Sleeper}; a connection
 * that cannot be made fails at once. Redirects are not followed.
 */
final class AcledExchange {
  /** The requests of one call of the client. */
  static final class Counts {
    int requests;
    int retries;
  }

  private final AcledApiClient.Settings settings;
  private final Clock clock;
  private final AcledApiClient.Sleeper sleeper;
  private final HttpClient http;

  AcledExchange(AcledApiClient.Settings settings, Clock clock, AcledApiClient.Sleeper sleeper) {
    this.settings = requireNonNull(settings, "settings");
    this.clock = requireNonNull(clock, "clock");
    this.sleeper = requireNonNull(sleeper, "sleeper");
    this.http =
        HttpClient.newBuilder()
            .connectTimeout(settings.connectTimeout())
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
  }

  /** The address of {@code path} under {@code base}. */
  static String endpoint(URI base, String path) {
    String b = base.toString();
    return (b.endsWith("/") ? b.substring(0, b.length() - 1) : b) + path;
  }

  static String form(Map<String, String> values) {
    StringJoiner j = new StringJoiner("&");
    values.forEach(
        (k, v) ->
            j.add(
                URLEncoder.encode(k, StandardCharsets.UTF_8)
                    + "="
                    + URLEncoder.encode(v, StandardCharsets.UTF_8)));
    return j.toString();
  }

  /** The answer to {@code request}: 2xx or a client error, after retrying 429, 5xx and timeouts. */
  HttpResponse<byte[]> send(HttpRequest request, String what, Counts counts) {
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
}
