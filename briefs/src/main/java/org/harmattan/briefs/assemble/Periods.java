package org.harmattan.briefs.assemble;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.Locale;
import org.harmattan.domain.figure.Period;

/** How the brief writes dates and windows: "3 March 2018", "January–December 2018". */
final class Periods {
  static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM uuuu", Locale.ENGLISH);
  static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMMM uuuu", Locale.ENGLISH);

  private Periods() {}

  /** A window in words: a month, a run of whole months, or two days. */
  static String span(Period p) {
    LocalDate f = p.from();
    LocalDate t = p.to();
    boolean wholeMonths = f.getDayOfMonth() == 1 && t.equals(t.withDayOfMonth(t.lengthOfMonth()));
    if (wholeMonths && f.getYear() == t.getYear()) {
      if (f.getMonthValue() == t.getMonthValue()) {
        return MONTH.format(f);
      }
      return f.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH) + "–" + MONTH.format(t);
    }
    if (wholeMonths) {
      return MONTH.format(f) + " – " + MONTH.format(t);
    }
    return DAY.format(f) + " – " + DAY.format(t);
  }

  /** "against the same months of 2017" or "against 1 January – 30 June 2017". */
  static String against(Period c) {
    return c.from().getYear() == c.to().getYear()
        ? "the same months of " + c.from().getYear()
        : span(c);
  }
}
