package org.harmattan.ingest.series;

import org.harmattan.engine.series.SeriesPoint;
import org.harmattan.engine.write.RejectedRow;

/** Receives what a series reader makes of each data row. */
public interface SeriesSink {
  /** A row that gave a point. */
  void accepted(SeriesPoint point);

  /** A row that goes to the quarantine. */
  void rejected(RejectedRow row);
}
