package org.harmattan.ingest.humanitarian;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.harmattan.domain.problem.MapResult;
import org.harmattan.domain.problem.Problem;
import org.harmattan.domain.problem.ProblemCode;
import org.harmattan.engine.write.ObservationRow;
import org.harmattan.ingest.common.Countries;
import org.harmattan.ingest.hxl.HxlRow;
import org.harmattan.ingest.hxl.HxlTable;

/**
 * IOM DTM baseline assessments, every round: the HXL-tagged round 72 and the older rounds read by
 * their headers (which drift: "Total No# of IDPs Ind#" and "Total No. of IDPs Ind.", with or
 * without a survey date, P-codes in three styles). One row is one commune (or cercle): indicator
 * {@code idps}, vintage the survey date (the snapshot date when there is none).
 */
final class DtmMapper extends DatasetMapper {
  private static final Pattern ROUND_IN_NAME = Pattern.compile("(?i)round[_ ]?(\\d+)");

  private final OptionalInt date;
  private final OptionalInt countryCode;
  private final OptionalInt countryName;
  private final OptionalInt adm1Name;
  private final OptionalInt adm1Code;
  private final OptionalInt adm2Name;
  private final OptionalInt adm2Code;
  private final OptionalInt adm3Name;
  private final OptionalInt adm3Code;
  private final OptionalInt idps;
  private final OptionalInt round;
  private final String roundFromName;

  DtmMapper(HxlTable table, AdminReference reference) {
    super(table, HumanitarianDataset.IOM_DTM, reference);
    OptionalInt survey = table.findByHeader("Survey Date");
    date = survey.isPresent() ? survey : required("date", "#date+occurred", "Snapshot Date");
    countryCode = column("#country+code", "Admin 0 pcode");
    countryName = column("#country+name", "Admin 0");
    adm1Name = required("admin 1 name", "#adm1+name", "Admin 1");
    adm1Code = column("#adm1+code", "Admin 1 pcode");
    adm2Name = column("#adm2+name", "Admin 2");
    adm2Code = column("#adm2+code", "Admin 2 pcode");
    adm3Name = column("#adm3+name", "Admin 3");
    adm3Code = column("#adm3+code", "Admin 3 pcode");
    idps =
        required(
            "IDP individuals",
            "#affected+idps+ind",
            "Total No. of IDPs Ind.",
            "Total No# of IDPs Ind#");
    round = table.findByHeader("RoundNo", "Round");
    Matcher m = ROUND_IN_NAME.matcher(table.file().dataset());
    roundFromName = m.find() ? m.group(1) : null;
  }

  @Override
  MapResult<ObservationRow> map(HxlRow row) {
    Cells c = new Cells(table, row);
    LocalDate vintage = c.date(date);
    String iso3 = country(c);
    Double value = c.number(idps);
    if (value == null && !c.hasProblems()) {
      c.problem(
          ProblemCode.MISSING_VALUE,
          idps,
          c.name(idps) + " is empty (a missing value, not 0; expected the number of IDPs)");
    }
    if (c.hasProblems() || iso3 == null) {
      return MapResult.rejected(c.problems());
    }
    Places places = new Places(reference, iso3);
    Place admin1 = places.resolve(1, c.text(adm1Code), c.text(adm1Name), null);
    Place admin2 =
        c.text(adm2Name) == null && c.text(adm2Code) == null
            ? null
            : places.resolve(2, c.text(adm2Code), c.text(adm2Name), admin1.pcode());
    Place place = admin2 == null ? admin1 : admin2;
    if (c.text(adm3Name) != null && admin2 != null) {
      place = places.commune(c.text(adm3Code), c.text(adm3Name), admin2);
    }
    if (places.checked()
        && (admin1.pcode() == null || (admin2 != null && admin2.pcode() == null))) {
      boolean region = admin1.pcode() == null;
      Place bad = region ? admin1 : admin2;
      OptionalInt col = region ? adm1Name : adm2Name;
      return MapResult.rejected(
          List.of(
              new Problem(
                  ProblemCode.UNKNOWN_ADMIN,
                  c.name(col),
                  "\""
                      + bad.name()
                      + "\" (code "
                      + bad.sourcePcode()
                      + ") is not an admin "
                      + bad.level()
                      + " unit of "
                      + iso3
                      + " in the admin reference, by code or by name")));
    }
    return MapResult.mapped(
        new ObservationRow(
            List.of(
                observation(
                    row.line(),
                    "",
                    edition(c, vintage),
                    "idps",
                    null,
                    iso3,
                    place,
                    vintage,
                    value)),
            List.of()));
  }

  private String country(Cells c) {
    String code = c.text(countryCode);
    if (code != null && Countries.get().isIso3(code.toUpperCase(Locale.ROOT))) {
      return code.toUpperCase(Locale.ROOT);
    }
    String name = c.text(countryName);
    String iso3 = name == null ? null : Countries.get().findIso3ByName(name).orElse(null);
    if (iso3 == null) {
      c.problem(
          ProblemCode.UNKNOWN_COUNTRY,
          countryCode.isPresent() ? countryCode : countryName,
          "no country: "
              + (code == null ? "no code" : Cells.quote(code))
              + " and "
              + (name == null ? "no name" : Cells.quote(name))
              + " (expected an ISO3 code such as MLI)");
    }
    return iso3;
  }

  private String edition(Cells c, LocalDate vintage) {
    String r = c.text(round);
    if (r != null && r.matches("\\d+(\\.0+)?")) {
      return "DTM round " + r.replaceAll("\\.0+$", "");
    }
    if (roundFromName != null) {
      return "DTM round " + Integer.parseInt(roundFromName);
    }
    return "DTM baseline " + vintage;
  }
}
