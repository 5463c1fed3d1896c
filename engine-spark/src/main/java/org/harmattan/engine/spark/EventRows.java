package org.harmattan.engine.spark;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.harmattan.domain.event.ActorRole;
import org.harmattan.domain.event.DatePrecision;
import org.harmattan.domain.event.Event;
import org.harmattan.domain.event.EventFlag;
import org.harmattan.domain.event.EventType;
import org.harmattan.domain.event.Fatalities;
import org.harmattan.domain.event.Provenance;
import org.harmattan.domain.event.SourceSystem;
import org.harmattan.engine.write.ActorColumns;

/**
 * The columns of the events table (the embedded store's, by the same names and meanings) and the
 * mapping of an event to a row and back. Actors are stored as their columns ({@link ActorColumns}):
 * the actors of a monadic export merged into one row. {@code part_country} and {@code part_year}
 * come last: they name the partition folder a row is written to and are not kept in the files.
 */
final class EventRows {
  private EventRows() {}

  private static final DataType TEXTS = DataTypes.createArrayType(DataTypes.StringType, false);

  /** The event columns, in row order. */
  static final StructType EVENT =
      new StructType(
          new StructField[] {
            field("id", DataTypes.StringType, false),
            field("source", DataTypes.StringType, false),
            field("source_event_id", DataTypes.StringType, false),
            field("event_date", DataTypes.DateType, false),
            field("end_date", DataTypes.DateType, false),
            field("date_precision", DataTypes.StringType, false),
            field("event_type", DataTypes.StringType, false),
            field("sub_event_type", DataTypes.StringType, true),
            field("source_event_type", DataTypes.StringType, true),
            field("source_sub_event_type", DataTypes.StringType, true),
            field("disorder_type", DataTypes.StringType, true),
            field("actor1", DataTypes.StringType, true),
            field("inter1", DataTypes.IntegerType, true),
            field("assoc_actor_1", TEXTS, false),
            field("actor2", DataTypes.StringType, true),
            field("inter2", DataTypes.IntegerType, true),
            field("assoc_actor_2", TEXTS, false),
            field("interaction", DataTypes.IntegerType, true),
            field("civilian_targeting", DataTypes.BooleanType, false),
            field("country_iso3", DataTypes.StringType, false),
            field("admin1", DataTypes.StringType, true),
            field("admin2", DataTypes.StringType, true),
            field("admin3", DataTypes.StringType, true),
            field("location", DataTypes.StringType, true),
            field("latitude", DataTypes.DoubleType, true),
            field("longitude", DataTypes.DoubleType, true),
            field("geo_precision", DataTypes.IntegerType, true),
            field("fatalities_best", DataTypes.IntegerType, false),
            field("fatalities_low", DataTypes.IntegerType, false),
            field("fatalities_high", DataTypes.IntegerType, false),
            field("notes", DataTypes.StringType, true),
            field("source_names", DataTypes.StringType, true),
            field("source_scale", DataTypes.StringType, true),
            field("tags", TEXTS, false),
            field("machine_coded", DataTypes.BooleanType, false),
            field("dataset", DataTypes.StringType, false),
            field("file_sha256", DataTypes.StringType, false),
            field("line_number", DataTypes.LongType, false),
            field("source_timestamp", DataTypes.TimestampType, true),
            field("ingested_at", DataTypes.TimestampType, false),
            field("content_hash", DataTypes.LongType, false),
            field("flags", TEXTS, false)
          });

  /** The event columns and the two that choose its partition folder. */
  static final StructType PARTITIONED =
      EVENT
          .add(field("part_country", DataTypes.StringType, false))
          .add(field("part_year", DataTypes.IntegerType, false));

  /** A superseded version: the event columns, when it left the view, and why. */
  static final StructType HISTORY =
      EVENT
          .add(field("superseded_at", DataTypes.TimestampType, false))
          .add(field("superseded_by_sha256", DataTypes.StringType, true))
          .add(field("withdrawal_reason", DataTypes.StringType, true));

  static StructField field(String name, DataType type, boolean nullable) {
    return DataTypes.createStructField(name, type, nullable);
  }

  /** The partition of an event: its country and the year of its date. */
  record Partition(String country, int year) {
    /** The partition as the manifest names it, {@code MLI/2018}. */
    String key() {
      return country + "/" + year;
    }

    static Partition of(String country, LocalDate date) {
      return new Partition(country, date.getYear());
    }

    static Partition parse(String key) {
      int slash = key.lastIndexOf('/');
      return new Partition(key.substring(0, slash), Integer.parseInt(key.substring(slash + 1)));
    }
  }

  /** The event as a row of {@link #EVENT}. */
  static Object[] values(Event e, ActorColumns actors, long contentHash) {
    Provenance p = e.provenance();
    return new Object[] {
      e.id(),
      e.source().name(),
      e.sourceEventId(),
      e.date(),
      e.endDate(),
      e.datePrecision().name(),
      e.eventType().label(),
      e.subEventType(),
      e.sourceEventType(),
      e.sourceSubEventType(),
      e.disorderType(),
      actors.actor1(),
      actors.inter1(),
      array(actors.assoc1()),
      actors.actor2(),
      actors.inter2(),
      array(actors.assoc2()),
      actors.interaction(),
      e.civilianTargeting(),
      e.countryIso3(),
      e.admin1(),
      e.admin2(),
      e.admin3(),
      e.location(),
      e.latitude(),
      e.longitude(),
      e.geoPrecision(),
      e.fatalities().best(),
      e.fatalities().low(),
      e.fatalities().high(),
      e.notes(),
      e.sourceNames(),
      e.sourceScale(),
      array(e.tags()),
      e.machineCoded(),
      p.dataset(),
      p.fileSha256(),
      p.lineNumber(),
      p.sourceTimestamp(),
      p.ingestedAt(),
      contentHash,
      array(flagCodes(e))
    };
  }

  /** The event as a row of {@link #PARTITIONED}. */
  static Row partitioned(Event e, ActorColumns actors, long contentHash) {
    Object[] v = values(e, actors, contentHash);
    Object[] out = java.util.Arrays.copyOf(v, v.length + 2);
    out[v.length] = e.countryIso3();
    out[v.length + 1] = e.date().getYear();
    return RowFactory.create(out);
  }

  /** A list as an array column's value (never null: an empty list for none). */
  static List<String> array(List<String> list) {
    return list == null ? List.of() : List.copyOf(list);
  }

  static List<String> strings(Row row, String column) {
    int i = row.fieldIndex(column);
    if (row.isNullAt(i)) {
      return List.of();
    }
    return new ArrayList<>(row.<String>getList(i));
  }

  private static List<String> flagCodes(Event e) {
    List<String> codes = new ArrayList<>(e.flags().size());
    for (EventFlag f : e.flags()) {
      codes.add(f.code());
    }
    return codes;
  }

  static String text(Row row, String column) {
    int i = row.fieldIndex(column);
    return row.isNullAt(i) ? null : row.getString(i);
  }

  static Integer integer(Row row, String column) {
    int i = row.fieldIndex(column);
    return row.isNullAt(i) ? null : row.getInt(i);
  }

  static Double decimal(Row row, String column) {
    int i = row.fieldIndex(column);
    return row.isNullAt(i) ? null : row.getDouble(i);
  }

  static Instant instant(Row row, String column) {
    int i = row.fieldIndex(column);
    return row.isNullAt(i) ? null : row.<Instant>getAs(i);
  }

  static LocalDate date(Row row, String column) {
    int i = row.fieldIndex(column);
    return row.isNullAt(i) ? null : row.<LocalDate>getAs(i);
  }

  /** The actor columns of a row. */
  static ActorColumns actors(Row row) {
    return new ActorColumns(
        text(row, "actor1"),
        integer(row, "inter1"),
        strings(row, "assoc_actor_1"),
        text(row, "actor2"),
        integer(row, "inter2"),
        strings(row, "assoc_actor_2"),
        integer(row, "interaction"));
  }

  /** The event a row of the event columns holds (read by name): the one way back to an event. */
  static Event toEvent(Row row) {
    Event.Builder b =
        Event.builder(SourceSystem.valueOf(text(row, "source")), text(row, "source_event_id"))
            .date(date(row, "event_date"))
            .endDate(date(row, "end_date"))
            .datePrecision(DatePrecision.valueOf(text(row, "date_precision")))
            .eventType(
                EventType.findByLabel(text(row, "event_type"))
                    .orElseThrow(
                        () -> new IllegalStateException("unknown event type in the warehouse")))
            .subEventType(text(row, "sub_event_type"))
            .sourceEventType(text(row, "source_event_type"))
            .sourceSubEventType(text(row, "source_sub_event_type"))
            .disorderType(text(row, "disorder_type"))
            .interaction(integer(row, "interaction"))
            .civilianTargeting(row.<Boolean>getAs("civilian_targeting"))
            .countryIso3(text(row, "country_iso3"))
            .admin1(text(row, "admin1"))
            .admin2(text(row, "admin2"))
            .admin3(text(row, "admin3"))
            .location(text(row, "location"))
            .point(decimal(row, "latitude"), decimal(row, "longitude"))
            .geoPrecision(integer(row, "geo_precision"))
            .fatalities(
                new Fatalities(
                    row.<Integer>getAs("fatalities_best"),
                    row.<Integer>getAs("fatalities_low"),
                    row.<Integer>getAs("fatalities_high")))
            .notes(text(row, "notes"))
            .sourceNames(text(row, "source_names"))
            .sourceScale(text(row, "source_scale"))
            .tags(strings(row, "tags"));
    for (String code : strings(row, "flags")) {
      b.flag(
          EventFlag.findByCode(code)
              .orElseThrow(
                  () -> new IllegalStateException("unknown event flag in the warehouse: " + code)));
    }
    ActorColumns actors = actors(row);
    if (actors.actor1() != null) {
      b.actor(ActorRole.ACTOR_1, actors.actor1(), actors.inter1());
    }
    for (String a : actors.assoc1()) {
      b.actor(ActorRole.ASSOCIATED_1, a, null);
    }
    if (actors.actor2() != null) {
      b.actor(ActorRole.ACTOR_2, actors.actor2(), actors.inter2());
    }
    for (String a : actors.assoc2()) {
      b.actor(ActorRole.ASSOCIATED_2, a, null);
    }
    b.provenance(
        new Provenance(
            text(row, "dataset"),
            text(row, "file_sha256"),
            row.<Long>getAs("line_number"),
            instant(row, "source_timestamp"),
            instant(row, "ingested_at")));
    return b.build();
  }
}
