/**
 * Indicator, early-warning and actor logic, written once over the engine port {@link
 * org.harmattan.engine.query.AnalyticsEngine}. Produces {@link
 * org.harmattan.domain.figure.Figure}s; never renders text and never talks SQL.
 */
package org.harmattan.analytics;
