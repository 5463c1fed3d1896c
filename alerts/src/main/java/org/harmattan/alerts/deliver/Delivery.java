package org.harmattan.alerts.deliver;

import static java.util.Objects.requireNonNull;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.util.Optional;
import org.harmattan.engine.alerts.DeliveryRecord;

/**
 * The log line of one delivery of one alert to one recipient: how it ended and after how many
 * attempts. A dead letter is what remains when the last attempt failed, with the reason; a delivery
 * is never dropped without one of these.
 *
 * @param alertId the alert's id
 * @param channel how it was sent
 * @param recipient where to: an e-mail address, or a URL without user info, query or fragment
 *     (those may hold credentials)
 * @param attempts how many attempts were made, 1 or more
 * @param outcome delivered or dead letter
 * @param lastStatus the HTTP status or SMTP reply code of the last attempt, or null when none came
 *     (no connection, a timeout)
 * @param lastError why the last attempt failed, one line; null when delivered
 * @param lastAttemptAt when the last attempt started
 */
public record Delivery(
    String alertId,
    Channel channel,
    String recipient,
    int attempts,
    Outcome outcome,
    Integer lastStatus,
    String lastError,
    Instant lastAttemptAt) {

  /** How a delivery ended. */
  public enum Outcome {
    /** The receiver accepted the alert. */
    DELIVERED,
    /** Every attempt failed, or the receiver refused it for good: kept with the reason. */
    DEAD_LETTER
  }

  public Delivery {
    requireNonNull(alertId, "alertId");
    requireNonNull(channel, "channel");
    requireNonNull(recipient, "recipient");
    requireNonNull(outcome, "outcome");
    requireNonNull(lastAttemptAt, "lastAttemptAt");
    if (attempts < 1) {
      throw new IllegalArgumentException("a delivery has 1 attempt or more, got " + attempts);
    }
    if (lastError != null) {
      // A log line: one line, no stack trace.
      lastError = lastError.replaceAll("\\s+", " ").strip();
    }
    if (outcome == Outcome.DEAD_LETTER && (lastError == null || lastError.isEmpty())) {
      throw new IllegalArgumentException(
          "a dead letter must say why: alert " + alertId + " to " + recipient);
    }
    if (outcome == Outcome.DELIVERED && lastError != null) {
      throw new IllegalArgumentException(
          "a delivered alert has no error: alert " + alertId + ", error \"" + lastError + "\"");
    }
    if (channel == Channel.WEBHOOK && hasSecrets(recipient)) {
      throw new IllegalArgumentException(
          "the recipient of a webhook delivery must be a URL without user info, query or"
              + " fragment (use WebhookSender.toRecipient), alert "
              + alertId);
    }
  }

  private static boolean hasSecrets(String url) {
    try {
      URI u = new URI(url);
      return u.getRawUserInfo() != null || u.getRawQuery() != null || u.getRawFragment() != null;
    } catch (URISyntaxException e) {
      return true;
    }
  }

  /** Whether the receiver accepted the alert. */
  public boolean isDelivered() {
    return outcome == Outcome.DELIVERED;
  }

  /** The HTTP status or SMTP reply code of the last attempt, if one came. */
  public Optional<Integer> findLastStatus() {
    return Optional.ofNullable(lastStatus);
  }

  /** Why the last attempt failed; empty when delivered. */
  public Optional<String> findLastError() {
    return Optional.ofNullable(lastError);
  }

  /** This delivery as the store's alert log keeps it. */
  public DeliveryRecord toRecord() {
    return new DeliveryRecord(
        alertId,
        channel.name(),
        recipient,
        attempts,
        outcome.name(),
        lastStatus,
        lastError,
        lastAttemptAt);
  }
}
