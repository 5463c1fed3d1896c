package org.harmattan.ingest.humanitarian;

import org.harmattan.engine.write.ObservationRow;
import org.harmattan.engine.write.RejectedRow;

/** Receives what a humanitarian reader makes of each data row. */
public interface HumanitarianSink {
  /** A row that gave observations or admin units. */
  void accepted(ObservationRow row);

  /** A row that goes to the quarantine. */
  void rejected(RejectedRow row);
}
