package org.harmattan.ingest.row;

import java.util.List;
import org.harmattan.domain.event.Event;
import org.harmattan.domain.problem.MapResult;

/**
 * Maps one source row to a canonical event. Never throws for bad data: returns {@link
 * MapResult.Rejected} with every problem found.
 */
@FunctionalInterface
public interface EventRowMapper {
  MapResult<Event> map(SourceRow row);

  /**
   * The columns without which no row can map, each as the names it may go by (the first is the one
   * messages name). A header that lacks one refuses the file as a whole, rather than every row
   * being quarantined for it. Empty for formats without a header.
   */
  default List<List<String>> requiredColumns() {
    return List.of();
  }
}
