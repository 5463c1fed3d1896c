package org.harmattan.engine.duckdb;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.harmattan.domain.error.ErrorCategory;
import org.harmattan.domain.error.HarmattanException;
import org.harmattan.domain.event.Event;
import org.harmattan.domain.event.EventType;
import org.harmattan.domain.event.SourceSystem;
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

  /** A WHERE clause and its parameters. */
  private static final class Where {
    final StringBuilder sql = new StringBuilder(" WHERE TRUE");
    final List<Object> params = new ArrayList<>();

    Where(EventFilter f, boolean withPeriod) {
      if (f.countryIso3() != null) {
        sql.append(" AND country_iso3 = ?");
        params.add(f.countryIso3());
      }
      if (withPeriod) {
        sql.append(" AND event_date BETWEEN ? AND ?");
        params.add(f.period().from());
        params.add(f.period().to());
      }
      in("source", f.sources().stream().map(SourceSystem::name).toList());
      if (f.eventTypes() != null) {
        if (f.eventTypes().isEmpty()) {
          sql.append(" AND FALSE");
        } else {
          in("event_type", f.eventTypes().stream().map(EventType::label).toList());
        }
      }
      in("admin1", f.admin1());
      in("actor1", f.actor1Names());
      in("inter1", f.inter1());
      if (!f.anyActorNames().isEmpty()) {
        String list = placeholders(f.anyActorNames().size());
        sql.append(" AND (actor1 IN (")
            .append(list)
            .append(") OR actor2 IN (")
            .append(list)
            .append(") OR list_has_any(assoc_actor_1, [")
            .append(list)
            .append("]) OR list_has_any(assoc_actor_2, [")
            .append(list)
            .append("]))");
        List<String> names = new ArrayList<>(new TreeSet<>(f.anyActorNames()));
        for (int i = 0; i < 4; i++) {
          params.addAll(names);
        }
      }
      if (f.civilianTargeting() != null) {
        sql.append(" AND civilian_targeting = ?");
        params.add(f.civilianTargeting());
      }
      if (f.near() != null) {
        // The box holding the circle first: comparisons cost far less than the distance.
        sql.append(" AND ").append(box(f.near().bounds()));
        sql.append(
            " AND 2 * 6371.0088 * asin(sqrt(pow(sin(radians(latitude - ?) / 2), 2)"
                + " + cos(radians(?)) * cos(radians(latitude))"
                + " * pow(sin(radians(longitude - ?) / 2), 2))) <= ?");
        params.add(f.near().latitude());
        params.add(f.near().latitude());
        params.add(f.near().longitude());
        params.add(f.near().km());
      }
      in("sub_event_type", f.subEventTypes());
      if (f.bbox() != null) {
        sql.append(" AND ").append(box(f.bbox()));
      }
      if (f.minFatalities() != null) {
        sql.append(" AND fatalities_best >= ?");
        params.add(f.minFatalities());
      }
      if (f.maxFatalities() != null) {
        sql.append(" AND fatalities_best <= ?");
        params.add(f.maxFatalities());
      }
    }

    /** Keeps the events inside at least one of the boxes (a missing point is in none). */
    void anyBox(List<EventFilter.Box> boxes) {
      List<String> each = new ArrayList<>(boxes.size());
      for (EventFilter.Box b : boxes) {
        each.add(box(b));
      }
      sql.append(" AND (").append(String.join(" OR ", each)).append(")");
    }

    /**
     * The condition that a point lies in the box, edges included, its bounds added to the
     * parameters. A missing point compares as NULL: never in a box.
     */
    private String box(EventFilter.Box b) {
      params.add(b.south());
      params.add(b.north());
      params.add(b.west());
      params.add(b.east());
      return "latitude BETWEEN ? AND ? AND longitude BETWEEN ? AND ?";
    }

    private void in(String column, Collection<?> values) {
      if (values.isEmpty()) {
        return;
      }
      sql.append(" AND ").append(column).append(" IN (").append(placeholders(values.size()));
      sql.append(")");
      params.addAll(values);
    }

    private static String placeholders(int n) {
      return String.join(", ", java.util.Collections.nCopies(n, "?"));
    }

    void bind(PreparedStatement p) throws SQLException {
      bind(p, 1);
    }

    /** Binds the parameters from position {@code first} on; returns the next free position. */
    int bind(PreparedStatement p, int first) throws SQLException {
      for (int i = 0; i < params.size(); i++) {
        Object v = params.get(i);
        if (v instanceof LocalDate d) {
          p.setObject(first + i, d);
        } else {
          p.setObject(first + i, v);
        }
      }
      return first + params.size();
    }
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
   * of a distinct-list aggregate of the files. The ids come as one string joined by the unit
   * separator, unsorted: fetching one string per group and sorting in Java is several times cheaper
   * than a sorted list aggregate fetched as an array. An id holding the separator (nothing forbids
   * it in a source file) would split wrongly; the count of the parts then differs from the group's
   * count and the query runs again with {@link #LISTED_AGGREGATES}.
   */
  private static final String AGGREGATES =
      "count(*), coalesce(sum(fatalities_best), 0), string_agg(id, chr(31)), max(ingested_at)";

  /** As {@link #AGGREGATES}, with the ids as a list. */
  private static final String LISTED_AGGREGATES =
      "count(*), coalesce(sum(fatalities_best), 0), list(id), max(ingested_at)";

  /** The file columns a count groups by, after the dimensions. */
  private static final String FILE_COLUMNS = "source, dataset, file_sha256";

  /** Ids that the unit separator cannot split back, found while reading a packed result. */
  private static final class UnsplittableIds extends Exception {
    private static final long serialVersionUID = 1L;

    UnsplittableIds() {
      super(null, null, false, false);
    }
  }

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
    List<Where> wheres = new ArrayList<>(queries.size());
    StringBuilder sql = new StringBuilder();
    for (int i = 0; i < queries.size(); i++) {
      CountQuery query = queries.get(i);
      Where where = new Where(query.filter(), true);
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
    try {
      return connection.query(
          sql.toString(),
          p -> {
            int next = 1;
            for (Where where : wheres) {
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
                Object ids = rs.getObject(c + 5);
                if (ids instanceof java.sql.Array listed) {
                  g.ids.addAll(Appending.stringList(listed));
                } else {
                  splitIds((String) ids, events, g.ids);
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
            } catch (UnsplittableIds e) {
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

  /** Adds the ids packed by {@link #AGGREGATES} to {@code out}, unsorted. */
  private static void splitIds(String packed, long events, List<String> out)
      throws UnsplittableIds {
    if (packed == null) {
      if (events != 0) {
        throw new UnsplittableIds();
      }
      return;
    }
    int count = 0;
    int start = 0;
    while (true) {
      int end = packed.indexOf('\u001f', start);
      if (count == events) {
        throw new UnsplittableIds();
      }
      out.add(end < 0 ? packed.substring(start) : packed.substring(start, end));
      count++;
      if (end < 0) {
        break;
      }
      start = end + 1;
    }
    if (count != events) {
      throw new UnsplittableIds();
    }
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
    Where where = new Where(filter, true);
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

  /**
   * Every raw actor name of an event (actor 1, actor 2, the associated of each) joined by the unit
   * separator: one string instead of two strings and two arrays per row.
   */
  private static final String ACTOR_NAMES =
      "concat_ws(chr(31), actor1, actor2, array_to_string(assoc_actor_1, chr(31)),"
          + " array_to_string(assoc_actor_2, chr(31)))";

  @Override
  public List<EventPoint> listEventPoints(EventFilter filter, boolean withNotes) {
    return readPoints(new Where(filter, true), withNotes);
  }

  @Override
  public List<EventPoint> listEventPointsInBoxes(
      EventFilter filter, List<EventFilter.Box> boxes, boolean withNotes) {
    if (boxes.isEmpty()) {
      return List.of();
    }
    Where where = new Where(filter, true);
    where.anyBox(boxes);
    return readPoints(where, withNotes);
  }

  @Override
  public List<SourceRef> listSources(EventFilter filter) {
    Where where = new Where(filter, true);
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
                out.add(file(files, rs.getString(1), rs.getString(2), rs.getString(3)));
              }
            }
            return out;
          });
    } catch (SQLException e) {
      throw failure("event files", e);
    }
  }

  private List<EventPoint> readPoints(Where where, boolean withNotes) {
    // Actor names come joined by the unit separator (one string instead of two strings and two
    // arrays per row); file references and access days repeat, so one object each serves all.
    // Days come as numbers of days since 1970-01-01: the driver's dates pass through
    // java.sql.Date and the default time zone, several times the cost of the rest of a point.
    String sql =
        "SELECT id, event_date - DATE '1970-01-01', event_type, latitude, longitude, "
            + ACTOR_NAMES
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

  @Override
  public List<PointGroup> listPointGroups(EventFilter filter) {
    Where where = new Where(filter, true);
    // One row per group of the actor columns: its ids as one string joined by the unit separator,
    // in no order (sorting them in Java takes less than half of what ordering them in string_agg
    // adds), its first event by date, then id. Groups of the same names from other columns are
    // joined in Java (PointGroup.merge), which costs less than a second aggregation in DuckDB.
    String sql =
        "SELECT latitude, longitude, month, names, source, dataset, file_sha256, accessed, n, ids,"
            + " f.d - DATE '1970-01-01', f.i FROM"
            + byActorColumns(
                "latitude, longitude, month, source, dataset, file_sha256, accessed",
                "count(*) AS n, string_agg(id, chr(31)) AS ids,"
                    + " min({'d': event_date, 'i': id}) AS f",
                "year(event_date) * 12 + month(event_date) - 1 AS month",
                where);
    try {
      List<PointGroup> groups = connection.query(sql, p -> groups(p, where));
      if (groups == null) {
        // An id holding the unit separator: grouped from the points instead.
        return AnalyticsEngine.super.listPointGroups(filter);
      }
      return groups;
    } catch (SQLException e) {
      throw failure("event point groups", e);
    }
  }

  @Override
  public List<DayGroup> listDayGroups(EventFilter filter) {
    Where where = new Where(filter, true);
    // One row per group of the actor columns, its ids as one string joined by the unit separator
    // (in no order, sorted in Java) and its least id; the rows are joined by names (DayGroup.merge)
    // and ordered by their first events in Java.
    String sql =
        "SELECT latitude, longitude, event_date - DATE '1970-01-01', event_type, sub_event_type,"
            + " names, location, dead, source, dataset, file_sha256, accessed, n, ids, f FROM"
            + byActorColumns(
                "latitude, longitude, event_date, event_type, sub_event_type, location, source,"
                    + " dataset, file_sha256, accessed",
                "count(*) AS n, sum(fatalities_best) AS dead,"
                    + " string_agg(id, chr(31)) AS ids, min(id) AS f",
                "event_type, sub_event_type, fatalities_best, location",
                where);
    try {
      List<DayGroup> groups = connection.query(sql, p -> dayGroups(p, where));
      if (groups == null) {
        // An id holding the unit separator: grouped from the points instead.
        return AnalyticsEngine.super.listDayGroups(filter);
      }
      return groups;
    } catch (SQLException e) {
      throw failure("event day groups", e);
    }
  }

  /**
   * The located events of {@code where} grouped by {@code keys} and their four actor columns, as a
   * subquery: the keys, the actor names joined as {@link #ACTOR_NAMES} does (made once per group,
   * not per event) and {@code aggregates}. Groups of the same names from different columns (a name
   * as actor 2 or as an associated actor) come apart here; the caller groups them again by names.
   *
   * @param extra the columns of each event besides id, date, point, actors, file and day of reading
   *     that the keys or aggregates use
   */
  private static String byActorColumns(String keys, String aggregates, String extra, Where where) {
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
  private static List<DayGroup> dayGroups(PreparedStatement p, Where where) throws SQLException {
    List<DayGroup> out = new ArrayList<>();
    Map<String, SourceRef> files = new HashMap<>();
    Map<String, EventType> types = new HashMap<>();
    where.bind(p);
    try (ResultSet rs = p.executeQuery()) {
      while (rs.next()) {
        long events = rs.getLong(13);
        List<String> ids = new ArrayList<>((int) events);
        try {
          splitIds(rs.getString(14), events, ids);
        } catch (UnsplittableIds e) {
          return null;
        }
        ids.sort(null);
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
                ids,
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
  private static List<PointGroup> groups(PreparedStatement p, Where where) throws SQLException {
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
        long events = rs.getLong(9);
        List<String> ids = new ArrayList<>((int) events);
        try {
          splitIds(rs.getString(10), events, ids);
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
    sortEach(rows.stream().map(Row::ids).toList());
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
              r.ids(),
              PointGroup.firstKey(LocalDate.ofEpochDay(r.firstDay()), r.firstId())));
    }
    // Names joined from other columns may differ as text and still be the same names.
    return PointGroup.merge(out);
  }

  /** Sorts each list of ids, the lists side by side on the common pool. */
  private static void sortEach(List<List<String>> lists) {
    lists.parallelStream().forEach(l -> l.sort(null));
  }

  /** The event type of a stored label, one lookup per label in {@code types}. */
  private static EventType type(Map<String, EventType> types, String label) throws SQLException {
    EventType type = types.get(label);
    if (type == null) {
      type =
          EventType.findByLabel(label)
              .orElseThrow(() -> new SQLException("unknown event type in store: " + label));
      types.put(label, type);
    }
    return type;
  }

  /** The actor names of a point or group, joined by the unit separator ({@link #ACTOR_NAMES}). */
  private static List<String> actorNames(String joined) {
    List<String> names = new ArrayList<>(4);
    if (joined != null) {
      for (String n : joined.split("\u001f", -1)) {
        if (!n.isEmpty()) {
          names.add(n);
        }
      }
    }
    return names;
  }

  /**
   * The reference of a row's file, one object per file in {@code files}. One file's bytes may have
   * been read under two names (a copy): the reference is reused only when system and name match
   * too.
   */
  private static SourceRef file(
      Map<String, SourceRef> files, String system, String dataset, String sha) {
    SourceRef file = files.get(sha);
    if (file == null || !file.dataset().equals(dataset) || !file.system().equals(system)) {
      file = new SourceRef(system, dataset, sha);
      files.put(sha, file);
    }
    return file;
  }

  private static List<EventPoint> points(PreparedStatement p, Where where) throws SQLException {
    List<EventPoint> out = new ArrayList<>();
    Map<String, SourceRef> files = new HashMap<>();
    Map<String, EventType> types = new HashMap<>();
    Map<Long, LocalDate> days = new HashMap<>();
    where.bind(p);
    try (ResultSet rs = p.executeQuery()) {
      while (rs.next()) {
        List<String> names = actorNames(rs.getString(6));
        SourceRef file = file(files, rs.getString(9), rs.getString(10), rs.getString(11));
        EventType type = type(types, rs.getString(3));
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
  public Coverage coverage(EventFilter filter) {
    Where where = new Where(filter, false);
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
    Where where = new Where(listing.filter(), true);
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
