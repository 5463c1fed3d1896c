package org.harmattan.engine.spark;

import static org.harmattan.engine.spark.EventRows.field;

import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/** The tables of a Spark store besides the events, and their columns. */
final class Tables {
  private Tables() {}

  static final String HISTORY = "history";
  static final String QUARANTINE = "quarantine";
  static final String FILES = "files";
  static final String WITHDRAWALS = "withdrawals";
  static final String ACCOUNTS = "accounts";
  static final String TOKENS = "tokens";
  static final String ALERTS = "alerts";
  static final String DELIVERIES = "deliveries";
  static final String EVALUATED = "evaluated";
  static final String SERIES = "series";
  static final String OBSERVATIONS = "observations";
  static final String ADMIN_UNITS = "admin_units";
  static final String KEPT = "kept_tables";

  private static final DataType TEXTS = DataTypes.createArrayType(DataTypes.StringType, true);

  private static StructType of(StructField... fields) {
    return new StructType(fields);
  }

  private static StructField text(String name) {
    return field(name, DataTypes.StringType, true);
  }

  private static StructField whole(String name) {
    return field(name, DataTypes.LongType, true);
  }

  private static StructField time(String name) {
    return field(name, DataTypes.TimestampType, true);
  }

  /**
   * Rejected rows, with their problems, raw text, when they were quarantined and the version of the
   * commit that quarantined them (the order they are listed in).
   */
  static final StructType QUARANTINE_ROWS =
      of(
          text("dataset"),
          text("path"),
          text("file_sha256"),
          whole("line_number"),
          field("problem_codes", TEXTS, true),
          field("problem_columns", TEXTS, true),
          field("problem_messages", TEXTS, true),
          text("message"),
          text("raw"),
          time("quarantined_at"),
          whole("write_version"));

  /** The ingest log: one row per committed write. */
  static final StructType FILE_ROWS =
      of(
          text("path"),
          text("sha256"),
          text("format"),
          whole("rows_read"),
          whole("inserted"),
          whole("updated"),
          whole("unchanged"),
          whole("merged"),
          whole("quarantined"),
          time("ingested_at"));

  /** Withdrawals on record. */
  static final StructType WITHDRAWAL_ROWS =
      of(
          text("id"),
          text("source"),
          text("source_event_id"),
          time("withdrawn_at"),
          text("reason"),
          time("recorded_at"));

  static final StructType ACCOUNT_ROWS =
      of(
          text("name"),
          text("role"),
          text("password_hash"),
          field("disabled", DataTypes.BooleanType, true),
          time("created"));

  static final StructType TOKEN_ROWS =
      of(text("id"), text("user"), text("secret_hash"), time("created"), time("revoked"));

  static final StructType ALERT_ROWS =
      of(
          text("id"),
          text("rule"),
          text("kind"),
          field("date", DataTypes.DateType, true),
          text("country"),
          text("admin1"),
          text("severity"),
          text("json"),
          time("raised"));

  static final StructType DELIVERY_ROWS =
      of(
          text("alert_id"),
          text("channel"),
          text("recipient"),
          field("attempts", DataTypes.IntegerType, true),
          text("outcome"),
          field("last_status", DataTypes.IntegerType, true),
          text("last_error"),
          time("at"));

  static final StructType EVALUATED_ROWS =
      of(text("rule"), field("through", DataTypes.DateType, true));

  /** Humanitarian observations, with the P-code as the source wrote it and how it was placed. */
  static final StructType OBSERVATION_ROWS =
      of(
          text("record_id"),
          text("dataset"),
          text("edition"),
          text("indicator"),
          text("qualifier"),
          text("country_iso3"),
          field("admin_level", DataTypes.IntegerType, true),
          text("pcode"),
          text("admin_name"),
          field("vintage", DataTypes.DateType, true),
          field("value", DataTypes.DoubleType, true),
          text("unit"),
          text("system"),
          text("source_dataset"),
          text("sha256"),
          whole("line"),
          text("source_pcode"),
          text("place_note"));

  /** The admin units every P-code table gave, with the file each came from. */
  static final StructType ADMIN_UNIT_ROWS =
      of(
          text("country_iso3"),
          field("level", DataTypes.IntegerType, true),
          text("pcode"),
          text("name"),
          text("parent_pcode"),
          field("valid_from", DataTypes.DateType, true),
          whole("line"),
          text("file_sha256"));

  /** The humanitarian tables kept to be placed again, with their bytes. */
  static final StructType KEPT_ROWS =
      of(
          text("path"),
          text("dataset"),
          text("sha256"),
          field("year", DataTypes.IntegerType, true),
          text("reference"),
          field("content", DataTypes.BinaryType, true));

  /** Points of monthly series, with the rank of the file each came from. */
  static final StructType SERIES_ROWS =
      of(
          text("series"),
          text("level"),
          text("unit_id"),
          text("unit_name"),
          text("country_iso3"),
          text("month"),
          field("value", DataTypes.DoubleType, true),
          text("system"),
          text("dataset"),
          text("sha256"),
          whole("line"),
          text("rank_reach"),
          text("rank_sha256"));
}
