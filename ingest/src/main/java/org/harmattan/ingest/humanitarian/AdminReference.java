package org.harmattan.ingest.humanitarian;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.harmattan.domain.humanitarian.AdminUnit;
import org.harmattan.ingest.Hashes;

/**
 * The admin units a user ingested (the HDX P-code table), looked up by P-code or by name. Names
 * match without accents, case or punctuation ({@code KaYes}, {@code Ségou}, {@code Gourma
 * Rharous}); the ending {@code Commune} is ignored as DTM writes it ("Kayes Commune").
 */
public final class AdminReference {
  private final Map<String, AdminUnit> byCode = new HashMap<>();
  private final Map<String, List<AdminUnit>> byName = new HashMap<>();
  private final Set<String> countries = new HashSet<>();
  private final String fingerprint;

  private AdminReference(Collection<AdminUnit> units) {
    List<String> lines = new ArrayList<>();
    for (AdminUnit u : units) {
      lines.add(
          String.join(
              "\t",
              u.countryIso3(),
              Integer.toString(u.level()),
              u.pcode(),
              u.name(),
              String.valueOf(u.parentPcode()),
              String.valueOf(u.validFrom())));
      byCode.put(u.pcode(), u);
      byName
          .computeIfAbsent(key(u.countryIso3(), u.level(), u.name()), k -> new ArrayList<>())
          .add(u);
      countries.add(u.countryIso3());
    }
    Collections.sort(lines);
    fingerprint = Hashes.sha256(String.join("\n", lines));
  }

  /**
   * What the reference says, as a SHA-256 of its units (country, level, P-code, name, parent,
   * valid-from date): two references that place every name and code alike have the same
   * fingerprint, whatever their order or the files they came from.
   */
  public String fingerprint() {
    return fingerprint;
  }

  /** A reference of {@code units}. */
  public static AdminReference of(Collection<AdminUnit> units) {
    return new AdminReference(units);
  }

  /** No reference: every lookup is empty. */
  public static AdminReference empty() {
    return new AdminReference(List.of());
  }

  /** Whether the reference knows any unit of {@code iso3}. */
  public boolean covers(String iso3) {
    return countries.contains(iso3);
  }

  public int size() {
    return byCode.size();
  }

  public Optional<AdminUnit> findByCode(String pcode) {
    return pcode == null ? Optional.empty() : Optional.ofNullable(byCode.get(pcode));
  }

  /**
   * The unit of {@code level} named {@code name}: within {@code parentPcode} when given and it
   * matches there, else the only one of that name in the country.
   */
  public Optional<AdminUnit> findByName(String iso3, int level, String name, String parentPcode) {
    if (name == null || name.isBlank()) {
      return Optional.empty();
    }
    List<AdminUnit> found = byName.getOrDefault(key(iso3, level, name), List.of());
    if (parentPcode != null) {
      for (AdminUnit u : found) {
        if (parentPcode.equals(u.parentPcode())) {
          return Optional.of(u);
        }
      }
    }
    return found.size() == 1 ? Optional.of(found.get(0)) : Optional.empty();
  }

  /** Whether {@code name} is the unit's name, compared as names are matched. */
  public static boolean sameName(String a, String b) {
    return a != null && b != null && nameKey(a).equals(nameKey(b));
  }

  private static String key(String iso3, int level, String name) {
    return iso3 + "|" + level + "|" + nameKey(name);
  }

  /** A name reduced for matching: no accents, lower case, letters and digits, no "commune". */
  public static String nameKey(String name) {
    String n = Normalizer.normalize(name, Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
    n = n.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", " ").strip();
    if (n.endsWith(" commune")) {
      n = n.substring(0, n.length() - " commune".length());
    }
    return n.replace(" ", "");
  }
}
