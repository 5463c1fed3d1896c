/**
 * Reading conflict-event files as their publishers ship them. Entry point: {@link
 * org.harmattan.ingest.EventFileReader}, which detects the {@link
 * org.harmattan.ingest.SourceFormat}, maps every row to an {@link org.harmattan.domain.event.Event}
 * or a {@link org.harmattan.engine.write.RejectedRow}, and hands both to an {@link
 * org.harmattan.engine.write.IngestSink}. Must not depend on the engine or any database.
 */
package org.harmattan.ingest;
