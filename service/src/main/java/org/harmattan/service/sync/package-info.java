/**
 * Syncs of live sources into a store: ACLED's API read incrementally, its withdrawals applied.
 * Entry point: {@link org.harmattan.service.sync.AcledSync}. Front doors (the command line, the
 * watch) call it; it writes only through the ingest pipeline and the engine's write port.
 */
package org.harmattan.service.sync;
