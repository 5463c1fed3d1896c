package org.harmattan.ingest.acled;

import java.time.LocalDate;
import java.util.List;
import org.harmattan.domain.event.Event;
import org.harmattan.domain.problem.MapResult;
import org.harmattan.domain.problem.Problem;
import org.harmattan.ingest.row.EventRowMapper;
import org.harmattan.ingest.row.RowContext;
import org.harmattan.ingest.row.SourceRow;

/** Maps ACLED rows of every {@link AcledVariant} to canonical events. */
public final class AcledEventMapper implements EventRowMapper {
  private final AcledVariant variant;
  private final RowContext context;
  private final LocalDate today;

  public AcledEventMapper(AcledVariant variant, RowContext context, LocalDate today) {
    this.variant = variant;
    this.context = context;
    this.today = today;
  }

  @Override
  public MapResult<Event> map(SourceRow row) {
    return MapResult.rejected(
        List.of(
            Problem.ofRow(
                "not_implemented",
                "ACLED " + variant + " mapping for " + context.dataset() + " before " + today)));
  }
}
