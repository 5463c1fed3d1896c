package org.harmattan.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@SuppressForbidden(reason = "the JDK's HTTP server stands in for the governments' servers")
class AdvisoriesCommandTest {
  private static final Path FIXTURES = Path.of("../ingest/src/test/resources/advisories");

  /**
   * Runs the command as {@link Main#run} would once it is registered there: same error handling,
   * one line per error and the exit codes of {@link Main#exitCode}.
   */
  static CliRun run(String... args) {
    java.io.StringWriter out = new java.io.StringWriter();
    java.io.StringWriter err = new java.io.StringWriter();
    java.io.PrintWriter pe = new java.io.PrintWriter(err);
    picocli.CommandLine cli = new picocli.CommandLine(new AdvisoriesCommand());
    cli.setOut(new java.io.PrintWriter(out));
    cli.setErr(pe);
    cli.setExecutionExceptionHandler(
        (ex, c, pr) -> {
          if (ex instanceof org.harmattan.domain.error.HarmattanException h) {
            pe.println("harmattan: " + h.getMessage());
            return Main.exitCode(h);
          }
          throw ex;
        });
    int code = cli.execute(args);
    cli.getOut().flush();
    pe.flush();
    return new CliRun(code, out.toString(), err.toString());
  }

  private static String f(String name) {
    return FIXTURES.resolve(name).toString();
  }

  @Test
  void aChangedAdvisoryShowsUpAsAChange() {
    CliRun r =
        run(
            "--from-files",
            f("uk-mali-2025-09.json"),
            f("uk-mali-2025-11.json"),
            f("us-tastws-2025-10-31.xml"));
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out())
        .contains("United Kingdom (FCDO)")
        .contains("level 4")
        .contains("LEAVE NOW")
        .contains("level raised")
        .contains("call to leave added")
        .contains("whole country raised from level 3");
  }

  @Test
  void jsonListsLevelsAndChanges() throws Exception {
    CliRun r =
        run(
            "--json",
            "--from-files",
            f("de-travelwarning-mali-2025-06.json"),
            f("de-travelwarning-mali-2025-11.json"));
    assertThat(r.code()).as(r.err()).isZero();
    JsonNode j = new ObjectMapper().readTree(r.out());
    assertThat(j.path("advisories").get(0).path("government").asText()).isEqualTo("de");
    assertThat(j.path("advisories").get(0).path("level").asInt()).isEqualTo(4);
    assertThat(j.path("changes").findValuesAsText("kind"))
        .contains("level_raised", "leave_now_added");
  }

  @Test
  void fetchesThroughTheCacheAndReportsChangesSinceThePreviousSnapshot(@TempDir Path cache)
      throws Exception {
    byte[][] body = {Files.readAllBytes(FIXTURES.resolve("uk-mali-2025-09.json"))};
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/uk",
        ex -> {
          ex.getResponseHeaders().add("Cache-Control", "max-age=0");
          ex.sendResponseHeaders(200, body[0].length);
          try (OutputStream o = ex.getResponseBody()) {
            o.write(body[0]);
          }
        });
    server.start();
    try {
      String base = "http://127.0.0.1:" + server.getAddress().getPort();
      String url = base + "/uk";
      String[] args = {
        "--fetch",
        "--cache",
        cache.toString(),
        "--feed",
        "uk=" + url,
        "--feed",
        "us=" + base + "/none/us",
        "--feed",
        "de=" + base + "/none/de"
      };
      CliRun first = run(args);
      assertThat(first.out()).contains("No change since the previous snapshots.");
      body[0] = Files.readAllBytes(FIXTURES.resolve("uk-mali-2025-11.json"));
      CliRun second = run(args);
      assertThat(second.code()).as(second.err()).isZero();
      assertThat(second.out()).contains("level raised").contains("call to leave added");
      // The feeds that do not exist are reported, not fatal, and France asks for an address.
      assertThat(second.err())
          .contains("us: cannot reach")
          .contains("HTTP 404")
          .contains("--feed fr=URL");
    } finally {
      server.stop(0);
    }
  }

  @Test
  void offlineWithoutCacheIsAOneLineUnavailableError(@TempDir Path cache) throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    String url = "http://127.0.0.1:" + port + "/x";
    CliRun r =
        run(
            "--fetch",
            "--cache",
            cache.toString(),
            "--feed",
            "uk=" + url,
            "--feed",
            "us=" + url,
            "--feed",
            "de=" + url,
            "--feed",
            "fr=" + url);
    assertThat(r.code()).isEqualTo(Main.EXIT_UNAVAILABLE);
    assertThat(r.err())
        .contains("cannot reach " + url)
        .contains("no cached copy")
        .doesNotContain("\tat ");
  }
}
