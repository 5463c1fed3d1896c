package org.harmattan.alerts.deliver;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.function.IntPredicate;

/** Text as the XML formats of this package need it: checked, numbers plain, ids escaped. */
final class XmlText {
  private XmlText() {}

  /**
   * The value itself, when every character may appear in an XML 1.0 document.
   *
   * @param value the text
   * @param where what the text is, for the message, e.g. {@code alert X, headline}
   * @throws IllegalArgumentException naming the first character XML 1.0 cannot carry
   */
  static String check(String value, String where) {
    for (int i = 0; i < value.length(); ) {
      int c = value.codePointAt(i);
      boolean allowed =
          c == 0x9
              || c == 0xA
              || c == 0xD
              || (c >= 0x20 && c <= 0xD7FF)
              || (c >= 0xE000 && c <= 0xFFFD)
              || (c >= 0x10000 && c <= 0x10FFFF);
      if (!allowed) {
        throw new IllegalArgumentException(
            String.format(
                Locale.ROOT,
                "%s: character U+%04X at index %d cannot appear in XML 1.0"
                    + " (expected text without control characters or lone surrogates)",
                where,
                c,
                i));
      }
      i += Character.charCount(c);
    }
    return value;
  }

  /** A number as a plain decimal: no exponent, no grouping, no trailing zeros ("12", "0.35"). */
  static String plain(double value) {
    if (value == 0) {
      return "0";
    }
    return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
  }

  /**
   * The text with every UTF-8 byte of each code point that {@code keep} refuses written as {@code
   * %XX} (upper-case hex). Reversible as long as {@code keep} refuses '%'.
   */
  static String percentEncode(String s, IntPredicate keep) {
    StringBuilder b = new StringBuilder(s.length());
    s.codePoints()
        .forEach(
            c -> {
              if (c != '%' && keep.test(c)) {
                b.appendCodePoint(c);
              } else {
                for (byte x : new String(Character.toChars(c)).getBytes(StandardCharsets.UTF_8)) {
                  b.append('%').append(String.format(Locale.ROOT, "%02X", x & 0xFF));
                }
              }
            });
    return b.toString();
  }
}
