package org.harmattan.ingest.advisories;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.harmattan.domain.error.ErrorCategory;
import org.harmattan.domain.error.HarmattanException;
import org.harmattan.domain.problem.ProblemCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What the fetcher does with addresses, cache entries, cache headers and downloads it cannot trust:
 * each ends in a one-line problem or a warning, never an internal error.
 */
@SuppressForbidden(reason = "the JDK's HTTP server is the real server under the real client")
class AdvisoryFetcherHardeningTest {
  private static final Instant T0 = Instant.parse("2025-11-05T08:00:00Z");
  private static final int LIMIT = (int) AdvisoryFetcher.DEFAULT_MAX_BYTES;

  @TempDir Path cache;
  private HttpServer server;
  private final List<String> requests = Collections.synchronizedList(new ArrayList<>());
  private final byte[] body = AdvisoryReadersTest.fixture("uk-mali-2025-09.json");
  private volatile String cacheControl = "max-age=600";

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/advice",
        ex -> {
          String inm = ex.getRequestHeaders().getFirst("If-None-Match");
          requests.add(inm == null ? "GET" : "GET If-None-Match " + inm);
          ex.getResponseHeaders().add("Cache-Control", cacheControl);
          ex.getResponseHeaders().add("ETag", "\"v1\"");
          if ("\"v1\"".equals(inm)) {
            ex.sendResponseHeaders(304, -1);
            ex.close();
            return;
          }
          send(ex, body, true);
        });
    server.createContext("/exactly-the-limit", ex -> send(ex, new byte[LIMIT], false));
    server.createContext("/over-the-limit-chunked", ex -> send(ex, new byte[LIMIT + 1], false));
    server.createContext("/over-the-limit-declared", ex -> send(ex, new byte[LIMIT + 1], true));
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private static void send(HttpExchange ex, byte[] b, boolean declareLength) throws IOException {
    ex.sendResponseHeaders(200, declareLength ? b.length : 0);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(b);
    } catch (IOException e) {
      // The client stopped reading at its limit: what the test wants.
    }
  }

  private URI url(String path) {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
  }

  private AdvisoryFetcher fetcher(Instant now) {
    return new AdvisoryFetcher(
        cache,
        new AdvisoryFetcher.Settings(
            Duration.ofSeconds(10), Duration.ofSeconds(20), Duration.ofHours(6)),
        Clock.fixed(now, ZoneOffset.UTC));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "file:///etc/passwd",
        "FILE:/etc/hosts",
        "ftp://example.org/advice.xml",
        "jar:file:/tmp/x.jar!/a",
        "advice/mali.json",
        "http:/no-host"
      })
  void anAddressThatIsNotHttpOrHttpsIsRefusedByName(String address) {
    URI u = URI.create(address);
    assertThatThrownBy(() -> fetcher(T0).fetch(u))
        .isInstanceOf(HarmattanException.class)
        .hasMessage(
            "the advisory address '"
                + address
                + "' is not an http or https URL (expected an address such as"
                + " https://www.gov.uk/api/content/foreign-travel-advice/mali; read saved"
                + " documents with --from-files)")
        .satisfies(
            e -> {
              HarmattanException h = (HarmattanException) e;
              assertThat(h.category()).isEqualTo(ErrorCategory.USER_INPUT);
              assertThat(h.code()).isEqualTo(ProblemCode.ADVISORY_ADDRESS.code());
            });
    assertThat(cache).isEmptyDirectory();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "fetched-at=yesterday\n",
        "fetched-at=2025-11-05T07\\:00\\:00Z\nmax-age-seconds=abc\n",
        "fetched-at=2025-11-05T07\\:00\\:00Z\nmax-age-seconds=99999999999999999999\n",
        "fetched-at=2025-11-05T07\\:00\\:00Z\nmax-age-seconds=-5\n",
        "fetched-at=3025-11-05T07\\:00\\:00Z\n",
        "etag=\\u12\n",
      })
  void aDamagedCacheRecordIsReportedAndTheDocumentFetchedAnew(String record) throws IOException {
    URI u = url("/advice");
    Path dir = seedCache(u, "stale bytes".getBytes(StandardCharsets.UTF_8));
    Files.writeString(dir.resolve("current.properties"), record, StandardCharsets.UTF_8);

    AdvisoryFetcher.Fetched f = fetcher(T0).fetch(u);

    assertThat(f.origin()).isEqualTo(AdvisoryFetcher.Origin.NETWORK);
    assertThat(f.body()).isEqualTo(body);
    assertThat(f.findWarning())
        .hasValueSatisfying(
            w ->
                assertThat(w)
                    .startsWith("the cached copy of " + u + " in " + dir + " is damaged (")
                    .endsWith("); it was ignored and the document fetched anew")
                    .doesNotContain("Exception")
                    .doesNotContain("\n"));
    // The damaged copy is overwritten, not kept as the previous snapshot.
    assertThat(f.findPrevious()).isEmpty();
    assertThat(requests).containsExactly("GET");
    // The entry is whole again: the next fetch within max-age is served from it.
    assertThat(fetcher(T0.plusSeconds(60)).fetch(u).origin())
        .isEqualTo(AdvisoryFetcher.Origin.CACHE_FRESH);
  }

  @Test
  void aCacheRecordThatIsNotUtf8IsReportedAndTheDocumentFetchedAnew() throws IOException {
    URI u = url("/advice");
    Path dir = seedCache(u, body);
    Files.write(
        dir.resolve("current.properties"), new byte[] {'e', 't', 'a', 'g', '=', (byte) 0xC3});
    AdvisoryFetcher.Fetched f = fetcher(T0).fetch(u);
    assertThat(f.origin()).isEqualTo(AdvisoryFetcher.Origin.NETWORK);
    assertThat(f.warning()).contains("is damaged (current.properties is not UTF-8 text)");
  }

  @Test
  void aDamagedCacheWithTheServerDownSaysThereIsNoUsableCopy() throws IOException {
    URI u = url("/advice");
    Path dir = seedCache(u, body);
    Files.writeString(dir.resolve("current.properties"), "fetched-at=never\n");
    server.stop(0);
    assertThatThrownBy(() -> fetcher(T0).fetch(u))
        .isInstanceOf(HarmattanException.class)
        .hasMessageStartingWith("cannot reach " + u + " (")
        .hasMessageContaining(") and there is no usable cached copy in " + cache)
        .extracting(e -> ((HarmattanException) e).category())
        .isEqualTo(ErrorCategory.UNAVAILABLE);
  }

  @Test
  void aRefusedConnectionIsSaidInWordsWithoutAClassName() throws IOException {
    int port;
    try (java.net.ServerSocket s =
        new java.net.ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    URI u = URI.create("http://127.0.0.1:" + port + "/advice");
    assertThatThrownBy(() -> fetcher(T0).fetch(u))
        .isInstanceOf(HarmattanException.class)
        .hasMessageStartingWith("cannot reach " + u + " (the connection was refused")
        .hasMessageNotContaining("Exception");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "max-age=abc",
        "max-age=99999999999999999999",
        "max-age=9223372036854775807",
        "max-age=2147483649",
        "max-age=-5",
        "max-age=",
        "public, max-age=1e9",
        "max-age=\"600x\""
      })
  void anOddMaxAgeCountsAsNoCaching(String header) {
    cacheControl = header;
    URI u = url("/advice");
    assertThat(fetcher(T0).fetch(u).origin()).isEqualTo(AdvisoryFetcher.Origin.NETWORK);
    // One second later the copy is not fresh: it is revalidated.
    assertThat(fetcher(T0.plusSeconds(1)).fetch(u).origin())
        .isEqualTo(AdvisoryFetcher.Origin.NOT_MODIFIED);
    assertThat(requests).containsExactly("GET", "GET If-None-Match \"v1\"");
  }

  @Test
  void aQuotedOrLargestMaxAgeIsHonoured() {
    cacheControl = "public, max-age=\"600\"";
    URI u = url("/advice");
    fetcher(T0).fetch(u);
    assertThat(fetcher(T0.plusSeconds(599)).fetch(u).origin())
        .isEqualTo(AdvisoryFetcher.Origin.CACHE_FRESH);
    assertThat(AdvisoryFetcher.findSeconds("2147483648")).contains(2_147_483_648L);
    assertThat(AdvisoryFetcher.findSeconds("2147483649")).isEmpty();
    assertThat(AdvisoryFetcher.findSeconds("0")).contains(0L);
  }

  @Test
  void aDocumentOfExactlyTheLimitIsFetched() {
    AdvisoryFetcher.Fetched f = fetcher(T0).fetch(url("/exactly-the-limit"));
    assertThat(f.body()).hasSize(LIMIT);
  }

  @ParameterizedTest
  @ValueSource(strings = {"/over-the-limit-chunked", "/over-the-limit-declared"})
  void aDownloadAboveTheLimitIsStoppedNamingTheLimit(String path) {
    URI u = url(path);
    assertThatThrownBy(() -> fetcher(T0).fetch(u))
        .isInstanceOf(HarmattanException.class)
        .hasMessageStartingWith(
            u + ": the document is larger than the 20 MiB limit for an advisory download")
        .hasMessageEndingWith(
            "; the download was stopped (expected an advisory page or feed; check the address)")
        .extracting(e -> ((HarmattanException) e).code())
        .isEqualTo(ProblemCode.ADVISORY_TOO_LARGE.code());
    assertThat(fetcher(T0).directoryOf(u)).doesNotExist();
  }

  @Test
  void theServersAnnouncedLengthIsNamedWhenItGaveOne() {
    URI u = url("/over-the-limit-declared");
    assertThatThrownBy(() -> fetcher(T0).fetch(u))
        .hasMessageContaining("(the server announced " + (LIMIT + 1) + " bytes)");
  }

  private Path seedCache(URI u, byte[] snapshot) throws IOException {
    Path dir = fetcher(T0).directoryOf(u);
    Files.createDirectories(dir);
    Files.write(dir.resolve("current.snapshot"), snapshot);
    return dir;
  }
}
