/**
 * GDELT event-file adapter (1.0 daily and 2.0 15-minute files, tab-separated, no header). Entry
 * point: {@link org.harmattan.ingest.gdelt.GdeltEventMapper}; the CAMEO-to-event-type table lives
 * in {@code GdeltCameo}. Depends on the domain, {@code ingest.row} and {@code ingest.common} only.
 */
package org.harmattan.ingest.gdelt;
