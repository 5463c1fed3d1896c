package org.harmattan.ingest.humanitarian;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;
import org.harmattan.domain.problem.MapResult;
import org.harmattan.domain.problem.ProblemCode;
import org.harmattan.engine.write.ObservationRow;
import org.harmattan.ingest.hxl.HxlRow;
import org.harmattan.ingest.hxl.HxlTable;

/**
 * People in need per interagency response plan ({@code #inneed}): one country-level observation per
 * plan, indicator {@code people_in_need}, edition such as "HRP 2022", vintage 1 January of the plan
 * year (the file does not state it: it comes from the file name or the user).
 */
final class PeopleInNeedMapper extends DatasetMapper {
  private final OptionalInt code;
  private final OptionalInt name;
  private final OptionalInt planType;
  private final OptionalInt inNeed;
  private final int year;

  PeopleInNeedMapper(HxlTable table, AdminReference reference, int year) {
    super(table, HumanitarianDataset.PEOPLE_IN_NEED, reference);
    code = required("country code", "#country+code", "ISO alpha-3 codes", "ISO3");
    name = column("#country+name", "Interagency Response Plans", "Country");
    planType = column("#plan+type", "Plan type");
    inNeed = required("people in need", "#inneed", "In Need");
    this.year = year;
  }

  @Override
  MapResult<ObservationRow> map(HxlRow row) {
    Cells c = new Cells(table, row);
    String iso3 = CountryRows.iso3(c, code, name);
    Double value = c.number(inNeed);
    if (value == null && !c.hasProblems()) {
      c.problem(
          ProblemCode.MISSING_VALUE, inNeed, c.name(inNeed) + " is empty (a missing value, not 0)");
    }
    if (c.hasProblems()) {
      return MapResult.rejected(c.problems());
    }
    String edition = plan(c.text(planType)) + " " + year;
    return MapResult.mapped(
        new ObservationRow(
            List.of(
                observation(
                    row.line(),
                    "",
                    edition,
                    "people_in_need",
                    null,
                    iso3,
                    CountryRows.country(iso3, c.text(name)),
                    LocalDate.of(year, 1, 1),
                    value)),
            List.of()));
  }

  static String plan(String type) {
    if (type == null) {
      return "Response plan";
    }
    String t = type.strip().toLowerCase(Locale.ROOT);
    return switch (t) {
      case "humanitarian response plan" -> "HRP";
      case "flash appeal" -> "Flash Appeal";
      case "regional refugee response plan", "regional response plan" -> "RRP";
      default -> type.strip();
    };
  }
}
