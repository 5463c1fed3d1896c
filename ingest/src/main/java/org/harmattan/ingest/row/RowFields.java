package org.harmattan.ingest.row;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.harmattan.domain.problem.Problem;
import org.harmattan.domain.problem.ProblemCode;

/**
 * Reads typed values from a {@link SourceRow} and collects a {@link Problem} for every value that
 * is wrong, so that a mapper reports all problems of a row at once.
 *
 * <p>Empty strings and R's {@code NA} count as missing.
 */
public final class RowFields {

  /** A date layout a source uses, with the words shown to the user. */
  public record DateLayout(DateTimeFormatter formatter, String description) {
    public DateLayout {
      requireNonNull(formatter, "formatter");
      requireNonNull(description, "description");
    }

    public static DateLayout of(String pattern, String description) {
      return new DateLayout(
          DateTimeFormatter.ofPattern(pattern, Locale.ENGLISH)
              .withResolverStyle(ResolverStyle.STRICT),
          description);
    }
  }

  /** ISO dates, {@code 2019-02-22}. */
  public static final DateLayout ISO = DateLayout.of("uuuu-MM-dd", "yyyy-MM-dd");

  /** ACLED export-tool dates, {@code 22 February 2019}. */
  public static final DateLayout DAY_MONTH_NAME_YEAR =
      DateLayout.of("d MMMM uuuu", "\"22 February 2019\"");

  /** ACLED 2016 dates, {@code 29/12/2015}. */
  public static final DateLayout DAY_SLASH_MONTH_YEAR = DateLayout.of("dd/MM/uuuu", "dd/mm/yyyy");

  /** GDELT dates, {@code 20160728}. */
  public static final DateLayout COMPACT = DateLayout.of("uuuuMMdd", "yyyymmdd");

  /** No conflict event in these sources predates this year; earlier dates are typing errors. */
  private static final int EARLIEST_YEAR = 1946;

  /** How far past the ingest a source's timestamp may lie. */
  private static final Duration TIMESTAMP_TOLERANCE = Duration.ofDays(2);

  /** Timestamps within this many seconds of 1970 are shown with their date (about 30,000 years). */
  private static final long SHOWN_AS_DATE = 1_000_000_000_000L;

  private final SourceRow row;
  private final List<Problem> problems = new ArrayList<>();

  public RowFields(SourceRow row) {
    this.row = requireNonNull(row, "row");
  }

  public SourceRow row() {
    return row;
  }

  public List<Problem> problems() {
    return List.copyOf(problems);
  }

  public boolean hasProblems() {
    return !problems.isEmpty();
  }

  public void addProblem(ProblemCode code, String column, String message) {
    problems.add(new Problem(code, column, message));
  }

  /** The index of the first of {@code columns} the file has, or -1 when it has none. */
  private int indexOfFirst(String... columns) {
    for (String c : columns) {
      int i = row.header().indexOf(c);
      if (i >= 0) {
        return i;
      }
    }
    return -1;
  }

  /** The first of {@code columns} that the file has, or the first given when none is present. */
  public String columnOf(String... columns) {
    for (String c : columns) {
      if (row.header().has(c)) {
        return c;
      }
    }
    return columns[0];
  }

  /**
   * The text of the first present column, or null when missing, empty or {@code NA}. No-break
   * spaces around the value are dropped too: Windows-1252 exports carry them (ACLED 2016 has a
   * longitude written as NBSP + "27.56061"), and {@link String#strip()} keeps them.
   */
  public String text(String... columns) {
    // Blanks go with the no-break spaces (Character.isWhitespace is what String.strip drops).
    String v = stripNoBreakSpaces(row.raw(indexOfFirst(columns)));
    return isMissing(v) ? null : v;
  }

  private static String stripNoBreakSpaces(String v) {
    int start = 0;
    int end = v.length();
    while (start < end
        && (isNoBreakSpace(v.charAt(start)) || Character.isWhitespace(v.charAt(start)))) {
      start++;
    }
    while (end > start
        && (isNoBreakSpace(v.charAt(end - 1)) || Character.isWhitespace(v.charAt(end - 1)))) {
      end--;
    }
    return v.substring(start, end);
  }

  private static boolean isNoBreakSpace(char c) {
    return c == '\u00A0' || c == '\u2007' || c == '\u202F';
  }

  /** Whether a value counts as missing. */
  public static boolean isMissing(String v) {
    return v == null || v.isEmpty() || "NA".equals(v);
  }

  /** Text that must be present; records a {@code missing_<what>} problem otherwise. */
  public String requiredText(String column, ProblemCode code, String expected) {
    String v = text(column);
    if (v == null) {
      addProblem(code, column, column + " is empty (expected " + expected + ")");
    }
    return v;
  }

  /** An optional whole number; records {@code not_a_number} when present but not one. */
  public Integer optionalInt(String column) {
    String v = text(column);
    if (v == null) {
      return null;
    }
    try {
      return Integer.valueOf(v);
    } catch (NumberFormatException e) {
      addProblem(ProblemCode.NOT_A_NUMBER, column, quote(v) + " is not a whole number");
      return null;
    }
  }

  /** An optional whole number within {@code [min, max]}. */
  public Integer optionalInt(String column, int min, int max) {
    Integer v = optionalInt(column);
    if (v != null && (v < min || v > max)) {
      addProblem(
          ProblemCode.OUT_OF_RANGE,
          column,
          v + " is out of range (expected a whole number from " + min + " to " + max + ")");
      return null;
    }
    return v;
  }

  /**
   * A required count of deaths: a whole number of zero or more. Records {@code bad_fatalities}
   * otherwise and returns 0 (the row is rejected anyway).
   */
  public int fatalities(String column) {
    String v = text(column);
    if (v == null) {
      addProblem(
          ProblemCode.BAD_FATALITIES, column, column + " is empty (expected a whole number >= 0)");
      return 0;
    }
    try {
      int n = Integer.parseInt(v);
      if (n >= 0) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    addProblem(
        ProblemCode.BAD_FATALITIES,
        column,
        quote(v) + " is not a count (expected a whole number >= 0)");
    return 0;
  }

  /** A latitude in [-90, 90]; null (with a problem) when missing or invalid. */
  public Double latitude(String column) {
    return coordinate(column, 90, "latitude");
  }

  /** A longitude in [-180, 180]; null (with a problem) when missing or invalid. */
  public Double longitude(String column) {
    return coordinate(column, 180, "longitude");
  }

  private Double coordinate(String column, double limit, String what) {
    String v = text(column);
    if (v == null) {
      addProblem(
          ProblemCode.MISSING_COORDINATES,
          column,
          column + " is empty (expected a " + what + " in decimal degrees)");
      return null;
    }
    double d;
    try {
      d = Double.parseDouble(v.replace(',', '.'));
    } catch (NumberFormatException e) {
      addProblem(
          ProblemCode.BAD_COORDINATES,
          column,
          quote(v) + " is not a number (expected a " + what + " in decimal degrees)");
      return null;
    }
    if (Double.isNaN(d) || d < -limit || d > limit) {
      addProblem(
          ProblemCode.COORDINATES_OUT_OF_RANGE,
          column,
          quote(v)
              + " is out of range (expected a "
              + what
              + " from "
              + (int) -limit
              + " to "
              + (int) limit
              + ")");
      return null;
    }
    return d;
  }

  /**
   * A required date in one of {@code layouts}; records {@code bad_date} when unparseable or
   * impossible (30 February), {@code implausible_date} when before 1946 or in the future.
   */
  public LocalDate date(String column, List<DateLayout> layouts, LocalDate today) {
    String v = text(column);
    if (v == null) {
      addProblem(
          ProblemCode.MISSING_DATE,
          column,
          column + " is empty (expected " + describe(layouts) + ")");
      return null;
    }
    String s =
        v.length() > 10 && v.charAt(4) == '-' && v.charAt(10) == ' ' ? v.substring(0, 10) : v;
    for (DateLayout layout : layouts) {
      try {
        LocalDate d = LocalDate.parse(s, layout.formatter());
        if (d.getYear() < EARLIEST_YEAR || d.isAfter(today)) {
          addProblem(
              ProblemCode.IMPLAUSIBLE_DATE,
              column,
              quote(v)
                  + " is outside the possible range (expected a date from "
                  + EARLIEST_YEAR
                  + " to "
                  + today
                  + ")");
          return null;
        }
        return d;
      } catch (DateTimeParseException e) {
        // try the next layout
      }
    }
    addProblem(
        ProblemCode.BAD_DATE,
        column,
        quote(v) + " is not a date (expected " + describe(layouts) + ")");
    return null;
  }

  /**
   * An optional Unix timestamp in seconds from {@code earliest} to {@code latest}: records {@code
   * bad_timestamp} when not a whole number, {@code implausible_timestamp} when outside (with a hint
   * when the value reads as milliseconds). The range also keeps every accepted value within what
   * the store can hold: far-off instants overflow its microsecond arithmetic.
   */
  public Instant optionalEpochSeconds(String column, Instant earliest, Instant latest) {
    String v = text(column);
    if (v == null) {
      return null;
    }
    long seconds;
    try {
      seconds = Long.parseLong(v);
    } catch (NumberFormatException e) {
      addProblem(
          ProblemCode.BAD_TIMESTAMP,
          column,
          quote(v) + " is not a timestamp (expected seconds since 1970-01-01, e.g. 1551122597)");
      return null;
    }
    if (seconds < earliest.getEpochSecond() || seconds > latest.getEpochSecond()) {
      String hint = "";
      long asMillis = seconds / 1000;
      if (v.length() == 13
          && asMillis >= earliest.getEpochSecond()
          && asMillis <= latest.getEpochSecond()) {
        hint =
            "; it looks like milliseconds ("
                + asMillis
                + " seconds would be "
                + utcDate(asMillis)
                + ")";
      }
      addProblem(
          ProblemCode.IMPLAUSIBLE_TIMESTAMP,
          column,
          quote(v)
              + (-SHOWN_AS_DATE < seconds && seconds < SHOWN_AS_DATE
                  ? " (" + utcDate(seconds) + ")"
                  : "")
              + " is outside the possible range (expected seconds since 1970-01-01 from "
              + earliest.getEpochSecond()
              + " ("
              + utcDate(earliest.getEpochSecond())
              + ") to "
              + latest.getEpochSecond()
              + " ("
              + utcDate(latest.getEpochSecond())
              + "))"
              + hint);
      return null;
    }
    return Instant.ofEpochSecond(seconds);
  }

  /**
   * The latest plausible version timestamp of a row: two days past the later of the end of {@code
   * today} and the moment of the ingest, for time zones and clocks that run ahead. A source cannot
   * have revised a row after it was read; {@code today} may lie in the past when a file is
   * replayed.
   */
  public static Instant latestTimestamp(LocalDate today, Instant ingestedAt) {
    Instant endOfToday = today.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    Instant later = endOfToday.isAfter(ingestedAt) ? endOfToday : ingestedAt;
    return later.plus(TIMESTAMP_TOLERANCE);
  }

  private static LocalDate utcDate(long epochSecond) {
    return LocalDate.ofInstant(Instant.ofEpochSecond(epochSecond), ZoneOffset.UTC);
  }

  private static String describe(List<DateLayout> layouts) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < layouts.size(); i++) {
      if (i > 0) {
        sb.append(i == layouts.size() - 1 ? " or " : ", ");
      }
      sb.append(layouts.get(i).description());
    }
    return sb.toString();
  }

  /** Shows a source value in messages: quoted, shortened when long. */
  public static String quote(String v) {
    String s = v.length() > 60 ? v.substring(0, 57) + "..." : v;
    return "\"" + s + "\"";
  }
}
