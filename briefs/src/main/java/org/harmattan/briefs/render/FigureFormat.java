package org.harmattan.briefs.render;

import static java.util.Objects.requireNonNull;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import org.harmattan.briefs.model.Block;
import org.harmattan.briefs.model.Inline;
import org.harmattan.domain.figure.Figure;
import org.harmattan.domain.figure.Period;
import org.harmattan.domain.text.Language;
import org.harmattan.domain.text.Texts;

/**
 * The one place where numbers become text. Every renderer (HTML, PDF, Markdown, chart labels)
 * prints figures through here, so "757 events" reads the same everywhere.
 *
 * <p>One instance per language ({@link #ENGLISH}, {@link #of}); words (units, statuses, months)
 * come from the bundle {@code org.harmattan.briefs.text.format}. Rules: thousands grouped with
 * commas and a decimal point in English, a narrow no-break space (U+202F) and a decimal comma in
 * French, with a no-break space before "%" and "km"; negatives with a real minus sign (U+2212),
 * never a hyphen; percentages (signed changes, unit {@code percent}) and shares (0..1, unit {@code
 * share}) without decimals unless the magnitude is below 10, then with one; a missing value prints
 * as "n/a" followed by the figure's note. Unit {@code status} prints the word of a corridor status
 * code (0 open, 1 disrupted, 2 blocked); unit {@code index_100} a whole number out of 100
 * ("47/100", "47" under a header).
 */
public final class FigureFormat {

  /** The minus sign used for every negative number. */
  public static final char MINUS = '\u2212';

  /** The bundle of this class's words. */
  public static final String BUNDLE = "org.harmattan.briefs.text.format";

  /** Figures as an English brief prints them. */
  public static final FigureFormat ENGLISH = new FigureFormat(Language.EN);

  private static final FigureFormat FRENCH = new FigureFormat(Language.FR);

  private final Texts texts;
  private final char grouping;
  private final char decimal;
  private final String unitSpace;

  private FigureFormat(Language language) {
    this.texts = Texts.of(language, BUNDLE);
    boolean fr = language == Language.FR;
    this.grouping = fr ? '\u202f' : ',';
    this.decimal = fr ? ',' : '.';
    this.unitSpace = fr ? "\u00a0" : " ";
  }

  /** The format of {@code language}. */
  public static FigureFormat of(Language language) {
    return language == Language.FR ? FRENCH : ENGLISH;
  }

  /** The language's words (months, days). */
  public Texts texts() {
    return texts;
  }

  /** Shown instead of a missing value: "n/a", "n.d.". */
  public String notAvailable() {
    return texts.t("format.not_available");
  }

  /** The figure with its unit: "757 events", "+61 %", or "n/a (note)" when it has no value. */
  public String format(Figure figure) {
    return format(figure, Inline.Style.WITH_UNIT);
  }

  /** The figure printed in {@code style}; NUMBER_ONLY prints "n/a" alone when there is no value. */
  public String format(Figure figure, Inline.Style style) {
    requireNonNull(figure, "figure");
    requireNonNull(style, "style");
    if (figure.value() == null) {
      return style == Inline.Style.WITH_UNIT ? notAvailable(figure.note()) : notAvailable();
    }
    return style == Inline.Style.WITH_UNIT
        ? withUnit(figure.value(), figure.unit())
        : numberOnly(figure.value(), figure.unit());
  }

  /** "n/a" with the reason, e.g. "n/a (no events in the comparison period)". */
  public String notAvailable(String note) {
    return note == null || note.isBlank() ? notAvailable() : notAvailable() + " (" + note + ")";
  }

  /** A value with its unit word: "1 event", "1,762 deaths", "−12 %", "4.5 km", "p = 0.032". */
  public String withUnit(double value, String unit) {
    requireNonNull(unit, "unit");
    return switch (unit) {
      case "events", "deaths", "people", "days", "cells" ->
          plain(value) + " " + texts.plural("format.unit." + unit, value);
      case "weighted events" ->
          plain(value) + " " + texts.plural("format.unit.weighted_events", value);
      case "level" -> texts.t("format.unit.level", plain(value));
      case "km" -> magnitude(value) + unitSpace + "km";
      case "km_per_month" -> magnitude(value) + unitSpace + texts.t("format.unit.km_per_month");
      case "status" -> status(value);
      case "index_100" -> fixed(value, 0) + "/100";
      case "percent", "share", "p_value", "ratio", "count" -> numberOnly(value, unit);
      default -> plain(value) + " " + unit;
    };
  }

  /** A value as printed under a column header that already names the unit: "757", "+61 %". */
  public String numberOnly(double value, String unit) {
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
  private String status(double value) {
    if (value == 0 || value == 1 || value == 2) {
      return texts.t("format.status." + (int) value);
    }
    throw new IllegalArgumentException("not a status code (0, 1 or 2): " + value);
  }

  /** A count of things (records, ids) grouped: "1,762", "1 762". */
  public String count(long n) {
    return fixed((double) n, 0);
  }

  /** A number as written in this language, {@code decimals} after the separator: "0.35". */
  public String decimal(double value, int decimals) {
    return fixed(value, decimals);
  }

  /**
   * A number format for chart axes: the language's grouping and decimal marks and the real minus
   * sign. A new instance each call, because {@link NumberFormat} is not thread-safe.
   */
  public NumberFormat axisFormat() {
    DecimalFormatSymbols symbols = DecimalFormatSymbols.getInstance(Locale.ROOT);
    symbols.setMinusSign(MINUS);
    symbols.setGroupingSeparator(grouping);
    symbols.setDecimalSeparator(decimal);
    return new DecimalFormat("#,##0.##", symbols);
  }

  /**
   * A window in words: "January–December 2018", "March 2018", "November 2017 – February 2018", "3
   * January – 17 February 2018". Whole months print without days.
   */
  public String formatPeriod(Period period) {
    requireNonNull(period, "period");
    LocalDate from = period.from();
    LocalDate to = period.to();
    boolean wholeMonths = from.getDayOfMonth() == 1 && to.getDayOfMonth() == to.lengthOfMonth();
    boolean sameYear = from.getYear() == to.getYear();
    if (wholeMonths) {
      if (sameYear && from.getMonth() == to.getMonth()) {
        return texts.monthYear(from);
      }
      return sameYear
          ? month(from) + "\u2013" + texts.monthYear(to)
          : texts.monthYear(from) + " \u2013 " + texts.monthYear(to);
    }
    if (from.equals(to)) {
      return day(to);
    }
    if (sameYear && from.getMonth() == to.getMonth()) {
      return texts.dayOfMonth(from) + "\u2013" + day(to);
    }
    return sameYear
        ? texts.dayOfMonth(from) + " " + month(from) + " \u2013 " + day(to)
        : day(from) + " \u2013 " + day(to);
  }

  /**
   * How a plotted point is named in a chart's value table: on a time line, the month of the
   * figure's own period ("March 2017"), so that a comparison series plotted on this year's months
   * still names its own months; otherwise the point's category.
   */
  public String pointLabel(Block.Chart chart, Block.Point point, Figure figure) {
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
      return texts.monthYear(from);
    }
    return point.label();
  }

  /**
   * The day a record was read into the store, as the notes print it: "2026-12-04" in English, in
   * words in French ("4 décembre 2026").
   */
  public String stamp(LocalDate date) {
    requireNonNull(date, "date");
    return texts.language() == Language.EN ? date.toString() : day(date);
  }

  /**
   * When a brief was made, in UTC: "2026-12-04 18:05 UTC", "4 décembre 2026 à 18:05 UTC" (the time
   * stays ISO in every language).
   */
  public String timestamp(Instant instant) {
    requireNonNull(instant, "instant");
    LocalDateTime utc = LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    return texts.t(
        "format.timestamp",
        stamp(utc.toLocalDate()),
        String.format(Locale.ROOT, "%02d:%02d", utc.getHour(), utc.getMinute()));
  }

  /** A day in words: "3 January 2018", "1er janvier 2018". */
  public String day(LocalDate date) {
    return texts.day(date);
  }

  private String month(LocalDate date) {
    // The brief's language, whatever the machine's locale.
    return texts.month(date.getMonth());
  }

  /** Integers grouped ("1,762"); other values with one decimal ("12.5"). */
  private String plain(double value) {
    double rounded = Math.round(value * 10.0) / 10.0;
    return isWhole(rounded) ? fixed(rounded, 0) : fixed(rounded, 1);
  }

  /** Distances: one decimal below 10, whole numbers above. */
  private String magnitude(double value) {
    double rounded = Math.round(value * 10.0) / 10.0;
    return Math.abs(rounded) < 10 && !isWhole(rounded) ? fixed(rounded, 1) : fixed(value, 0);
  }

  private String percent(double value, boolean signed) {
    double oneDecimal = Math.round(value * 10.0) / 10.0;
    if (value == 0.0) {
      return "0" + unitSpace + "%";
    }
    if (oneDecimal == 0.0) {
      // Below 0.05 %: two significant digits, so a small share does not read as none.
      String small =
          new java.math.BigDecimal(Math.abs(value))
              .round(new java.math.MathContext(2))
              .stripTrailingZeros()
              .toPlainString()
              .replace('.', decimal);
      return (value < 0 ? String.valueOf(MINUS) : signed ? "+" : "") + small + unitSpace + "%";
    }
    int decimals = Math.abs(oneDecimal) < 10 ? 1 : 0;
    String digits = fixed(Math.abs(value), decimals);
    String sign = value < 0 ? String.valueOf(MINUS) : signed ? "+" : "";
    return sign + digits + unitSpace + "%";
  }

  private String pValue(double value) {
    return value < 0.001 ? "p < " + fixed(0.001, 3) : "p = " + fixed(value, 3);
  }

  private static boolean isWhole(double value) {
    return value == Math.rint(value);
  }

  /** Grouped, rounded half-up to {@code decimals}, with U+2212 for negatives and no "−0". */
  private String fixed(double value, int decimals) {
    String digits = String.format(Locale.ROOT, "%,." + decimals + "f", Math.abs(value));
    boolean zero = digits.chars().allMatch(c -> c == '0' || c == '.' || c == ',');
    if (grouping != ',') {
      StringBuilder b = new StringBuilder(digits.length());
      for (int i = 0; i < digits.length(); i++) {
        char c = digits.charAt(i);
        b.append(c == ',' ? grouping : c == '.' ? decimal : c);
      }
      digits = b.toString();
    }
    return value < 0 && !zero ? MINUS + digits : digits;
  }
}
