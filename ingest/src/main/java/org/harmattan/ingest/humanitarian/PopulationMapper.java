package org.harmattan.ingest.humanitarian;

import java.time.LocalDate;
import java.util.List;
import java.util.OptionalInt;
import org.harmattan.domain.problem.MapResult;
import org.harmattan.domain.problem.ProblemCode;
import org.harmattan.engine.write.ObservationRow;
import org.harmattan.ingest.hxl.HxlRow;
import org.harmattan.ingest.hxl.HxlTable;

/**
 * Population per admin unit (both COD-PS derived layouts: ADM_LEVEL/ADM_PCODE and ADM1_PCODE). An
 * empty population (Mali's Ménaka) is a missing value: the row goes to the quarantine as such,
 * never as 0. Vintage 1 January of the population year, which the file does not state.
 */
final class PopulationMapper extends DatasetMapper {
  private final OptionalInt iso3;
  private final OptionalInt level;
  private final OptionalInt code;
  private final OptionalInt name;
  private final OptionalInt population;
  private final int year;

  PopulationMapper(HxlTable table, AdminReference reference, int year) {
    super(table, HumanitarianDataset.POPULATION, reference);
    iso3 = required("country code", "#country+code", "alpha_3");
    level = table.findByHeader("ADM_LEVEL");
    code = required("P-code", "#adm1+code", "ADM_PCODE", "ADM1_PCODE");
    name = column("#adm1+name", "ADM_REF", "ADM1_REF");
    population = required("population", "#population", "Population");
    this.year = year;
  }

  @Override
  MapResult<ObservationRow> map(HxlRow row) {
    Cells c = new Cells(table, row);
    String country = CountryRows.iso3(c, iso3, OptionalInt.empty());
    Double value = c.number(population);
    int lvl = 1;
    if (level.isPresent()) {
      Double l = c.number(level);
      if (l == null || l < 1 || l > 3 || l != Math.rint(l)) {
        c.problem(ProblemCode.BAD_LEVEL, level, "the admin level is not 1, 2 or 3");
      } else {
        lvl = l.intValue();
      }
    }
    if (c.hasProblems()) {
      return MapResult.rejected(c.problems());
    }
    Place place = new Places(reference, country).resolve(lvl, c.text(code), c.text(name), null);
    if (value == null) {
      c.problem(
          ProblemCode.MISSING_VALUE,
          population,
          c.name(population)
              + " is empty for "
              + (place.pcode() == null ? c.text(code) : place.pcode())
              + " "
              + c.text(name)
              + " (a missing value, not 0: no observation is stored)");
      return MapResult.rejected(c.problems());
    }
    return MapResult.mapped(
        new ObservationRow(
            List.of(
                observation(
                    row.line(),
                    "",
                    "population " + year,
                    "population",
                    null,
                    country,
                    place,
                    LocalDate.of(year, 1, 1),
                    value)),
            List.of()));
  }
}
