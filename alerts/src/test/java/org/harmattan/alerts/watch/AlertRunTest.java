package org.harmattan.alerts.watch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.sun.net.httpserver.HttpServer;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.harmattan.alerts.Alert;
import org.harmattan.alerts.deliver.CapSchema;
import org.harmattan.alerts.deliver.Delivery;
import org.harmattan.alerts.deliver.MailConfig;
import org.harmattan.alerts.deliver.MailSender;
import org.harmattan.alerts.deliver.RetryPolicy;
import org.harmattan.alerts.deliver.SuppressForbidden;
import org.harmattan.alerts.deliver.WebhookConfig;
import org.harmattan.alerts.deliver.WebhookSender;
import org.harmattan.alerts.rules.AcledFixture;
import org.harmattan.alerts.rules.Rule;
import org.harmattan.alerts.rules.RuleFile;
import org.harmattan.domain.error.HarmattanException;
import org.harmattan.engine.alerts.DeliveryRecord;
import org.harmattan.engine.memory.InMemoryStore;
import org.harmattan.ingest.EventIngest;
import org.harmattan.ingest.SourceFile;
import org.harmattan.ingest.advisories.AdvisoryFiles;
import org.harmattan.reference.profile.CountryProfiles;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A watch run end to end on the written ACLED file: rules evaluated since the last run, new alerts
 * logged once, delivered to a real in-process webhook receiver and SMTP server, written as CAP and
 * Atom; a second run, and a re-ingest of the same file, raise nothing new.
 */
@SuppressForbidden(reason = "the JDK's HTTP server is the real webhook receiver")
class AlertRunTest {
  private static final Instant NOW = Instant.parse("2024-08-01T06:00:00Z");
  private static final LocalDate JUNE_1 = LocalDate.of(2024, 6, 1);
  private static final LocalDate JULY_31 = LocalDate.of(2024, 7, 31);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<Rule> RULES =
      RuleFile.parse(
          "rules:\n  - {id: surge, kind: acled-surge, countries: [MLI], severity: severe}\n"
              + "  - {id: bamako, kind: capital-radius, countries: [MLI], severity: extreme,"
              + " quiet_months: 3, capital: {name: Bamako, lat: 12.65, lon: -8.0}}\n",
          "rules.yaml");

  @RegisterExtension
  static final GreenMailExtension MAIL = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

  @TempDir Path dir;
  private InMemoryStore store;
  private Path csv;
  private HttpServer receiver;
  private final List<Map<String, String>> hooks = Collections.synchronizedList(new ArrayList<>());

  @BeforeEach
  void start() throws IOException {
    csv = AcledFixture.write(dir);
    store = new InMemoryStore();
    ingest();
    receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    receiver.createContext(
        "/hook",
        ex -> {
          byte[] body;
          try (InputStream in = ex.getRequestBody()) {
            body = in.readAllBytes();
          }
          String ts = ex.getRequestHeaders().getFirst(WebhookSender.TIMESTAMP_HEADER);
          String sig = ex.getRequestHeaders().getFirst(WebhookSender.SIGNATURE_HEADER);
          hooks.add(
              Map.of(
                  "body",
                  new String(body, java.nio.charset.StandardCharsets.UTF_8),
                  "verified",
                  String.valueOf(WebhookSender.verify("hook-secret", ts, body, sig))));
          ex.sendResponseHeaders(204, -1);
          ex.close();
        });
    receiver.start();
  }

  @AfterEach
  void stop() {
    receiver.stop(0);
    store.close();
  }

  private void ingest() throws IOException {
    new EventIngest(LocalDate.of(2024, 8, 1))
        .ingest(SourceFile.inspect(csv), Optional.empty(), store.events(), x -> {});
  }

  private Subscriptions subscriptions(String hookUrl) throws IOException {
    Path file = dir.resolve("subscriptions.yaml");
    Files.writeString(
        file,
        "smtp: {host: 127.0.0.1, port: "
            + MAIL.getSmtp().getPort()
            + ", from: harmattan@example.org, starttls: false}\n"
            + "unsubscribe: https://harmattan.example.org/unsubscribe\n"
            + "subscriptions:\n"
            + "  - id: desk\n    rules: ['*']\n    email: [desk@example.org]\n"
            + "  - id: cms\n    rules: [bamako]\n    min_severity: severe\n"
            + "    webhook: {url: '"
            + hookUrl
            + "', secret_env: HOOK_SECRET}\n");
    return Subscriptions.read(file, name -> "HOOK_SECRET".equals(name) ? "hook-secret" : null);
  }

  private AlertRun run(int attempts) {
    Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    RetryPolicy retry = new RetryPolicy(attempts, Duration.ofSeconds(1), Duration.ofSeconds(1));
    return new AlertRun(
        store,
        CountryProfiles.shipped(),
        AdvisoryFiles::read,
        clock,
        new WebhookSender(
            new WebhookConfig(Duration.ofSeconds(5), Duration.ofSeconds(5), retry), d -> {}, clock),
        new MailSender(
            new MailConfig(
                "127.0.0.1",
                MAIL.getSmtp().getPort(),
                "harmattan@example.org",
                null,
                null,
                false,
                Duration.ofSeconds(5),
                Duration.ofSeconds(5),
                retry),
            d -> {},
            clock));
  }

  private String hook() {
    return "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook";
  }

  @Test
  void newAlertsAreLoggedDeliveredAndWrittenOnceOnly() throws Exception {
    Path outbox = dir.resolve("outbox");
    AlertRun.Report first =
        run(3).run(RULES, subscriptions(hook()), JUNE_1, JULY_31, outbox, false);

    assertThat(first.raised())
        .extracting(Alert::id)
        .containsExactly(
            "bamako:MLI:2024-06-15", "surge:MLI:mopti:2024-07-03", "surge:MLI:mopti:2024-07-14");
    // The desk gets every alert by mail; the CMS only the capital's, by webhook, signed.
    assertThat(MAIL.getReceivedMessages()).hasSize(3);
    List<String> subjects = new ArrayList<>();
    for (MimeMessage m : MAIL.getReceivedMessages()) {
      assertThat(m.getAllRecipients()[0].toString()).isEqualTo("desk@example.org");
      subjects.add(m.getSubject());
    }
    assertThat(subjects)
        .containsExactlyInAnyOrder(
            "[Harmattan] Extreme — Armed non-state actors near Bamako: first in 3 months — Mali",
            "[Harmattan] Severe — ACLED surge — Mopti, Mali",
            "[Harmattan] Severe — ACLED surge — Mopti, Mali");
    assertThat(hooks).hasSize(1);
    assertThat(hooks.get(0).get("verified")).isEqualTo("true");
    JsonNode body = JSON.readTree(hooks.get(0).get("body"));
    assertThat(body.get("id").asText()).isEqualTo("bamako:MLI:2024-06-15");
    assertThat(body.get("figures").get(0).get("citation").get("eventIds").get(0).asText())
        .isEqualTo("acled:MLI103");
    // The log holds the alerts, as they were raised, with who was told.
    assertThat(store.alerts().list(JUNE_1, JULY_31, 10)).hasSize(3);
    assertThat(store.alerts().listDeliveries("bamako:MLI:2024-06-15"))
        .extracting(DeliveryRecord::channel, DeliveryRecord::recipient, DeliveryRecord::outcome)
        .containsExactlyInAnyOrder(
            org.assertj.core.api.Assertions.tuple("EMAIL", "desk@example.org", "DELIVERED"),
            org.assertj.core.api.Assertions.tuple("WEBHOOK", hook(), "DELIVERED"));
    assertThat(store.alerts().findEvaluatedThrough("surge")).contains(LocalDate.of(2024, 7, 14));
    // CAP messages that the schema accepts, and the feed.
    try (var files = Files.list(outbox.resolve("cap"))) {
      List<Path> caps = files.sorted().toList();
      assertThat(caps).hasSize(3);
      for (Path cap : caps) {
        assertThat(CapSchema.validate(Files.readString(cap))).isEmpty();
      }
    }
    String atom = Files.readString(outbox.resolve("alerts.atom"));
    assertThat(atom).contains("Armed non-state actors near Bamako").contains("ACLED surge");

    // Again, and after the same file is ingested again: nothing new, nobody told twice.
    ingest();
    AlertRun.Report second =
        run(3).run(RULES, subscriptions(hook()), JUNE_1, JULY_31, outbox, false);
    assertThat(second.raised()).isEmpty();
    assertThat(second.deliveries()).isEmpty();
    assertThat(MAIL.getReceivedMessages()).hasSize(3);
    assertThat(hooks).hasSize(1);
    assertThat(second.notes())
        .containsExactly(
            "rule surge, MLI: not evaluated: the store's events of its sources end on 2024-07-14,"
                + " before the days asked (from 2024-07-15)",
            "rule bamako, MLI: not evaluated: the store's events of its sources end on"
                + " 2024-07-14, before the days asked (from 2024-07-15)");
  }

  @Test
  void aReceiverThatIsNotThereLeavesADeadLetterInTheLog() throws Exception {
    int closed;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closed = s.getLocalPort();
    }
    AlertRun.Report r =
        run(2)
            .run(
                RULES,
                subscriptions("http://127.0.0.1:" + closed + "/hook"),
                JUNE_1,
                JULY_31,
                null,
                false);

    Delivery hook =
        r.deliveries().stream().filter(d -> d.recipient().contains(":" + closed)).findFirst().get();
    assertThat(hook.outcome()).isEqualTo(Delivery.Outcome.DEAD_LETTER);
    assertThat(hook.attempts()).isEqualTo(2);
    assertThat(store.alerts().listDeliveries("bamako:MLI:2024-06-15"))
        .filteredOn(d -> d.channel().equals("WEBHOOK"))
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.outcome()).isEqualTo("DEAD_LETTER");
              assertThat(d.lastError()).contains("cannot connect");
            });
  }

  @Test
  void aSubscriptionFileMistakeIsNamed() throws IOException {
    Path file = dir.resolve("bad.yaml");
    Files.writeString(
        file,
        "subscriptions:\n  - id: cms\n    rules: ['*']\n    webhook: {url: 'file:///tmp/x'}\n");
    assertThatThrownBy(() -> Subscriptions.read(file, n -> null))
        .isInstanceOf(HarmattanException.class)
        .hasMessageContaining("subscription 1 (cms)");
    Files.writeString(
        file,
        "subscriptions:\n  - id: cms\n    rules: ['*']\n"
            + "    webhook: {url: 'https://x.example.org/h', secret_env: NOPE}\n");
    assertThatThrownBy(() -> Subscriptions.read(file, n -> null))
        .isInstanceOf(HarmattanException.class)
        .hasMessageContaining("NOPE is not set");
    Files.writeString(file, "subscriptions:\n  - id: d\n    rules: ['*']\n    email: [a@b.org]\n");
    assertThatThrownBy(() -> Subscriptions.read(file, n -> null))
        .isInstanceOf(HarmattanException.class)
        .hasMessageContaining("'smtp'");
  }
}
