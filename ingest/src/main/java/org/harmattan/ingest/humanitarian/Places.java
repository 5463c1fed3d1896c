package org.harmattan.ingest.humanitarian;

import java.util.Optional;
import org.harmattan.domain.humanitarian.AdminUnit;

/**
 * Resolves a source's code and name to a COD P-code: the normalised code when the admin reference
 * confirms it (same name), else the reference unit of that name under the same parent, else the
 * normalised code unchecked. Without a reference for the country, codes are normalised but
 * unchecked, and names alone place nothing.
 */
final class Places {
  private final AdminReference reference;
  private final String iso3;

  Places(AdminReference reference, String iso3) {
    this.reference = reference;
    this.iso3 = iso3;
  }

  boolean checked() {
    return reference.covers(iso3);
  }

  /**
   * Places a unit of {@code level} (1 or 2).
   *
   * @param parent the parent's COD code, or null
   */
  Place resolve(int level, String rawCode, String name, String parent) {
    PCode p = PCodes.normalise(rawCode, iso3);
    String source = rawCode == null || rawCode.isBlank() ? null : rawCode.strip();
    String code = p.isKnown() && p.level() == level ? p.code() : null;
    String parentCode = parent != null ? parent : (level == 2 ? p.admin1() : null);
    if (!checked()) {
      String note = code == null && source != null ? p.note() : "";
      return new Place(code, level, name, source, note);
    }
    Optional<AdminUnit> byCode = reference.findByCode(code);
    if (byCode.isPresent()
        && (name == null || AdminReference.sameName(name, byCode.get().name()))) {
      return new Place(code, level, name, source, "");
    }
    Optional<AdminUnit> byName = reference.findByName(iso3, level, name, parentCode);
    if (byName.isPresent()) {
      String how =
          source == null
              ? "placed by name"
              : code == null
                  ? "placed by name (" + p.note() + ")"
                  : "placed by name: the code "
                      + source
                      + " names "
                      + byCode.map(AdminUnit::name).orElse("no unit")
                      + " in the admin reference";
      return new Place(byName.get().pcode(), level, name, source, how);
    }
    if (code != null) {
      return new Place(
          code,
          level,
          name,
          source,
          byCode.isPresent()
              ? "the name differs from the admin reference's " + byCode.get().name()
              : "code not in the admin reference");
    }
    return new Place(null, level, name, source, "unknown place");
  }

  /**
   * Places a commune: its own code when it lies in {@code admin2}, else the cercle's code and the
   * commune number of the source code, else (no commune code at all) the cercle itself at level 2.
   */
  Place commune(String rawCode, String name, Place admin2) {
    PCode p = PCodes.normalise(rawCode, iso3);
    String source = rawCode == null || rawCode.isBlank() ? null : rawCode.strip();
    if (p.isKnown() && p.level() == 3) {
      if (admin2.pcode() == null || p.code().startsWith(admin2.pcode())) {
        return new Place(p.code(), 3, name, source, admin2.note());
      }
    }
    String number = PCodes.communeNumber(p);
    if (admin2.pcode() != null && number != null) {
      String note =
          "commune code built from cercle "
              + admin2.pcode()
              + " and the commune number "
              + number
              + " of "
              + source;
      return new Place(admin2.pcode() + number, 3, name, source, note);
    }
    if (admin2.pcode() != null) {
      // No usable commune code: the row is counted on its cercle, the commune named in the note.
      return new Place(
          admin2.pcode(),
          2,
          admin2.name(),
          source,
          "commune without a usable code counted under its cercle: "
              + name
              + " ("
              + p.note()
              + ")");
    }
    return new Place(null, 3, name, source, "commune not placed (" + p.note() + ")");
  }
}
