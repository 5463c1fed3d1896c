package org.harmattan.ingest.advisories;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.harmattan.domain.error.ErrorCategory;
import org.harmattan.domain.error.HarmattanException;
import org.harmattan.domain.problem.ProblemCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Feeds that try to make the XML parser read local files, ask a server or expand entities without
 * bound (fixtures {@code xxe-*.xml}, {@code billion-laughs.xml}): each is refused with one line
 * naming the DTD, and nothing it points at is read.
 */
class HostileXmlTest {
  private static final String SECRET = "harmattan-secret-7f3a91";
  private static final String REFUSAL =
      ": the document declares a DTD (<!DOCTYPE …>), which is refused because its entities could"
          + " read local files or expand without bound (expected an RSS 2.0 feed without a"
          + " DOCTYPE)";

  @TempDir Path dir;

  private static String fixture(String name) {
    return new String(AdvisoryReadersTest.fixture(name), StandardCharsets.UTF_8);
  }

  @Test
  void anExternalEntityIsRefusedAndTheFileItNamesNeverRead() throws IOException {
    Path secret = Files.writeString(dir.resolve("secret.txt"), SECRET);
    byte[] feed =
        fixture("xxe-external-entity.xml")
            .replace("SECRET_FILE_URL", secret.toUri().toString())
            .getBytes(StandardCharsets.UTF_8);

    assertThatThrownBy(() -> AdvisoryFiles.read(feed, "xxe.xml", "MLI"))
        .isInstanceOf(HarmattanException.class)
        .hasMessageStartingWith("xxe.xml line 4, column ")
        .hasMessageEndingWith(REFUSAL)
        .hasMessageNotContaining(SECRET)
        .satisfies(
            e -> {
              HarmattanException h = (HarmattanException) e;
              assertThat(h.category()).isEqualTo(ErrorCategory.SOURCE_DATA);
              assertThat(h.code()).isEqualTo(ProblemCode.ADVISORY_RSS.code());
            });
  }

  @Test
  @SuppressForbidden(reason = "the JDK's HTTP server stands for the attacker's server")
  void anExternalDtdIsRefusedWithoutAskingItsServer() throws IOException {
    AtomicInteger asked = new AtomicInteger();
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/",
        ex -> {
          asked.incrementAndGet();
          ex.sendResponseHeaders(404, -1);
          ex.close();
        });
    server.start();
    try {
      String dtd = "http://127.0.0.1:" + server.getAddress().getPort() + "/evil.dtd";
      byte[] feed =
          fixture("xxe-external-dtd.xml").replace("DTD_URL", dtd).getBytes(StandardCharsets.UTF_8);
      assertThatThrownBy(() -> AdvisoryFiles.read(feed, "dtd.xml", "MLI"))
          .isInstanceOf(HarmattanException.class)
          .hasMessageStartingWith("dtd.xml line 4, column ")
          .hasMessageEndingWith(REFUSAL);
    } finally {
      server.stop(0);
    }
    assertThat(asked).hasValue(0);
  }

  @Test
  void billionLaughsIsRefusedAtItsDoctypeWithoutExpanding() {
    byte[] feed = AdvisoryReadersTest.fixture("billion-laughs.xml");
    // Expanded, &lol9; would be 3 GB of text: an answer at all shows it was not expanded.
    assertThatThrownBy(() -> AdvisoryFiles.read(feed, "laughs.xml", "MLI"))
        .isInstanceOf(HarmattanException.class)
        .hasMessageStartingWith("laughs.xml line 3, column ")
        .hasMessageEndingWith(REFUSAL)
        .hasMessageNotContaining("lol");
  }

  @Test
  void theFrenchFeedGoesThroughTheSameGuardedParser() {
    String feed =
        fixture("billion-laughs.xml")
            .replace("travel.state.gov: Travel Advisories", "https://www.diplomatie.gouv.fr/");
    assertThatThrownBy(
            () -> AdvisoryFiles.read(feed.getBytes(StandardCharsets.UTF_8), "fr.xml", "MLI"))
        .hasMessageEndingWith(REFUSAL);
  }
}
