/**
 * Reference lookups every source adapter shares: {@link org.harmattan.ingest.common.Countries}
 * (names, ISO, M49 and FIPS codes to ISO3). Depends on the JDK only.
 */
package org.harmattan.ingest.common;
