/**
 * Alerts: rules that watch the store (ACLED's surge, threat and change level, HDX Signals' fatality
 * rule, the count anomaly, political violence near the capital), the {@link Alert}s they raise as
 * cited data, and their delivery.
 */
package org.harmattan.alerts;
