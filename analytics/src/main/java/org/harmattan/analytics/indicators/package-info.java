/**
 * Security indicators of a country and window: events and fatalities overall, by type, region,
 * actor and month, violence against civilians (by state forces too), and matched-window change.
 * Entry point: {@link org.harmattan.analytics.indicators.SecurityIndicators}.
 */
package org.harmattan.analytics.indicators;
