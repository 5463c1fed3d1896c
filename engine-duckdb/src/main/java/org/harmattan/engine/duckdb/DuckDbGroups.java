package org.harmattan.engine.duckdb;

import static org.harmattan.engine.duckdb.EventRows.ACTOR_NAMES;
import static org.harmattan.engine.duckdb.EventRows.actorNames;
import static org.harmattan.engine.duckdb.EventRows.file;
import static org.harmattan.engine.duckdb.EventRows.type;
import static org.harmattan.engine.duckdb.PackedIds.deferred;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.harmattan.domain.event.EventType;
import org.harmattan.domain.figure.DeferredIds;
import org.harmattan.domain.figure.SourceRef;
import org.harmattan.engine.duckdb.PackedIds.UnsplittableIds;
import org.harmattan.engine.query.DayGroup;
import org.harmattan.engine.query.EventFilter;
import org.harmattan.engine.query.PointGroup;

/**
 * Located events in groups, as the analytics port gives them ({@link PointGroup}, {@link
 * DayGroup}): one statement each, grouped by the actor columns in DuckDB and joined by names in
 * Java.
 */
final class DuckDbGroups {
  private DuckDbGroups() {}

  /** The point groups of {@code filter}, or null when an id holds the unit separator. */
  static List<PointGroup> pointGroups(ReadConnection connection, EventFilter filter)
      throws SQLException {
    EventWhere where = new EventWhere(filter, true);
    // One row per group of the actor columns: its ids joined by the unit separator (PackedIds), in
    // no order, and its first event by date, then id. The ids are counted as they are read,
    // split and sorted in Java when first read (DeferredIds): ordering them in string_agg costs
    // twice as much, and a count needs neither. Groups of the same names from other columns are
    // joined in Java (PointGroup.merge), which costs less than a second aggregation in DuckDB.
    String sql =
        "SELECT latitude, longitude, month, names, source, dataset, file_sha256, accessed, n, ids,"
            + " f.d - DATE '1970-01-01', f.i FROM"
            + byActorColumns(
                "latitude, longitude, month, source, dataset, file_sha256, accessed",
                "count(*) AS n, "
                    + PackedIds.AGGREGATE
                    + " AS ids, min({'d': event_date, 'i': id}) AS f",
                "year(event_date) * 12 + month(event_date) - 1 AS month",
                where);
    return connection.query(sql, p -> groups(p, where));
  }

  /** The day groups of {@code filter}, or null when an id holds the unit separator. */
  static List<DayGroup> dayGroups(ReadConnection connection, EventFilter filter)
      throws SQLException {
    EventWhere where = new EventWhere(filter, true);
    // One row per group of the actor columns: its ids as one string joined by the unit separator
    // (in no order; counted as read, split and sorted in Java when first read) and its least id.
    // The rows are joined by names (DayGroup.merge) and ordered by their first events in Java.
    String sql =
        "SELECT latitude, longitude, event_date - DATE '1970-01-01', event_type, sub_event_type,"
            + " names, location, dead, source, dataset, file_sha256, accessed, n, ids, f FROM"
            + byActorColumns(
                "latitude, longitude, event_date, event_type, sub_event_type, location, source,"
                    + " dataset, file_sha256, accessed",
                "count(*) AS n, sum(fatalities_best) AS dead, "
                    + PackedIds.AGGREGATE
                    + " AS ids, min(id) AS f",
                "event_type, sub_event_type, fatalities_best, location",
                where);
    return connection.query(sql, p -> dayGroups(p, where));
  }

  /**
   * The located events of {@code where} grouped by {@code keys} and their four actor columns, as a
   * subquery: the keys, the actor names joined as {@link EventRows#ACTOR_NAMES} does (made once per
   * group, not per event) and {@code aggregates}. Groups of the same names from different columns
   * (a name as actor 2 or as an associated actor) come apart here; the caller groups them again by
   * names.
   *
   * @param extra the columns of each event besides id, date, point, actors, file and day of reading
   *     that the keys or aggregates use
   */
  private static String byActorColumns(
      String keys, String aggregates, String extra, EventWhere where) {
    return " (SELECT "
        + keys
        + ", "
        + ACTOR_NAMES
        + " AS names, "
        + aggregates
        + " FROM (SELECT id, event_date, latitude, longitude, actor1, actor2, assoc_actor_1,"
        + " assoc_actor_2, source, dataset, file_sha256, CAST(ingested_at AS DATE) - DATE"
        + " '1970-01-01' AS accessed, "
        + extra
        + " FROM events"
        + where.sql
        + " AND latitude IS NOT NULL) GROUP BY "
        + keys
        + ", actor1, actor2, assoc_actor_1, assoc_actor_2)";
  }

  /**
   * The day groups of the statement, joined by names, in the order of their first events; null when
   * an id held the separator.
   */
  private static List<DayGroup> dayGroups(PreparedStatement p, EventWhere where)
      throws SQLException {
    List<DayGroup> out = new ArrayList<>();
    Map<String, SourceRef> files = new HashMap<>();
    Map<String, EventType> types = new HashMap<>();
    where.bind(p);
    try (ResultSet rs = p.executeQuery()) {
      while (rs.next()) {
        List<String> ids;
        try {
          ids = deferred(rs.getBytes(14), rs.getLong(13));
        } catch (UnsplittableIds e) {
          return null;
        }
        out.add(
            new DayGroup(
                rs.getDouble(1),
                rs.getDouble(2),
                LocalDate.ofEpochDay(rs.getLong(3)),
                type(types, rs.getString(4)),
                rs.getString(5),
                actorNames(rs.getString(6)),
                rs.getString(7),
                rs.getLong(8),
                file(files, rs.getString(9), rs.getString(10), rs.getString(11)),
                LocalDate.ofEpochDay(rs.getLong(12)),
                DeferredIds.sortedUnion(List.of(ids)),
                rs.getString(15)));
      }
    }
    // Names joined from other columns may differ as text and still be the same names.
    return DayGroup.merge(out);
  }

  /**
   * The groups of the statement, joined by names, in the order of their first events; null when an
   * id held the separator.
   */
  private static List<PointGroup> groups(PreparedStatement p, EventWhere where)
      throws SQLException {
    record Row(
        double latitude,
        double longitude,
        int month,
        List<String> names,
        SourceRef file,
        long accessed,
        List<String> ids,
        long firstDay,
        String firstId) {}
    List<Row> rows = new ArrayList<>();
    Map<String, SourceRef> files = new HashMap<>();
    where.bind(p);
    try (ResultSet rs = p.executeQuery()) {
      while (rs.next()) {
        List<String> ids;
        try {
          ids = deferred(rs.getBytes(10), rs.getLong(9));
        } catch (UnsplittableIds e) {
          return null;
        }
        rows.add(
            new Row(
                rs.getDouble(1),
                rs.getDouble(2),
                rs.getInt(3),
                actorNames(rs.getString(4)),
                file(files, rs.getString(5), rs.getString(6), rs.getString(7)),
                rs.getLong(8),
                ids,
                rs.getLong(11),
                rs.getString(12)));
      }
    }
    List<PointGroup> out = new ArrayList<>(rows.size());
    for (Row r : rows) {
      out.add(
          new PointGroup(
              r.latitude(),
              r.longitude(),
              YearMonth.of(Math.floorDiv(r.month(), 12), Math.floorMod(r.month(), 12) + 1),
              r.names(),
              r.file(),
              LocalDate.ofEpochDay(r.accessed()),
              DeferredIds.sortedUnion(List.of(r.ids())),
              PointGroup.firstKey(LocalDate.ofEpochDay(r.firstDay()), r.firstId())));
    }
    // Names joined from other columns may differ as text and still be the same names.
    return PointGroup.merge(out);
  }
}
