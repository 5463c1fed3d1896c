package org.harmattan.ingest.advisories;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.harmattan.domain.error.ErrorCategory;
import org.harmattan.domain.error.HarmattanException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The fetcher against a real HTTP server in the test's JVM. */
@SuppressForbidden(reason = "the JDK's HTTP server is the real server under the real client")
class AdvisoryFetcherTest {
  private static final Instant T0 = Instant.parse("2025-11-05T08:00:00Z");

  @TempDir Path cache;
  private HttpServer server;
  private final List<String> requests = Collections.synchronizedList(new ArrayList<>());
  private volatile byte[] body = AdvisoryReadersTest.fixture("uk-mali-2025-09.json");
  private volatile String etag = "\"v1\"";
  private volatile String cacheControl = "max-age=600";
  private final CountDownLatch release = new CountDownLatch(1);

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/api/content/foreign-travel-advice/mali",
        ex -> {
          String inm = ex.getRequestHeaders().getFirst("If-None-Match");
          requests.add(inm == null ? "GET" : "GET If-None-Match " + inm);
          ex.getResponseHeaders().add("Cache-Control", cacheControl);
          ex.getResponseHeaders().add("ETag", etag);
          if (etag.equals(inm)) {
            ex.sendResponseHeaders(304, -1);
            ex.close();
            return;
          }
          send(ex, 200, body);
        });
    server.createContext(
        "/slow",
        ex -> {
          try {
            release.await(30, TimeUnit.SECONDS);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          send(ex, 200, body);
        });
    server.createContext(
        "/broken", ex -> send(ex, 503, "down".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    server.start();
  }

  @AfterEach
  void stop() {
    release.countDown();
    server.stop(0);
  }

  private static void send(HttpExchange ex, int status, byte[] b) throws IOException {
    ex.sendResponseHeaders(status, b.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(b);
    }
  }

  private URI url(String path) {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
  }

  /** A fetcher with generous timeouts, so that a loaded machine does not turn a reply into one. */
  private AdvisoryFetcher fetcher(Instant now) {
    return fetcher(now, Duration.ofSeconds(20));
  }

  private AdvisoryFetcher fetcher(Instant now, Duration requestTimeout) {
    return new AdvisoryFetcher(
        cache,
        new AdvisoryFetcher.Settings(Duration.ofSeconds(10), requestTimeout, Duration.ofHours(6)),
        Clock.fixed(now, ZoneOffset.UTC));
  }

  @Test
  void downloadsThenServesFreshCopyThenRevalidatesWithEtag() {
    URI u = url("/api/content/foreign-travel-advice/mali");
    AdvisoryFetcher.Fetched first = fetcher(T0).fetch(u);
    assertThat(first.origin()).isEqualTo(AdvisoryFetcher.Origin.NETWORK);
    assertThat(first.body()).isEqualTo(body);
    assertThat(first.file()).exists();
    assertThat(first.findPrevious()).isEmpty();

    // Within max-age=600: the server is not asked.
    AdvisoryFetcher.Fetched fresh = fetcher(T0.plusSeconds(300)).fetch(u);
    assertThat(fresh.origin()).isEqualTo(AdvisoryFetcher.Origin.CACHE_FRESH);
    assertThat(requests).containsExactly("GET");

    // After max-age: a conditional request, answered 304.
    AdvisoryFetcher.Fetched revalidated = fetcher(T0.plusSeconds(900)).fetch(u);
    assertThat(revalidated.origin()).isEqualTo(AdvisoryFetcher.Origin.NOT_MODIFIED);
    assertThat(revalidated.fetchedAt()).isEqualTo(T0.plusSeconds(900));
    assertThat(requests).containsExactly("GET", "GET If-None-Match \"v1\"");
  }

  @Test
  void aChangedDocumentKeepsThePreviousSnapshot() throws IOException {
    URI u = url("/api/content/foreign-travel-advice/mali");
    byte[] old = body;
    fetcher(T0).fetch(u);
    body = AdvisoryReadersTest.fixture("uk-mali-2025-11.json");
    etag = "\"v2\"";
    AdvisoryFetcher.Fetched next = fetcher(T0.plusSeconds(3600)).fetch(u);
    assertThat(next.origin()).isEqualTo(AdvisoryFetcher.Origin.NETWORK);
    assertThat(next.body()).isEqualTo(body);
    assertThat(next.findPrevious()).isPresent();
    assertThat(Files.readAllBytes(next.findPrevious().get())).isEqualTo(old);
    // The two snapshots read as two different advisories.
    assertThat(
            AdvisoryFiles.read(Files.readAllBytes(next.findPrevious().get()), "p", "MLI").wording())
        .contains("avoid_all_travel_to_parts");
    assertThat(AdvisoryFiles.read(next.body(), "c", "MLI").wording())
        .containsExactly("avoid_all_travel_to_whole_country");
  }

  @Test
  void noMaxAgeFromTheServerFallsBackToTheDefault() {
    cacheControl = "public";
    URI u = url("/api/content/foreign-travel-advice/mali");
    fetcher(T0).fetch(u);
    assertThat(fetcher(T0.plus(Duration.ofHours(5))).fetch(u).origin())
        .isEqualTo(AdvisoryFetcher.Origin.CACHE_FRESH);
    assertThat(fetcher(T0.plus(Duration.ofHours(7))).fetch(u).origin())
        .isEqualTo(AdvisoryFetcher.Origin.NOT_MODIFIED);
  }

  @Test
  void offlineWithACachedCopyUsesItAndSaysSo() throws IOException {
    URI u = url("/api/content/foreign-travel-advice/mali");
    fetcher(T0).fetch(u);
    server.stop(0);
    AdvisoryFetcher.Fetched f = fetcher(T0.plus(Duration.ofDays(1))).fetch(u);
    assertThat(f.origin()).isEqualTo(AdvisoryFetcher.Origin.CACHE_OFFLINE);
    assertThat(f.body()).isEqualTo(body);
    assertThat(f.findWarning())
        .hasValueSatisfying(
            w ->
                assertThat(w)
                    .startsWith("cannot reach " + u + " (")
                    .contains("using the cached copy of 2025-11-05"));
  }

  @Test
  void offlineWithoutACachedCopyIsAClearUnavailableError() throws IOException {
    int port;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    URI u = URI.create("http://127.0.0.1:" + port + "/nothing-listens-here");
    assertThatThrownBy(() -> fetcher(T0).fetch(u))
        .isInstanceOf(HarmattanException.class)
        .hasMessageContaining("cannot reach " + u)
        .hasMessageContaining("no cached copy")
        .extracting(e -> ((HarmattanException) e).category())
        .isEqualTo(ErrorCategory.UNAVAILABLE);
  }

  @Test
  void aServerThatDoesNotAnswerInTimeCountsAsUnreachable() {
    assertThatThrownBy(() -> fetcher(T0, Duration.ofMillis(500)).fetch(url("/slow")))
        .isInstanceOf(HarmattanException.class)
        .hasMessageContaining("timed out")
        .hasMessageContaining("no cached copy");
  }

  @Test
  void aServerErrorFallsBackToTheCachedCopy() throws IOException {
    URI u = url("/broken");
    Path dir = fetcher(T0).directoryOf(u);
    Files.createDirectories(dir);
    Files.write(dir.resolve("current.snapshot"), body);
    Files.writeString(dir.resolve("current.properties"), "fetched-at=2025-11-01T00\\:00\\:00Z\n");
    AdvisoryFetcher.Fetched f = fetcher(T0).fetch(u);
    assertThat(f.origin()).isEqualTo(AdvisoryFetcher.Origin.CACHE_OFFLINE);
    assertThat(f.warning()).contains("HTTP 503").contains("cached copy of 2025-11-01");
  }
}
