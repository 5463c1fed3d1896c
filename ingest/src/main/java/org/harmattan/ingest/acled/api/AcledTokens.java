package org.harmattan.ingest.acled.api;

import static java.util.Objects.requireNonNull;
import static org.harmattan.ingest.acled.api.AcledAnswers.MAPPER;
import static org.harmattan.ingest.acled.api.AcledAnswers.accountRefused;
import static org.harmattan.ingest.acled.api.AcledAnswers.malformed;
import static org.harmattan.ingest.acled.api.AcledAnswers.refused;
import static org.harmattan.ingest.acled.api.AcledAnswers.text;
import static org.harmattan.ingest.acled.api.AcledAnswers.wholeNumber;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The client's token: obtained with the password grant, renewed {@link
 * AcledApiClient.Settings#refreshMargin()} before it expires with the refresh-token grant, and the
 * password grant again when the refresh token is refused or past its documented lifetime. Neither
 * the credentials nor a token is written anywhere; messages name where the credentials came from.
 */
final class AcledTokens {
  /** The refresh token's lifetime, as documented; ACLED's token answer does not give it. */
  static final Duration REFRESH_TOKEN_LIFETIME = Duration.ofDays(14);

  private static final String TOKEN_PATH = "/oauth/token";

  /** A token as the token endpoint gave it, with its expiries by the client's clock. */
  private record Token(
      String access, String refresh, Instant accessExpiresAt, Instant refreshExpiresAt) {}

  private final URI base;
  private final AcledCredentials credentials;
  private final AcledApiClient.Settings settings;
  private final Clock clock;
  private final AcledExchange exchange;
  private Token token;

  AcledTokens(
      URI base,
      AcledCredentials credentials,
      AcledApiClient.Settings settings,
      Clock clock,
      AcledExchange exchange) {
    this.base = requireNonNull(base, "base");
    this.credentials = requireNonNull(credentials, "credentials");
    this.settings = requireNonNull(settings, "settings");
    this.clock = requireNonNull(clock, "clock");
    this.exchange = requireNonNull(exchange, "exchange");
  }

  /** A current access token, obtained or renewed as needed. */
  String access(AcledExchange.Counts counts) {
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
   * Makes the access token due for renewal, as when the API refused it (revoked or expired early);
   * the refresh token is kept.
   */
  void expire() {
    token = new Token(token.access(), token.refresh(), Instant.EPOCH, token.refreshExpiresAt());
  }

  /**
   * A token from the token endpoint.
   *
   * @param refresh whether the form is the refresh grant, whose refusal is answered empty
   */
  private Optional<Token> requestToken(
      Map<String, String> form, boolean refresh, AcledExchange.Counts counts) {
    URI uri = URI.create(AcledExchange.endpoint(base, TOKEN_PATH));
    HttpRequest request =
        HttpRequest.newBuilder(uri)
            .timeout(settings.requestTimeout())
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("Accept", "application/json")
            .header("User-Agent", "Harmattan ACLED client")
            .POST(
                HttpRequest.BodyPublishers.ofString(
                    AcledExchange.form(form), StandardCharsets.UTF_8))
            .build();
    String what = "a token from " + uri;
    HttpResponse<byte[]> response = exchange.send(request, what, counts);
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
}
