/**
 * A client for ACLED's live API (2025): OAuth tokens, paged reads of events and deletions, written
 * as a file in ACLED's export layout that the event ingest reads like a user's. Entry point: {@link
 * org.harmattan.ingest.acled.api.AcledApiClient}. Depends on the domain, {@code ingest.common},
 * Jackson and FastCSV; never on the root {@code ingest} package (which calls the ACLED adapter).
 */
package org.harmattan.ingest.acled.api;
