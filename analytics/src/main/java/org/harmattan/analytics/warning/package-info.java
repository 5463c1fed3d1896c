/**
 * Early-warning rules over daily count series: ACLED's surge, threat and change-level rules ({@link
 * org.harmattan.analytics.warning.AcledRules}), HDX Signals' fatalities rule ({@link
 * org.harmattan.analytics.warning.HdxSignals}) and a Poisson / negative-binomial anomaly score
 * ({@link org.harmattan.analytics.warning.CountAnomaly}). Each returns a {@link
 * org.harmattan.analytics.warning.Signal}. Pure Java over {@link
 * org.harmattan.analytics.warning.DailySeries}: no engine, no JDBC, no math library.
 */
package org.harmattan.analytics.warning;
