/**
 * Delivery of alerts to their subscribers: by webhook ({@link
 * org.harmattan.alerts.deliver.WebhookSender}, a signed JSON POST) and by e-mail ({@link
 * org.harmattan.alerts.deliver.MailSender}, SMTP), each retried with back-off and ending in a
 * {@link org.harmattan.alerts.deliver.Delivery}, delivered or dead-lettered, never dropped. It
 * reads alerts only: no rules, no store, no web layer.
 */
package org.harmattan.alerts.deliver;
