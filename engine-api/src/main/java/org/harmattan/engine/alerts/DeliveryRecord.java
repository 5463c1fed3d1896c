package org.harmattan.engine.alerts;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/**
 * One delivery of an alert, as the store keeps it: who was told, how, and whether it arrived.
 *
 * @param alertId the alert
 * @param channel {@code WEBHOOK}, {@code EMAIL}, …
 * @param recipient the address or URL (without credentials)
 * @param attempts attempts made
 * @param outcome {@code DELIVERED} or {@code DEAD_LETTER}
 * @param lastStatus the last HTTP status or SMTP reply code, or null
 * @param lastError why the last attempt failed, or null
 * @param at when the last attempt was made
 */
public record DeliveryRecord(
    String alertId,
    String channel,
    String recipient,
    int attempts,
    String outcome,
    Integer lastStatus,
    String lastError,
    Instant at) {
  public DeliveryRecord {
    requireNonNull(alertId, "alertId");
    requireNonNull(channel, "channel");
    requireNonNull(recipient, "recipient");
    requireNonNull(outcome, "outcome");
    requireNonNull(at, "at");
  }
}
