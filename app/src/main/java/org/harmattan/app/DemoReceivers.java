package org.harmattan.app;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.javalin.Javalin;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import org.harmattan.alerts.deliver.WebhookSender;

/**
 * What the demo delivers its alerts to, on this machine's loopback, so that a new user sees the
 * whole path: a webhook receiver (a small HTTP server that checks each signature and keeps each
 * body in {@code webhook/}) and a mailbox (an SMTP server, GreenMail, whose messages are written to
 * {@code mailbox/} as {@code .eml} files). Both stop when closed.
 */
final class DemoReceivers implements AutoCloseable {
  private final Path folder;
  private final String secret = newSecret();
  private final AtomicInteger received = new AtomicInteger();
  private final AtomicInteger verified = new AtomicInteger();
  private final Javalin webhook;
  private final GreenMail mailbox;

  /**
   * Starts both receivers.
   *
   * @param folder where the webhook bodies and the mail are kept
   * @param address the mailbox's one address
   */
  DemoReceivers(Path folder, String address) throws IOException {
    this.folder = folder;
    Files.createDirectories(folder.resolve("webhook"));
    Files.createDirectories(folder.resolve("mailbox"));
    webhook =
        Javalin.create(
                cfg -> {
                  cfg.startup.showJavalinBanner = false;
                  cfg.jetty.host = "127.0.0.1";
                  cfg.jetty.port = 0;
                  cfg.routes.post(
                      "/hook",
                      ctx -> {
                        byte[] body = ctx.bodyAsBytes();
                        int n = received.incrementAndGet();
                        if (WebhookSender.verify(
                            secret,
                            ctx.header(WebhookSender.TIMESTAMP_HEADER),
                            body,
                            ctx.header(WebhookSender.SIGNATURE_HEADER))) {
                          verified.incrementAndGet();
                        }
                        Files.write(
                            folder
                                .resolve("webhook")
                                .resolve(String.format(Locale.ROOT, "%04d.json", n)),
                            body);
                        ctx.status(204);
                      });
                })
            .start();
    mailbox =
        new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
    mailbox.start();
    mailbox.setUser(address, address, secret);
  }

  private static String newSecret() {
    byte[] b = new byte[16];
    new SecureRandom().nextBytes(b);
    return HexFormat.of().formatHex(b);
  }

  /** The webhook receiver's address. */
  URI webhookUrl() {
    return URI.create("http://127.0.0.1:" + webhook.port() + "/hook");
  }

  /** The secret the receiver checks signatures with. */
  String secret() {
    return secret;
  }

  /** The mailbox's SMTP port. */
  int smtpPort() {
    return mailbox.getSmtp().getPort();
  }

  /** Webhook calls received, and how many of them carried a valid signature. */
  int[] webhookCalls() {
    return new int[] {received.get(), verified.get()};
  }

  /** Writes every message in the mailbox to {@code mailbox/NNNN.eml}; returns how many. */
  int saveMail() throws IOException {
    MimeMessage[] messages = mailbox.getReceivedMessages();
    for (int i = 0; i < messages.length; i++) {
      try (OutputStream out =
          Files.newOutputStream(
              folder.resolve("mailbox").resolve(String.format(Locale.ROOT, "%04d.eml", i + 1)))) {
        messages[i].writeTo(out);
      } catch (MessagingException e) {
        Files.writeString(
            folder.resolve("mailbox").resolve(String.format(Locale.ROOT, "%04d.txt", i + 1)),
            "the message could not be written: " + e.getMessage(),
            StandardCharsets.UTF_8);
      }
    }
    return messages.length;
  }

  @Override
  public void close() {
    webhook.stop();
    mailbox.stop();
  }
}
