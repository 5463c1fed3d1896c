/**
 * Alerts in the formats other systems read, and their delivery. Formats: a Common Alerting Protocol
 * 1.2 message per alert ({@link org.harmattan.alerts.deliver.CapMessage}, checked against the
 * schema {@link org.harmattan.alerts.deliver.CapSchema} written from the standard) and an Atom 1.0
 * feed of alerts ({@link org.harmattan.alerts.deliver.AtomFeed}). Delivery: by webhook ({@link
 * org.harmattan.alerts.deliver.WebhookSender}, a signed JSON POST) and by e-mail ({@link
 * org.harmattan.alerts.deliver.MailSender}, SMTP), each retried with back-off and ending in a
 * {@link org.harmattan.alerts.deliver.Delivery}, delivered or dead-lettered, never dropped.
 */
package org.harmattan.alerts.deliver;
