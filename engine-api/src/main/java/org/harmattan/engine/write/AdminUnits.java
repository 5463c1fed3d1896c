package org.harmattan.engine.write;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.harmattan.domain.humanitarian.AdminUnit;

/**
 * The rules of the admin reference and of a humanitarian file's reading, written once for every
 * engine.
 *
 * <p><b>Which unit a P-code names</b> ({@link #choose}): a store keeps every unit every P-code
 * table gave, and the reference takes, for each P-code, the one valid from the latest date (a unit
 * with a date before one without); between units valid from the same date, the one of the file
 * whose SHA-256 is the smaller, compared as text. The second rule says nothing about which table is
 * right; it is there so that two tables that disagree resolve the same way whatever the order they
 * were read in, any number of times.
 *
 * <p><b>What a reading changed</b> ({@link #outcome}): a row is inserted when it gives an
 * observation the store did not hold from this file or a unit the store did not hold from any file,
 * updated when its observations were held but with another place, and unchanged otherwise.
 */
public final class AdminUnits {
  private AdminUnits() {}

  /**
   * A unit as a store keeps it: with the file it came from.
   *
   * @param unit the unit
   * @param fileSha256 the SHA-256 of the P-code table that gave it
   */
  public record SourcedUnit(AdminUnit unit, String fileSha256) {
    public SourcedUnit {
      requireNonNull(unit, "unit");
      requireNonNull(fileSha256, "fileSha256");
    }
  }

  /** The order of preference among units of one P-code: the first is chosen. */
  private static final Comparator<SourcedUnit> PREFERENCE =
      Comparator.comparing(
              (SourcedUnit s) -> s.unit().validFrom(),
              Comparator.nullsLast(Comparator.reverseOrder()))
          .thenComparing(SourcedUnit::fileSha256)
          .thenComparingLong(s -> s.unit().line());

  /** The reference: one unit per P-code, chosen as the class comment says, in P-code order. */
  public static List<AdminUnit> choose(List<SourcedUnit> units) {
    Map<String, SourcedUnit> chosen = new HashMap<>();
    for (SourcedUnit s : units) {
      chosen.merge(s.unit().pcode(), s, (a, b) -> PREFERENCE.compare(a, b) <= 0 ? a : b);
    }
    List<AdminUnit> out = new ArrayList<>();
    for (SourcedUnit s : chosen.values()) {
      out.add(s.unit());
    }
    out.sort(Comparator.comparing(AdminUnit::pcode));
    return out;
  }

  /**
   * What a reading of a file changed against what the store held from the same file.
   *
   * @param rows the reading's accepted rows
   * @param quarantined the reading's rejected rows
   * @param before the observations the store held from this file, by record id
   * @param unitsHeld the units the store held from any file: a unit the same in all but its line is
   *     not new
   */
  public static ObservationOutcome outcome(
      List<ObservationRow> rows,
      long quarantined,
      Map<String, ObservationRecord> before,
      Collection<AdminUnit> unitsHeld) {
    Set<AdminUnit> held = new HashSet<>();
    for (AdminUnit u : unitsHeld) {
      held.add(withoutLine(u));
    }
    long inserted = 0;
    long updated = 0;
    for (ObservationRow row : rows) {
      boolean isNew = false;
      boolean changed = false;
      for (ObservationRecord r : row.observations()) {
        ObservationRecord stored = before.get(r.observation().recordId());
        if (stored == null) {
          isNew = true;
        } else if (!Objects.equals(stored, r)) {
          changed = true;
        }
      }
      for (AdminUnit u : row.units()) {
        if (!held.contains(withoutLine(u))) {
          isNew = true;
        }
      }
      if (isNew) {
        inserted++;
      } else if (changed) {
        updated++;
      }
    }
    return new ObservationOutcome(inserted, updated, rows.size() - inserted - updated, quarantined);
  }

  private static AdminUnit withoutLine(AdminUnit u) {
    return new AdminUnit(
        u.countryIso3(), u.level(), u.pcode(), u.name(), u.parentPcode(), u.validFrom(), 0);
  }
}
