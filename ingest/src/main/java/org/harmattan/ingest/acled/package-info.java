/**
 * ACLED adapter: the current export/API schema, the pre-2019 export, the 2016 upper-case schema and
 * HDX's HXL-tagged copy, read by column name with the pre-2019 taxonomy mapped onto the current
 * one. Entry point: {@link org.harmattan.ingest.acled.AcledEventMapper}. Depends on the domain,
 * {@code ingest.row} and {@code ingest.common} only; never on another source's adapter.
 */
package org.harmattan.ingest.acled;
