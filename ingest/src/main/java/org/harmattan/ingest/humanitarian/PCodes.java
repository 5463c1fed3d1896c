package org.harmattan.ingest.humanitarian;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.harmattan.ingest.common.Countries;

/**
 * Normalises the P-code styles of real files to the COD style ({@code ML0901}): ISO3 prefixes
 * become ISO2 ({@code MLI0901} to {@code ML0901}), the level follows from the number of digit
 * groups. The older IOM DTM codes with three-digit groups ({@code MLI001001}) keep their region
 * (001 is ML01) but not their cercle, which follows the pre-2021 order (Kayes was 001, it is ML0103
 * in the COD): those get no COD code here; the mappers place them by name against the admin
 * reference.
 */
public final class PCodes {
  private static final Pattern LETTERS_DIGITS = Pattern.compile("([A-Z]{2,3})(\\d*)");

  private PCodes() {}

  /** The ISO alpha-2 code of a country, e.g. {@code ML} for {@code MLI}. */
  public static Optional<String> findIso2(String iso3) {
    return Countries.get().findIso2(iso3);
  }

  /**
   * Reads {@code raw} as a P-code of {@code countryIso3}.
   *
   * @return the COD code where it follows safely from the raw code, with the level and a note
   */
  public static PCode normalise(String raw, String countryIso3) {
    String s = raw == null ? "" : raw.strip().toUpperCase(Locale.ROOT).replace(" ", "");
    String iso3 = countryIso3 == null ? "" : countryIso3.strip().toUpperCase(Locale.ROOT);
    String iso2 = Countries.get().findIso2(iso3).orElse(null);
    String shown = raw == null ? "" : raw;
    if (s.isEmpty()) {
      return new PCode(shown, null, -1, PCode.Style.UNKNOWN, null, "no P-code given");
    }
    if (iso2 == null) {
      return new PCode(
          shown, null, -1, PCode.Style.UNKNOWN, null, "unknown country " + countryIso3);
    }
    if (s.matches("\\d+")) {
      if (s.length() % 2 == 0 && s.length() <= 8) {
        return cod(
            shown, iso2 + s, iso2, PCode.Style.DIGITS_ONLY, "country prefix " + iso2 + " added");
      }
      return new PCode(shown, null, -1, PCode.Style.UNKNOWN, null, "digits without a known layout");
    }
    Matcher m = LETTERS_DIGITS.matcher(s);
    if (!m.matches()) {
      return new PCode(shown, null, -1, PCode.Style.UNKNOWN, null, "not a P-code of " + iso3);
    }
    String prefix = m.group(1);
    String digits = m.group(2);
    boolean twoDigitGroups =
        digits.length() % 2 == 0 && digits.length() <= 8 && !digits.startsWith("00");
    if (prefix.equals(iso2) && twoDigitGroups) {
      return cod(shown, s, iso2, PCode.Style.COD, "");
    }
    if (prefix.equals(iso3) && twoDigitGroups) {
      return cod(shown, iso2 + digits, iso2, PCode.Style.ISO3_PREFIX, "ISO3 prefix made ISO2");
    }
    if ((prefix.equals(iso3) || prefix.equals(iso2))
        && (digits.length() == 3 || digits.length() == 6 || digits.length() == 8)
        && digits.charAt(0) == '0') {
      String region = digits.substring(1, 3);
      String admin1 = iso2 + region;
      if (digits.length() == 3) {
        return new PCode(
            shown, admin1, 1, PCode.Style.LEGACY_3_DIGIT, admin1, "three-digit region made two");
      }
      return new PCode(
          shown,
          null,
          digits.length() == 6 ? 2 : 3,
          PCode.Style.LEGACY_3_DIGIT,
          admin1,
          "three-digit groups (older IOM DTM numbering): region "
              + admin1
              + " is certain, the cercle number "
              + digits.substring(3, 6)
              + " follows the pre-2021 order, not the COD's");
    }
    return new PCode(shown, null, -1, PCode.Style.UNKNOWN, null, "not a P-code of " + iso3);
  }

  private static PCode cod(String raw, String code, String iso2, PCode.Style style, String note) {
    int level = (code.length() - iso2.length()) / 2;
    String admin1 = level >= 1 ? code.substring(0, iso2.length() + 2) : null;
    return new PCode(raw, code, level, style, admin1, note);
  }

  /** The last two digits of a legacy or COD commune code (the commune number), or null. */
  static String communeNumber(PCode p) {
    String digits = p.raw().strip().replaceAll("\\D", "");
    return p.level() == 3 && digits.length() >= 2 ? digits.substring(digits.length() - 2) : null;
  }
}
