package org.harmattan.ingest.humanitarian;

import java.time.LocalDate;
import java.time.Month;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.harmattan.domain.humanitarian.CadreHarmoniseEdition;
import org.harmattan.domain.problem.MapResult;
import org.harmattan.domain.problem.ProblemCode;
import org.harmattan.engine.write.ObservationRecord;
import org.harmattan.engine.write.ObservationRow;
import org.harmattan.ingest.common.Countries;
import org.harmattan.ingest.hxl.HxlRow;
import org.harmattan.ingest.hxl.HxlTable;

/**
 * Cadre Harmonisé phase populations (both the 29- and the 61-column files): one observation per
 * phase (1 to 5 and 3+) per unit and exercise, qualifier {@code current} or {@code projected},
 * vintage the start of the reference period. Pseudo-units such as {@code Koro_accessible} are
 * placed on their unit (Koro, ML0505) and keep their name.
 */
final class CadreHarmoniseMapper extends DatasetMapper {
  private static final Pattern PSEUDO =
      Pattern.compile(
          "(?i)^(.+?)[_ ](accessible|limitedaccess|limited_access|inaccessible|nonaccessible|non_accessible)$");
  private static final String[] PHASES = {
    "phase1", "phase2", "phase3", "phase4", "phase5", "phase35"
  };

  private final OptionalInt iso3;
  private final OptionalInt country;
  private final OptionalInt adm1Name;
  private final OptionalInt adm1Code;
  private final OptionalInt adm2Name;
  private final OptionalInt adm2Code;
  private final OptionalInt adm3Name;
  private final OptionalInt adm3Code;
  private final OptionalInt exerciseLabel;
  private final OptionalInt exerciseYear;
  private final OptionalInt chtype;
  private final OptionalInt referenceLabel;
  private final OptionalInt referenceYear;
  private final OptionalInt[] phases = new OptionalInt[PHASES.length];

  CadreHarmoniseMapper(HxlTable table, AdminReference reference) {
    super(table, HumanitarianDataset.CADRE_HARMONISE, reference);
    iso3 = column("#country+code", "adm0_pcod3");
    country = column("#country+name", "adm0_name");
    adm1Name = column("#adm1+name", "adm1_name");
    adm1Code = column("#adm1+code", "adm1_pcod2");
    adm2Name = column("#adm2+name", "adm2_name");
    adm2Code = column("#adm2+code", "adm2_pcod2");
    adm3Name = column(null, "adm3_name");
    adm3Code = column(null, "adm3_pcod2");
    exerciseLabel = required("exercise label", null, "exercise_label");
    exerciseYear = required("exercise year", null, "exercise_year");
    chtype = required("analysis type (current/projected)", null, "chtype");
    referenceLabel = required("reference period", null, "reference_label");
    referenceYear = required("reference year", null, "reference_year");
    for (int i = 0; i < PHASES.length; i++) {
      phases[i] = required(PHASES[i], null, PHASES[i]);
    }
  }

  @Override
  MapResult<ObservationRow> map(HxlRow row) {
    Cells c = new Cells(table, row);
    String code = c.text(iso3);
    String iso = null;
    if (code != null && Countries.get().isIso3(code.toUpperCase(Locale.ROOT))) {
      iso = code.toUpperCase(Locale.ROOT);
    } else if (c.text(country) != null) {
      iso = Countries.get().findIso3ByName(c.text(country)).orElse(null);
    }
    if (iso == null) {
      c.problem(
          ProblemCode.UNKNOWN_COUNTRY,
          iso3,
          "no known country in "
              + c.name(iso3)
              + " or "
              + c.name(country)
              + " (expected an ISO3 code such as MLI)");
    }
    String type = c.text(chtype);
    String qualifier = type == null ? null : type.toLowerCase(Locale.ROOT);
    if (!"current".equals(qualifier) && !"projected".equals(qualifier)) {
      c.problem(
          ProblemCode.BAD_CHTYPE,
          chtype,
          (type == null ? "empty" : Cells.quote(type)) + " (expected current or projected)");
    }
    Integer exYear = c.year(exerciseYear);
    Integer refYear = c.year(referenceYear);
    String exLabel = c.text(exerciseLabel);
    String refLabel = c.text(referenceLabel);
    if (exYear != null) {
      startMonth(c, exerciseLabel, exLabel, "an exercise period", "Sep-Dec or Jan-May");
    }
    LocalDate vintage = null;
    if (refYear != null) {
      Month start = startMonth(c, referenceLabel, refLabel, "a period", "Sep-Dec or Jun-Aug");
      if (start != null) {
        vintage = LocalDate.of(refYear, start, 1);
      }
    }
    Double[] values = new Double[PHASES.length];
    for (int i = 0; i < PHASES.length; i++) {
      values[i] = c.number(phases[i]);
    }
    if (c.hasProblems()) {
      return MapResult.rejected(c.problems());
    }
    boolean any = false;
    for (Double v : values) {
      any |= v != null;
    }
    if (!any) {
      c.problem(
          ProblemCode.MISSING_VALUE,
          phases[5],
          "phase1 to phase5 and phase35 are all empty (missing values, not 0)");
      return MapResult.rejected(c.problems());
    }
    String edition = CadreHarmoniseEdition.name(exLabel, exYear, qualifier, refLabel, refYear);
    Place place = place(c, iso);
    List<ObservationRecord> out = new ArrayList<>();
    for (int i = 0; i < PHASES.length; i++) {
      if (values[i] == null) {
        note(PHASES[i] + " empty: no observation for it (a missing value, not 0)");
        continue;
      }
      String indicator = i == 5 ? "food_insecure.phase3plus" : "food_insecure.phase" + (i + 1);
      out.add(
          observation(
              row.line(),
              PHASES[i],
              edition,
              indicator,
              qualifier,
              iso,
              place,
              vintage,
              values[i]));
    }
    return MapResult.mapped(new ObservationRow(out, List.of()));
  }

  private Place place(Cells c, String iso) {
    Places places = new Places(reference, iso);
    Place admin1 = places.resolve(1, c.text(adm1Code), c.text(adm1Name), null);
    String name2 = c.text(adm2Name);
    if (name2 == null) {
      return admin1;
    }
    Matcher pseudo = PSEUDO.matcher(name2);
    Place admin2;
    if (pseudo.matches()) {
      String code = c.text(adm2Code);
      PCode p = PCodes.normalise(code, iso);
      // A pseudo-unit's code is its unit's code with two digits added (NE020201 for Diffa).
      String unitCode =
          p.isKnown() && p.level() == 3 ? p.code().substring(0, p.code().length() - 2) : code;
      Place base = places.resolve(2, unitCode, pseudo.group(1), admin1.pcode());
      admin2 =
          new Place(
              base.pcode(),
              2,
              name2,
              code,
              "pseudo-unit " + name2 + " counted under " + pseudo.group(1) + " " + base.pcode());
    } else {
      admin2 = places.resolve(2, c.text(adm2Code), name2, admin1.pcode());
    }
    String name3 = c.text(adm3Name);
    if (name3 == null) {
      return admin2;
    }
    return places.commune(c.text(adm3Code), name3, admin2);
  }

  /**
   * The month a period label starts with, or null with a problem on {@code column} saying it is not
   * {@code what} (expected months such as {@code examples}).
   */
  private static Month startMonth(
      Cells c, OptionalInt column, String label, String what, String examples) {
    Month start = CadreHarmoniseEdition.startMonth(label);
    if (start == null) {
      c.problem(
          ProblemCode.BAD_PERIOD,
          column,
          (label == null ? "empty" : Cells.quote(label))
              + " is not "
              + what
              + " (expected months such as "
              + examples
              + ")");
    }
    return start;
  }
}
