package org.harmattan.ingest.humanitarian;

import java.time.LocalDate;
import java.util.List;
import java.util.OptionalInt;
import org.harmattan.domain.problem.MapResult;
import org.harmattan.domain.problem.Problem;
import org.harmattan.domain.problem.ProblemCode;
import org.harmattan.engine.write.ObservationRow;
import org.harmattan.ingest.hxl.HxlRow;
import org.harmattan.ingest.hxl.HxlTable;

/**
 * IOM DTM IDPs per cercle and year ({@code idps_mali.csv}: reference_year, adm1_name, adm2_name,
 * projected_idps). Names only: places come from the admin reference. Indicator {@code idps},
 * qualifier {@code projected}, vintage 31 December of the year.
 */
final class DtmSeriesMapper extends DatasetMapper {
  private final OptionalInt year;
  private final OptionalInt country;
  private final OptionalInt adm1;
  private final OptionalInt adm2;
  private final OptionalInt idps;

  DtmSeriesMapper(HxlTable table, AdminReference reference) {
    super(table, HumanitarianDataset.IOM_DTM_SERIES, reference);
    year = required("year", null, "reference_year");
    country = required("country", null, "adm0_name");
    adm1 = column(null, "adm1_name");
    adm2 = required("cercle", null, "adm2_name");
    idps = required("IDPs", null, "projected_idps");
  }

  @Override
  MapResult<ObservationRow> map(HxlRow row) {
    Cells c = new Cells(table, row);
    Integer y = c.year(year);
    String iso3 = CountryRows.iso3(c, OptionalInt.empty(), country);
    Double value = c.number(idps);
    if (value == null && !c.hasProblems()) {
      c.problem(
          ProblemCode.MISSING_VALUE, idps, c.name(idps) + " is empty (a missing value, not 0)");
    }
    if (c.hasProblems()) {
      return MapResult.rejected(c.problems());
    }
    Places places = new Places(reference, iso3);
    Place admin1 = places.resolve(1, null, c.text(adm1), null);
    Place admin2 = places.resolve(2, null, c.text(adm2), admin1.pcode());
    if (places.checked() && admin2.pcode() == null) {
      return MapResult.rejected(
          List.of(
              new Problem(
                  ProblemCode.UNKNOWN_ADMIN,
                  c.name(adm2),
                  Cells.quote(String.valueOf(c.text(adm2)))
                      + " is not a cercle of "
                      + iso3
                      + " in the admin reference (expected a name such as Ansongo)")));
    }
    if (!places.checked()) {
      note("no admin reference for " + iso3 + " in the store: places kept by name, without P-code");
    }
    return MapResult.mapped(
        new ObservationRow(
            List.of(
                observation(
                    row.line(),
                    "",
                    "DTM cercle series",
                    "idps",
                    "projected",
                    iso3,
                    admin2,
                    LocalDate.of(y, 12, 31),
                    value)),
            List.of()));
  }
}
