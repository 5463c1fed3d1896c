/**
 * What a row mapper sees: a {@link org.harmattan.ingest.row.SourceRow} with named access through
 * its {@link org.harmattan.ingest.row.Header}, and {@link org.harmattan.ingest.row.RowFields} to
 * parse values while collecting problems instead of throwing. Shared by every source adapter;
 * depends only on the domain.
 */
package org.harmattan.ingest.row;
