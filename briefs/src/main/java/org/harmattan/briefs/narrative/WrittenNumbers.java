package org.harmattan.briefs.narrative;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Numbers as an analyst writes them: "1,762", "6.4 million", "+61 %", "27%", "3.5k". A number is
 * read with the precision it is written with, so that "6.4 million" states 6,400,000 ± 50,000.
 */
public final class WrittenNumbers {
  private WrittenNumbers() {}

  /**
   * A number as written.
   *
   * @param value its value, scale words applied (6.4 million: 6,400,000)
   * @param halfUnit half a unit of its last written digit, scaled (6.4 million: 50,000)
   * @param percent whether a percent sign follows it
   * @param text the characters it was read from
   */
  public record Written(double value, double halfUnit, boolean percent, String text) {}

  private static final Pattern NUMBER =
      Pattern.compile(
          "(?<![\\w.,])([+\\-\u2212\u2013]?)(\\d{1,3}(?:,\\d{3})+|\\d+)(?:\\.(\\d+))?"
              + "(?:(\\s+(?:million|thousand|billion)\\b)|(M|bn|k)\\b)?(\\s?%)?",
          Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

  private static final Set<String> MONTHS =
      Set.of(
          "january",
          "february",
          "march",
          "april",
          "may",
          "june",
          "july",
          "august",
          "september",
          "october",
          "november",
          "december");

  /** The first number in {@code text}, if any. */
  public static Optional<Written> first(String text) {
    Matcher m = NUMBER.matcher(text);
    return m.find() ? Optional.of(of(m)) : Optional.empty();
  }

  /**
   * The numbers of {@code text} that state a quantity: every number except a year (1900–2100
   * written alone) and the day of a date ("3 December", "December 3").
   */
  public static List<String> quantities(String text) {
    List<String> out = new ArrayList<>();
    Matcher m = NUMBER.matcher(text);
    while (m.find()) {
      Written w = of(m);
      boolean plain = m.group(3) == null && m.group(4) == null && m.group(5) == null && !w.percent;
      String digits = m.group(2);
      boolean year =
          plain && digits.length() == 4 && w.value() >= 1900 && w.value() <= 2100 && !w.percent;
      boolean day =
          plain
              && w.value() >= 1
              && w.value() <= 31
              && (MONTHS.contains(wordAfter(text, m.end()))
                  || MONTHS.contains(wordBefore(text, m.start())));
      if (!year && !day) {
        out.add(w.text().strip());
      }
    }
    return out;
  }

  private static Written of(Matcher m) {
    String sign = m.group(1);
    String whole = m.group(2).replace(",", "");
    String fraction = m.group(3);
    double value = Double.parseDouble(whole + (fraction == null ? "" : "." + fraction));
    double half = 0.5 * Math.pow(10, -(fraction == null ? 0 : fraction.length()));
    String scaleWord = m.group(4) != null ? m.group(4) : m.group(5);
    double scale = scale(scaleWord);
    if (!sign.isEmpty() && !sign.equals("+")) {
      value = -value;
    }
    return new Written(value * scale, half * scale, m.group(6) != null, m.group());
  }

  private static double scale(String word) {
    if (word == null) {
      return 1;
    }
    return switch (word.strip().toLowerCase(Locale.ROOT)) {
      case "thousand", "k" -> 1e3;
      case "million", "m" -> 1e6;
      case "billion", "bn" -> 1e9;
      default -> 1;
    };
  }

  private static String wordAfter(String text, int at) {
    Matcher w = Pattern.compile("\\s+(\\p{L}+)").matcher(text);
    return w.find(at) && w.start() == at ? w.group(1).toLowerCase(Locale.ROOT) : "";
  }

  private static String wordBefore(String text, int at) {
    Matcher w = Pattern.compile("(\\p{L}+)\\s+$").matcher(text.substring(0, at));
    return w.find() ? w.group(1).toLowerCase(Locale.ROOT) : "";
  }
}
