/**
 * Ingest as a service: files in, one outcome per file out, whatever front door asked. Entry point:
 * {@link org.harmattan.service.ingest.IngestService}.
 */
package org.harmattan.service.ingest;
