/**
 * The first-level regions (admin1) of a country as the store's events name them, each matched to an
 * outline of the reference boundaries. Entry point: {@link
 * org.harmattan.analytics.regions.Admin1Regions#list}. Reads the store through the engine port
 * only; no JDBC, no web types.
 */
package org.harmattan.analytics.regions;
