package org.harmattan.ingest.humanitarian;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import org.harmattan.domain.problem.MapResult;
import org.harmattan.domain.problem.ProblemCode;
import org.harmattan.engine.write.ObservationRecord;
import org.harmattan.engine.write.ObservationRow;
import org.harmattan.ingest.hxl.HxlRow;
import org.harmattan.ingest.hxl.HxlTable;

/**
 * IDMC displacement per country and year: conflict and disaster stocks (people displaced at the
 * year's end) and flows (new displacements in the year). The {@code _raw} twins are read: the
 * unrounded figures (326,298 for Mali's 2020 conflict stock, where the rounded column says
 * 326,000); the rounded column is used only where a file has no raw twin. Vintage 31 December of
 * the year.
 */
final class IdmcMapper extends DatasetMapper {
  private static final String[][] SERIES = {
    {
      "#affected+idps+ind+stock+conflict", "Conflict Stock Displacement", "idmc.idps.stock.conflict"
    },
    {
      "#affected+idps+ind+stock+disaster", "Disaster Stock Displacement", "idmc.idps.stock.disaster"
    },
    {
      "#affected+idps+ind+internaldisp+conflict",
      "Conflict Internal Displacements",
      "idmc.idps.flows.conflict"
    },
    {
      "#affected+idps+ind+internaldisp+disaster",
      "Disaster Internal Displacements",
      "idmc.idps.flows.disaster"
    },
  };

  private final OptionalInt code;
  private final OptionalInt name;
  private final OptionalInt year;
  private final OptionalInt[] columns = new OptionalInt[SERIES.length];

  IdmcMapper(HxlTable table, AdminReference reference) {
    super(table, HumanitarianDataset.IDMC, reference);
    code = required("country code", "#country+code", "ISO3");
    name = column("#country+name", "Name");
    year = required("year", "#date+year", "Year");
    for (int i = 0; i < SERIES.length; i++) {
      // The raw twin's last attribute is "conflict_raw": exact tags keep the twins apart.
      String rawTag = SERIES[i][0] + "_raw";
      OptionalInt raw = exact(rawTag);
      if (raw.isEmpty()) {
        raw = table.findByHeader(SERIES[i][1] + " (Raw)");
      }
      OptionalInt rounded = exact(SERIES[i][0]);
      if (rounded.isEmpty()) {
        rounded = table.findByHeader(SERIES[i][1]);
      }
      columns[i] = raw.isPresent() ? raw : rounded;
    }
    fileNote("figures from the unrounded \"_raw\" columns (IDMC also publishes them rounded)");
    required("conflict stock", SERIES[0][0], SERIES[0][1]);
  }

  private OptionalInt exact(String tag) {
    for (int k = 0; k < table.tags().size(); k++) {
      if (table.tags().get(k).isPresent() && table.tags().get(k).get().matchesExactly(tag)) {
        return OptionalInt.of(k);
      }
    }
    return OptionalInt.empty();
  }

  @Override
  MapResult<ObservationRow> map(HxlRow row) {
    Cells c = new Cells(table, row);
    String iso3 = CountryRows.iso3(c, code, name);
    Integer y = c.year(year);
    Double[] values = new Double[SERIES.length];
    for (int i = 0; i < SERIES.length; i++) {
      values[i] = c.number(columns[i]);
    }
    if (c.hasProblems()) {
      return MapResult.rejected(c.problems());
    }
    List<ObservationRecord> out = new ArrayList<>();
    for (int i = 0; i < SERIES.length; i++) {
      if (values[i] != null) {
        out.add(
            observation(
                row.line(),
                SERIES[i][2].substring("idmc.idps.".length()),
                "IDMC " + y,
                SERIES[i][2],
                null,
                iso3,
                CountryRows.country(iso3, c.text(name)),
                LocalDate.of(y, 12, 31),
                values[i]));
      }
    }
    if (out.isEmpty()) {
      c.problem(
          ProblemCode.MISSING_VALUE,
          columns[0],
          "no stock or flow figure for " + iso3 + " " + y + " (missing values, not 0)");
      return MapResult.rejected(c.problems());
    }
    return MapResult.mapped(new ObservationRow(out, List.of()));
  }
}
