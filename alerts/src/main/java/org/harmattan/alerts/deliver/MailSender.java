package org.harmattan.alerts.deliver;

import static java.util.Objects.requireNonNull;

import jakarta.mail.Address;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimeUtility;
import java.io.IOException;
import java.io.UnsupportedEncodingException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPSenderFailedException;
import org.eclipse.angus.mail.smtp.SMTPTransport;
import org.harmattan.alerts.Alert;
import org.harmattan.domain.error.HarmattanException;
import org.harmattan.domain.problem.ProblemCode;

/**
 * Sends an alert by e-mail over SMTP, one message per recipient, each with its own unsubscribe
 * link.
 *
 * <p>The message: {@code Subject: [Harmattan] <Severity> — <headline>}; a {@code
 * multipart/alternative} of a {@code text/plain} body (the alert's text, then each figure with its
 * value, period and sources) and a {@code text/html} body with the same content; {@code
 * List-Unsubscribe: <url>} with {@code List-Unsubscribe-Post: List-Unsubscribe=One-Click} (RFC
 * 8058), the link in both bodies too; {@code Auto-Submitted: auto-generated} (RFC 3834, so that
 * out-of-office replies stay away); {@code X-Harmattan-Alert: <id>}; and a {@code Message-ID}
 * derived from the alert's id and the recipient, the same on every attempt and every run, so that a
 * retry after a lost reply reads as the same message.
 *
 * <p>Retries: a connection failure, a timeout or a 4xx reply (temporary, RFC 5321) is tried again
 * after the {@link RetryPolicy}'s back-off; a 5xx reply (a refused recipient, a failed login) ends
 * the delivery at once as a dead letter that says why.
 *
 * <p>A sender opens a connection per attempt, holds no state between deliveries and may be shared
 * between threads.
 */
public final class MailSender {
  private static final Pattern REPLY_CODE = Pattern.compile("^\\s*([2-5]\\d\\d)\\b");

  private final MailConfig config;
  private final Sleeper sleeper;
  private final Clock clock;
  private final Session session;
  private final InternetAddress from;

  /**
   * One recipient of an alert.
   *
   * @param address the e-mail address
   * @param unsubscribe the recipient's own http(s) link to stop these alerts
   */
  public record Recipient(String address, URI unsubscribe) {
    /**
     * Checks the address and the link.
     *
     * @throws HarmattanException (user input) when the address is not an e-mail address or the link
     *     is not http(s)
     */
    public Recipient {
      requireNonNull(address, "address");
      requireNonNull(unsubscribe, "unsubscribe");
      parse(address, "recipient");
      String scheme =
          unsubscribe.getScheme() == null ? "" : unsubscribe.getScheme().toLowerCase(Locale.ROOT);
      if (!(scheme.equals("https") || scheme.equals("http")) || unsubscribe.getHost() == null) {
        throw HarmattanException.userInput(
            ProblemCode.BAD_PARAMETER,
            "the unsubscribe link of "
                + address
                + " is not an http(s) URL with a host: "
                + unsubscribe
                + " (a one-click unsubscribe, RFC 8058, is an HTTPS POST)");
      }
    }
  }

  /**
   * A sender.
   *
   * @param config server, sender, login, timeouts and retries
   * @param sleeper waits between attempts
   * @param clock gives the messages' date
   */
  public MailSender(MailConfig config, Sleeper sleeper, Clock clock) {
    this.config = requireNonNull(config, "config");
    this.sleeper = requireNonNull(sleeper, "sleeper");
    this.clock = requireNonNull(clock, "clock");
    this.from = parse(config.from(), "from");
    this.session = Session.getInstance(properties(config));
  }

  private static Properties properties(MailConfig c) {
    Properties p = new Properties();
    p.setProperty("mail.smtp.host", c.host());
    p.setProperty("mail.smtp.port", Integer.toString(c.port()));
    p.setProperty("mail.smtp.from", parse(c.from(), "from").getAddress());
    p.setProperty("mail.smtp.connectiontimeout", Long.toString(c.connectTimeout().toMillis()));
    p.setProperty("mail.smtp.timeout", Long.toString(c.ioTimeout().toMillis()));
    p.setProperty("mail.smtp.writetimeout", Long.toString(c.ioTimeout().toMillis()));
    p.setProperty("mail.smtp.auth", Boolean.toString(c.username() != null));
    if (c.startTls()) {
      p.setProperty("mail.smtp.starttls.enable", "true");
      p.setProperty("mail.smtp.starttls.required", "true");
      p.setProperty("mail.smtp.ssl.checkserveridentity", "true");
    }
    return p;
  }

  /**
   * Sends {@code alert} to one recipient, retrying as the configuration says.
   *
   * @param alert the alert
   * @param synthetic whether its data is synthetic (the demo's scenario): the mail says so
   * @param recipient the address and its unsubscribe link
   * @return delivered, or a dead letter with the reason
   */
  public Delivery send(Alert alert, boolean synthetic, Recipient recipient) {
    requireNonNull(alert, "alert");
    requireNonNull(recipient, "recipient");
    InternetAddress to = parse(recipient.address(), "recipient");
    MimeMessage message = toMessage(alert, synthetic, recipient);
    return Attempts.run(
        alert.id(),
        Channel.EMAIL,
        to.getAddress(),
        config.retry(),
        sleeper,
        clock,
        n -> attempt(message, to));
  }

  /**
   * Sends {@code alert} to each recipient, one message each (recipients do not see one another).
   *
   * @param alert the alert
   * @param synthetic whether its data is synthetic
   * @param recipients the recipients
   * @return one delivery per recipient, in order
   */
  public List<Delivery> send(Alert alert, boolean synthetic, List<Recipient> recipients) {
    List<Delivery> deliveries = new ArrayList<>(recipients.size());
    for (Recipient r : recipients) {
      deliveries.add(send(alert, synthetic, r));
    }
    return List.copyOf(deliveries);
  }

  /**
   * The message for one recipient, as it is sent.
   *
   * @param alert the alert
   * @param synthetic whether its data is synthetic
   * @param recipient the recipient
   */
  MimeMessage toMessage(Alert alert, boolean synthetic, Recipient recipient) {
    InternetAddress to = parse(recipient.address(), "recipient");
    try {
      MimeMessage m =
          new StableIdMessage(session, messageId(alert.id(), to.getAddress(), from.getAddress()));
      m.setFrom(from);
      m.setRecipient(Message.RecipientType.TO, to);
      m.setSubject(AlertMail.subject(alert), StandardCharsets.UTF_8.name());
      @SuppressWarnings("JavaUtilDate") // Jakarta Mail's API takes a Date.
      Date sent = Date.from(clock.instant());
      m.setSentDate(sent);
      String link = recipient.unsubscribe().toASCIIString();
      m.setHeader("List-Unsubscribe", "<" + link + ">");
      m.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
      m.setHeader("Auto-Submitted", "auto-generated");
      m.setHeader(
          WebhookSender.ALERT_HEADER,
          MimeUtility.encodeText(alert.id(), StandardCharsets.UTF_8.name(), null));
      MimeBodyPart text = new MimeBodyPart();
      text.setText(
          AlertMail.text(alert, synthetic, recipient.unsubscribe()),
          StandardCharsets.UTF_8.name(),
          "plain");
      MimeBodyPart html = new MimeBodyPart();
      html.setText(
          AlertMail.html(alert, synthetic, recipient.unsubscribe()),
          StandardCharsets.UTF_8.name(),
          "html");
      MimeMultipart alternative = new MimeMultipart("alternative");
      alternative.addBodyPart(text);
      alternative.addBodyPart(html);
      m.setContent(alternative);
      m.saveChanges();
      return m;
    } catch (MessagingException | UnsupportedEncodingException e) {
      throw new IllegalStateException(
          "the e-mail of alert " + alert.id() + " cannot be built: " + e.getMessage(), e);
    }
  }

  /**
   * The {@code Message-ID} of an alert's mail to one address: {@code <harmattan.HASH(alert
   * id).HASH(address)@sender's domain>}, hashes of SHA-256 in hex, so that any alert id makes a
   * valid id and the same alert to the same address always has the same one.
   *
   * @param alertId the alert's id
   * @param address the recipient's address
   * @param fromAddress the sender's address, whose domain ends the id
   */
  static String messageId(String alertId, String address, String fromAddress) {
    int at = fromAddress.lastIndexOf('@');
    String domain = at < 0 ? "harmattan.invalid" : fromAddress.substring(at + 1);
    return "<harmattan."
        + sha256Hex(alertId).substring(0, 32)
        + "."
        + sha256Hex(address.toLowerCase(Locale.ROOT)).substring(0, 16)
        + "@"
        + domain
        + ">";
  }

  private Attempts.Result attempt(MimeMessage message, InternetAddress to) {
    SMTPTransport transport = null;
    try {
      transport = (SMTPTransport) session.getTransport("smtp");
      transport.connect(config.host(), config.port(), config.username(), config.password());
      transport.sendMessage(message, new Address[] {to});
      return new Attempts.Accepted(transport.getLastReturnCode());
    } catch (MessagingException e) {
      return classify(e, to);
    } finally {
      close(transport);
    }
  }

  /** A failed attempt: temporary (4xx, no connection, timeout) or permanent (5xx, other). */
  private Attempts.Result classify(MessagingException e, InternetAddress to) {
    String server = "SMTP server " + config.host() + ":" + config.port();
    Optional<Reply> reply = findReply(e);
    if (reply.isPresent()) {
      Reply r = reply.get();
      if (r.code() >= 400 && r.code() < 500) {
        return new Attempts.Temporary(
            r.code(), server + " answered " + r.text() + " (temporary, 4xx)", null);
      }
      String hint =
          e instanceof AuthenticationFailedException
              ? "the login as \""
                  + config.username()
                  + "\" failed: check the username and password of the mail configuration"
              : "the server refused the message to " + to.getAddress();
      return new Attempts.Permanent(
          r.code(), server + " answered " + r.text() + "; " + hint + "; not retried (5xx)");
    }
    if (e instanceof AuthenticationFailedException) {
      return new Attempts.Permanent(
          null,
          server
              + ": the login as \""
              + config.username()
              + "\" failed ("
              + oneLine(e.getMessage())
              + "): check the mail configuration; not retried");
    }
    Optional<IOException> io = find(e, IOException.class);
    if (io.isPresent()) {
      IOException x = io.get();
      String what;
      if (x instanceof ConnectException) {
        what = "cannot connect (connection refused or unreachable)";
      } else if (x instanceof SocketTimeoutException) {
        what = "no answer within " + seconds(config.ioTimeout()) + " (timed out)";
      } else if (x instanceof UnknownHostException) {
        what = "unknown host " + config.host();
      } else {
        what = oneLine(x.getMessage() == null ? x.getClass().getSimpleName() : x.getMessage());
      }
      return new Attempts.Temporary(null, server + ": " + what, null);
    }
    return new Attempts.Permanent(
        null, server + ": " + oneLine(String.valueOf(e.getMessage())) + "; not retried");
  }

  /**
   * The SMTP reply behind a failure: the code of an Angus exception that carries one, or a reply
   * the message starts with ("535 5.7.8 Authentication credentials invalid").
   */
  private static Optional<Reply> findReply(MessagingException e) {
    Throwable x = e;
    for (int depth = 0; x != null && depth < 10; depth++, x = x.getCause()) {
      int code = -1;
      if (x instanceof SMTPSendFailedException s) {
        code = s.getReturnCode();
      } else if (x instanceof SMTPAddressFailedException a) {
        code = a.getReturnCode();
      } else if (x instanceof SMTPSenderFailedException s) {
        code = s.getReturnCode();
      }
      String text = x.getMessage() == null ? "" : oneLine(x.getMessage());
      if (code < 0) {
        Matcher m = REPLY_CODE.matcher(text);
        if (m.find() && x instanceof MessagingException) {
          code = Integer.parseInt(m.group(1));
        }
      }
      if (code >= 200) {
        return Optional.of(new Reply(code, text.isEmpty() ? Integer.toString(code) : text));
      }
    }
    return Optional.empty();
  }

  /** An SMTP reply: its code and its line. */
  private record Reply(int code, String text) {}

  private static <T extends Throwable> Optional<T> find(Throwable e, Class<T> type) {
    Throwable x = e;
    for (int depth = 0; x != null && depth < 10; depth++, x = x.getCause()) {
      if (type.isInstance(x)) {
        return Optional.of(type.cast(x));
      }
    }
    return Optional.empty();
  }

  private static void close(SMTPTransport transport) {
    if (transport == null || !transport.isConnected()) {
      return;
    }
    try {
      transport.close();
    } catch (MessagingException e) {
      // The message was accepted or refused already; a failed QUIT changes neither.
    }
  }

  private static InternetAddress parse(String address, String what) {
    try {
      InternetAddress a = new InternetAddress(address, true);
      a.validate();
      return a;
    } catch (AddressException e) {
      throw HarmattanException.userInput(
          ProblemCode.BAD_PARAMETER,
          what
              + " \""
              + address
              + "\" is not an e-mail address ("
              + e.getMessage()
              + "): expected e.g. someone@example.org");
    }
  }

  private static String sha256Hex(String s) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is not available in this Java runtime", e);
    }
  }

  private static String oneLine(String s) {
    return s.replaceAll("\\s+", " ").strip();
  }

  private static String seconds(Duration d) {
    long ms = d.toMillis();
    return ms % 1000 == 0 ? ms / 1000 + " s" : ms + " ms";
  }

  /** A message whose {@code Message-ID} is given, not made up anew at each save. */
  private static final class StableIdMessage extends MimeMessage {
    private final String messageId;

    StableIdMessage(Session session, String messageId) {
      super(session);
      this.messageId = messageId;
    }

    @Override
    protected void updateMessageID() throws MessagingException {
      setHeader("Message-ID", messageId);
    }
  }
}
