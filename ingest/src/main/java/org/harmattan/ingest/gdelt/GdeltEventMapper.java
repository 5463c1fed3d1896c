package org.harmattan.ingest.gdelt;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.harmattan.domain.event.ActorRole;
import org.harmattan.domain.event.DatePrecision;
import org.harmattan.domain.event.Event;
import org.harmattan.domain.event.EventType;
import org.harmattan.domain.event.Fatalities;
import org.harmattan.domain.event.SourceSystem;
import org.harmattan.domain.problem.MapResult;
import org.harmattan.domain.problem.ProblemCode;
import org.harmattan.ingest.common.Countries;
import org.harmattan.ingest.row.EventRowMapper;
import org.harmattan.ingest.row.RowContext;
import org.harmattan.ingest.row.RowFields;
import org.harmattan.ingest.row.SourceRow;

/**
 * Maps GDELT event rows to canonical events, flagged machine-coded ({@link SourceSystem#GDELT}).
 *
 * <p>Columns are read by their documented names ({@link GdeltColumns}). GDELT counts no deaths, so
 * fatalities are always {@link Fatalities#NONE}. An event is placed by its action geography, or by
 * Actor1's country when the action has none; a row with neither cannot be placed on a map and is
 * rejected as {@code unknown_country}.
 */
public final class GdeltEventMapper implements EventRowMapper {
  private static final DateTimeFormatter DATE_ADDED_V2 =
      DateTimeFormatter.ofPattern("uuuuMMddHHmmss", Locale.ROOT)
          .withResolverStyle(ResolverStyle.STRICT);

  /** GDELT's back files begin in 1979. */
  private static final Instant EARLIEST_DATE_ADDED = Instant.parse("1979-01-01T00:00:00Z");

  private final GdeltVersion version;
  private final RowContext context;
  private final LocalDate today;
  private final Instant latestDateAdded;

  public GdeltEventMapper(GdeltVersion version, RowContext context, LocalDate today) {
    this.version = version;
    this.context = context;
    this.today = today;
    this.latestDateAdded = RowFields.latestTimestamp(today, context.ingestedAt());
  }

  @Override
  public MapResult<Event> map(SourceRow row) {
    RowFields f = new RowFields(row);
    String id =
        f.requiredText(
            "GLOBALEVENTID", ProblemCode.MISSING_EVENT_ID, "GDELT's numeric GLOBALEVENTID");
    LocalDate date = f.date("SQLDATE", List.of(RowFields.COMPACT), today);
    String eventCode = f.text("EventCode");
    EventType type = eventType(f, eventCode);
    String country = country(f);
    Double[] point = point(f);
    Integer geoPrecision = f.optionalInt("ActionGeo_Type", 0, 5);
    Instant added = dateAdded(f);
    if (f.hasProblems()) {
      return MapResult.rejected(f.problems());
    }
    return EventRowMapper.buildOrReject(
        () -> {
          Event.Builder b =
              Event.builder(SourceSystem.GDELT, id)
                  .date(date)
                  .endDate(date)
                  .datePrecision(DatePrecision.DAY)
                  .eventType(type)
                  .sourceEventType(eventCode)
                  .sourceSubEventType(f.text("EventBaseCode"))
                  // CAMEO does not say whether a target was civilian; like ACLED, violence against
                  // civilians is civilian targeting by definition.
                  .civilianTargeting(type == EventType.VIOLENCE_AGAINST_CIVILIANS)
                  .countryIso3(country)
                  .location(f.text("ActionGeo_FullName"))
                  .point(point[0], point[1])
                  // 0 is GDELT's "no geography" type, not a precision.
                  .geoPrecision(geoPrecision == null || geoPrecision == 0 ? null : geoPrecision)
                  .fatalities(Fatalities.NONE)
                  .sourceNames(f.text("SOURCEURL"))
                  .provenance(context.provenance(row.lineNumber(), added));
          actor(f, b, ActorRole.ACTOR_1, "Actor1");
          actor(f, b, ActorRole.ACTOR_2, "Actor2");
          return b.build();
        });
  }

  private static EventType eventType(RowFields f, String eventCode) {
    String root = f.text("EventRootCode");
    if (root == null) {
      f.addProblem(
          ProblemCode.MISSING_EVENT_TYPE,
          "EventRootCode",
          "EventRootCode is empty (expected a two-digit CAMEO root code from 01 to 20)");
      return null;
    }
    Optional<EventType> type = GdeltCameo.findEventType(root, eventCode);
    if (type.isEmpty()) {
      f.addProblem(
          ProblemCode.UNKNOWN_EVENT_TYPE,
          "EventRootCode",
          RowFields.quote(root) + " is not a CAMEO root code (expected 01 to 20)");
      return null;
    }
    if (eventCode == null) {
      f.addProblem(
          ProblemCode.MISSING_EVENT_TYPE,
          "EventCode",
          "EventCode is empty (expected a CAMEO event code such as 145)");
    }
    return type.get();
  }

  /** ISO3 of the action's country, else of Actor1's; a problem when neither resolves. */
  private static String country(RowFields f) {
    Countries countries = Countries.get();
    String action = f.text("ActionGeo_CountryCode");
    if (action != null) {
      Optional<String> iso3 = countries.findIso3ByFips(action);
      if (iso3.isEmpty()) {
        f.addProblem(
            ProblemCode.UNKNOWN_COUNTRY,
            "ActionGeo_CountryCode",
            RowFields.quote(action)
                + " is not a known FIPS 10-4 country code (expected e.g. ML for Mali);"
                + " add it to countries.tsv if it is a country");
      }
      return iso3.orElse(null);
    }
    String actor1 = f.text("Actor1Geo_CountryCode");
    if (actor1 != null) {
      Optional<String> iso3 = countries.findIso3ByFips(actor1);
      if (iso3.isEmpty()) {
        f.addProblem(
            ProblemCode.UNKNOWN_COUNTRY,
            "Actor1Geo_CountryCode",
            "ActionGeo_CountryCode is empty and Actor1Geo_CountryCode "
                + RowFields.quote(actor1)
                + " is not a known FIPS 10-4 country code (expected e.g. ML for Mali)");
      }
      return iso3.orElse(null);
    }
    f.addProblem(
        ProblemCode.UNKNOWN_COUNTRY,
        "ActionGeo_CountryCode",
        "ActionGeo_CountryCode and Actor1Geo_CountryCode are both empty: GDELT did not place"
            + " this event in any country (expected a FIPS 10-4 code such as ML)");
    return null;
  }

  /** The action's point, or nulls when GDELT gives none. */
  private static Double[] point(RowFields f) {
    String lat = f.text("ActionGeo_Lat");
    String lon = f.text("ActionGeo_Long");
    if (lat == null && lon == null) {
      return new Double[2];
    }
    // GDELT 1.0 back files write 0/0 with no place name for "no point".
    if (isZero(lat) && isZero(lon) && f.text("ActionGeo_FullName") == null) {
      return new Double[2];
    }
    Double latitude = f.latitude("ActionGeo_Lat");
    Double longitude = f.longitude("ActionGeo_Long");
    return new Double[] {latitude, longitude};
  }

  private static boolean isZero(String v) {
    if (v == null) {
      return false;
    }
    try {
      return Double.parseDouble(v) == 0.0;
    } catch (NumberFormatException e) {
      return false;
    }
  }

  /**
   * DATEADDED: the day (GDELT 1.0) or the 15-minute update (2.0) the event was first seen, from
   * 1979 (GDELT's back files begin then) to shortly after the ingest.
   */
  private Instant dateAdded(RowFields f) {
    String v = f.text("DATEADDED");
    if (v == null) {
      return null;
    }
    Instant added;
    try {
      added =
          version == GdeltVersion.V1
              ? LocalDate.parse(v, RowFields.COMPACT.formatter())
                  .atStartOfDay()
                  .toInstant(ZoneOffset.UTC)
              : LocalDateTime.parse(v, DATE_ADDED_V2).toInstant(ZoneOffset.UTC);
    } catch (DateTimeParseException e) {
      f.addProblem(
          ProblemCode.BAD_TIMESTAMP,
          "DATEADDED",
          RowFields.quote(v)
              + " is not a timestamp (expected "
              + (version == GdeltVersion.V1
                  ? "yyyymmdd for GDELT 1.0, e.g. 20160728"
                  : "yyyymmddhhmmss for GDELT 2.0, e.g. 20160728154500")
              + ")");
      return null;
    }
    if (added.isBefore(EARLIEST_DATE_ADDED) || added.isAfter(latestDateAdded)) {
      f.addProblem(
          ProblemCode.IMPLAUSIBLE_TIMESTAMP,
          "DATEADDED",
          RowFields.quote(v)
              + " is outside the possible range (expected a time from "
              + EARLIEST_DATE_ADDED
              + " to "
              + latestDateAdded
              + ")");
      return null;
    }
    return added;
  }

  private static void actor(RowFields f, Event.Builder b, ActorRole role, String prefix) {
    String name = f.text(prefix + "Name");
    if (name == null) {
      name = f.text(prefix + "Code");
    }
    if (name != null) {
      b.actor(role, name, null);
    }
  }
}
