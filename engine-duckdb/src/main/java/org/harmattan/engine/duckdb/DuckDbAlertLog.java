package org.harmattan.engine.duckdb;

import java.sql.Connection;
import java.sql.Date;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.harmattan.engine.alerts.AlertLog;
import org.harmattan.engine.alerts.AlertRecord;
import org.harmattan.engine.alerts.DeliveryRecord;

/**
 * The alert log on three tables of the store: {@code alerts}, {@code alert_deliveries} and {@code
 * alert_rule_progress}.
 */
final class DuckDbAlertLog implements AlertLog {
  private static final String ALERT_COLUMNS =
      "id, rule, kind, day, country, admin1, severity, body, raised";
  private static final String WHAT = "alert log";
  private static final String DELIVERY_COLUMNS =
      "alert_id, channel, recipient, attempts, outcome, last_status, last_error, attempted_at";

  private final Connection connection;
  private final Connection reader;

  /**
   * @param connection the store's write connection, for changes
   * @param reader the calling thread's read connection, for lookups
   */
  DuckDbAlertLog(Connection connection, Connection reader) {
    this.connection = connection;
    this.reader = reader;
  }

  static void createSchema(Statement s) throws SQLException {
    s.execute(
        "CREATE TABLE IF NOT EXISTS alerts (id VARCHAR PRIMARY KEY, rule VARCHAR NOT NULL, kind"
            + " VARCHAR NOT NULL, day DATE NOT NULL, country VARCHAR NOT NULL, admin1 VARCHAR,"
            + " severity VARCHAR NOT NULL, body VARCHAR NOT NULL, raised TIMESTAMP NOT NULL)");
    s.execute(
        "CREATE TABLE IF NOT EXISTS alert_deliveries (seq BIGINT NOT NULL, alert_id VARCHAR NOT"
            + " NULL, channel VARCHAR NOT NULL, recipient VARCHAR NOT NULL, attempts INTEGER NOT"
            + " NULL, outcome VARCHAR NOT NULL, last_status INTEGER, last_error VARCHAR, attempted_at"
            + " TIMESTAMP NOT NULL)");
    s.execute(
        "CREATE TABLE IF NOT EXISTS alert_rule_progress (rule VARCHAR PRIMARY KEY, through DATE"
            + " NOT NULL)");
  }

  @Override
  public boolean add(AlertRecord a) {
    if (find(a.id()).isPresent()) {
      return false;
    }
    return write(
        "INSERT INTO alerts (" + ALERT_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        a.id(),
        a.rule(),
        a.kind(),
        Date.valueOf(a.date()),
        a.country(),
        a.admin1(),
        a.severity(),
        a.json(),
        Timestamp.from(a.raised()));
  }

  @Override
  public Optional<AlertRecord> find(String id) {
    return readAlerts("SELECT " + ALERT_COLUMNS + " FROM alerts WHERE id = ?", id).stream()
        .findFirst();
  }

  @Override
  public List<AlertRecord> list(LocalDate from, LocalDate to, int limit) {
    return readAlerts(
        "SELECT "
            + ALERT_COLUMNS
            + " FROM alerts WHERE day BETWEEN ? AND ? ORDER BY day DESC, id LIMIT ?",
        Date.valueOf(from),
        Date.valueOf(to),
        Math.max(0, limit));
  }

  @Override
  public void addDelivery(DeliveryRecord d) {
    write(
        "INSERT INTO alert_deliveries (seq, "
            + DELIVERY_COLUMNS
            + ") SELECT coalesce(max(seq), 0) + 1, ?, ?, ?, ?, ?, ?, ?, ? FROM alert_deliveries",
        d.alertId(),
        d.channel(),
        d.recipient(),
        d.attempts(),
        d.outcome(),
        d.lastStatus(),
        d.lastError(),
        Timestamp.from(d.at()));
  }

  @Override
  public List<DeliveryRecord> listDeliveries(String alertId) {
    return SideTables.query(
        reader,
        WHAT,
        "SELECT " + DELIVERY_COLUMNS + " FROM alert_deliveries WHERE alert_id = ? ORDER BY seq",
        rs -> {
          int status = rs.getInt(6);
          Integer lastStatus = rs.wasNull() ? null : status;
          return new DeliveryRecord(
              rs.getString(1),
              rs.getString(2),
              rs.getString(3),
              rs.getInt(4),
              rs.getString(5),
              lastStatus,
              rs.getString(7),
              rs.getTimestamp(8).toInstant());
        },
        alertId);
  }

  @Override
  public Optional<LocalDate> findEvaluatedThrough(String ruleId) {
    return SideTables.query(
            reader,
            WHAT,
            "SELECT through FROM alert_rule_progress WHERE rule = ?",
            rs -> rs.getObject(1, LocalDate.class),
            ruleId)
        .stream()
        .findFirst();
  }

  @Override
  public void setEvaluatedThrough(String ruleId, LocalDate day) {
    write(
        "INSERT INTO alert_rule_progress (rule, through) VALUES (?, ?) ON CONFLICT (rule) DO"
            + " UPDATE SET through = excluded.through",
        ruleId,
        Date.valueOf(day));
  }

  private boolean write(String sql, Object... values) {
    return SideTables.update(connection, WHAT, sql, values);
  }

  private List<AlertRecord> readAlerts(String sql, Object... values) {
    return SideTables.query(
        reader,
        WHAT,
        sql,
        rs ->
            new AlertRecord(
                rs.getString(1),
                rs.getString(2),
                rs.getString(3),
                rs.getObject(4, LocalDate.class),
                rs.getString(5),
                rs.getString(6),
                rs.getString(7),
                rs.getString(8),
                rs.getTimestamp(9).toInstant()),
        values);
  }
}
