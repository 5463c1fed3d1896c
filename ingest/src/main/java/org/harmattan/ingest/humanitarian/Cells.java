package org.harmattan.ingest.humanitarian;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.regex.Pattern;
import org.harmattan.domain.problem.Problem;
import org.harmattan.domain.problem.ProblemCode;
import org.harmattan.ingest.hxl.HxlRow;
import org.harmattan.ingest.hxl.HxlTable;

/** Reads the values of one row, collecting problems instead of throwing. */
final class Cells {
  private static final Pattern GROUPED =
      Pattern.compile("-?\\d{1,3}([,\u00A0\u202F ]\\d{3})+(\\.\\d+)?");
  private static final List<DateTimeFormatter> DATES =
      List.of(
          DateTimeFormatter.ISO_LOCAL_DATE,
          DateTimeFormatter.ofPattern("uuuu/MM/dd", Locale.ROOT),
          DateTimeFormatter.ofPattern("dd-MM-uuuu", Locale.ROOT),
          DateTimeFormatter.ofPattern("dd/MM/uuuu", Locale.ROOT));
  static final String DATE_LAYOUTS =
      "a date from 1900 to 2100, as yyyy-mm-dd, yyyy/mm/dd, dd-mm-yyyy or dd/mm/yyyy";

  /** The years a humanitarian date or year may fall in. */
  static final int FIRST_YEAR = 1900;

  static final int LAST_YEAR = 2100;

  private final HxlTable table;
  private final HxlRow row;
  private final List<Problem> problems = new ArrayList<>();

  Cells(HxlTable table, HxlRow row) {
    this.table = table;
    this.row = row;
  }

  List<Problem> problems() {
    return List.copyOf(problems);
  }

  boolean hasProblems() {
    return !problems.isEmpty();
  }

  void problem(ProblemCode code, OptionalInt column, String message) {
    problems.add(new Problem(code, column.isPresent() ? name(column) : "", message));
  }

  String name(OptionalInt column) {
    return column.isPresent() ? table.columnName(column.getAsInt()) : "";
  }

  /** The stripped text, or null when the column is absent or the cell blank. */
  String text(OptionalInt column) {
    if (column.isEmpty()) {
      return null;
    }
    String v = row.get(column.getAsInt());
    return v.isEmpty() ? null : v;
  }

  /**
   * A number, thousands separators allowed ({@code "8,325,666"}); null when blank (no problem) or
   * unreadable (a {@code not_a_number} problem).
   */
  Double number(OptionalInt column) {
    String v = text(column);
    if (v == null) {
      return null;
    }
    Double d = parseNumber(v);
    if (d == null) {
      problem(
          ProblemCode.NOT_A_NUMBER,
          column,
          quote(v)
              + " in "
              + name(column)
              + " is not a number (expected digits, e.g. 4214 or 4,214)");
    }
    return d;
  }

  static Double parseNumber(String v) {
    String s = v.strip();
    if (GROUPED.matcher(s).matches()) {
      s = s.replaceAll("[,\u00A0\u202F ]", "");
    }
    if (!s.matches("-?\\d+(\\.\\d+)?([eE][-+]?\\d+)?")) {
      return null;
    }
    double d = Double.parseDouble(s);
    return Double.isFinite(d) ? d : null;
  }

  /** A date in one of {@link #DATE_LAYOUTS}; null with a problem when blank or unreadable. */
  LocalDate date(OptionalInt column) {
    String v = text(column);
    if (v == null) {
      problem(
          ProblemCode.MISSING_DATE,
          column,
          name(column) + " is empty (expected " + DATE_LAYOUTS + ")");
      return null;
    }
    LocalDate d = parseDate(v);
    if (d == null) {
      problem(
          ProblemCode.BAD_DATE,
          column,
          quote(v) + " in " + name(column) + " is not a date (expected " + DATE_LAYOUTS + ")");
    }
    return d;
  }

  /**
   * The date {@code v} writes in one of {@link #DATE_LAYOUTS}, from 1900 to 2100; null otherwise (a
   * year 0 is no humanitarian date, and no engine keeps it as written).
   */
  static LocalDate parseDate(String v) {
    String s = v.strip();
    if (s.length() > 10 && s.charAt(10) == 'T') {
      s = s.substring(0, 10);
    }
    for (DateTimeFormatter f : DATES) {
      try {
        LocalDate d = LocalDate.parse(s, f);
        return d.getYear() < FIRST_YEAR || d.getYear() > LAST_YEAR ? null : d;
      } catch (DateTimeParseException e) {
        // next layout
      }
    }
    return null;
  }

  /** A year from 1900 to 2100; null with a problem otherwise. */
  Integer year(OptionalInt column) {
    String v = text(column);
    Double d = v == null ? null : parseNumber(v);
    if (d == null || d != Math.rint(d) || d < FIRST_YEAR || d > LAST_YEAR) {
      problem(
          v == null ? ProblemCode.MISSING_YEAR : ProblemCode.BAD_YEAR,
          column,
          (v == null
                  ? name(column) + " is empty"
                  : quote(v) + " in " + name(column) + " is not a year")
              + " (expected a year such as 2021)");
      return null;
    }
    return d.intValue();
  }

  static String quote(String v) {
    String s = v.length() > 60 ? v.substring(0, 57) + "..." : v;
    return "\"" + s + "\"";
  }
}
