package org.harmattan.domain.context;

import java.util.Locale;
import java.util.Optional;

/** A government that publishes travel advisories Harmattan reads. */
public enum Government {
  /** Foreign, Commonwealth and Development Office, through the GOV.UK content API. */
  UK("uk", "United Kingdom (FCDO)"),
  /** Department of State, through its travel-advisory RSS feed. */
  US("us", "United States (State Department)"),
  /** Auswärtiges Amt, through its open-data travel-warning API. */
  DE("de", "Germany (Auswärtiges Amt)"),
  /** Ministère de l'Europe et des Affaires étrangères, conseils aux voyageurs. */
  FR("fr", "France (conseils aux voyageurs)");

  private final String code;
  private final String label;

  Government(String code, String label) {
    this.code = code;
    this.label = label;
  }

  /** The short code used in figure ids and file names: {@code uk}, {@code us}… */
  public String code() {
    return code;
  }

  public String label() {
    return label;
  }

  public static Optional<Government> findByCode(String code) {
    String c = code.strip().toLowerCase(Locale.ROOT);
    for (Government g : values()) {
      if (g.code.equals(c)) {
        return Optional.of(g);
      }
    }
    return Optional.empty();
  }
}
