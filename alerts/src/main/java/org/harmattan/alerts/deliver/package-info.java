/**
 * Alerts in the formats other systems read: a Common Alerting Protocol 1.2 message per alert
 * ({@link org.harmattan.alerts.deliver.CapMessage}, checked against the schema {@link
 * org.harmattan.alerts.deliver.CapSchema} written from the standard) and an Atom 1.0 feed of alerts
 * ({@link org.harmattan.alerts.deliver.AtomFeed}). Writes bytes only: no network, no clock, no
 * engine or store.
 */
package org.harmattan.alerts.deliver;
