package org.harmattan.engine.alerts;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The alerts a store's rules raised, with their delivery log, and how far each rule was evaluated,
 * so that a watcher that restarts resumes where it stopped and never raises an alert twice.
 */
public interface AlertLog {

  /**
   * Records an alert.
   *
   * @return false (and changes nothing) when an alert of that id is recorded: the same rule firing
   *     for the same area on the same day is one alert, however often it is evaluated
   */
  boolean add(AlertRecord alert);

  Optional<AlertRecord> find(String id);

  /**
   * Alerts whose day lies in {@code [from, to]}, newest day first, then by id; at most {@code
   * limit}.
   */
  List<AlertRecord> list(LocalDate from, LocalDate to, int limit);

  /** Adds a line to the delivery log. */
  void addDelivery(DeliveryRecord delivery);

  /** The deliveries of one alert, in the order they were recorded. */
  List<DeliveryRecord> listDeliveries(String alertId);

  /** The last day a rule was evaluated through, if it ever was. */
  Optional<LocalDate> findEvaluatedThrough(String ruleId);

  /** Records that a rule was evaluated through {@code day} (replacing the day before). */
  void setEvaluatedThrough(String ruleId, LocalDate day);
}
