/**
 * Readers for the travel-advice formats governments publish (GOV.UK content API JSON, the US State
 * Department's RSS feed, the Auswärtiges Amt open-data JSON, France Diplomatie's RSS feed) into
 * {@link org.harmattan.domain.context.AdvisoryReport}s, and {@link
 * org.harmattan.ingest.advisories.AdvisoryFetcher}, which fetches them over HTTP with timeouts and
 * an on-disk cache. Entry points: {@link org.harmattan.ingest.advisories.AdvisoryFiles} and the
 * fetcher. Normalising levels is analytics' work, not this package's. Depends on the domain,
 * Jackson (JSON trees), jsoup (HTML, through the small {@code Html} helper) and the JDK.
 */
package org.harmattan.ingest.advisories;
