package org.harmattan.engine;

import java.util.List;
import java.util.Optional;
import org.harmattan.domain.event.Event;
import org.harmattan.engine.accounts.Accounts;
import org.harmattan.engine.alerts.AlertLog;
import org.harmattan.engine.query.AnalyticsEngine;
import org.harmattan.engine.query.ObservationSource;
import org.harmattan.engine.query.StoreStatus;
import org.harmattan.engine.series.SeriesSource;
import org.harmattan.engine.series.SeriesWriter;
import org.harmattan.engine.write.EventWriter;
import org.harmattan.engine.write.ObservationWriter;
import org.harmattan.engine.write.RejectedRow;

/**
 * A store behind the engine ports: what every front door (command line, server, scheduler) opens
 * and uses. Implementations: the embedded DuckDB store, the in-memory reference engine.
 */
public interface Store extends AutoCloseable {

  /** The read port over the events. */
  AnalyticsEngine analytics();

  /** The humanitarian observations, for analytics. */
  ObservationSource observations();

  /** The write port for events. */
  EventWriter events();

  /** The write port for humanitarian observations and the admin reference. */
  ObservationWriter humanitarian();

  /** The monthly series (VIEWS country-month fatalities, for one), for forecasting. */
  SeriesSource series();

  /** The write port for monthly series files. */
  SeriesWriter seriesWriter();

  /** Counts of what the store holds. */
  StoreStatus status();

  /** Quarantined rows, oldest file first, then by line; at most {@code limit}. */
  List<RejectedRow> listQuarantine(int limit);

  /** The current version of an event, if the store has it (a withdrawn event is not current). */
  Optional<Event> findEvent(String id);

  /**
   * How many superseded versions of an event the history holds: those a newer version replaced and
   * the one its withdrawal took out of the view.
   */
  long countHistory(String id);

  /** The users and API tokens kept in the store. */
  Accounts accounts();

  /** The alerts raised on the store, their deliveries and how far each rule was evaluated. */
  AlertLog alerts();

  @Override
  void close();
}
