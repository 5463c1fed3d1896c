package org.harmattan.ingest.humanitarian;

import java.time.LocalDate;
import java.util.List;
import java.util.OptionalInt;
import org.harmattan.domain.humanitarian.AdminUnit;
import org.harmattan.domain.problem.MapResult;
import org.harmattan.domain.problem.ProblemCode;
import org.harmattan.engine.write.ObservationRow;
import org.harmattan.ingest.hxl.HxlRow;
import org.harmattan.ingest.hxl.HxlTable;

/** The HDX global P-code table: each row one admin unit of the reference, no observation. */
final class AdminUnitsMapper extends DatasetMapper {
  private final OptionalInt country;
  private final OptionalInt level;
  private final OptionalInt code;
  private final OptionalInt name;
  private final OptionalInt parent;
  private final OptionalInt validFrom;

  AdminUnitsMapper(HxlTable table, AdminReference reference) {
    super(table, HumanitarianDataset.ADMIN_UNITS, reference);
    country = required("country", "#country+code", "Location");
    level = required("admin level", "#geo+admin_level", "Admin Level");
    code = required("P-code", "#adm+code", "P-Code");
    name = required("name", "#adm+name", "Name");
    parent = column("#adm+code+parent", "Parent P-Code");
    validFrom = column("#date+start", "Valid from date");
  }

  @Override
  MapResult<ObservationRow> map(HxlRow row) {
    Cells c = new Cells(table, row);
    String iso3 = CountryRows.iso3(c, country, OptionalInt.empty());
    Double l = c.number(level);
    if (l == null || l < 1 || l > 3 || l != Math.rint(l)) {
      c.problem(ProblemCode.BAD_LEVEL, level, "the admin level is empty or not 1, 2 or 3");
    }
    String raw = c.text(code);
    String unitName = c.text(name);
    if (unitName == null) {
      c.problem(
          ProblemCode.MISSING_NAME, name, c.name(name) + " is empty (expected the unit's name)");
    }
    PCode p = PCodes.normalise(raw, iso3);
    if (iso3 != null && !p.isKnown()) {
      c.problem(
          ProblemCode.BAD_PCODE,
          code,
          (raw == null ? "empty" : Cells.quote(raw))
              + " is not a P-code of "
              + iso3
              + " ("
              + p.note()
              + ")");
    }
    LocalDate from = null;
    String v = c.text(validFrom);
    if (v != null) {
      from = Cells.parseDate(v);
      if (from == null) {
        c.problem(
            ProblemCode.BAD_DATE,
            validFrom,
            Cells.quote(v) + " is not a date (expected " + Cells.DATE_LAYOUTS + ")");
      }
    }
    if (c.hasProblems()) {
      return MapResult.rejected(c.problems());
    }
    String parentRaw = c.text(parent);
    String parentCode = parentRaw == null ? null : PCodes.normalise(parentRaw, iso3).code();
    if (parentCode == null && parentRaw != null) {
      parentCode = parentRaw;
    }
    return MapResult.mapped(
        new ObservationRow(
            List.of(),
            List.of(
                new AdminUnit(
                    iso3, l.intValue(), p.code(), unitName, parentCode, from, row.line()))));
  }
}
