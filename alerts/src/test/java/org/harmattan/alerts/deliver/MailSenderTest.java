package org.harmattan.alerts.deliver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.harmattan.alerts.Alert;
import org.harmattan.domain.error.HarmattanException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** E-mail to a real SMTP server in the test's JVM (GreenMail), over Angus Mail. */
class MailSenderTest {
  private static final Instant T0 = Instant.parse("2025-02-01T06:00:00Z");
  private static final String FROM = "Harmattan alerts <alerts@harmattan.test>";
  private static final String TO = "analyst@ngo.test";
  private static final URI UNSUBSCRIBE =
      URI.create("https://harmattan.test/alerts/unsubscribe?token=u-4f9c&list=mali");

  @RegisterExtension
  static final GreenMailExtension GREEN_MAIL =
      new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
          .withConfiguration(GreenMailConfiguration.aConfig().withUser("alerts", "s3cret-pass"));

  private final List<Duration> slept = Collections.synchronizedList(new ArrayList<>());

  private MailSender sender(int port, String username, String password, int maxAttempts) {
    return new MailSender(
        new MailConfig(
            "127.0.0.1",
            port,
            FROM,
            username,
            password,
            false,
            Duration.ofSeconds(5),
            Duration.ofSeconds(20),
            new RetryPolicy(maxAttempts, Duration.ofSeconds(1), Duration.ofSeconds(60))),
        slept::add,
        Clock.fixed(T0, ZoneOffset.UTC));
  }

  private static int greenMailPort() {
    return GREEN_MAIL.getSmtp().getPort();
  }

  private static MimeMessage onlyReceived() {
    MimeMessage[] received = GREEN_MAIL.getReceivedMessages();
    assertThat(received).hasSize(1);
    return received[0];
  }

  /** The text/plain and text/html parts of a multipart/alternative message. */
  private static String[] textAndHtml(MimeMessage m) throws Exception {
    assertThat(m.getContentType()).startsWith("multipart/alternative");
    MimeMultipart alternative = (MimeMultipart) m.getContent();
    assertThat(alternative.getCount()).isEqualTo(2);
    BodyPart text = alternative.getBodyPart(0);
    BodyPart html = alternative.getBodyPart(1);
    assertThat(text.getContentType()).startsWith("text/plain").contains("UTF-8");
    assertThat(html.getContentType()).startsWith("text/html").contains("UTF-8");
    return new String[] {(String) text.getContent(), (String) html.getContent()};
  }

  @Test
  void sendsTheAlertWithItsFiguresAndUnsubscribeLink() throws Exception {
    Alert alert = TestAlerts.surgeInMopti();

    Delivery d =
        sender(greenMailPort(), null, null, 3)
            .send(alert, false, new MailSender.Recipient(TO, UNSUBSCRIBE));

    assertThat(d.outcome()).isEqualTo(Delivery.Outcome.DELIVERED);
    assertThat(d.channel()).isEqualTo(Channel.EMAIL);
    assertThat(d.recipient()).isEqualTo(TO);
    assertThat(d.attempts()).isEqualTo(1);
    assertThat(d.lastStatus()).isEqualTo(250);
    assertThat(d.lastAttemptAt()).isEqualTo(T0);

    MimeMessage m = onlyReceived();
    assertThat(m.getSubject())
        .isEqualTo("[Harmattan] Severe \u2014 Political violence tripled in Mopti");
    assertThat(m.getFrom()).containsExactly(new InternetAddress(FROM));
    assertThat(m.getRecipients(Message.RecipientType.TO)).containsExactly(new InternetAddress(TO));
    assertThat(m.getSentDate().toInstant()).isEqualTo(T0);
    assertThat(m.getHeader("List-Unsubscribe", null)).isEqualTo("<" + UNSUBSCRIBE + ">");
    assertThat(m.getHeader("List-Unsubscribe-Post", null)).isEqualTo("List-Unsubscribe=One-Click");
    assertThat(m.getHeader("Auto-Submitted", null)).isEqualTo("auto-generated");
    assertThat(m.getHeader("X-Harmattan-Alert", null)).isEqualTo(alert.id());
    assertThat(m.getMessageID())
        .isEqualTo(MailSender.messageId(alert.id(), TO, "alerts@harmattan.test"))
        .matches("<harmattan\\.[0-9a-f]{32}\\.[0-9a-f]{16}@harmattan\\.test>");

    String[] parts = textAndHtml(m);
    String text = parts[0];
    assertThat(text)
        .startsWith(alert.text())
        .contains(
            "- Political violence events in Mopti: 12 events, January 2025,"
                + " compared with December 2024")
        .contains(
            "Sources: ACLED acled-mali-2025-01.csv (SHA-256 "
                + TestAlerts.ACLED_SHA256.substring(0, 12)
                + "); 12 records")
        .contains("Area: Mopti, Mali")
        .contains("Alert " + alert.id() + ", raised on 31 January 2025 by rule acled-surge.")
        .contains("To stop these alerts, open " + UNSUBSCRIBE)
        .doesNotContain("synthetic");
    String html = parts[1];
    assertThat(html)
        .contains("<strong>Political violence events in Mopti</strong>: 12 events, January 2025")
        .contains("12 records")
        .contains(
            "<a href=\"https://harmattan.test/alerts/unsubscribe?token=u-4f9c&amp;list=mali\">"
                + "Unsubscribe</a>");
  }

  @Test
  void htmlEscapesTheRegionsName() throws Exception {
    Alert alert = TestAlerts.markupInRegionName();

    Delivery d =
        sender(greenMailPort(), null, null, 1)
            .send(alert, true, new MailSender.Recipient(TO, UNSUBSCRIBE));

    assertThat(d.isDelivered()).isTrue();
    MimeMessage m = onlyReceived();
    assertThat(m.getSubject()).endsWith("Political violence tripled in Tombouctou & Gao <nord>");
    String[] parts = textAndHtml(m);
    assertThat(parts[0]).contains("Area: Tombouctou & Gao <nord>, Mali").contains("synthetic data");
    assertThat(parts[1])
        .contains("Area: Tombouctou &amp; Gao &lt;nord&gt;, Mali")
        .contains("<strong>Political violence events in Tombouctou &amp; Gao &lt;nord&gt;</strong>")
        .doesNotContain("<nord>")
        .doesNotContain("Tombouctou & Gao")
        .contains("<em>These figures come from synthetic data");
  }

  @Test
  void logsInWithTheConfiguredUser() throws Exception {
    Delivery d =
        sender(greenMailPort(), "alerts", "s3cret-pass", 3)
            .send(TestAlerts.surgeInMopti(), false, new MailSender.Recipient(TO, UNSUBSCRIBE));

    assertThat(d.isDelivered()).isTrue();
    assertThat(onlyReceived().getSubject()).startsWith("[Harmattan] Severe");
  }

  @Test
  void aWrongPasswordIsADeadLetterAtOnce() {
    Delivery d =
        sender(greenMailPort(), "alerts", "wrong-pass", 3)
            .send(TestAlerts.surgeInMopti(), false, new MailSender.Recipient(TO, UNSUBSCRIBE));

    assertThat(d.outcome()).isEqualTo(Delivery.Outcome.DEAD_LETTER);
    assertThat(d.attempts()).isEqualTo(1);
    assertThat(d.lastStatus()).isEqualTo(535);
    assertThat(d.lastError())
        .contains("SMTP server 127.0.0.1:" + greenMailPort() + " answered 535")
        .contains("the login as \"alerts\" failed")
        .contains("not retried")
        .doesNotContain("wrong-pass");
    assertThat(slept).isEmpty();
    assertThat(GREEN_MAIL.getReceivedMessages()).isEmpty();
  }

  @Test
  void aServerThatIsNotThereIsADeadLetterAfterTheConfiguredAttempts() throws IOException {
    int port;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }

    Delivery d =
        sender(port, null, null, 3)
            .send(TestAlerts.surgeInMopti(), false, new MailSender.Recipient(TO, UNSUBSCRIBE));

    assertThat(d.outcome()).isEqualTo(Delivery.Outcome.DEAD_LETTER);
    assertThat(d.attempts()).isEqualTo(3);
    assertThat(d.findLastStatus()).isEmpty();
    assertThat(d.lastError())
        .isEqualTo(
            "gave up after 3 attempts; the last: SMTP server 127.0.0.1:"
                + port
                + ": cannot connect (connection refused or unreachable)");
    assertThat(slept).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2));
  }

  @Test
  void aTemporaryRefusalIsRetriedAsTheSameMessage() throws Exception {
    try (ScriptedSmtpServer smtp =
        new ScriptedSmtpServer("451 4.3.0 mailbox busy", "421 4.7.0 try again later")) {
      Delivery d =
          sender(smtp.port(), null, null, 5)
              .send(TestAlerts.surgeInMopti(), false, new MailSender.Recipient(TO, UNSUBSCRIBE));

      assertThat(d.outcome()).isEqualTo(Delivery.Outcome.DELIVERED);
      assertThat(d.attempts()).isEqualTo(3);
      assertThat(d.lastStatus()).isEqualTo(250);
      assertThat(slept).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2));
      List<String> sent = smtp.messages();
      assertThat(sent).hasSize(3);
      String id = MailSender.messageId(TestAlerts.surgeInMopti().id(), TO, "alerts@harmattan.test");
      // One Message-ID for every attempt: a second copy reads as the same message.
      assertThat(sent).allSatisfy(data -> assertThat(data).contains("Message-ID: " + id));
      assertThat(sent.get(1)).isEqualTo(sent.get(0));
    }
  }

  @Test
  void temporaryRefusalsToTheEndAreADeadLetterWithTheLastReply() throws Exception {
    try (ScriptedSmtpServer smtp =
        new ScriptedSmtpServer("451 4.3.0 mailbox busy", "452 4.3.1 insufficient storage")) {
      Delivery d =
          sender(smtp.port(), null, null, 2)
              .send(TestAlerts.surgeInMopti(), false, new MailSender.Recipient(TO, UNSUBSCRIBE));

      assertThat(d.outcome()).isEqualTo(Delivery.Outcome.DEAD_LETTER);
      assertThat(d.attempts()).isEqualTo(2);
      assertThat(d.lastStatus()).isEqualTo(452);
      assertThat(d.lastError())
          .isEqualTo(
              "gave up after 2 attempts; the last: SMTP server 127.0.0.1:"
                  + smtp.port()
                  + " answered 452 4.3.1 insufficient storage (temporary, 4xx)");
    }
  }

  @Test
  void aPermanentRefusalIsADeadLetterAtOnce() throws Exception {
    try (ScriptedSmtpServer smtp = new ScriptedSmtpServer("550 5.7.1 message refused")) {
      Delivery d =
          sender(smtp.port(), null, null, 5)
              .send(TestAlerts.surgeInMopti(), false, new MailSender.Recipient(TO, UNSUBSCRIBE));

      assertThat(d.outcome()).isEqualTo(Delivery.Outcome.DEAD_LETTER);
      assertThat(d.attempts()).isEqualTo(1);
      assertThat(d.lastStatus()).isEqualTo(550);
      assertThat(d.lastError())
          .contains("answered 550 5.7.1 message refused")
          .contains("the server refused the message to " + TO)
          .contains("not retried");
      assertThat(slept).isEmpty();
    }
  }

  @Test
  void eachRecipientGetsItsOwnMessageAndLink() throws Exception {
    URI other = URI.create("https://harmattan.test/alerts/unsubscribe?token=z-01");
    List<Delivery> ds =
        sender(greenMailPort(), null, null, 1)
            .send(
                TestAlerts.surgeInMopti(),
                false,
                List.of(
                    new MailSender.Recipient(TO, UNSUBSCRIBE),
                    new MailSender.Recipient("desk@ngo.test", other)));

    assertThat(ds).extracting(Delivery::recipient).containsExactly(TO, "desk@ngo.test");
    assertThat(ds).allSatisfy(d -> assertThat(d.isDelivered()).isTrue());
    MimeMessage[] received = GREEN_MAIL.getReceivedMessages();
    assertThat(received).hasSize(2);
    for (MimeMessage m : received) {
      assertThat(m.getRecipients(Message.RecipientType.TO)).hasSize(1);
      String to = ((InternetAddress) m.getRecipients(Message.RecipientType.TO)[0]).getAddress();
      URI link = to.equals(TO) ? UNSUBSCRIBE : other;
      assertThat(m.getHeader("List-Unsubscribe", null)).isEqualTo("<" + link + ">");
      assertThat(textAndHtml(m)[0]).contains(link.toString());
    }
    assertThat(received[0].getMessageID()).isNotEqualTo(received[1].getMessageID());
  }

  @Test
  void badAddressesAndLinksAreRefused() {
    assertThatThrownBy(() -> new MailSender.Recipient("not an address", UNSUBSCRIBE))
        .isInstanceOf(HarmattanException.class)
        .hasMessageContaining("recipient \"not an address\" is not an e-mail address");
    assertThatThrownBy(() -> new MailSender.Recipient(TO, URI.create("javascript:alert(1)")))
        .isInstanceOf(HarmattanException.class)
        .hasMessageContaining("is not an http(s) URL");
  }

  @Test
  void theConfigurationReportsEveryProblemAndHidesThePassword() {
    assertThatThrownBy(
            () ->
                new MailConfig(
                    " ",
                    0,
                    "nobody",
                    "alerts",
                    null,
                    true,
                    Duration.ZERO,
                    Duration.ofSeconds(1),
                    RetryPolicy.defaults()))
        .isInstanceOf(HarmattanException.class)
        .hasMessageContaining("host is empty")
        .hasMessageContaining("port 0 is not a TCP port")
        .hasMessageContaining("from \"nobody\" is not an e-mail address")
        .hasMessageContaining("username \"alerts\" without a password")
        .hasMessageContaining("connectTimeout must be positive");
    MailConfig c = MailConfig.of("smtp.example.org", 587, FROM, "alerts", "s3cret-pass", true);
    assertThat(c.toString()).doesNotContain("s3cret-pass").contains("password=(hidden)");
  }
}
