package org.harmattan.alerts.deliver;

/** How an alert reaches its subscribers. */
public enum Channel {
  /** A signed JSON POST to the subscriber's URL ({@link WebhookSender}). */
  WEBHOOK,
  /** An e-mail by SMTP ({@link MailSender}). */
  EMAIL,
  /** An entry of the Atom feed; reserved for the feeds, which readers fetch. */
  ATOM,
  /** A CAP 1.2 message; reserved for the feeds, which readers fetch. */
  CAP
}
