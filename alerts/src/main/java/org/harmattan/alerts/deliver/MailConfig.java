package org.harmattan.alerts.deliver;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.harmattan.domain.error.HarmattanException;
import org.harmattan.domain.problem.ProblemCode;

/**
 * How e-mail is sent: the SMTP server, the sender and the login. The password is never shown:
 * {@link #toString()} masks it and no message includes it.
 *
 * @param host the SMTP server's host name or address
 * @param port its port: 587 for submission with STARTTLS, 25 for relay
 * @param from the sender, {@code alerts@example.org} or {@code Harmattan <alerts@example.org>}
 * @param username the login, or null to send without one
 * @param password the login's password; null exactly when {@code username} is
 * @param startTls whether to require STARTTLS: when on, a server that does not offer it, or whose
 *     certificate does not match {@code host}, is not sent to (never a silent fall-back to plain
 *     text)
 * @param connectTimeout how long to wait for a connection
 * @param ioTimeout how long a read or a write on the connection may block
 * @param retry attempts and back-off
 */
public record MailConfig(
    String host,
    int port,
    String from,
    String username,
    String password,
    boolean startTls,
    Duration connectTimeout,
    Duration ioTimeout,
    RetryPolicy retry) {

  /**
   * Checks every field and reports every problem at once.
   *
   * @throws HarmattanException (user input) listing the problems
   */
  public MailConfig {
    List<String> problems = new ArrayList<>();
    if (host == null || host.isBlank()) {
      problems.add("host is empty: give the SMTP server's host name");
    }
    if (port < 1 || port > 65535) {
      problems.add("port " + port + " is not a TCP port (expected 1 to 65535, usually 587 or 25)");
    }
    if (from == null || from.isBlank()) {
      problems.add("from is empty: give the sender's address, e.g. alerts@example.org");
    } else {
      try {
        new InternetAddress(from, true);
      } catch (AddressException e) {
        problems.add(
            "from \""
                + from
                + "\" is not an e-mail address ("
                + e.getMessage()
                + "): expected e.g. alerts@example.org or Harmattan <alerts@example.org>");
      }
    }
    if ((username == null) != (password == null)) {
      problems.add(
          username == null
              ? "a password without a username: give both or neither"
              : "username \"" + username + "\" without a password: give both or neither");
    }
    if (connectTimeout == null || connectTimeout.isZero() || connectTimeout.isNegative()) {
      problems.add("connectTimeout must be positive, got " + connectTimeout);
    }
    if (ioTimeout == null || ioTimeout.isZero() || ioTimeout.isNegative()) {
      problems.add("ioTimeout must be positive, got " + ioTimeout);
    }
    if (retry == null) {
      problems.add("retry is missing: give attempts and back-off, e.g. RetryPolicy.defaults()");
    }
    if (!problems.isEmpty()) {
      throw HarmattanException.userInput(
          ProblemCode.BAD_PARAMETER,
          "the mail configuration is not valid: " + String.join("; ", problems));
    }
  }

  /**
   * A configuration with the usual timeouts (10 s to connect, 30 s per read or write) and {@link
   * RetryPolicy#defaults()}.
   *
   * @param host the SMTP server
   * @param port its port
   * @param from the sender
   * @param username the login, or null
   * @param password its password, or null
   * @param startTls whether to require STARTTLS
   */
  public static MailConfig of(
      String host, int port, String from, String username, String password, boolean startTls) {
    return new MailConfig(
        host,
        port,
        from,
        username,
        password,
        startTls,
        Duration.ofSeconds(10),
        Duration.ofSeconds(30),
        RetryPolicy.defaults());
  }

  /** The login, if one is configured. */
  public Optional<String> findUsername() {
    return Optional.ofNullable(username);
  }

  /** The configuration with the password masked. */
  @Override
  public String toString() {
    return "MailConfig[host="
        + host
        + ", port="
        + port
        + ", from="
        + from
        + ", username="
        + username
        + ", password="
        + (password == null ? "null" : "(hidden)")
        + ", startTls="
        + startTls
        + ", connectTimeout="
        + connectTimeout
        + ", ioTimeout="
        + ioTimeout
        + ", retry="
        + retry
        + "]";
  }
}
