package org.harmattan.ingest.humanitarian;

import static java.util.Objects.requireNonNull;

/**
 * A P-code as a source writes it and what it says.
 *
 * @param raw the code as written
 * @param code the code in COD style ({@code ML0901}), or null when it cannot be given safely
 * @param level the admin level the code denotes (0 country .. 3 commune), or -1 when unknown
 * @param style how it was written
 * @param admin1 the COD admin-1 code the raw code certainly belongs to, or null
 * @param note why {@code code} is null or what was changed, or empty
 */
public record PCode(String raw, String code, int level, Style style, String admin1, String note) {
  public PCode {
    requireNonNull(raw, "raw");
    requireNonNull(style, "style");
    requireNonNull(note, "note");
  }

  /** The P-code styles seen in real files. */
  public enum Style {
    /** COD style: ISO alpha-2 and two digits per level, {@code ML0901}. */
    COD,
    /** ISO alpha-3 and two digits per level, {@code MLI0901} (IOM DTM round 72). */
    ISO3_PREFIX,
    /**
     * ISO alpha-3 and three digits for region and cercle, two for the commune, {@code MLI001001},
     * {@code MLI00100112} (older IOM DTM rounds): the region is certain, the cercle number follows
     * an older order than the COD's.
     */
    LEGACY_3_DIGIT,
    /** Digits only, country implied, {@code 10} for BD10. */
    DIGITS_ONLY,
    /** Not a P-code shape known here. */
    UNKNOWN
  }

  /** Whether a COD code could be given. */
  public boolean isKnown() {
    return code != null;
  }
}
