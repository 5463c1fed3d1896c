package org.harmattan.briefs.render;

import static java.util.Objects.requireNonNull;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.time.format.TextStyle;
import java.util.Locale;
import org.harmattan.briefs.model.Block;
import org.harmattan.briefs.model.Inline;
import org.harmattan.domain.figure.Figure;
import org.harmattan.domain.figure.Period;

/**
 * The one place where numbers become text. Every renderer (HTML, PDF, Markdown, chart labels)
 * prints figures through here, so "757 events" reads the same everywhere.
 *
 * <p>Rules: thousands grouped with commas (Locale.ROOT); negatives with a real minus sign (U+2212),
 * never a hyphen; percentages (signed changes, unit {@code percent}) and shares (0..1, unit {@code
 * share}) without decimals unless the magnitude is below 10, then with one; a missing value prints
 * as "n/a" followed by the figure's note. Unit {@code status} prints the word of a corridor status
 * code (0 open, 1 disrupted, 2 blocked); unit {@code index_100} a whole number out of 100
 * ("47/100", "47" under a header).
 */
public final class FigureFormat {

  /** The minus sign used for every negative number. */
  public static final char MINUS = '\u2212';

  /** Shown instead of a missing value. */
  public static final String NOT_AVAILABLE = "n/a";

  private FigureFormat() {}

  /** The figure with its unit: "757 events", "+61 %", or "n/a (note)" when it has no value. */
  public static String format(Figure figure) {
    return format(figure, Inline.Style.WITH_UNIT);
  }

  /** The figure printed in {@code style}; NUMBER_ONLY prints "n/a" alone when there is no value. */
  public static String format(Figure figure, Inline.Style style) {
    requireNonNull(figure, "figure");
    requireNonNull(style, "style");
    if (figure.value() == null) {
      return style == Inline.Style.WITH_UNIT ? notAvailable(figure.note()) : NOT_AVAILABLE;
    }
    return style == Inline.Style.WITH_UNIT
        ? withUnit(figure.value(), figure.unit())
        : numberOnly(figure.value(), figure.unit());
  }

  /** "n/a" with the reason, e.g. "n/a (no events in the comparison period)". */
  public static String notAvailable(String note) {
    return note == null || note.isBlank() ? NOT_AVAILABLE : NOT_AVAILABLE + " (" + note + ")";
  }

  /** A value with its unit word: "1 event", "1,762 deaths", "−12 %", "4.5 km", "p = 0.032". */
  public static String withUnit(double value, String unit) {
    requireNonNull(unit, "unit");
    return switch (unit) {
      case "events" -> counted(value, "event", "events");
      case "deaths" -> counted(value, "death", "deaths");
      case "people" -> counted(value, "person", "people");
      case "days" -> counted(value, "day", "days");
      case "cells" -> counted(value, "cell", "cells");
      case "level" -> "level " + plain(value);
      case "km" -> magnitude(value) + " km";
      case "km_per_month" -> magnitude(value) + " km/month";
      case "status" -> status(value);
      case "index_100" -> fixed(value, 0) + "/100";
      case "percent", "share", "p_value", "ratio", "count" -> numberOnly(value, unit);
      default -> plain(value) + " " + unit;
    };
  }

  /** A value as printed under a column header that already names the unit: "757", "+61 %". */
  public static String numberOnly(double value, String unit) {
    requireNonNull(unit, "unit");
    return switch (unit) {
      case "percent" -> percent(value, true);
      case "share" -> percent(value * 100.0, false);
      case "p_value" -> pValue(value);
      case "ratio" -> fixed(value, 2);
      case "km", "km_per_month" -> magnitude(value);
      case "status" -> status(value);
      case "index_100" -> fixed(value, 0);
      default -> plain(value);
    };
  }

  /** A corridor status code as a word: 0 open, 1 disrupted, 2 blocked. */
  private static String status(double value) {
    if (value == 0) {
      return "open";
    }
    if (value == 1) {
      return "disrupted";
    }
    if (value == 2) {
      return "blocked";
    }
    throw new IllegalArgumentException("not a status code (0, 1 or 2): " + value);
  }

  /** A count of things (records, ids) grouped with commas: "1,762". */
  public static String count(long n) {
    return fixed((double) n, 0);
  }

  /**
   * A number format for chart axes: grouping commas and the real minus sign. A new instance each
   * call, because {@link NumberFormat} is not thread-safe.
   */
  public static NumberFormat axisFormat() {
    DecimalFormatSymbols symbols = DecimalFormatSymbols.getInstance(Locale.ROOT);
    symbols.setMinusSign(MINUS);
    symbols.setGroupingSeparator(',');
    symbols.setDecimalSeparator('.');
    return new DecimalFormat("#,##0.##", symbols);
  }

  /**
   * A window in words: "January–December 2018", "March 2018", "November 2017 – February 2018", "3
   * January – 17 February 2018". Whole months print without days.
   */
  public static String formatPeriod(Period period) {
    requireNonNull(period, "period");
    LocalDate from = period.from();
    LocalDate to = period.to();
    boolean wholeMonths = from.getDayOfMonth() == 1 && to.getDayOfMonth() == to.lengthOfMonth();
    boolean sameYear = from.getYear() == to.getYear();
    if (wholeMonths) {
      if (sameYear && from.getMonth() == to.getMonth()) {
        return month(from) + " " + from.getYear();
      }
      return sameYear
          ? month(from) + "\u2013" + month(to) + " " + to.getYear()
          : month(from) + " " + from.getYear() + " \u2013 " + month(to) + " " + to.getYear();
    }
    if (from.equals(to)) {
      return day(to);
    }
    if (sameYear && from.getMonth() == to.getMonth()) {
      return from.getDayOfMonth() + "\u2013" + day(to);
    }
    return sameYear
        ? from.getDayOfMonth() + " " + month(from) + " \u2013 " + day(to)
        : day(from) + " \u2013 " + day(to);
  }

  /**
   * How a plotted point is named in a chart's value table: on a time line, the month of the
   * figure's own period ("March 2017"), so that a comparison series plotted on this year's months
   * still names its own months; otherwise the point's category.
   */
  public static String pointLabel(Block.Chart chart, Block.Point point, Figure figure) {
    if (chart.kind().overTime()) {
      // A point over time is labelled by the month its figure counts (a comparison series is drawn
      // at the window's months but counts the year before's); a figure over a longer period (a
      // monthly median cited with the whole window) by the month of the point's own label.
      LocalDate from = figure.period().from();
      if (!YearMonth.from(from).equals(YearMonth.from(figure.period().to()))) {
        try {
          from = LocalDate.parse(point.label());
        } catch (DateTimeParseException e) {
          // Not a day: the period's first month it is.
        }
      }
      return month(from) + " " + from.getYear();
    }
    return point.label();
  }

  /** A day in words: "3 January 2018". */
  public static String day(LocalDate date) {
    return date.getDayOfMonth() + " " + month(date) + " " + date.getYear();
  }

  private static String month(LocalDate date) {
    // English month names: the briefs are written in English whatever the machine's locale.
    return date.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH);
  }

  private static String counted(double value, String one, String many) {
    return plain(value) + " " + (Math.abs(value) == 1.0 ? one : many);
  }

  /** Integers grouped ("1,762"); other values with one decimal ("12.5"). */
  private static String plain(double value) {
    double rounded = Math.round(value * 10.0) / 10.0;
    return isWhole(rounded) ? fixed(rounded, 0) : fixed(rounded, 1);
  }

  /** Distances: one decimal below 10, whole numbers above. */
  private static String magnitude(double value) {
    double rounded = Math.round(value * 10.0) / 10.0;
    return Math.abs(rounded) < 10 && !isWhole(rounded) ? fixed(rounded, 1) : fixed(value, 0);
  }

  private static String percent(double value, boolean signed) {
    double oneDecimal = Math.round(value * 10.0) / 10.0;
    if (value == 0.0) {
      return "0 %";
    }
    if (oneDecimal == 0.0) {
      // Below 0.05 %: two significant digits, so a small share does not read as none.
      String small =
          new java.math.BigDecimal(Math.abs(value))
              .round(new java.math.MathContext(2))
              .stripTrailingZeros()
              .toPlainString();
      return (value < 0 ? String.valueOf(MINUS) : signed ? "+" : "") + small + " %";
    }
    int decimals = Math.abs(oneDecimal) < 10 ? 1 : 0;
    String digits = fixed(Math.abs(value), decimals);
    String sign = value < 0 ? String.valueOf(MINUS) : signed ? "+" : "";
    return sign + digits + " %";
  }

  private static String pValue(double value) {
    return value < 0.001 ? "p < 0.001" : "p = " + fixed(value, 3);
  }

  private static boolean isWhole(double value) {
    return value == Math.rint(value);
  }

  /** Grouped, rounded half-up to {@code decimals}, with U+2212 for negatives and no "−0". */
  private static String fixed(double value, int decimals) {
    String digits = String.format(Locale.ROOT, "%,." + decimals + "f", Math.abs(value));
    boolean zero = digits.chars().allMatch(c -> c == '0' || c == '.' || c == ',');
    return value < 0 && !zero ? MINUS + digits : digits;
  }
}
