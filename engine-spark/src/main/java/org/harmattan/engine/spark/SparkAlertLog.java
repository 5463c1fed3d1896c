package org.harmattan.engine.spark;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.harmattan.engine.alerts.AlertLog;
import org.harmattan.engine.alerts.AlertRecord;
import org.harmattan.engine.alerts.DeliveryRecord;
import org.harmattan.engine.query.CountResult;

/**
 * The alert log of a Spark store: alerts, deliveries and each rule's progress, read from the
 * warehouse when first asked for and written back, table by table, on every change.
 */
final class SparkAlertLog implements AlertLog {
  private final SparkStore store;
  private Map<String, AlertRecord> alerts;
  private List<DeliveryRecord> deliveries;
  private Map<String, LocalDate> progress;

  SparkAlertLog(SparkStore store) {
    this.store = store;
  }

  private void load() {
    if (alerts != null) {
      return;
    }
    alerts = new LinkedHashMap<>();
    for (Row r : store.rows(Tables.ALERTS, Tables.ALERT_ROWS)) {
      AlertRecord a =
          new AlertRecord(
              r.getAs("id"),
              r.getAs("rule"),
              r.getAs("kind"),
              r.<LocalDate>getAs("date"),
              r.getAs("country"),
              r.getAs("admin1"),
              r.getAs("severity"),
              r.getAs("json"),
              r.<Instant>getAs("raised"));
      alerts.put(a.id(), a);
    }
    deliveries = new ArrayList<>();
    for (Row r : store.rows(Tables.DELIVERIES, Tables.DELIVERY_ROWS)) {
      deliveries.add(
          new DeliveryRecord(
              r.getAs("alert_id"),
              r.getAs("channel"),
              r.getAs("recipient"),
              r.<Integer>getAs("attempts"),
              r.getAs("outcome"),
              r.<Integer>getAs("last_status"),
              r.getAs("last_error"),
              r.<Instant>getAs("at")));
    }
    // Deliveries are listed in the order they were made.
    deliveries.sort(Comparator.comparing(DeliveryRecord::at));
    progress = new TreeMap<>();
    for (Row r : store.rows(Tables.EVALUATED, Tables.EVALUATED_ROWS)) {
      progress.put(r.getAs("rule"), r.<LocalDate>getAs("through"));
    }
  }

  @Override
  public synchronized boolean add(AlertRecord a) {
    load();
    if (alerts.putIfAbsent(a.id(), a) != null) {
      return false;
    }
    List<Row> rows = new ArrayList<>();
    for (AlertRecord x : alerts.values()) {
      rows.add(
          RowFactory.create(
              x.id(),
              x.rule(),
              x.kind(),
              x.date(),
              x.country(),
              x.admin1(),
              x.severity(),
              x.json(),
              x.raised()));
    }
    store.replaceTable(Tables.ALERTS, Tables.ALERT_ROWS, rows);
    return true;
  }

  @Override
  public synchronized Optional<AlertRecord> find(String id) {
    load();
    return Optional.ofNullable(alerts.get(id));
  }

  @Override
  public synchronized List<AlertRecord> list(LocalDate from, LocalDate to, int limit) {
    load();
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
  public synchronized void addDelivery(DeliveryRecord d) {
    load();
    deliveries.add(d);
    List<Row> rows = new ArrayList<>();
    for (DeliveryRecord x : deliveries) {
      rows.add(
          RowFactory.create(
              x.alertId(),
              x.channel(),
              x.recipient(),
              x.attempts(),
              x.outcome(),
              x.lastStatus(),
              x.lastError(),
              x.at()));
    }
    store.replaceTable(Tables.DELIVERIES, Tables.DELIVERY_ROWS, rows);
  }

  @Override
  public synchronized List<DeliveryRecord> listDeliveries(String alertId) {
    load();
    return deliveries.stream().filter(d -> d.alertId().equals(alertId)).toList();
  }

  @Override
  public synchronized Optional<LocalDate> findEvaluatedThrough(String ruleId) {
    load();
    return Optional.ofNullable(progress.get(ruleId));
  }

  @Override
  public synchronized void setEvaluatedThrough(String ruleId, LocalDate day) {
    load();
    progress.put(ruleId, day);
    List<Row> rows = new ArrayList<>();
    progress.forEach((rule, through) -> rows.add(RowFactory.create(rule, through)));
    store.replaceTable(Tables.EVALUATED, Tables.EVALUATED_ROWS, rows);
  }
}
