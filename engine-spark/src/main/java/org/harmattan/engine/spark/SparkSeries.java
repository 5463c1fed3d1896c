package org.harmattan.engine.spark;

import java.time.Instant;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.harmattan.domain.figure.SourceRef;
import org.harmattan.engine.query.CountResult;
import org.harmattan.engine.series.SeriesOutcome;
import org.harmattan.engine.series.SeriesPoint;
import org.harmattan.engine.series.SeriesVersions;
import org.harmattan.engine.series.SeriesWrite;
import org.harmattan.engine.write.FileRef;
import org.harmattan.engine.write.RejectedRow;

/**
 * One series file written to a Spark store, and the store's series read back. Series are small (a
 * country-month file holds tens of thousands of points): the stored points are read into the driver
 * at commit, the file's points ranked against them by {@link SeriesVersions}, and the table written
 * again whole.
 */
final class SparkSeries implements SeriesWrite {
  private final SparkStore store;
  private final FileRef file;
  private final Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
  private final Map<String, SeriesPoint> points = new LinkedHashMap<>();
  private final List<RejectedRow> rejected = new ArrayList<>();
  private boolean open = true;

  /** A stored point and the rank of the file it came from. */
  private record Ranked(SeriesPoint point, SeriesVersions.Rank rank) {}

  SparkSeries(SparkStore store, FileRef file) {
    this.store = store;
    this.file = file;
  }

  private static String key(SeriesPoint p) {
    return p.series() + "\u001f" + p.level() + "\u001f" + p.unitId() + "\u001f" + p.month();
  }

  @Override
  public void accepted(SeriesPoint point) {
    checkOpen();
    if (points.putIfAbsent(key(point), point) != null) {
      throw new IllegalArgumentException(
          "a second point for "
              + point.series()
              + "/"
              + point.level()
              + "/"
              + point.unitId()
              + "/"
              + point.month()
              + " in one write of "
              + file.path());
    }
  }

  @Override
  public void rejected(RejectedRow row) {
    checkOpen();
    rejected.add(row);
  }

  @Override
  public SeriesOutcome commit(String dataset, long rowsRead) {
    checkOpen();
    open = false;
    synchronized (store) {
      Map<String, Ranked> stored = new LinkedHashMap<>();
      for (Ranked r : read(store)) {
        stored.put(key(r.point()), r);
      }
      SeriesVersions.Rank rank =
          new SeriesVersions.Rank(
              SeriesVersions.reach(new ArrayList<>(points.values())), file.sha256());
      long inserted = 0;
      long updated = 0;
      long unchanged = 0;
      for (Map.Entry<String, SeriesPoint> e : points.entrySet()) {
        Ranked held = stored.get(e.getKey());
        SeriesPoint p = e.getValue();
        if (held == null) {
          stored.put(e.getKey(), new Ranked(p, rank));
          inserted++;
        } else if (SeriesVersions.replaces(held.rank(), rank)) {
          if (Double.compare(held.point().value(), p.value()) != 0) {
            updated++;
          } else {
            unchanged++;
          }
          stored.put(e.getKey(), new Ranked(p, rank));
        } else {
          unchanged++;
        }
      }
      List<Row> rows = new ArrayList<>(stored.size());
      for (Ranked r : stored.values()) {
        SeriesPoint p = r.point();
        rows.add(
            RowFactory.create(
                p.series(),
                p.level(),
                p.unitId(),
                p.unitName(),
                p.countryIso3(),
                p.month().toString(),
                p.value(),
                p.source().system(),
                p.source().dataset(),
                p.source().sha256(),
                p.line(),
                r.rank().reach() == null ? null : r.rank().reach().toString(),
                r.rank().sha256()));
      }
      store.commitSeries(
          file,
          dataset,
          rowsRead,
          rows,
          rejected,
          new long[] {inserted, updated, unchanged, 0, rejected.size()},
          now);
      return new SeriesOutcome(inserted, updated, unchanged, rejected.size());
    }
  }

  private static List<Ranked> read(SparkStore store) {
    List<Ranked> out = new ArrayList<>();
    for (Row r : store.rows(Tables.SERIES, Tables.SERIES_ROWS)) {
      String reach = r.getAs("rank_reach");
      out.add(
          new Ranked(
              new SeriesPoint(
                  r.getAs("series"),
                  r.getAs("level"),
                  r.getAs("unit_id"),
                  r.getAs("unit_name"),
                  r.getAs("country_iso3"),
                  YearMonth.parse(r.<String>getAs("month")),
                  r.<Double>getAs("value"),
                  new SourceRef(r.getAs("system"), r.getAs("dataset"), r.getAs("sha256")),
                  r.<Long>getAs("line")),
              new SeriesVersions.Rank(
                  reach == null ? null : YearMonth.parse(reach), r.getAs("rank_sha256"))));
    }
    return out;
  }

  /** The points of a series at a level, by unit id (code-point order), then month. */
  static List<SeriesPoint> list(SparkStore store, String series, String level) {
    List<SeriesPoint> out = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (Ranked r : read(store)) {
      SeriesPoint p = r.point();
      if (p.series().equals(series) && p.level().equals(level) && seen.add(key(p))) {
        out.add(p);
      }
    }
    out.sort(
        Comparator.comparing(SeriesPoint::unitId, CountResult.ID_ORDER)
            .thenComparing(SeriesPoint::month));
    return out;
  }

  private void checkOpen() {
    if (!open) {
      throw file.writeClosed();
    }
  }

  /** Drops what was collected unless it was committed. */
  @Override
  public void close() {
    open = false;
    points.clear();
    rejected.clear();
  }
}
