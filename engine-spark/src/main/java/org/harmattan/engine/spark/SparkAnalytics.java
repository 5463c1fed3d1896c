package org.harmattan.engine.spark;

import static org.apache.spark.sql.functions.asin;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.collect_set;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.cos;
import static org.apache.spark.sql.functions.count_distinct;
import static org.apache.spark.sql.functions.date_format;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.pow;
import static org.apache.spark.sql.functions.radians;
import static org.apache.spark.sql.functions.sin;
import static org.apache.spark.sql.functions.sqrt;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.to_date;
import static org.apache.spark.sql.functions.trunc;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Predicate;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.harmattan.domain.error.ErrorCategory;
import org.harmattan.domain.error.HarmattanException;
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
import org.harmattan.engine.spark.EventRows.Partition;

/**
 * The analytics port on Spark: each query is one Spark job over the event partitions its filter can
 * select (the country's, the years of the window), the filter a column expression (no code of this
 * project runs on the executors). Orders that depend on string comparison are settled in the
 * driver, in code-point order ({@link CountResult#ID_ORDER}), as every engine gives them.
 */
final class SparkAnalytics implements AnalyticsEngine {
  /** The earth's mean radius in kilometres, as every engine measures distances. */
  private static final double EARTH_KM = 6371.0088;

  private final Warehouse warehouse;

  SparkAnalytics(Warehouse warehouse) {
    this.warehouse = warehouse;
  }

  /** The events of the partitions the filter can select, filtered. */
  private Dataset<Row> events(EventFilter f, boolean withPeriod) {
    Predicate<Partition> keep =
        p ->
            (f.countryIso3() == null || p.country().equals(f.countryIso3()))
                && (!withPeriod
                    || (p.year() >= f.period().from().getYear()
                        && p.year() <= f.period().to().getYear()));
    return warehouse.readEvents(keep).filter(condition(f, withPeriod));
  }

  /** The filter as a column expression. */
  static Column condition(EventFilter f, boolean withPeriod) {
    Column c = lit(true);
    if (f.countryIso3() != null) {
      c = c.and(col("country_iso3").equalTo(f.countryIso3()));
    }
    if (withPeriod) {
      c = c.and(col("event_date").between(f.period().from(), f.period().to()));
    }
    if (!f.sources().isEmpty()) {
      c = c.and(col("source").isin(f.sources().stream().map(SourceSystem::name).toArray()));
    }
    if (f.eventTypes() != null) {
      c =
          f.eventTypes().isEmpty()
              ? lit(false)
              : c.and(
                  col("event_type").isin(f.eventTypes().stream().map(EventType::label).toArray()));
    }
    if (!f.admin1().isEmpty()) {
      c = c.and(col("admin1").isin(f.admin1().toArray()));
    }
    if (!f.actor1Names().isEmpty()) {
      c = c.and(col("actor1").isin(f.actor1Names().toArray()));
    }
    if (!f.inter1().isEmpty()) {
      c = c.and(col("inter1").isin(f.inter1().toArray()));
    }
    if (!f.anyActorNames().isEmpty()) {
      Object[] names = new TreeSet<>(f.anyActorNames()).toArray();
      Column any = col("actor1").isin(names).or(col("actor2").isin(names));
      for (Object n : names) {
        any =
            any.or(org.apache.spark.sql.functions.array_contains(col("assoc_actor_1"), n))
                .or(org.apache.spark.sql.functions.array_contains(col("assoc_actor_2"), n));
      }
      c = c.and(coalesce(any, lit(false)));
    }
    if (f.civilianTargeting() != null) {
      c = c.and(col("civilian_targeting").equalTo(f.civilianTargeting()));
    }
    if (f.near() != null) {
      double lat = f.near().latitude();
      double lon = f.near().longitude();
      Column h =
          pow(sin(radians(col("latitude").minus(lat)).divide(2)), 2)
              .plus(
                  cos(radians(lit(lat)))
                      .multiply(cos(radians(col("latitude"))))
                      .multiply(pow(sin(radians(col("longitude").minus(lon)).divide(2)), 2)));
      c = c.and(coalesce(asin(sqrt(h)).multiply(2 * EARTH_KM).leq(f.near().km()), lit(false)));
    }
    if (!f.subEventTypes().isEmpty()) {
      c = c.and(col("sub_event_type").isin(f.subEventTypes().toArray()));
    }
    if (f.bbox() != null) {
      c = c.and(coalesce(inBox(f.bbox()), lit(false)));
    }
    if (f.minFatalities() != null) {
      c = c.and(col("fatalities_best").geq(f.minFatalities()));
    }
    if (f.maxFatalities() != null) {
      c = c.and(col("fatalities_best").leq(f.maxFatalities()));
    }
    // A comparison with a missing value is unknown, and an unknown condition selects nothing.
    return coalesce(c, lit(false));
  }

  /** Whether an event's point lies in the box, edges included (unknown without a point). */
  private static Column inBox(EventFilter.Box b) {
    return col("latitude")
        .between(b.south(), b.north())
        .and(col("longitude").between(b.west(), b.east()));
  }

  private static Column key(Dimension d) {
    return switch (d) {
      case EVENT_TYPE -> col("event_type");
      case SUB_EVENT_TYPE -> col("sub_event_type");
      case ADMIN1 -> col("admin1");
      case ACTOR1 -> col("actor1");
      case ACTOR2 -> col("actor2");
      case INTER1 -> col("inter1").cast("string");
      case MONTH -> date_format(trunc(col("event_date"), "month"), "yyyy-MM-dd");
      case DAY -> date_format(col("event_date"), "yyyy-MM-dd");
      case SOURCE -> col("source");
    };
  }

  /** What every count selects per group (or for the whole selection): see {@link #row}. */
  private static Column[] aggregates() {
    return new Column[] {
      functions.count(lit(1)).as("n"),
      coalesce(sum(col("fatalities_best")), lit(0L)).cast("long").as("deaths"),
      collect_list(col("id")).as("ids"),
      collect_set(concat_ws("\u001f", col("source"), col("dataset"), col("file_sha256")))
          .as("files"),
      max(col("ingested_at")).as("accessed")
    };
  }

  @Override
  public CountResult count(CountQuery query) {
    try {
      Dataset<Row> selected = events(query.filter(), true);
      Column[] agg = aggregates();
      int n = query.groupBy().size();
      if (n == 0) {
        Row all = selected.agg(agg[0], java.util.Arrays.copyOfRange(agg, 1, agg.length)).first();
        CountRow total = row(all, List.of(), 0);
        List<SourceRef> sources = new ArrayList<>(total.sources());
        sources.sort(CountResult.SOURCE_ORDER);
        return new CountResult(
            query,
            List.of(),
            total.events(),
            total.fatalities(),
            total.eventIds(),
            sources,
            total.accessed());
      }
      Column[] keys = new Column[n];
      for (int i = 0; i < n; i++) {
        keys[i] = key(query.groupBy().get(i)).as("k" + i);
      }
      List<CountRow> rows = new ArrayList<>();
      for (Row r :
          selected
              .groupBy(keys)
              .agg(agg[0], java.util.Arrays.copyOfRange(agg, 1, agg.length))
              .collectAsList()) {
        List<String> key = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
          key.add(r.isNullAt(i) ? null : r.getString(i));
        }
        rows.add(row(r, key, n));
      }
      rows.sort(CountResult.GROUP_ORDER);
      return CountResult.ofGroups(query, rows, rows);
    } catch (RuntimeException e) {
      throw failure("count", e);
    }
  }

  /** The aggregates after the first {@code n} columns as a group. */
  private static CountRow row(Row r, List<String> key, int n) {
    List<String> ids = new ArrayList<>(r.<String>getList(n + 2));
    CountResult.sortIds(ids);
    List<SourceRef> sources = new ArrayList<>();
    for (String s : new TreeSet<>(r.<String>getList(n + 3))) {
      String[] p = s.split("\u001f", -1);
      sources.add(new SourceRef(p[0], p[1], p[2]));
    }
    Instant accessed = r.isNullAt(n + 4) ? null : r.<Instant>getAs(n + 4);
    return new CountRow(
        key,
        r.getLong(n),
        r.getLong(n + 1),
        ids,
        sources,
        accessed == null ? null : LocalDate.ofInstant(accessed, ZoneOffset.UTC));
  }

  @Override
  public List<NameCount> listActorNames(EventFilter filter) {
    try {
      Dataset<Row> f = events(filter, true);
      Dataset<Row> names =
          f.select(col("id"), col("actor1").as("name"))
              .unionByName(f.select(col("id"), col("actor2").as("name")))
              .unionByName(f.select(col("id"), explode(col("assoc_actor_1")).as("name")))
              .unionByName(f.select(col("id"), explode(col("assoc_actor_2")).as("name")));
      List<NameCount> out = new ArrayList<>();
      for (Row r :
          names
              .filter(col("name").isNotNull())
              .groupBy("name")
              .agg(count_distinct(col("id")))
              .collectAsList()) {
        out.add(new NameCount(r.getString(0), r.getLong(1)));
      }
      out.sort(
          Comparator.comparingLong(NameCount::events)
              .reversed()
              .thenComparing(NameCount::name, CountResult.ID_ORDER));
      return out;
    } catch (RuntimeException e) {
      throw failure("actor listing", e);
    }
  }

  @Override
  public List<EventPoint> listEventPoints(EventFilter filter, boolean withNotes) {
    try {
      return points(events(filter, true), withNotes);
    } catch (RuntimeException e) {
      throw failure("event points", e);
    }
  }

  @Override
  public List<EventPoint> listEventPointsInBoxes(
      EventFilter filter, List<EventFilter.Box> boxes, boolean withNotes) {
    if (boxes.isEmpty()) {
      return List.of();
    }
    Column inAny = lit(false);
    for (EventFilter.Box b : boxes) {
      inAny = inAny.or(inBox(b));
    }
    try {
      return points(events(filter, true).filter(coalesce(inAny, lit(false))), withNotes);
    } catch (RuntimeException e) {
      throw failure("event points in boxes", e);
    }
  }

  /** The located events of {@code selected}, collected, by date and then id. */
  private static List<EventPoint> points(Dataset<Row> selected, boolean withNotes) {
    List<Row> rows =
        selected
            .filter(col("latitude").isNotNull())
            .select(
                col("id"),
                col("event_date"),
                col("event_type"),
                col("latitude"),
                col("longitude"),
                col("actor1"),
                col("actor2"),
                col("assoc_actor_1"),
                col("assoc_actor_2"),
                col("fatalities_best"),
                col("location"),
                col("source"),
                col("dataset"),
                col("file_sha256"),
                col("ingested_at"),
                col("sub_event_type"),
                withNotes ? col("notes") : lit(null).cast("string").as("notes"))
            .collectAsList();
    Map<String, SourceRef> files = new HashMap<>();
    List<EventPoint> out = new ArrayList<>(rows.size());
    for (Row r : rows) {
      out.add(
          new EventPoint(
              r.getString(0),
              r.getAs(1),
              type(r.getString(2)),
              r.isNullAt(15) ? null : r.getString(15),
              r.getDouble(3),
              r.getDouble(4),
              actorNames(r),
              r.getInt(9),
              r.isNullAt(10) ? null : r.getString(10),
              r.isNullAt(16) ? null : r.getString(16),
              file(files, r),
              LocalDate.ofInstant(r.<Instant>getAs(14), ZoneOffset.UTC)));
    }
    out.sort(
        Comparator.comparing(EventPoint::date).thenComparing(EventPoint::id, CountResult.ID_ORDER));
    return out;
  }

  @Override
  public List<SourceRef> listSources(EventFilter filter) {
    try {
      List<Row> rows =
          events(filter, true)
              .filter(col("latitude").isNotNull())
              .groupBy(col("source"), col("dataset"), col("file_sha256"))
              .agg(min(struct(col("event_date"), col("id"))).as("first"))
              .collectAsList();
      record First(SourceRef file, LocalDate date, String id) {}
      Map<String, SourceRef> files = new HashMap<>();
      List<First> firsts = new ArrayList<>(rows.size());
      for (Row r : rows) {
        Row first = r.getStruct(3);
        firsts.add(new First(file(files, r), first.getAs(0), first.getString(1)));
      }
      firsts.sort(Comparator.comparing(First::date).thenComparing(First::id, CountResult.ID_ORDER));
      return firsts.stream().map(First::file).toList();
    } catch (RuntimeException e) {
      throw failure("event files", e);
    }
  }

  /**
   * Groups by point, month, the four actor columns, file and day of reading in Spark, joined by
   * actor names in the driver ({@link PointGroup#merge}): the driver receives one row per group,
   * not one per event.
   */
  @Override
  public List<PointGroup> listPointGroups(EventFilter filter) {
    try {
      List<Row> rows =
          grouped(
                  filter,
                  List.of(trunc(col("event_date"), "month").as("month")),
                  collect_list(col("id")).as("ids"),
                  min(struct(col("event_date"), col("id"))).as("first"))
              .collectAsList();
      Map<String, SourceRef> files = new HashMap<>();
      List<PointGroup> parts = new ArrayList<>(rows.size());
      for (Row r : rows) {
        Row first = r.getStruct(r.fieldIndex("first"));
        parts.add(
            new PointGroup(
                r.getDouble(r.fieldIndex("latitude")),
                r.getDouble(r.fieldIndex("longitude")),
                YearMonth.from(r.<LocalDate>getAs("month")),
                actorNames(r),
                file(files, r),
                r.getAs("accessed"),
                sortedIds(r),
                PointGroup.firstKey(first.getAs(0), first.getString(1))));
      }
      return PointGroup.merge(parts);
    } catch (RuntimeException e) {
      throw failure("event point groups", e);
    }
  }

  /**
   * Groups by point, day, types, the four actor columns, place name, file and day of reading in
   * Spark, joined by actor names in the driver ({@link DayGroup#merge}).
   */
  @Override
  public List<DayGroup> listDayGroups(EventFilter filter) {
    try {
      List<Row> rows =
          grouped(
                  filter,
                  List.of(
                      col("event_date"), col("event_type"), col("sub_event_type"), col("location")),
                  collect_list(col("id")).as("ids"),
                  coalesce(sum(col("fatalities_best")), lit(0L)).cast("long").as("dead"),
                  min(col("id")).as("first"))
              .collectAsList();
      Map<String, SourceRef> files = new HashMap<>();
      List<DayGroup> parts = new ArrayList<>(rows.size());
      for (Row r : rows) {
        parts.add(
            new DayGroup(
                r.getDouble(r.fieldIndex("latitude")),
                r.getDouble(r.fieldIndex("longitude")),
                r.getAs("event_date"),
                type(r.getAs("event_type")),
                r.getAs("sub_event_type"),
                actorNames(r),
                r.getAs("location"),
                r.getLong(r.fieldIndex("dead")),
                file(files, r),
                r.getAs("accessed"),
                sortedIds(r),
                r.getAs("first")));
      }
      return DayGroup.merge(parts);
    } catch (RuntimeException e) {
      throw failure("event day groups", e);
    }
  }

  /**
   * The filter's located events grouped by point, the four actor columns, file, day of reading (in
   * UTC, the session's zone) and {@code moreKeys}, with {@code first} and {@code aggregates}.
   */
  private Dataset<Row> grouped(
      EventFilter filter, List<Column> moreKeys, Column first, Column... aggregates) {
    List<Column> keys = new ArrayList<>(moreKeys);
    keys.add(col("latitude"));
    keys.add(col("longitude"));
    keys.add(col("actor1"));
    keys.add(col("actor2"));
    keys.add(col("assoc_actor_1"));
    keys.add(col("assoc_actor_2"));
    keys.add(col("source"));
    keys.add(col("dataset"));
    keys.add(col("file_sha256"));
    keys.add(to_date(col("ingested_at")).as("accessed"));
    return events(filter, true)
        .filter(col("latitude").isNotNull())
        .groupBy(keys.toArray(Column[]::new))
        .agg(first, aggregates);
  }

  /** A group's ids, sorted in {@link String} order. */
  private static List<String> sortedIds(Row r) {
    List<String> ids = new ArrayList<>(r.<String>getList(r.fieldIndex("ids")));
    ids.sort(null);
    return ids;
  }

  /** Every actor name of a row: actor 1, actor 2, then the associated actors of each. */
  private static List<String> actorNames(Row r) {
    List<String> names = new ArrayList<>(4);
    for (String column : List.of("actor1", "actor2")) {
      int i = r.fieldIndex(column);
      if (!r.isNullAt(i)) {
        names.add(r.getString(i));
      }
    }
    names.addAll(EventRows.strings(r, "assoc_actor_1"));
    names.addAll(EventRows.strings(r, "assoc_actor_2"));
    return names;
  }

  /** The file of a row, one reference per file in {@code files}. */
  private static SourceRef file(Map<String, SourceRef> files, Row r) {
    String system = r.getAs("source");
    String dataset = r.getAs("dataset");
    String sha = r.getAs("file_sha256");
    SourceRef file = files.get(sha);
    if (file == null || !file.dataset().equals(dataset) || !file.system().equals(system)) {
      file = new SourceRef(system, dataset, sha);
      files.put(sha, file);
    }
    return file;
  }

  private static EventType type(String label) {
    return EventType.findByLabel(label)
        .orElseThrow(() -> new IllegalStateException("unknown event type: " + label));
  }

  @Override
  public Coverage coverage(EventFilter filter) {
    try {
      Row r =
          events(filter, false)
              .agg(
                  min("event_date"), max("event_date"), functions.count(lit(1)), max("ingested_at"))
              .first();
      Instant accessed = r.isNullAt(3) ? null : r.<Instant>getAs(3);
      return new Coverage(
          r.isNullAt(0) ? null : r.getAs(0),
          r.isNullAt(1) ? null : r.getAs(1),
          r.getLong(2),
          accessed == null ? null : LocalDate.ofInstant(accessed, ZoneOffset.UTC));
    } catch (RuntimeException e) {
      throw failure("coverage", e);
    }
  }

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

  @Override
  public EventPage listEvents(EventListing listing) {
    try {
      Dataset<Row> selected = events(listing.filter(), true).cache();
      try {
        long total = selected.count();
        EventListing.Sort sort = listing.sort();
        Column by = col(column(sort.field()));
        Column order =
            sort.direction() == EventListing.Sort.Direction.DESCENDING
                ? by.desc_nulls_last()
                : by.asc_nulls_last();
        List<org.harmattan.domain.event.Event> events = new ArrayList<>();
        for (Row r :
            selected
                .orderBy(order, col("id").asc())
                .offset((int) Math.min(Integer.MAX_VALUE, listing.offset()))
                .limit(listing.limit())
                .collectAsList()) {
          events.add(EventRows.toEvent(r));
        }
        return new EventPage(events, total);
      } finally {
        selected.unpersist();
      }
    } catch (RuntimeException e) {
      throw failure("event listing", e);
    }
  }

  private static HarmattanException failure(String what, RuntimeException e) {
    if (e instanceof HarmattanException h) {
      return h;
    }
    return new HarmattanException(
        ErrorCategory.INTERNAL,
        ProblemCode.QUERY_FAILURE,
        what + " query failed on Spark: " + e.getMessage(),
        e);
  }
}
