package org.harmattan.ingest.row;

import java.util.List;
import java.util.function.Supplier;
import org.harmattan.domain.event.Event;
import org.harmattan.domain.problem.MapResult;
import org.harmattan.domain.problem.Problem;
import org.harmattan.domain.problem.ProblemCode;

/**
 * Maps one source row to a canonical event. Never throws for bad data: returns {@link
 * MapResult.Rejected} with every problem found.
 */
@FunctionalInterface
public interface EventRowMapper {
  MapResult<Event> map(SourceRow row);

  /**
   * The event {@code build} makes, or the row rejected as {@code invalid_event} when the canonical
   * record refuses its values. A mapper checks every rule of the record first; this keeps the
   * promise not to throw if one was missed.
   */
  static MapResult<Event> buildOrReject(Supplier<Event> build) {
    try {
      return MapResult.mapped(build.get());
    } catch (IllegalArgumentException e) {
      return MapResult.rejected(
          List.of(
              Problem.ofRow(
                  ProblemCode.INVALID_EVENT,
                  "the row does not make a valid event: "
                      + e.getMessage()
                      + " (expected values the canonical event accepts)")));
    }
  }

  /**
   * The columns without which no row can map, each as the names it may go by (the first is the one
   * messages name). A header that lacks one refuses the file as a whole, rather than every row
   * being quarantined for it. Empty for formats without a header.
   */
  default List<List<String>> requiredColumns() {
    return List.of();
  }
}
