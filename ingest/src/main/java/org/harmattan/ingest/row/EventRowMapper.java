package org.harmattan.ingest.row;

import org.harmattan.domain.event.Event;
import org.harmattan.domain.problem.MapResult;

/**
 * Maps one source row to a canonical event. Never throws for bad data: returns {@link
 * MapResult.Rejected} with every problem found.
 */
@FunctionalInterface
public interface EventRowMapper {
  MapResult<Event> map(SourceRow row);
}
