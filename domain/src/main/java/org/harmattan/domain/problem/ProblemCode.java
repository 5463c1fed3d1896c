package org.harmattan.domain.problem;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * Every code Harmattan gives a {@link Problem} with a source row or an {@link
 * org.harmattan.domain.error.HarmattanException}, with what it means. The code strings are stable:
 * the quarantine table stores them and the JSON output prints them, so a constant may be added or
 * its meaning reworded, never its code changed.
 */
public enum ProblemCode {
  // --- rows of event files (quarantined) ---------------------------------------------------------
  EMPTY_ROW("empty_row", "a row with no values"),
  WRONG_COLUMN_COUNT("wrong_column_count", "a row with more or fewer fields than the header"),
  TRUNCATED_RECORD("truncated_record", "the file ends inside a quoted field"),
  BAD_ENCODING("bad_encoding", "a byte that is neither UTF-8 nor Windows-1252 (Latin-1) text"),
  ROW_TOO_LONG("row_too_long", "a row or line longer than the most a row may hold (16 MiB)"),
  INVALID_EVENT("invalid_event", "the row's values do not make a valid canonical event"),
  DUPLICATE_EVENT_ID(
      "duplicate_event_id", "the event id appears again in the same file with other values"),
  MISSING_EVENT_ID("missing_event_id", "the event id is empty"),
  MISSING_EVENT_TYPE("missing_event_type", "the event type is empty"),
  UNKNOWN_EVENT_TYPE("unknown_event_type", "the event type is not one of the source's codebook"),
  MISSING_ACTOR("missing_actor", "the first actor (or side) is empty"),
  BAD_INTER_CODE("bad_inter_code", "not an ACLED inter code (0 to 8, or its name)"),
  MISSING_DATE("missing_date", "the date is empty"),
  BAD_DATE("bad_date", "not a date in a layout the source uses, or an impossible date"),
  IMPLAUSIBLE_DATE("implausible_date", "a date before 1946 or after the day of the ingest"),
  BAD_DATE_RANGE("bad_date_range", "the end date is before the start date"),
  MISSING_DATE_PRECISION("missing_date_precision", "UCDP's date precision is empty"),
  BAD_DATE_PRECISION("bad_date_precision", "not a UCDP date precision (1 to 5)"),
  BAD_TIME_PRECISION("bad_time_precision", "not an ACLED time precision (1, 2 or 3)"),
  BAD_TIMESTAMP("bad_timestamp", "not a Unix timestamp in seconds"),
  IMPLAUSIBLE_TIMESTAMP(
      "implausible_timestamp",
      "a source timestamp before the source began or after the day of the ingest"),
  MISSING_COORDINATES("missing_coordinates", "the latitude or longitude is empty"),
  BAD_COORDINATES("bad_coordinates", "the latitude or longitude is not a number"),
  COORDINATES_OUT_OF_RANGE(
      "coordinates_out_of_range", "a latitude beyond ±90 or a longitude beyond ±180"),
  BAD_FATALITIES("bad_fatalities", "the fatalities are empty or not a whole number >= 0"),
  INCONSISTENT_FATALITIES(
      "inconsistent_fatalities", "UCDP's low, best and high estimates are not in order"),
  NOT_A_NUMBER("not_a_number", "a value that should be a number is not one"),
  OUT_OF_RANGE("out_of_range", "a whole number outside the range the column allows"),

  // --- rows of humanitarian tables (quarantined) -------------------------------------------------
  MISSING_VALUE("missing_value", "the indicator's value is empty (missing, not 0)"),
  MISSING_NAME("missing_name", "an admin unit's name is empty"),
  BAD_LEVEL("bad_level", "an admin level that is empty or not 1, 2 or 3"),
  BAD_PCODE("bad_pcode", "not a P-code of the country"),
  UNKNOWN_ADMIN("unknown_admin", "an admin unit the admin reference does not know"),
  UNKNOWN_COUNTRY("unknown_country", "no country Harmattan knows in the row"),
  MISSING_YEAR("missing_year", "the year is empty"),
  BAD_YEAR("bad_year", "not a year"),
  BAD_PERIOD("bad_period", "not a Cadre Harmonisé period of months (Sep-Dec, Jun-Aug)"),
  BAD_CHTYPE("bad_chtype", "a Cadre Harmonisé analysis type other than current or projected"),
  FORMULA_WITHOUT_VALUE(
      "formula_without_value", "an XLSX formula with no stored result that cannot be computed"),

  // --- rows of monthly series files (quarantined) ------------------------------------------------
  BAD_MONTH("bad_month", "not a month of the year: a whole number from 1 to 12"),
  BAD_MONTH_ID(
      "bad_month_id",
      "a VIEWS month_id that is not a whole number >= 1 or disagrees with year and month"),
  INCONSISTENT_UNIT(
      "inconsistent_unit", "a unit id the file gave earlier with another country code"),
  DUPLICATE_POINT("duplicate_point", "a second row of one file for the same unit and month"),

  // --- whole source files ------------------------------------------------------------------------
  FILE_NOT_FOUND("file_not_found", "the file given does not exist"),
  NOT_A_FILE("not_a_file", "the path given is a directory, a device, a pipe or a socket"),
  UNREADABLE_FILE("unreadable_file", "the file cannot be read"),
  EMPTY_FILE("empty_file", "the file has no header line"),
  BINARY_FILE("binary_file", "the file holds NUL bytes: not a text export"),
  UTF16_NOT_SUPPORTED("utf16_not_supported", "the file is UTF-16; save it as UTF-8"),
  UNKNOWN_FORMAT("unknown_format", "the header is not one of a known event source"),
  BAD_CSV("bad_csv", "not comma-separated text with balanced quotes"),
  UNREADABLE_XLSX("unreadable_xlsx", "not a readable XLSX workbook"),
  UNKNOWN_DATASET("unknown_dataset", "the table is not a known humanitarian dataset"),
  MISSING_COLUMN("missing_column", "a recognised table lacks a column its dataset needs"),
  DUPLICATE_COLUMN("duplicate_column", "the header names one column twice"),
  YEAR_NEEDED("year_needed", "neither the file nor its name gives the year; pass --year"),
  ROW_ACCOUNTING("row_accounting", "rows read do not equal rows accepted, quarantined and skipped"),
  NO_SHA256("no_sha256", "the JDK has no SHA-256"),

  // --- travel advisories -------------------------------------------------------------------------
  ADVISORY_FILE("advisory_file", "a saved advisory document that is missing or unreadable"),
  ADVISORY_FORMAT("advisory_format", "the document is not in the government's format"),
  ADVISORY_JSON("advisory_json", "an advisory document that is not valid JSON"),
  ADVISORY_RSS("advisory_rss", "an advisory feed that is not RSS 2.0"),
  ADVISORY_FIELD("advisory_field", "a field the advisory format requires is missing"),
  ADVISORY_DATE("advisory_date", "an advisory date that cannot be read"),
  ADVISORY_COUNTRY("advisory_country", "an advisory for a country Harmattan does not know"),
  ADVISORY_GOVUK("advisory_govuk", "a GOV.UK page that is not foreign travel advice"),
  ADVISORY_MISSING("advisory_missing", "the response has no advisory for the country"),
  ADVISORY_OFFLINE("advisory_offline", "the advisory's server cannot be reached"),
  ADVISORY_INTERRUPTED("advisory_interrupted", "fetching an advisory was interrupted"),
  ADVISORY_CACHE("advisory_cache", "the advisory cache cannot be read or written"),
  ADVISORY_ADDRESS("advisory_address", "an advisory address that is not an http or https URL"),
  ADVISORY_TOO_LARGE("advisory_too_large", "an advisory download above the size limit"),

  // --- live sources (ACLED's API) ----------------------------------------------------------------
  SOURCE_UNREACHABLE(
      "source_unreachable", "the source's server cannot be reached: the machine seems offline"),
  SOURCE_REFUSED(
      "source_refused", "the source refused the credentials or the request (HTTP 4xx, an error)"),
  SOURCE_UNAVAILABLE(
      "source_unavailable",
      "the source kept failing or throttling (HTTP 429, 5xx) past the retries"),
  SOURCE_MALFORMED(
      "source_malformed", "an answer of the source that is not in its documented format"),
  CREDENTIALS_MISSING("credentials_missing", "no credentials for the source were given"),
  CREDENTIALS_FILE(
      "credentials_file", "a credentials file that is unreadable, incomplete or not private"),
  CANNOT_WRITE_SYNC_FILE("cannot_write_sync_file", "the file of a source's read cannot be written"),

  // --- reference data ----------------------------------------------------------------------------
  PROFILE_UNREADABLE("profile_unreadable", "a country profile file cannot be read"),
  PROFILE_INVALID("profile_invalid", "a country profile that is not as expected"),
  PROFILE_BOUNDARIES("profile_boundaries", "a profile's boundaries name no outline Harmattan has"),
  BOUNDARY_FILE_MISSING("boundary_file_missing", "a boundary file that does not exist"),
  BOUNDARY_FILE_UNREADABLE("boundary_file_unreadable", "a boundary file that cannot be read"),
  BOUNDARY_FILE_INVALID("boundary_file_invalid", "not valid GeoJSON or TopoJSON outlines"),
  ROAD_GRAPH_UNREADABLE("road_graph_unreadable", "a road graph file that cannot be read"),
  ROAD_GRAPH_INVALID(
      "road_graph_invalid", "road graph rows not in the African Urban Network format"),
  ROAD_GRAPH_EMPTY("road_graph_empty", "the road graph has no nodes"),
  CORRIDOR_PLACE_OFF_GRAPH(
      "corridor_place_off_graph", "a corridor place farther from the road graph than allowed"),
  CORRIDOR_UNREACHABLE("corridor_unreachable", "no road of the graph joins two corridor places"),
  CASE_FILE("case_file", "a political case file that is missing or not as expected"),
  BAD_ACTOR_REGISTRY("bad_actor_registry", "a user's actor registry file with problems"),
  BAD_SHIPPED_ACTOR_REGISTRY("bad_shipped_actor_registry", "the shipped actor registry is broken"),
  MISSING_SHIPPED_ACTOR_REGISTRY(
      "missing_shipped_actor_registry", "the shipped actor registry is not on the classpath"),
  UNREADABLE_SHIPPED_ACTOR_REGISTRY(
      "unreadable_shipped_actor_registry", "the shipped actor registry cannot be read"),
  UNKNOWN_ACTOR("unknown_actor", "no actor of the registry has the id"),
  ACTOR_NOT_IN_STORE(
      "actor_not_in_store", "the registry actor names no event of the country in the store"),

  // --- the store ---------------------------------------------------------------------------------
  STORE_NOT_CREATABLE("store_not_creatable", "the store's folder cannot be created"),
  STORE_NOT_FOUND(
      "store_not_found", "a command that only reads was given a store that does not exist"),
  STORE_LOCKED("store_locked", "another process has the store open"),
  STORE_UNAVAILABLE("store_unavailable", "the store cannot be opened"),
  STORE_FAILURE("store_failure", "a write to or read from the store failed"),
  STORE_DISK_FULL("store_disk_full", "the disk holding the store is full"),
  STORE_READ_ONLY("store_read_only", "the store's file or folder cannot be written"),
  WRITE_CLOSED("write_closed", "a file's write was used after it was committed or closed"),
  CANNOT_PLACE_AGAIN(
      "cannot_place_again",
      "a kept humanitarian table cannot be copied to a temporary file to be placed again"),
  UNSUPPORTED_BY_ENGINE(
      "unsupported_by_engine", "the store's engine does not support what was asked"),
  QUERY_FAILURE("query_failure", "an analytics query failed in the engine"),
  UNKNOWN_ENGINE("unknown_engine", "no engine of the name asked for is on the class path"),
  ENGINE_UNREACHABLE("engine_unreachable", "the engine's cluster could not be reached"),
  INTERRUPTED("interrupted", "the ingest was interrupted"),

  // --- briefs, claims and the command line -------------------------------------------------------
  NO_DATA("no_data", "the store holds no events for the brief's country and sources"),
  BAD_CLAIMS_FILE("bad_claims_file", "a claims file that is not as expected"),
  BAD_NARRATIVE("bad_narrative", "an analyst's narrative file that cannot be read or used"),
  BAD_RULES_FILE("bad_rules_file", "an alert rules file that is not as expected"),
  BAD_WATCH_CONFIG("bad_watch_config", "a watch configuration file that is not as expected"),
  WATCH_BUSY("watch_busy", "another watcher already runs with the same journal"),
  CANNOT_WRITE_WATCH_FILES(
      "cannot_write_watch_files", "the watch's journal or drop-folder files cannot be written"),
  CANNOT_WRITE_BRIEF("cannot_write_brief", "the brief's files cannot be written"),
  DEMO_WRITE_FAILED("demo_write_failed", "the demo's files cannot be written"),
  H3_UNAVAILABLE("h3_unavailable", "the H3 library cannot load its native code"),
  JSON("json", "JSON output cannot be written"),

  // --- forecasts ---------------------------------------------------------------------------------
  NO_SERIES("no_series", "the store holds no series of that name and level to forecast"),
  FORECAST_PERIOD("forecast_period", "a forecast period the data cannot support"),
  UNKNOWN_MODEL("unknown_model", "not a forecasting model Harmattan has"),
  NO_HISTORY("no_history", "a unit without the history a forecast needs"),
  CANNOT_WRITE_FORECAST("cannot_write_forecast", "the forecast's file cannot be written"),
  MODEL_FAILURE("model_failure", "the learned model's library failed"),

  // --- accounts and the server -------------------------------------------------------------------
  BAD_ACCOUNT_NAME(
      "bad_account_name", "an account name that is not 2 to 64 letters, digits, . _ -"),
  BAD_ROLE("bad_role", "not a role: viewer, analyst or admin"),
  ACCOUNT_EXISTS("account_exists", "an account of that name exists"),
  ACCOUNT_NOT_FOUND("account_not_found", "no account has that name"),
  WEAK_PASSWORD("weak_password", "a password shorter than 12 characters"),
  UNAUTHENTICATED("unauthenticated", "no valid credentials came with the request"),
  FORBIDDEN("forbidden", "the account's role does not allow the request"),
  TOO_MANY_ATTEMPTS("too_many_attempts", "too many failed sign-ins; wait before trying again"),
  BAD_PARAMETER("bad_parameter", "a request parameter that is missing or not as expected"),
  NOT_FOUND("not_found", "no resource at that address or with that id"),
  METHOD_NOT_ALLOWED("method_not_allowed", "the resource does not answer that method"),
  NOT_ACCEPTABLE("not_acceptable", "the resource cannot be given in the format asked for"),
  BODY_TOO_LARGE("body_too_large", "the request body is over the size limit"),
  UNSUPPORTED_MEDIA_TYPE("unsupported_media_type", "the request body is not of a type accepted"),
  CSRF("csrf", "a request with a session cookie but without its anti-forgery token"),
  PORT_IN_USE("port_in_use", "the server cannot listen on the address and port asked for");

  private final String code;
  private final String meaning;

  ProblemCode(String code, String meaning) {
    this.code = requireNonNull(code, "code");
    this.meaning = requireNonNull(meaning, "meaning");
  }

  /** The stable code, as stored in the quarantine and printed in JSON: {@code bad_date}. */
  public String code() {
    return code;
  }

  /** What the code means, in one line. */
  public String meaning() {
    return meaning;
  }

  /** The constant of a code string, if it is catalogued. */
  public static Optional<ProblemCode> findByCode(String code) {
    for (ProblemCode c : values()) {
      if (c.code.equals(code)) {
        return Optional.of(c);
      }
    }
    return Optional.empty();
  }

  @Override
  public String toString() {
    return code;
  }
}
