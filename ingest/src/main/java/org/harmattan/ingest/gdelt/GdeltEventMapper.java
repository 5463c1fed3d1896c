package org.harmattan.ingest.gdelt;

import java.time.LocalDate;
import java.util.List;
import org.harmattan.domain.event.Event;
import org.harmattan.domain.problem.MapResult;
import org.harmattan.domain.problem.Problem;
import org.harmattan.ingest.row.EventRowMapper;
import org.harmattan.ingest.row.RowContext;
import org.harmattan.ingest.row.SourceRow;

/** Maps GDELT event rows to canonical events, flagged machine-coded. */
public final class GdeltEventMapper implements EventRowMapper {
  private final GdeltVersion version;
  private final RowContext context;
  private final LocalDate today;

  public GdeltEventMapper(GdeltVersion version, RowContext context, LocalDate today) {
    this.version = version;
    this.context = context;
    this.today = today;
  }

  @Override
  public MapResult<Event> map(SourceRow row) {
    return MapResult.rejected(
        List.of(
            Problem.ofRow(
                "not_implemented",
                "GDELT " + version + " mapping for " + context.dataset() + " before " + today)));
  }
}
