package org.harmattan.engine.memory;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.harmattan.engine.alerts.AlertLog;
import org.harmattan.engine.alerts.AlertRecord;
import org.harmattan.engine.alerts.DeliveryRecord;
import org.harmattan.engine.query.CountResult;

/** The alert log in memory. */
final class InMemoryAlertLog implements AlertLog {
  private final Map<String, AlertRecord> alerts = new LinkedHashMap<>();
  private final List<DeliveryRecord> deliveries = new ArrayList<>();
  private final Map<String, LocalDate> progress = new HashMap<>();

  @Override
  public synchronized boolean add(AlertRecord alert) {
    return alerts.putIfAbsent(alert.id(), alert) == null;
  }

  @Override
  public synchronized Optional<AlertRecord> find(String id) {
    return Optional.ofNullable(alerts.get(id));
  }

  @Override
  public synchronized List<AlertRecord> list(LocalDate from, LocalDate to, int limit) {
    return alerts.values().stream()
        .filter(a -> !a.date().isBefore(from) && !a.date().isAfter(to))
        .sorted(
            Comparator.comparing(AlertRecord::date)
                .reversed()
                .thenComparing(AlertRecord::id, CountResult.ID_ORDER))
        .limit(Math.max(0, limit))
        .toList();
  }

  @Override
  public synchronized void addDelivery(DeliveryRecord delivery) {
    deliveries.add(delivery);
  }

  @Override
  public synchronized List<DeliveryRecord> listDeliveries(String alertId) {
    return deliveries.stream().filter(d -> d.alertId().equals(alertId)).toList();
  }

  @Override
  public synchronized Optional<LocalDate> findEvaluatedThrough(String ruleId) {
    return Optional.ofNullable(progress.get(ruleId));
  }

  @Override
  public synchronized void setEvaluatedThrough(String ruleId, LocalDate day) {
    progress.put(ruleId, day);
  }
}
