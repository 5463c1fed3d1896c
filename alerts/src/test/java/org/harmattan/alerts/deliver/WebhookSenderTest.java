package org.harmattan.alerts.deliver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.harmattan.alerts.Alert;
import org.harmattan.alerts.AlertJson;
import org.harmattan.domain.error.ErrorCategory;
import org.harmattan.domain.error.HarmattanException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Webhooks to a real HTTP receiver in the test's JVM, over the real client. */
@SuppressForbidden(reason = "the JDK's HTTP server is the real receiver under the real client")
class WebhookSenderTest {
  private static final Instant T0 = Instant.parse("2025-02-01T06:00:00Z");
  private static final String SECRET = "whsec-7f3a91c2";
  private static final ObjectMapper JSON = new ObjectMapper();

  /** One request as the receiver saw it. */
  // Compared field by field, never as a whole: the array's identity equals does no harm.
  @SuppressWarnings("ArrayRecordComponent")
  private record Received(
      String method, String query, Map<String, List<String>> headers, byte[] body) {
    /** The first value of a header, by its name in any case. */
    String header(String name) {
      List<String> values = headers.get(name);
      return values == null || values.isEmpty() ? null : values.get(0);
    }
  }

  /** One scripted answer. */
  private record Answer(int status, Map<String, String> headers, String body) {
    static Answer of(int status) {
      return new Answer(status, Map.of(), "");
    }
  }

  private HttpServer server;
  private final List<Received> received = Collections.synchronizedList(new ArrayList<>());
  private final ConcurrentLinkedQueue<Answer> script = new ConcurrentLinkedQueue<>();
  private final List<Duration> slept = Collections.synchronizedList(new ArrayList<>());
  private final CountDownLatch release = new CountDownLatch(1);

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/hook",
        ex -> {
          byte[] body;
          try (InputStream in = ex.getRequestBody()) {
            body = in.readAllBytes();
          }
          received.add(
              new Received(
                  ex.getRequestMethod(), ex.getRequestURI().getRawQuery(), headersOf(ex), body));
          Answer a = script.poll();
          if (a == null) {
            a = Answer.of(200);
          }
          a.headers().forEach((k, v) -> ex.getResponseHeaders().add(k, v));
          send(ex, a.status(), a.body().getBytes(StandardCharsets.UTF_8));
        });
    server.createContext(
        "/slow",
        ex -> {
          try {
            release.await(20, TimeUnit.SECONDS);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          send(ex, 200, new byte[0]);
        });
    server.start();
  }

  @AfterEach
  void stop() {
    release.countDown();
    server.stop(0);
  }

  private static Map<String, List<String>> headersOf(HttpExchange ex) {
    Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    ex.getRequestHeaders().forEach((k, v) -> headers.put(k, List.copyOf(v)));
    return headers;
  }

  private static void send(HttpExchange ex, int status, byte[] body) throws IOException {
    ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(body);
    }
  }

  private URI url(String pathAndQuery) {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + pathAndQuery);
  }

  /** A sender that records its waits instead of sleeping: 1 s base delay, 60 s cap. */
  private WebhookSender sender(int maxAttempts) {
    return sender(maxAttempts, Duration.ofSeconds(20));
  }

  private WebhookSender sender(int maxAttempts, Duration requestTimeout) {
    return new WebhookSender(
        new WebhookConfig(
            Duration.ofSeconds(10),
            requestTimeout,
            new RetryPolicy(maxAttempts, Duration.ofSeconds(1), Duration.ofSeconds(60))),
        slept::add,
        Clock.fixed(T0, ZoneOffset.UTC));
  }

  /** A node as a receiver parses it: numbers read back as the parser types them. */
  private static JsonNode parsed(JsonNode node) throws IOException {
    return JSON.readTree(JSON.writeValueAsBytes(node));
  }

  private static Received only(List<Received> list) {
    assertThat(list).hasSize(1);
    return list.get(0);
  }

  @Test
  void postsTheAlertJsonWithItsHeaders() throws IOException {
    Alert alert = TestAlerts.surgeInMopti();

    Delivery d = sender(3).send(alert, false, url("/hook"), SECRET);

    assertThat(d.outcome()).isEqualTo(Delivery.Outcome.DELIVERED);
    assertThat(d.isDelivered()).isTrue();
    assertThat(d.attempts()).isEqualTo(1);
    assertThat(d.lastStatus()).isEqualTo(200);
    assertThat(d.findLastError()).isEmpty();
    assertThat(d.channel()).isEqualTo(Channel.WEBHOOK);
    assertThat(d.alertId()).isEqualTo(alert.id());
    assertThat(d.lastAttemptAt()).isEqualTo(T0);
    assertThat(slept).isEmpty();

    Received r = only(received);
    assertThat(r.method()).isEqualTo("POST");
    assertThat(r.header("Content-Type")).isEqualTo("application/json");
    assertThat(r.header("User-Agent")).isEqualTo("Harmattan");
    assertThat(r.header("X-Harmattan-Alert")).isEqualTo(alert.id());
    assertThat(r.header("X-Harmattan-Timestamp")).isEqualTo(Long.toString(T0.getEpochSecond()));
    assertThat(r.header("X-Harmattan-Signature")).matches("sha256=[0-9a-f]{64}");

    JsonNode body = JSON.readTree(r.body());
    assertThat(body).isEqualTo(parsed(AlertJson.toNode(alert, false)));
    assertThat(body.get("id").asText()).isEqualTo(alert.id());
    assertThat(body.get("severity").asText()).isEqualTo("severe");
    assertThat(body.get("headline").asText()).isEqualTo(alert.headline());
    assertThat(body.get("admin1").asText()).isEqualTo("Mopti");
    assertThat(body.get("figures")).hasSize(1);
    assertThat(body.get("figures").get(0).get("value").asDouble()).isEqualTo(12.0);
    assertThat(body.get("figures").get(0).get("unit").asText()).isEqualTo("events");
    // The body is exactly the bytes that were signed.
    assertThat(r.body()).isEqualTo(WebhookSender.toBody(alert, false));
  }

  @Test
  void signatureVerifiesWithTheSecretOnly() {
    sender(1).send(TestAlerts.surgeInMopti(), false, url("/hook"), SECRET);
    Received r = only(received);
    String ts = r.header("X-Harmattan-Timestamp");
    String sig = r.header("X-Harmattan-Signature");

    assertThat(WebhookSender.verify(SECRET, ts, r.body(), sig)).isTrue();
    assertThat(WebhookSender.verify("another-secret", ts, r.body(), sig)).isFalse();
    byte[] changed = Arrays.copyOf(r.body(), r.body().length);
    changed[changed.length - 2] ^= 1;
    assertThat(WebhookSender.verify(SECRET, ts, changed, sig)).isFalse();
    assertThat(WebhookSender.verify(SECRET, Long.toString(T0.getEpochSecond() + 1), r.body(), sig))
        .isFalse();
    assertThat(WebhookSender.verify(SECRET, ts, r.body(), "sha256=zz")).isFalse();
    assertThat(WebhookSender.verify(SECRET, ts, r.body(), sig.substring("sha256=".length())))
        .isFalse();
    assertThat(WebhookSender.verify(SECRET, ts, r.body(), null)).isFalse();
  }

  @Test
  void signatureIsHmacSha256OfTimestampDotBody() throws Exception {
    // Recomputed here with the JDK, as a receiver in any language would.
    byte[] body = "{\"id\":\"x\"}".getBytes(StandardCharsets.UTF_8);
    javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
    mac.init(
        new javax.crypto.spec.SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    byte[] expected =
        mac.doFinal(("1738389600." + "{\"id\":\"x\"}").getBytes(StandardCharsets.UTF_8));
    assertThat(WebhookSender.sign(SECRET, "1738389600", body))
        .isEqualTo("sha256=" + java.util.HexFormat.of().formatHex(expected));
  }

  @Test
  void serverErrorsAreRetriedWithExponentialBackOff() {
    script.add(Answer.of(500));
    script.add(Answer.of(500));
    script.add(Answer.of(200));

    Delivery d = sender(5).send(TestAlerts.surgeInMopti(), false, url("/hook"), SECRET);

    assertThat(d.outcome()).isEqualTo(Delivery.Outcome.DELIVERED);
    assertThat(d.attempts()).isEqualTo(3);
    assertThat(d.lastStatus()).isEqualTo(200);
    assertThat(slept).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2));
    assertThat(received).hasSize(3);
    // Every attempt carries the same alert id and a valid signature.
    for (Received r : received) {
      assertThat(r.header("X-Harmattan-Alert")).isEqualTo(TestAlerts.surgeInMopti().id());
      assertThat(
              WebhookSender.verify(
                  SECRET,
                  r.header("X-Harmattan-Timestamp"),
                  r.body(),
                  r.header("X-Harmattan-Signature")))
          .isTrue();
    }
  }

  @Test
  void tooManyRequestsWaitsTheRetryAfterSeconds() {
    script.add(new Answer(429, Map.of("Retry-After", "7"), "slow down"));
    script.add(Answer.of(204));

    Delivery d = sender(3).send(TestAlerts.surgeInMopti(), false, url("/hook"), SECRET);

    assertThat(d.outcome()).isEqualTo(Delivery.Outcome.DELIVERED);
    assertThat(d.attempts()).isEqualTo(2);
    assertThat(d.lastStatus()).isEqualTo(204);
    assertThat(slept).containsExactly(Duration.ofSeconds(7));
  }

  @Test
  void retryAfterIsCappedAtTheLongestWait() {
    script.add(new Answer(429, Map.of("Retry-After", "86400"), ""));
    script.add(new Answer(429, Map.of("Retry-After", "Wed, 21 Oct 2015 07:28:00 GMT"), ""));

    Delivery d = sender(3).send(TestAlerts.surgeInMopti(), false, url("/hook"), SECRET);

    assertThat(d.isDelivered()).isTrue();
    // A day asked for: the 60 s cap. An HTTP date (not read): the back-off, 2 s after 2 failures.
    assertThat(slept).containsExactly(Duration.ofSeconds(60), Duration.ofSeconds(2));
  }

  @Test
  void notFoundIsADeadLetterAtOnce() {
    script.add(new Answer(404, Map.of(), "no such hook"));

    Delivery d = sender(5).send(TestAlerts.surgeInMopti(), false, url("/hook"), SECRET);

    assertThat(d.outcome()).isEqualTo(Delivery.Outcome.DEAD_LETTER);
    assertThat(d.attempts()).isEqualTo(1);
    assertThat(d.lastStatus()).isEqualTo(404);
    assertThat(d.lastError())
        .contains("POST " + url("/hook"))
        .contains("HTTP 404")
        .contains("no such hook")
        .contains("check the subscription's URL")
        .contains("not retried");
    assertThat(slept).isEmpty();
    assertThat(received).hasSize(1);
  }

  @Test
  void requestTimeoutIsRetriedLikeAServerError() {
    script.add(Answer.of(408));
    Delivery d = sender(2).send(TestAlerts.surgeInMopti(), false, url("/hook"), SECRET);
    assertThat(d.isDelivered()).isTrue();
    assertThat(d.attempts()).isEqualTo(2);
  }

  @Test
  void aRedirectIsNotFollowed() {
    script.add(new Answer(301, Map.of("Location", "http://127.0.0.1:1/elsewhere"), ""));
    Delivery d = sender(3).send(TestAlerts.surgeInMopti(), false, url("/hook"), SECRET);
    assertThat(d.outcome()).isEqualTo(Delivery.Outcome.DEAD_LETTER);
    assertThat(d.attempts()).isEqualTo(1);
    assertThat(d.lastError()).contains("HTTP 301").contains("redirect");
  }

  @Test
  void alwaysFailingReceiverIsADeadLetterAfterMaxAttempts() {
    for (int i = 0; i < 10; i++) {
      script.add(new Answer(500, Map.of(), "database\n  is down"));
    }

    Delivery d = sender(4).send(TestAlerts.surgeInMopti(), false, url("/hook"), SECRET);

    assertThat(d.outcome()).isEqualTo(Delivery.Outcome.DEAD_LETTER);
    assertThat(d.attempts()).isEqualTo(4);
    assertThat(d.lastStatus()).isEqualTo(500);
    assertThat(d.lastError())
        .isEqualTo(
            "gave up after 4 attempts; the last: POST "
                + url("/hook")
                + ": HTTP 500; the receiver said: \"database is down\"");
    assertThat(slept)
        .containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4));
    assertThat(received).hasSize(4);
  }

  @Test
  void closedPortIsADeadLetterSayingSo() throws IOException {
    int port;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    URI closed = URI.create("http://127.0.0.1:" + port + "/hook");

    Delivery d = sender(3).send(TestAlerts.surgeInMopti(), false, closed, SECRET);

    assertThat(d.outcome()).isEqualTo(Delivery.Outcome.DEAD_LETTER);
    assertThat(d.attempts()).isEqualTo(3);
    assertThat(d.findLastStatus()).isEmpty();
    assertThat(d.lastError())
        .startsWith("gave up after 3 attempts; the last: POST http://127.0.0.1:" + port + "/hook")
        .contains("cannot connect to 127.0.0.1:" + port + " (connection refused or unreachable)");
    assertThat(slept).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2));
  }

  @Test
  void slowReceiverTimesOutAndIsRetried() {
    Delivery d =
        sender(2, Duration.ofMillis(300))
            .send(TestAlerts.surgeInMopti(), false, url("/slow"), SECRET);

    assertThat(d.outcome()).isEqualTo(Delivery.Outcome.DEAD_LETTER);
    assertThat(d.attempts()).isEqualTo(2);
    assertThat(d.lastError()).contains("no answer within 300 ms");
    assertThat(slept).containsExactly(Duration.ofSeconds(1));
  }

  @Test
  void fileUrlIsRefused() {
    assertThatThrownBy(
            () ->
                sender(3)
                    .send(
                        TestAlerts.surgeInMopti(), false, URI.create("file:///etc/passwd"), SECRET))
        .isInstanceOf(HarmattanException.class)
        .hasMessage(
            "webhook URL file:///etc/passwd is not an http or https URL (its scheme is file):"
                + " a webhook is POSTed over HTTP; give an http:// or https:// URL")
        .satisfies(
            e ->
                assertThat(((HarmattanException) e).category())
                    .isEqualTo(ErrorCategory.USER_INPUT));
    assertThat(WebhookSender.findUrlProblem(URI.create("https://example.org/hook"))).isEmpty();
    assertThat(WebhookSender.findUrlProblem(URI.create("mailto:ops@example.org")))
        .hasValueSatisfying(p -> assertThat(p).contains("mailto:…").contains("not an http"));
    assertThat(received).isEmpty();
  }

  @Test
  void emptySecretIsRefused() {
    assertThatThrownBy(() -> sender(3).send(TestAlerts.surgeInMopti(), false, url("/hook"), ""))
        .isInstanceOf(HarmattanException.class)
        .hasMessageContaining("empty secret");
    assertThat(received).isEmpty();
  }

  @Test
  void theRecordShowsNoCredentialsOfTheUrl() {
    URI withSecrets =
        URI.create(
            "http://hooks:p4ss@127.0.0.1:"
                + server.getAddress().getPort()
                + "/hook?token=s3cr3t#frag");

    Delivery d = sender(1).send(TestAlerts.surgeInMopti(), false, withSecrets, SECRET);

    assertThat(d.isDelivered()).isTrue();
    assertThat(d.recipient()).isEqualTo(url("/hook").toString());
    assertThat(d.toString()).doesNotContain("p4ss").doesNotContain("s3cr3t");
    // The receiver still gets its query.
    assertThat(only(received).query()).isEqualTo("token=s3cr3t");
    assertThatThrownBy(
            () ->
                new Delivery(
                    "a",
                    Channel.WEBHOOK,
                    withSecrets.toString(),
                    1,
                    Delivery.Outcome.DELIVERED,
                    200,
                    null,
                    T0))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void syntheticAlertsSaySoInTheBody() throws IOException {
    sender(1).send(TestAlerts.surgeInMopti(), true, url("/hook"), SECRET);
    JsonNode body = JSON.readTree(only(received).body());
    assertThat(body).isEqualTo(parsed(AlertJson.toNode(TestAlerts.surgeInMopti(), true)));
    assertThat(body.get("figures").get(0).get("synthetic").asBoolean()).isTrue();
  }
}
