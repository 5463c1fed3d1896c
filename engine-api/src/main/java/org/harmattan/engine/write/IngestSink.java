package org.harmattan.engine.write;

import org.harmattan.domain.event.Event;

/** Receives what a reader makes of each data row: an event or a quarantined row. */
public interface IngestSink {

  /** A row that mapped to an event. */
  void accepted(Event event, LineRange lines);

  /** A row that goes to quarantine. */
  void rejected(RejectedRow row);
}
