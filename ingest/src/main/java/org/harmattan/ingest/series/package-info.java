/**
 * Monthly series files read into {@link org.harmattan.engine.series.SeriesPoint}s for the engine's
 * series write port: the VIEWS country-month fatalities ({@code views-cm}). Entry point: {@link
 * org.harmattan.ingest.series.SeriesIngest}; rows are mapped by {@link
 * org.harmattan.ingest.series.ViewsCountryMonthMapper}. Must not depend on an engine.
 */
package org.harmattan.ingest.series;
