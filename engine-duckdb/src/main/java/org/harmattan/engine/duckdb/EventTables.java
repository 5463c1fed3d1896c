package org.harmattan.engine.duckdb;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.harmattan.domain.event.ActorRole;
import org.harmattan.domain.event.DatePrecision;
import org.harmattan.domain.event.Event;
import org.harmattan.domain.event.EventFlag;
import org.harmattan.domain.event.EventType;
import org.harmattan.domain.event.Fatalities;
import org.harmattan.domain.event.Provenance;
import org.harmattan.domain.event.SourceSystem;

/**
 * The columns of the {@code events} table and of the staging table that feeds it, and the mapping
 * of a row of them back to an {@link Event}.
 *
 * <p>{@code flags} holds the codes of the event's {@link EventFlag}s ({@code
 * point_outside_country}); it came last, so stores made before it are given it, NULL for their
 * events (no flags), when opened ({@link #addLaterColumns}). Every write names its columns, so the
 * order of a table's columns does not matter.
 */
final class EventTables {
  private EventTables() {}

  static final String EVENT_COLUMNS =
      "id VARCHAR NOT NULL, source VARCHAR NOT NULL, source_event_id VARCHAR NOT NULL,"
          + " event_date DATE NOT NULL, end_date DATE NOT NULL, date_precision VARCHAR NOT NULL,"
          + " event_type VARCHAR NOT NULL, sub_event_type VARCHAR, source_event_type VARCHAR,"
          + " source_sub_event_type VARCHAR, disorder_type VARCHAR,"
          + " actor1 VARCHAR, inter1 INTEGER, assoc_actor_1 VARCHAR[],"
          + " actor2 VARCHAR, inter2 INTEGER, assoc_actor_2 VARCHAR[], interaction INTEGER,"
          + " civilian_targeting BOOLEAN NOT NULL, country_iso3 VARCHAR NOT NULL,"
          + " admin1 VARCHAR, admin2 VARCHAR, admin3 VARCHAR, location VARCHAR,"
          + " latitude DOUBLE, longitude DOUBLE, geo_precision INTEGER,"
          + " fatalities_best INTEGER NOT NULL, fatalities_low INTEGER NOT NULL,"
          + " fatalities_high INTEGER NOT NULL, notes VARCHAR, source_names VARCHAR,"
          + " source_scale VARCHAR, tags VARCHAR[], machine_coded BOOLEAN NOT NULL,"
          + " dataset VARCHAR NOT NULL, file_sha256 VARCHAR NOT NULL, line_number BIGINT NOT NULL,"
          + " source_timestamp TIMESTAMP, ingested_at TIMESTAMP NOT NULL,"
          + " content_hash BIGINT NOT NULL, flags VARCHAR[]";

  static final String EVENT_COLUMN_NAMES =
      "id, source, source_event_id, event_date, end_date, date_precision, event_type,"
          + " sub_event_type, source_event_type, source_sub_event_type, disorder_type, actor1,"
          + " inter1, assoc_actor_1, actor2, inter2, assoc_actor_2, interaction,"
          + " civilian_targeting, country_iso3, admin1, admin2, admin3, location, latitude,"
          + " longitude, geo_precision, fatalities_best, fatalities_low, fatalities_high, notes,"
          + " source_names, source_scale, tags, machine_coded, dataset, file_sha256, line_number,"
          + " source_timestamp, ingested_at, content_hash, flags";

  /**
   * Gives {@code events} and {@code events_history} of a store made before them the event columns
   * added since (their events read as without flags).
   */
  static void addLaterColumns(Statement s) throws SQLException {
    s.execute("ALTER TABLE events ADD COLUMN IF NOT EXISTS flags VARCHAR[]");
    s.execute("ALTER TABLE events_history ADD COLUMN IF NOT EXISTS flags VARCHAR[]");
  }

  /** The codes of an event's flags as stored, in the flags' order. */
  static List<String> flagCodes(Event e) {
    List<String> codes = new ArrayList<>(e.flags().size());
    for (EventFlag f : e.flags()) {
      codes.add(f.code());
    }
    return codes;
  }

  /** The names of {@link #EVENT_COLUMN_NAMES}, one by one, in order. */
  static final List<String> EVENT_COLUMN_LIST =
      java.util.Arrays.stream(EVENT_COLUMN_NAMES.split(",", -1)).map(String::strip).toList();

  /** The event columns of the staging table, qualified: "s.id, s.source, …". */
  static final String STAGED_EVENT_COLUMNS = columns("s");

  /** The event columns qualified by {@code alias}: "e.id, e.source, …". */
  static String columns(String alias) {
    return String.join(", ", EVENT_COLUMN_LIST.stream().map(c -> alias + "." + c).toList());
  }

  /**
   * The event on the result set's current row, which holds the {@link #EVENT_COLUMN_NAMES} (read by
   * name): the one way every query of the store assembles a whole event.
   */
  static Event toEvent(ResultSet rs) throws SQLException {
    Event.Builder b =
        Event.builder(SourceSystem.valueOf(rs.getString("source")), rs.getString("source_event_id"))
            .date(rs.getObject("event_date", LocalDate.class))
            .endDate(rs.getObject("end_date", LocalDate.class))
            .datePrecision(DatePrecision.valueOf(rs.getString("date_precision")))
            .eventType(
                EventType.findByLabel(rs.getString("event_type"))
                    .orElseThrow(() -> new SQLException("unknown event type in store")))
            .subEventType(rs.getString("sub_event_type"))
            .sourceEventType(rs.getString("source_event_type"))
            .sourceSubEventType(rs.getString("source_sub_event_type"))
            .disorderType(rs.getString("disorder_type"))
            .interaction((Integer) rs.getObject("interaction"))
            .civilianTargeting(rs.getBoolean("civilian_targeting"))
            .countryIso3(rs.getString("country_iso3"))
            .admin1(rs.getString("admin1"))
            .admin2(rs.getString("admin2"))
            .admin3(rs.getString("admin3"))
            .location(rs.getString("location"))
            .point((Double) rs.getObject("latitude"), (Double) rs.getObject("longitude"))
            .geoPrecision((Integer) rs.getObject("geo_precision"))
            .fatalities(
                new Fatalities(
                    rs.getInt("fatalities_best"),
                    rs.getInt("fatalities_low"),
                    rs.getInt("fatalities_high")))
            .notes(rs.getString("notes"))
            .sourceNames(rs.getString("source_names"))
            .sourceScale(rs.getString("source_scale"))
            .tags(Appending.stringList(rs.getArray("tags")));
    for (String code : Appending.stringList(rs.getArray("flags"))) {
      b.flag(
          EventFlag.findByCode(code)
              .orElseThrow(() -> new SQLException("unknown event flag in store: " + code)));
    }
    String actor1 = rs.getString("actor1");
    if (actor1 != null) {
      b.actor(ActorRole.ACTOR_1, actor1, (Integer) rs.getObject("inter1"));
    }
    for (String a : Appending.stringList(rs.getArray("assoc_actor_1"))) {
      b.actor(ActorRole.ASSOCIATED_1, a, null);
    }
    String actor2 = rs.getString("actor2");
    if (actor2 != null) {
      b.actor(ActorRole.ACTOR_2, actor2, (Integer) rs.getObject("inter2"));
    }
    for (String a : Appending.stringList(rs.getArray("assoc_actor_2"))) {
      b.actor(ActorRole.ASSOCIATED_2, a, null);
    }
    Timestamp ts = rs.getTimestamp("source_timestamp");
    b.provenance(
        new Provenance(
            rs.getString("dataset"),
            rs.getString("file_sha256"),
            rs.getLong("line_number"),
            ts == null ? null : toInstant(rs.getObject("source_timestamp", LocalDateTime.class)),
            toInstant(rs.getObject("ingested_at", LocalDateTime.class))));
    return b.build();
  }

  private static Instant toInstant(LocalDateTime t) {
    return t.toInstant(ZoneOffset.UTC);
  }
}
