package org.harmattan.domain.humanitarian;

import java.time.LocalDate;
import java.time.Month;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How a Cadre Harmonisé edition is named, and what its name says. The Cadre Harmonisé runs two
 * exercises a year, named by the period they analyse: "Sep-Dec" (the November cycle) and "Jan-May"
 * (the March cycle). Each gives a current analysis of that period and a projection of a later one
 * (Jun-Aug of the same or the next year). An observation's edition reads "CH Sep-Dec 2018 current"
 * or "CH Sep-Dec 2018 projected Jun-Aug 2019": the exercise first, then what it describes. This
 * class writes those names (ingest) and reads the exercise back (analytics), so that the two agree.
 */
public final class CadreHarmoniseEdition {
  private static final Pattern EXERCISE =
      Pattern.compile("^CH ([A-Za-z]{3})[A-Za-z]*\\s*-\\s*[A-Za-z]+ ((?:19|20)[0-9]{2})\\b.*");

  private static final Pattern PROJECTED =
      Pattern.compile(
          ".* projected ([A-Za-z]{3})[A-Za-z]*\\s*-\\s*([A-Za-z]{3})[A-Za-z]* ((?:19|20)[0-9]{2})$");

  private CadreHarmoniseEdition() {}

  /**
   * The edition's name.
   *
   * @param exerciseLabel the exercise's period, e.g. "Sep-Dec"
   * @param exerciseYear its year
   * @param qualifier {@code current} or {@code projected}
   * @param referenceLabel the period a projection describes, e.g. "Jun-Aug" (ignored for a current
   *     analysis)
   * @param referenceYear that period's year
   */
  public static String name(
      String exerciseLabel,
      int exerciseYear,
      String qualifier,
      String referenceLabel,
      int referenceYear) {
    String name = "CH " + exerciseLabel + " " + exerciseYear + " " + qualifier;
    if ("projected".equals(qualifier)) {
      name += " " + referenceLabel + " " + referenceYear;
    }
    return name;
  }

  /**
   * The first day of the exercise an edition name gives ("CH Sep-Dec 2018 …" is 1 September 2018),
   * or empty when the name is not a Cadre Harmonisé edition name.
   */
  public static Optional<LocalDate> exerciseStart(String edition) {
    Matcher m = EXERCISE.matcher(edition);
    if (!m.matches()) {
      return Optional.empty();
    }
    Month month = startMonth(m.group(1));
    return month == null
        ? Optional.empty()
        : Optional.of(LocalDate.of(Integer.parseInt(m.group(2)), month, 1));
  }

  /**
   * The last day of the period a projection's name gives ("… projected Jun-Aug 2019" is 31 August
   * 2019; "… projected Oct-Feb 2019" ends in February 2020), or empty when the name gives none.
   */
  public static Optional<LocalDate> projectedEnd(String edition) {
    Matcher m = PROJECTED.matcher(edition);
    if (!m.matches()) {
      return Optional.empty();
    }
    Month first = startMonth(m.group(1));
    Month last = startMonth(m.group(2));
    if (first == null || last == null) {
      return Optional.empty();
    }
    int year = Integer.parseInt(m.group(3)) + (last.compareTo(first) < 0 ? 1 : 0);
    return Optional.of(LocalDate.of(year, last, 1).plusMonths(1).minusDays(1));
  }

  /** The month a period label such as "Sep-Dec" or "June-August" starts with, or null. */
  public static Month startMonth(String label) {
    if (label == null || label.strip().length() < 3) {
      return null;
    }
    String m = label.strip().substring(0, 3).toUpperCase(Locale.ROOT);
    for (Month month : Month.values()) {
      if (month.name().startsWith(m)) {
        return month;
      }
    }
    return null;
  }
}
