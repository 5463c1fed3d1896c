package org.harmattan.alerts.deliver;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/**
 * How webhooks are sent.
 *
 * @param connectTimeout how long to wait for a connection
 * @param requestTimeout how long to wait for the receiver's answer, from the request's start
 * @param retry attempts and back-off
 */
public record WebhookConfig(Duration connectTimeout, Duration requestTimeout, RetryPolicy retry) {
  public WebhookConfig {
    requireNonNull(connectTimeout, "connectTimeout");
    requireNonNull(requestTimeout, "requestTimeout");
    requireNonNull(retry, "retry");
    if (connectTimeout.isZero() || connectTimeout.isNegative()) {
      throw new IllegalArgumentException("connectTimeout must be positive, got " + connectTimeout);
    }
    if (requestTimeout.isZero() || requestTimeout.isNegative()) {
      throw new IllegalArgumentException("requestTimeout must be positive, got " + requestTimeout);
    }
  }

  /** 10 s to connect, 30 s for the answer, {@link RetryPolicy#defaults()}. */
  public static WebhookConfig defaults() {
    return new WebhookConfig(
        Duration.ofSeconds(10), Duration.ofSeconds(30), RetryPolicy.defaults());
  }
}
