package org.harmattan.ingest.series;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.harmattan.domain.figure.SourceRef;
import org.harmattan.domain.problem.MapResult;
import org.harmattan.domain.problem.ProblemCode;
import org.harmattan.engine.series.SeriesPoint;
import org.harmattan.ingest.common.Countries;
import org.harmattan.ingest.row.RowFields;
import org.harmattan.ingest.row.SourceRow;

/**
 * Maps the rows of one VIEWS country-month file ({@code views-cm}) to points of the series {@code
 * ged_sb} at level {@code country}: unit id {@code country_id}, unit name {@code name}, country
 * {@code isoab}, month {@code year}-{@code month}, value {@code ged_sb}.
 *
 * <p>A row is rejected, never dropped, for: a count that is empty, not a whole number or negative;
 * a year, month or {@code month_id} that is not a whole number, or a {@code month_id} that does not
 * agree with year and month (VIEWS counts months from 1 = 1980-01: {@code month_id = (year - 1980)
 * * 12 + month}); a country code the project's country table does not know, or a {@code country_id}
 * the file gave earlier with another code; a second row for a {@code country_id} and month, which
 * names the first's line. One mapper reads one file: it remembers what earlier rows gave. VIEWS
 * leaves {@code isoab} empty where ISO 3166 has no code (Kosovo); such a row is placed by its
 * {@code name} when the country table knows the name, and {@link #notes()} says so.
 */
public final class ViewsCountryMonthMapper {
  /** The series the file gives: UCDP GED state-based fatalities (best estimate). */
  public static final String SERIES = "ged_sb";

  /** The unit of analysis: a VIEWS country. */
  public static final String LEVEL = "country";

  private static final int FIRST_YEAR = 1980;

  private final SourceRef source;
  private final Countries countries;

  /** The line of the first row of each country_id and month. */
  private final Map<UnitMonth, Long> firstRow = new HashMap<>();

  /** The country code each country_id had where the file first gave it one. */
  private final Map<String, Stated> firstCountry = new HashMap<>();

  /** Countries with no isoab, placed by name: by country_id. */
  private final Map<String, Placement> placedByName = new LinkedHashMap<>();

  private record UnitMonth(String unitId, YearMonth month) {}

  private record Stated(String iso3, long line) {}

  /** Rows of one country placed by their name: what and where. */
  private static final class Placement {
    final String name;
    final String iso3;
    final long firstLine;
    long rows;

    Placement(String name, String iso3, long firstLine) {
      this.name = name;
      this.iso3 = iso3;
      this.firstLine = firstLine;
    }
  }

  /**
   * @param source the file's provenance, carried by every point (system {@code views})
   */
  public ViewsCountryMonthMapper(SourceRef source, Countries countries) {
    this.source = requireNonNull(source, "source");
    this.countries = requireNonNull(countries, "countries");
  }

  /** A point, or every problem of the row. */
  public MapResult<SeriesPoint> map(SourceRow row) {
    RowFields f = new RowFields(row);
    Long monthId = monthId(f);
    Integer year = year(f);
    Integer month = month(f);
    YearMonth ym = null;
    if (year != null && month != null) {
      ym = YearMonth.of(year, month);
      if (monthId != null && monthId != expectedMonthId(ym)) {
        f.addProblem(
            ProblemCode.BAD_MONTH_ID,
            "month_id",
            "month_id "
                + monthId
                + " is "
                + monthOf(monthId)
                + " but year and month say "
                + ym
                + " (expected month_id "
                + expectedMonthId(ym)
                + "; VIEWS month_id 1 = 1980-01)");
      }
    }
    String unitId = countryId(f);
    Double value = count(f);
    String name = Optional.ofNullable(f.text("name")).orElse("");
    String iso3 = country(f, unitId, name, row.lineNumber());
    if (unitId != null && iso3 != null) {
      Stated first = firstCountry.putIfAbsent(unitId, new Stated(iso3, row.lineNumber()));
      if (first != null && !first.iso3().equals(iso3)) {
        f.addProblem(
            ProblemCode.INCONSISTENT_UNIT,
            "isoab",
            "country_id "
                + unitId
                + " is "
                + iso3
                + " here but "
                + first.iso3()
                + " on line "
                + first.line()
                + " (expected one country per country_id)");
      }
    }
    if (unitId != null && ym != null) {
      Long first = firstRow.putIfAbsent(new UnitMonth(unitId, ym), row.lineNumber());
      if (first != null) {
        f.addProblem(
            ProblemCode.DUPLICATE_POINT,
            "",
            "a second row for country_id "
                + unitId
                + " in "
                + ym
                + "; the first is on line "
                + first
                + " (expected one row per country_id and month)");
      }
    }
    if (f.hasProblems()) {
      return MapResult.rejected(f.problems());
    }
    Placement placed = placedByName.get(unitId);
    if (placed != null && placed.iso3.equals(iso3)) {
      placed.rows++;
    }
    return MapResult.mapped(
        new SeriesPoint(SERIES, LEVEL, unitId, name, iso3, ym, value, source, row.lineNumber()));
  }

  /** What the file's rows needed that the user should know: countries placed by name. */
  public List<String> notes() {
    List<String> notes = new ArrayList<>();
    for (Map.Entry<String, Placement> e : placedByName.entrySet()) {
      Placement p = e.getValue();
      if (p.rows == 0) {
        continue;
      }
      notes.add(
          p.rows
              + " rows of country_id "
              + e.getKey()
              + " have no isoab (from line "
              + p.firstLine
              + "): placed by their name \""
              + p.name
              + "\" as "
              + p.iso3);
    }
    return notes;
  }

  /** VIEWS's month_id of a month: 1 = 1980-01. */
  public static long expectedMonthId(YearMonth month) {
    return (month.getYear() - FIRST_YEAR) * 12L + month.getMonthValue();
  }

  private static YearMonth monthOf(long monthId) {
    return YearMonth.of(FIRST_YEAR, 1).plusMonths(monthId - 1);
  }

  private static Long monthId(RowFields f) {
    String v = f.text("month_id");
    Long id = v == null ? null : wholeNumber(v);
    if (id == null || id < 1) {
      f.addProblem(
          ProblemCode.BAD_MONTH_ID,
          "month_id",
          (v == null ? "month_id is empty" : RowFields.quote(v) + " is not a VIEWS month id")
              + " (expected a whole number >= 1; 1 = 1980-01)");
      return null;
    }
    return id;
  }

  private static Integer year(RowFields f) {
    String v = f.text("year");
    Long y = v == null ? null : wholeNumber(v);
    if (y == null || y < FIRST_YEAR || y > 9999) {
      f.addProblem(
          ProblemCode.BAD_YEAR,
          "year",
          (v == null ? "year is empty" : RowFields.quote(v) + " is not a year")
              + " (expected a year from "
              + FIRST_YEAR
              + ", e.g. 2019)");
      return null;
    }
    return y.intValue();
  }

  private static Integer month(RowFields f) {
    String v = f.text("month");
    Long m = v == null ? null : wholeNumber(v);
    if (m == null || m < 1 || m > 12) {
      f.addProblem(
          ProblemCode.BAD_MONTH,
          "month",
          (v == null ? "month is empty" : RowFields.quote(v) + " is not a month")
              + " (expected a whole number from 1 to 12)");
      return null;
    }
    return m.intValue();
  }

  private static String countryId(RowFields f) {
    String v = f.text("country_id");
    Long id = v == null ? null : wholeNumber(v);
    if (id == null || id < 1) {
      f.addProblem(
          ProblemCode.NOT_A_NUMBER,
          "country_id",
          (v == null ? "country_id is empty" : RowFields.quote(v) + " is not a VIEWS country id")
              + " (expected a whole number >= 1, e.g. 50 for Mali)");
      return null;
    }
    return Long.toString(id);
  }

  /** The count of deaths: a whole number of zero or more ("3" or "3.0"). */
  private static Double count(RowFields f) {
    String v = f.text("ged_sb");
    if (v == null) {
      f.addProblem(
          ProblemCode.BAD_FATALITIES,
          "ged_sb",
          "ged_sb is empty (expected a count of deaths, a whole number >= 0)");
      return null;
    }
    BigDecimal d;
    try {
      d = new BigDecimal(v);
    } catch (NumberFormatException e) {
      d = null;
    }
    if (d == null || d.stripTrailingZeros().scale() > 0) {
      f.addProblem(
          ProblemCode.BAD_FATALITIES,
          "ged_sb",
          RowFields.quote(v) + " is not a count of deaths (expected a whole number >= 0)");
      return null;
    }
    if (d.signum() < 0) {
      f.addProblem(
          ProblemCode.BAD_FATALITIES,
          "ged_sb",
          RowFields.quote(v) + " is negative (expected a count of deaths, a whole number >= 0)");
      return null;
    }
    return d.doubleValue();
  }

  /** The row's ISO3 code: isoab, or the name where isoab is empty. */
  private String country(RowFields f, String unitId, String name, long line) {
    String v = f.text("isoab");
    if (v != null) {
      String code = v.toUpperCase(Locale.ROOT);
      if (code.length() == 3 && countries.isIso3(code)) {
        return code;
      }
      f.addProblem(
          ProblemCode.UNKNOWN_COUNTRY,
          "isoab",
          RowFields.quote(v)
              + " is not a country code Harmattan knows (expected an ISO 3166-1 alpha-3 code"
              + " such as MLI)");
      return null;
    }
    Optional<String> byName = name.isEmpty() ? Optional.empty() : countries.findIso3ByName(name);
    if (byName.isEmpty()) {
      f.addProblem(
          ProblemCode.UNKNOWN_COUNTRY,
          "isoab",
          "isoab is empty and "
              + (name.isEmpty()
                  ? "so is name"
                  : "the name " + RowFields.quote(name) + " is not a country Harmattan knows")
              + " (expected an ISO 3166-1 alpha-3 code such as MLI)");
      return null;
    }
    if (unitId != null) {
      placedByName.putIfAbsent(unitId, new Placement(name, byName.get(), line));
    }
    return byName.get();
  }

  /** A whole number written as digits (a trailing ".0" allowed), or null. */
  private static Long wholeNumber(String v) {
    try {
      BigDecimal d = new BigDecimal(v);
      if (d.stripTrailingZeros().scale() > 0) {
        return null;
      }
      return d.longValueExact();
    } catch (NumberFormatException | ArithmeticException e) {
      return null;
    }
  }
}
