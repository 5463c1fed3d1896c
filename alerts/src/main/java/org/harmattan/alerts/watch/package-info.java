/**
 * Watching: a run that evaluates the rules on the days since the last run, records the new alerts
 * in the store's alert log and delivers them to their subscribers ({@link AlertRun}), from a
 * subscriptions file ({@link Subscriptions}).
 */
package org.harmattan.alerts.watch;
