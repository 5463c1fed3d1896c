package org.harmattan.briefs.assemble;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.harmattan.domain.figure.Period;
import org.harmattan.domain.text.Texts;

/** How the brief writes dates and windows: "3 March 2018", "January–December 2018". */
final class Periods {
  static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM uuuu", Locale.ENGLISH);

  private Periods() {}

  /** A window in words, in {@code texts}' language: a month, a run of whole months, or two days. */
  static String span(Texts texts, Period p) {
    LocalDate f = p.from();
    LocalDate t = p.to();
    boolean wholeMonths = f.getDayOfMonth() == 1 && t.equals(t.withDayOfMonth(t.lengthOfMonth()));
    if (wholeMonths && f.getYear() == t.getYear()) {
      if (f.getMonthValue() == t.getMonthValue()) {
        return texts.monthYear(f);
      }
      return texts.month(f.getMonth()) + "–" + texts.monthYear(t);
    }
    if (wholeMonths) {
      return texts.monthYear(f) + " – " + texts.monthYear(t);
    }
    return texts.day(f) + " – " + texts.day(t);
  }

  /**
   * The comparison window as it follows "against" or "in": "the same months of 2017" ("les mêmes
   * mois de 2017") or "1 January – 30 June 2017".
   */
  static String against(Texts texts, Period c) {
    return c.from().getYear() == c.to().getYear()
        ? texts.t("brief.same_months", Integer.toString(c.from().getYear()))
        : span(texts, c);
  }
}
