package org.harmattan.ingest.ucdp;

import java.time.LocalDate;
import java.util.List;
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
 * Maps UCDP GED rows to canonical events. One mapper serves every {@link UcdpVariant}: columns are
 * read by name, so the v19 order, the v20+ extra columns and HDX's iso3 column need no branches.
 *
 * <p>Vocabulary from the UCDP GED codebook (version 23.1): {@code type_of_violence} 1 state-based
 * conflict, 2 non-state conflict, 3 one-sided violence; {@code date_prec} 1 exact day … 5 year;
 * {@code where_prec} 1 exact location … 7 international waters or airspace.
 */
public final class UcdpEventMapper implements EventRowMapper {
  /**
   * ISO dates, with or without UCDP's {@code 00:00:00.000} time part, and the {@code 2009/02/20
   * 00:00:00} that GIS tools write when GED's GeoJSON is converted to CSV.
   */
  private static final List<RowFields.DateLayout> DATE_LAYOUTS =
      List.of(RowFields.ISO, RowFields.DateLayout.of("uuuu/MM/dd HH:mm:ss", "yyyy/mm/dd hh:mm:ss"));

  private static final List<String> DEATH_COLUMNS =
      List.of("deaths_a", "deaths_b", "deaths_civilians", "deaths_unknown");

  private final UcdpVariant variant;
  private final RowContext context;
  private final LocalDate today;

  public UcdpEventMapper(UcdpVariant variant, RowContext context, LocalDate today) {
    this.variant = variant;
    this.context = context;
    this.today = today;
  }

  /** The layout this mapper was made for; the mapping itself reads columns by name. */
  public UcdpVariant variant() {
    return variant;
  }

  /** Columns no UCDP row maps without (read by {@link #map}), with GIS tools' X and Y. */
  private static final List<List<String>> REQUIRED_COLUMNS =
      List.of(
          List.of("id"),
          List.of("date_start"),
          List.of("type_of_violence"),
          List.of("side_a"),
          List.of("best"),
          List.of("latitude", "Y"),
          List.of("longitude", "X"));

  @Override
  public List<List<String>> requiredColumns() {
    return REQUIRED_COLUMNS;
  }

  @Override
  public MapResult<Event> map(SourceRow row) {
    RowFields f = new RowFields(row);
    String id = f.requiredText("id", ProblemCode.MISSING_EVENT_ID, "UCDP's numeric event id");
    LocalDate start = f.date("date_start", DATE_LAYOUTS, today);
    LocalDate end = f.text("date_end") == null ? start : f.date("date_end", DATE_LAYOUTS, today);
    if (start != null && end != null && end.isBefore(start)) {
      f.addProblem(
          ProblemCode.BAD_DATE_RANGE,
          "date_end",
          "date_end "
              + end
              + " is before date_start "
              + start
              + " (expected date_end on or after date_start)");
    }
    DatePrecision precision = datePrecision(f);
    Integer violence = typeOfViolence(f);
    String sideA = f.requiredText("side_a", ProblemCode.MISSING_ACTOR, "the name of UCDP's side A");
    String sideB = f.requiredText("side_b", ProblemCode.MISSING_ACTOR, "the name of UCDP's side B");
    String country = country(f);
    Double latitude = f.latitude(f.columnOf("latitude", "Y"));
    Double longitude = f.longitude(f.columnOf("longitude", "X"));
    Integer wherePrec = f.optionalInt("where_prec", 1, 7);
    Fatalities fatalities = fatalities(f);
    if (f.hasProblems()) {
      return MapResult.rejected(f.problems());
    }
    String notes = f.text("source_headline");
    return EventRowMapper.buildOrReject(
        () ->
            Event.builder(SourceSystem.UCDP, id)
                .date(start)
                .endDate(end)
                .datePrecision(precision)
                .eventType(violence == 3 ? EventType.VIOLENCE_AGAINST_CIVILIANS : EventType.BATTLES)
                .sourceEventType(violence + " " + violenceLabel(violence))
                .actor(ActorRole.ACTOR_1, sideA, interCode(sideA))
                .actor(ActorRole.ACTOR_2, sideB, interCode(sideB))
                .civilianTargeting(violence == 3)
                .countryIso3(country)
                .admin1(f.text("adm_1"))
                .admin2(f.text("adm_2"))
                .location(f.text("where_coordinates"))
                .point(latitude, longitude)
                .geoPrecision(wherePrec)
                .fatalities(fatalities)
                .notes(notes != null ? notes : f.text("where_description"))
                .sourceNames(f.text("source_office"))
                .provenance(context.provenance(row.lineNumber(), null))
                .build());
  }

  /** date_prec: 1 day, 2 a few days, 3 a week, 4 a month, 5 a year. */
  private static DatePrecision datePrecision(RowFields f) {
    String v = f.text("date_prec");
    if (v == null) {
      f.addProblem(
          ProblemCode.MISSING_DATE_PRECISION,
          "date_prec",
          "date_prec is empty (expected 1 day, 2–3 week, 4 month or 5 year)");
      return null;
    }
    return switch (v) {
      case "1" -> DatePrecision.DAY;
      case "2", "3" -> DatePrecision.WEEK;
      case "4" -> DatePrecision.MONTH;
      case "5" -> DatePrecision.YEAR;
      default -> {
        f.addProblem(
            ProblemCode.BAD_DATE_PRECISION,
            "date_prec",
            RowFields.quote(v) + " is not a UCDP date precision (expected 1, 2, 3, 4 or 5)");
        yield null;
      }
    };
  }

  private static Integer typeOfViolence(RowFields f) {
    String v = f.text("type_of_violence");
    if (v == null) {
      f.addProblem(
          ProblemCode.MISSING_EVENT_TYPE,
          "type_of_violence",
          "type_of_violence is empty (expected 1 state-based, 2 non-state or 3 one-sided)");
      return null;
    }
    return switch (v) {
      case "1" -> 1;
      case "2" -> 2;
      case "3" -> 3;
      default -> {
        f.addProblem(
            ProblemCode.UNKNOWN_EVENT_TYPE,
            "type_of_violence",
            RowFields.quote(v)
                + " is not a UCDP type of violence (expected 1 state-based, 2 non-state or 3"
                + " one-sided)");
        yield null;
      }
    };
  }

  private static String violenceLabel(int type) {
    return switch (type) {
      case 1 -> "state-based conflict";
      case 2 -> "non-state conflict";
      default -> "one-sided violence";
    };
  }

  /** ACLED's inter codes where UCDP's names make them certain: 1 state forces, 7 civilians. */
  private static Integer interCode(String side) {
    if (side.startsWith("Government of")) {
      return 1;
    }
    return "Civilians".equals(side) ? 7 : null;
  }

  /** The iso3 column (HDX) when present, else the country name. */
  private static String country(RowFields f) {
    Countries countries = Countries.get();
    String iso3 = f.text("iso3");
    if (iso3 != null) {
      if (countries.isIso3(iso3)) {
        return iso3;
      }
      f.addProblem(
          ProblemCode.UNKNOWN_COUNTRY,
          "iso3",
          RowFields.quote(iso3) + " is not an ISO 3166-1 alpha-3 code (expected e.g. MLI)");
      return null;
    }
    String name = f.text("country");
    Optional<String> found = countries.findIso3ByName(name);
    if (found.isEmpty()) {
      f.addProblem(
          ProblemCode.UNKNOWN_COUNTRY,
          "country",
          (name == null ? "country is empty" : RowFields.quote(name) + " is not a known country")
              + " (expected a UCDP country name such as Mali or \"DR Congo (Zaire)\");"
              + " add the spelling to countries.tsv if it is a country");
    }
    return found.orElse(null);
  }

  /**
   * low, best and high. UCDP defines best as the sum of deaths_a, deaths_b, deaths_civilians and
   * deaths_unknown; published GED files contain events whose low or high estimate falls on the
   * wrong side of best (ids 71686, 236880, …). When the four counts confirm best, best is kept, as
   * UCDP's own totals do, and the bounds are widened to include it; otherwise the row contradicts
   * itself and is rejected as {@code inconsistent_fatalities}.
   */
  private static Fatalities fatalities(RowFields f) {
    int problemsBefore = f.problems().size();
    int best = f.fatalities("best");
    int low = f.fatalities("low");
    int high = f.fatalities("high");
    if (f.problems().size() > problemsBefore) {
      return null;
    }
    if (low <= best && best <= high) {
      return new Fatalities(best, low, high);
    }
    Long breakdown = deathsBreakdown(f);
    if (breakdown != null && breakdown == best) {
      return new Fatalities(best, Math.min(low, best), Math.max(high, best));
    }
    f.addProblem(
        ProblemCode.INCONSISTENT_FATALITIES,
        "best",
        "low "
            + low
            + ", best "
            + best
            + ", high "
            + high
            + " do not satisfy low <= best <= high, and best is not the sum of deaths_a,"
            + " deaths_b, deaths_civilians and deaths_unknown"
            + (breakdown == null ? " (those columns are missing)" : " (" + breakdown + ")")
            + "; expected consistent UCDP estimates");
    return null;
  }

  /** The sum of the four death counts, or null when any is missing or not a count. */
  private static Long deathsBreakdown(RowFields f) {
    long sum = 0;
    for (String column : DEATH_COLUMNS) {
      String v = f.text(column);
      if (v == null) {
        return null;
      }
      try {
        int n = Integer.parseInt(v);
        if (n < 0) {
          return null;
        }
        sum += n;
      } catch (NumberFormatException e) {
        return null;
      }
    }
    return sum;
  }
}
