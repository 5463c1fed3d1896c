package org.harmattan.engine.duckdb;

/** The columns of the {@code events} table and of the staging table that feeds it. */
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
          + " content_hash BIGINT NOT NULL";

  static final String EVENT_COLUMN_NAMES =
      "id, source, source_event_id, event_date, end_date, date_precision, event_type,"
          + " sub_event_type, source_event_type, source_sub_event_type, disorder_type, actor1,"
          + " inter1, assoc_actor_1, actor2, inter2, assoc_actor_2, interaction,"
          + " civilian_targeting, country_iso3, admin1, admin2, admin3, location, latitude,"
          + " longitude, geo_precision, fatalities_best, fatalities_low, fatalities_high, notes,"
          + " source_names, source_scale, tags, machine_coded, dataset, file_sha256, line_number,"
          + " source_timestamp, ingested_at, content_hash";

  /** The event columns of the staging table, qualified: "s.id, s.source, …". */
  static final String STAGED_EVENT_COLUMNS =
      String.join(
          ", ",
          java.util.Arrays.stream(EVENT_COLUMN_NAMES.split(",", -1))
              .map(c -> "s." + c.strip())
              .toList());
}
