package org.harmattan.ingest.ucdp;

import java.time.LocalDate;
import java.util.List;
import org.harmattan.domain.event.Event;
import org.harmattan.domain.problem.MapResult;
import org.harmattan.domain.problem.Problem;
import org.harmattan.ingest.row.EventRowMapper;
import org.harmattan.ingest.row.RowContext;
import org.harmattan.ingest.row.SourceRow;

/** Maps UCDP GED rows to canonical events. */
public final class UcdpEventMapper implements EventRowMapper {
  private final UcdpVariant variant;
  private final RowContext context;
  private final LocalDate today;

  public UcdpEventMapper(UcdpVariant variant, RowContext context, LocalDate today) {
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
                "UCDP " + variant + " mapping for " + context.dataset() + " before " + today)));
  }
}
