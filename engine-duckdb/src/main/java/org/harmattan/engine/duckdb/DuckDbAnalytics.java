package org.harmattan.engine.duckdb;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.harmattan.domain.error.ErrorCategory;
import org.harmattan.domain.error.HarmattanException;
import org.harmattan.domain.event.Event;
import org.harmattan.domain.event.EventType;
import org.harmattan.domain.figure.SourceRef;
import org.harmattan.domain.problem.ProblemCode;
import org.harmattan.engine.query.AnalyticsEngine;
import org.harmattan.engine.query.CountQuery;
import org.harmattan.engine.query.CountResult;
import org.harmattan.engine.query.CountRow;
import org.harmattan.engine.query.Coverage;
import org.harmattan.engine.query.DayGroup;
import org.harmattan.engine.query.Dimension;
import org.harmattan.engine.query.EventFilter;
import org.harmattan.engine.query.EventListing;
import org.harmattan.engine.query.EventPage;
import org.harmattan.engine.query.EventPoint;
import org.harmattan.engine.query.NameCount;
import org.harmattan.engine.query.PointGroup;

/** The analytics port on the DuckDB store: each query is one SQL statement. */
final class DuckDbAnalytics implements AnalyticsEngine {
  private final ReadConnection connection;

  DuckDbAnalytics(ReadConnection connection) {
    this.connection = connection;
  }

  private static String expression(Dimension d) {
    return switch (d) {
      case EVENT_TYPE -> "event_type";
      case SUB_EVENT_TYPE -> "sub_event_type";
      case ADMIN1 -> "admin1";
      case ACTOR1 -> "actor1";
      case ACTOR2 -> "actor2";
      case INTER1 -> "CAST(inter1 AS VARCHAR)";
      case MONTH -> "strftime(date_trunc('month', event_date), '%Y-%m-%d')";
      case DAY -> "strftime(event_date, '%Y-%m-%d')";
      case SOURCE -> "source";
    };
  }

  /**
   * What a count selects per group and file: events, deaths, ids and the newest ingest. Grouping by
   * file as well (plain columns) and merging the files of a group in Java costs DuckDB about half
   * of a distinct-list aggregate of the files. The ids come packed into one string joined by the
   * unit separator ({@link PackedIds}), unsorted: fetching one string per group and sorting in Java
   * is several times cheaper than a sorted list aggregate fetched as an array. An id holding the
   * separator (nothing forbids it in a source file) would split wrongly; the count of the parts
   * then differs from the group's count and the query runs again with {@link #LISTED_AGGREGATES}.
   */
  private static final String AGGREGATES =
      "count(*), coalesce(sum(fatalities_best), 0), " + PackedIds.AGGREGATE + ", max(ingested_at)";

  /** As {@link #AGGREGATES}, with the ids as a list. */
  private static final String LISTED_AGGREGATES =
      "count(*), coalesce(sum(fatalities_best), 0), list(id), max(ingested_at)";

  /** The file columns a count groups by, after the dimensions. */
  private static final String FILE_COLUMNS = "source, dataset, file_sha256";

  /**
   * One statement per query: the events of each group and file, merged into the groups (groups
   * never share an event), from which the totals follow.
   */
  @Override
  public CountResult count(CountQuery query) {
    return countAll(List.of(query)).get(0);
  }

  /**
   * One statement for all the queries: each query's grouped select, tagged with its position,
   * joined by UNION ALL (a statement costs about a millisecond beyond its scan, most of a small
   * count).
   */
  @Override
  public List<CountResult> countAll(List<CountQuery> queries) {
    if (queries.isEmpty()) {
      return List.of();
    }
    List<CountResult> packed = count(queries, AGGREGATES);
    if (packed != null) {
      return packed;
    }
    List<CountResult> listed = count(queries, LISTED_AGGREGATES);
    if (listed == null) {
      throw new IllegalStateException("a listed result is never split");
    }
    return listed;
  }

  /** A group being merged from its files' rows. */
  private static final class Group {
    long events;
    long fatalities;
    final List<String> ids = new ArrayList<>();
    final Set<String> files = new TreeSet<>();
    LocalDateTime accessed;
  }

  /** The results with {@code aggregates}, or null when some ids cannot be split back. */
  private List<CountResult> count(List<CountQuery> queries, String aggregates) {
    int width = 0;
    for (CountQuery q : queries) {
      width = Math.max(width, q.groupBy().size());
    }
    List<EventWhere> wheres = new ArrayList<>(queries.size());
    StringBuilder sql = new StringBuilder();
    for (int i = 0; i < queries.size(); i++) {
      CountQuery query = queries.get(i);
      EventWhere where = new EventWhere(query.filter(), true);
      wheres.add(where);
      List<String> keys = new ArrayList<>();
      List<String> selected = new ArrayList<>();
      for (Dimension d : query.groupBy()) {
        keys.add(expression(d));
        selected.add("CAST(" + expression(d) + " AS VARCHAR)");
      }
      while (selected.size() < width) {
        selected.add("CAST(NULL AS VARCHAR)");
      }
      String by = keys.isEmpty() ? FILE_COLUMNS : String.join(", ", keys) + ", " + FILE_COLUMNS;
      if (i > 0) {
        sql.append(" UNION ALL ");
      }
      sql.append("SELECT ").append(i).append(" AS query_index");
      for (String k : selected) {
        sql.append(", ").append(k);
      }
      sql.append(", ")
          .append(FILE_COLUMNS)
          .append(", ")
          .append(aggregates)
          .append(" FROM events")
          .append(where.sql)
          .append(" GROUP BY ")
          .append(by);
    }
    int w = width;
    boolean listed = aggregates.equals(LISTED_AGGREGATES);
    try {
      return connection.query(
          sql.toString(),
          p -> {
            int next = 1;
            for (EventWhere where : wheres) {
              next = where.bind(p, next);
            }
            List<Map<List<String>, Group>> groups = new ArrayList<>(queries.size());
            for (int i = 0; i < queries.size(); i++) {
              groups.add(new HashMap<>());
            }
            try (ResultSet rs = p.executeQuery()) {
              while (rs.next()) {
                int i = rs.getInt(1);
                int n = queries.get(i).groupBy().size();
                List<String> key = new ArrayList<>(n);
                for (int k = 0; k < n; k++) {
                  key.add(rs.getString(2 + k));
                }
                Group g = groups.get(i).computeIfAbsent(key, k -> new Group());
                int c = w + 2;
                long events = rs.getLong(c + 3);
                g.events += events;
                g.fatalities += rs.getLong(c + 4);
                if (listed) {
                  g.ids.addAll(Appending.stringList(rs.getArray(c + 5)));
                } else {
                  PackedIds.splitIds(rs.getBytes(c + 5), events, g.ids);
                }
                g.files.add(
                    rs.getString(c)
                        + "\u001f"
                        + rs.getString(c + 1)
                        + "\u001f"
                        + rs.getString(c + 2));
                LocalDateTime accessed =
                    rs.getObject(c + 6) == null ? null : rs.getObject(c + 6, LocalDateTime.class);
                if (accessed != null && (g.accessed == null || accessed.isAfter(g.accessed))) {
                  g.accessed = accessed;
                }
              }
            } catch (PackedIds.UnsplittableIds e) {
              return null;
            }
            List<CountResult> results = new ArrayList<>(queries.size());
            for (int i = 0; i < queries.size(); i++) {
              results.add(result(queries.get(i), groups.get(i)));
            }
            return results;
          });
    } catch (SQLException e) {
      throw failure("count", e);
    }
  }

  /** The result of {@code query} from its merged groups. */
  private static CountResult result(CountQuery query, Map<List<String>, Group> groups) {
    List<CountRow> rows = new ArrayList<>(groups.size());
    groups.forEach((key, g) -> rows.add(row(key, g)));
    if (query.groupBy().isEmpty()) {
      CountRow all = rows.isEmpty() ? null : rows.get(0);
      List<SourceRef> sources = all == null ? new ArrayList<>() : new ArrayList<>(all.sources());
      sources.sort(CountResult.SOURCE_ORDER);
      return new CountResult(
          query,
          List.of(),
          all == null ? 0 : all.events(),
          all == null ? 0 : all.fatalities(),
          all == null ? List.of() : all.eventIds(),
          sources,
          all == null ? null : all.accessed());
    }
    rows.sort(CountResult.GROUP_ORDER);
    return CountResult.ofGroups(query, rows, rows);
  }

  private static CountRow row(List<String> key, Group g) {
    String[] ids = g.ids.toArray(new String[0]);
    CountResult.sortIds(ids);
    return new CountRow(
        key,
        g.events,
        g.fatalities,
        Arrays.asList(ids),
        sourceRefs(new ArrayList<>(g.files)),
        g.accessed == null ? null : g.accessed.toLocalDate());
  }

  private static List<SourceRef> sourceRefs(List<String> packed) {
    List<SourceRef> out = new ArrayList<>();
    for (String s : new TreeSet<>(packed)) {
      String[] p = s.split("\u001f", -1);
      out.add(new SourceRef(p[0], p[1], p[2]));
    }
    return out;
  }

  @Override
  public List<NameCount> listActorNames(EventFilter filter) {
    EventWhere where = new EventWhere(filter, true);
    String sql =
        "WITH f AS (SELECT id, actor1, actor2, assoc_actor_1, assoc_actor_2 FROM events"
            + where.sql
            + "), n AS (SELECT id, actor1 AS name FROM f UNION ALL SELECT id, actor2 FROM f"
            + " UNION ALL SELECT id, unnest(assoc_actor_1) FROM f UNION ALL SELECT id,"
            + " unnest(assoc_actor_2) FROM f) SELECT name, count(DISTINCT id) FROM n WHERE name"
            + " IS NOT NULL GROUP BY name ORDER BY 2 DESC, 1";
    try {
      return connection.query(
          sql,
          p -> {
            where.bind(p);
            List<NameCount> out = new ArrayList<>();
            try (ResultSet rs = p.executeQuery()) {
              while (rs.next()) {
                out.add(new NameCount(rs.getString(1), rs.getLong(2)));
              }
            }
            return out;
          });
    } catch (SQLException e) {
      throw failure("actor listing", e);
    }
  }

  @Override
  public List<EventPoint> listEventPoints(EventFilter filter, boolean withNotes) {
    return readPoints(new EventWhere(filter, true), withNotes);
  }

  @Override
  public List<EventPoint> listEventPointsInBoxes(
      EventFilter filter, List<EventFilter.Box> boxes, boolean withNotes) {
    if (boxes.isEmpty()) {
      return List.of();
    }
    EventWhere where = new EventWhere(filter, true);
    where.anyBox(boxes);
    return readPoints(where, withNotes);
  }

  @Override
  public List<SourceRef> listSources(EventFilter filter) {
    EventWhere where = new EventWhere(filter, true);
    // A file's first event is the least (date, id) pair, as points come and groups take it.
    String sql =
        "SELECT source, dataset, file_sha256 FROM events"
            + where.sql
            + " AND latitude IS NOT NULL GROUP BY ALL"
            + " ORDER BY min({'d': event_date, 'i': id})";
    try {
      return connection.query(
          sql,
          p -> {
            where.bind(p);
            List<SourceRef> out = new ArrayList<>();
            Map<String, SourceRef> files = new HashMap<>();
            try (ResultSet rs = p.executeQuery()) {
              while (rs.next()) {
                out.add(EventRows.file(files, rs.getString(1), rs.getString(2), rs.getString(3)));
              }
            }
            return out;
          });
    } catch (SQLException e) {
      throw failure("event files", e);
    }
  }

  private List<EventPoint> readPoints(EventWhere where, boolean withNotes) {
    // Actor names come joined by the unit separator (one string instead of two strings and two
    // arrays per row); file references and access days repeat, so one object each serves all.
    // Days come as numbers of days since 1970-01-01: the driver's dates pass through
    // java.sql.Date and the default time zone, several times the cost of the rest of a point.
    String sql =
        "SELECT id, event_date - DATE '1970-01-01', event_type, latitude, longitude, "
            + EventRows.ACTOR_NAMES
            + ", fatalities_best, location, source,"
            + " dataset, file_sha256, CAST(ingested_at AS DATE) - DATE '1970-01-01',"
            + " sub_event_type, "
            + (withNotes ? "notes" : "NULL")
            + " FROM events"
            + where.sql
            + " AND latitude IS NOT NULL ORDER BY event_date, id";
    try {
      return connection.query(sql, p -> points(p, where));
    } catch (SQLException e) {
      throw failure("event points", e);
    }
  }

  private static List<EventPoint> points(PreparedStatement p, EventWhere where)
      throws SQLException {
    List<EventPoint> out = new ArrayList<>();
    Map<String, SourceRef> files = new HashMap<>();
    Map<String, EventType> types = new HashMap<>();
    Map<Long, LocalDate> days = new HashMap<>();
    where.bind(p);
    try (ResultSet rs = p.executeQuery()) {
      while (rs.next()) {
        List<String> names = EventRows.actorNames(rs.getString(6));
        SourceRef file = EventRows.file(files, rs.getString(9), rs.getString(10), rs.getString(11));
        EventType type = EventRows.type(types, rs.getString(3));
        LocalDate accessed = days.computeIfAbsent(rs.getLong(12), LocalDate::ofEpochDay);
        out.add(
            new EventPoint(
                rs.getString(1),
                days.computeIfAbsent(rs.getLong(2), LocalDate::ofEpochDay),
                type,
                rs.getString(13),
                rs.getDouble(4),
                rs.getDouble(5),
                names,
                rs.getLong(7),
                rs.getString(8),
                rs.getString(14),
                file,
                accessed));
      }
    }
    return out;
  }

  @Override
  public List<PointGroup> listPointGroups(EventFilter filter) {
    return grouped(
        "event point groups",
        () -> DuckDbGroups.pointGroups(connection, filter),
        () -> AnalyticsEngine.super.listPointGroups(filter));
  }

  @Override
  public List<DayGroup> listDayGroups(EventFilter filter) {
    return grouped(
        "event day groups",
        () -> DuckDbGroups.dayGroups(connection, filter),
        () -> AnalyticsEngine.super.listDayGroups(filter));
  }

  /** A query of {@link DuckDbGroups}, null when an id holds the unit separator. */
  @FunctionalInterface
  private interface GroupQuery<G> {
    List<G> run() throws SQLException;
  }

  /**
   * The groups {@code query} gives, or when an id holds the unit separator those {@code fromPoints}
   * makes of the points.
   */
  private static <G> List<G> grouped(
      String what, GroupQuery<G> query, java.util.function.Supplier<List<G>> fromPoints) {
    try {
      List<G> groups = query.run();
      return groups != null ? groups : fromPoints.get();
    } catch (SQLException e) {
      throw failure(what, e);
    }
  }

  @Override
  public Coverage coverage(EventFilter filter) {
    EventWhere where = new EventWhere(filter, false);
    try {
      return connection.query(
          "SELECT min(event_date), max(event_date), count(*), max(ingested_at) FROM events"
              + where.sql,
          p -> {
            where.bind(p);
            try (ResultSet rs = p.executeQuery()) {
              rs.next();
              Timestamp accessed = rs.getTimestamp(4);
              return new Coverage(
                  rs.getObject(1, LocalDate.class),
                  rs.getObject(2, LocalDate.class),
                  rs.getLong(3),
                  accessed == null ? null : rs.getObject(4, LocalDateTime.class).toLocalDate());
            }
          });
    } catch (SQLException e) {
      throw failure("coverage", e);
    }
  }

  /** The column a listing is ordered by. */
  private static String column(EventListing.Sort.Field field) {
    return switch (field) {
      case DATE -> "event_date";
      case FATALITIES -> "fatalities_best";
      case ID -> "id";
      case COUNTRY -> "country_iso3";
      case ADMIN1 -> "admin1";
      case EVENT_TYPE -> "event_type";
    };
  }

  /**
   * One statement, so that page and total see the same store: the total of the filtered events, the
   * page's row ids (a top-N over the sort key and id only), and the page's rows fetched by row id.
   * Sorting row ids rather than whole rows is what keeps a page fast on millions of events: with
   * bound parameters in the WHERE clause DuckDB would otherwise read every column of every row
   * selected. Limit and offset are written into the SQL (validated numbers) so that the planner
   * sees them. The page's rows are looked up among the filtered events only (the same WHERE):
   * joined with the whole table, every column of every event would be read. An empty page still
   * gives one row, with the total.
   */
  @Override
  public EventPage listEvents(EventListing listing) {
    EventWhere where = new EventWhere(listing.filter(), true);
    EventListing.Sort sort = listing.sort();
    String order =
        column(sort.field())
            + (sort.direction() == EventListing.Sort.Direction.DESCENDING ? " DESC" : " ASC")
            + " NULLS LAST";
    String sql =
        "SELECT t.listing_total, e.* FROM (SELECT count(*) AS listing_total FROM events"
            + where.sql
            + ") t LEFT JOIN (SELECT rowid AS page_row FROM events"
            + where.sql
            + " ORDER BY "
            + order
            + ", id LIMIT "
            + listing.limit()
            + " OFFSET "
            + listing.offset()
            + ") p ON TRUE LEFT JOIN (SELECT rowid AS event_row, * FROM events"
            + where.sql
            + ") e ON e.event_row = p.page_row ORDER BY e."
            + order
            + ", e.id";
    try {
      return connection.query(
          sql,
          p -> {
            where.bind(p, where.bind(p, where.bind(p, 1)));
            try (ResultSet rs = p.executeQuery()) {
              long total = 0;
              List<Event> events = new ArrayList<>();
              while (rs.next()) {
                total = rs.getLong(1);
                if (rs.getString("id") != null) {
                  events.add(EventTables.toEvent(rs));
                }
              }
              return new EventPage(events, total);
            }
          });
    } catch (SQLException e) {
      throw failure("event listing", e);
    }
  }

  private static HarmattanException failure(String what, SQLException e) {
    return new HarmattanException(
        ErrorCategory.INTERNAL,
        ProblemCode.QUERY_FAILURE,
        what + " query failed: " + e.getMessage(),
        e);
  }
}
