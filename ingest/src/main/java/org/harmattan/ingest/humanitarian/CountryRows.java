package org.harmattan.ingest.humanitarian;

import java.util.Locale;
import java.util.OptionalInt;
import org.harmattan.domain.problem.ProblemCode;
import org.harmattan.ingest.common.Countries;

/** Country-level helpers shared by the country-year datasets. */
final class CountryRows {
  private CountryRows() {}

  /** The ISO3 code in {@code code}, else of the name; null with a problem. */
  static String iso3(Cells c, OptionalInt code, OptionalInt name) {
    String v = c.text(code);
    if (v != null && Countries.get().isIso3(v.toUpperCase(Locale.ROOT))) {
      return v.toUpperCase(Locale.ROOT);
    }
    String n = c.text(name);
    String iso3 = n == null ? null : Countries.get().findIso3ByName(n).orElse(null);
    if (iso3 == null) {
      c.problem(
          ProblemCode.UNKNOWN_COUNTRY,
          code.isPresent() ? code : name,
          (v == null ? "no country code" : Cells.quote(v) + " is not an ISO3 country code")
              + (n == null ? "" : " and " + Cells.quote(n) + " is not a known country name")
              + " (expected an ISO3 code such as MLI)");
    }
    return iso3;
  }

  /** The country as a level-0 place: its ISO2 P-code. */
  static Place country(String iso3, String name) {
    String iso2 = PCodes.findIso2(iso3).orElse(null);
    return new Place(
        iso2, 0, name == null ? Countries.get().findName(iso3).orElse(iso3) : name, null, "");
  }
}
