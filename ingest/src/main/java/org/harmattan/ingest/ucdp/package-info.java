/**
 * UCDP Georeferenced Event Dataset adapter: GED since v20, GED v19 and HDX's HXL-tagged copy, read
 * by column name. Entry point: {@link org.harmattan.ingest.ucdp.UcdpEventMapper}. Depends on the
 * domain, {@code ingest.row} and {@code ingest.common} only; never on another source's adapter.
 */
package org.harmattan.ingest.ucdp;
