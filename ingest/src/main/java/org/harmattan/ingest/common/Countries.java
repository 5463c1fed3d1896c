package org.harmattan.ingest.common;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Resolves the country spellings and codes that event sources use to ISO 3166-1 alpha-3: names in
 * English and French with or without accents and articles ("Niger (the)", "DR Congo (Zaire)"), ISO
 * alpha-2 and alpha-3, UN M49 numbers (ACLED's {@code iso}) and FIPS 10-4 codes (GDELT).
 */
public final class Countries {
  private static final Countries INSTANCE = load();

  private final Map<String, String> byName = new HashMap<>();
  private final Map<String, String> byIso2 = new HashMap<>();
  private final Map<String, String> iso2ByIso3 = new HashMap<>();
  private final Map<String, String> byIso3 = new HashMap<>();
  private final Map<String, String> preferredName = new HashMap<>();
  private final Map<Integer, String> byM49 = new HashMap<>();
  private final Map<String, Integer> numericByIso3 = new HashMap<>();
  private final Map<String, String> byFips = new HashMap<>();
  private final Map<String, String> fipsByIso3 = new HashMap<>();

  private Countries() {}

  public static Countries get() {
    return INSTANCE;
  }

  /** The preferred English name of a country, e.g. "Mali" for {@code MLI}. */
  public Optional<String> findName(String iso3) {
    return Optional.ofNullable(preferredName.get(iso3));
  }

  /**
   * ISO3 for what a user typed: an ISO 3166 alpha-3 code in any case ({@code mli}), else a country
   * name in any common spelling ({@code Mali}).
   */
  public Optional<String> findIso3(String codeOrName) {
    if (codeOrName == null) {
      return Optional.empty();
    }
    String c = codeOrName.strip();
    if (c.length() == 3 && isIso3(c.toUpperCase(Locale.ROOT))) {
      return Optional.of(c.toUpperCase(Locale.ROOT));
    }
    return findIso3ByName(c);
  }

  /** ISO3 for a country name in any common spelling. */
  public Optional<String> findIso3ByName(String name) {
    if (name == null) {
      return Optional.empty();
    }
    String key = normalise(name);
    String iso3 = byName.get(key);
    if (iso3 == null) {
      // UCDP adds former names in brackets: "Myanmar (Burma)", "DR Congo (Zaire)".
      String stripped = normalise(name.replaceAll("\\(.*?\\)", " "));
      iso3 = byName.get(stripped);
    }
    if (iso3 == null && name.strip().length() == 3) {
      iso3 = byIso3.get(name.strip().toUpperCase(Locale.ROOT));
    }
    return Optional.ofNullable(iso3);
  }

  /** ISO3 for a UN M49 / ISO 3166 numeric code, as in ACLED's {@code iso} column. */
  public Optional<String> findIso3ByNumeric(int code) {
    return Optional.ofNullable(byM49.get(code));
  }

  /** The UN M49 / ISO 3166 numeric code of a country, e.g. 466 for {@code MLI}. */
  public Optional<Integer> findNumeric(String iso3) {
    return Optional.ofNullable(numericByIso3.get(iso3.strip().toUpperCase(Locale.ROOT)));
  }

  /** ISO3 for an ISO alpha-2 code. */
  public Optional<String> findIso3ByIso2(String code) {
    return Optional.ofNullable(byIso2.get(code.strip().toUpperCase(Locale.ROOT)));
  }

  /** The ISO alpha-2 code of a country, e.g. {@code ML} for {@code MLI}. */
  public Optional<String> findIso2(String iso3) {
    return Optional.ofNullable(iso2ByIso3.get(iso3.strip().toUpperCase(Locale.ROOT)));
  }

  /** ISO3 for a FIPS 10-4 code, as in GDELT's geography columns. */
  public Optional<String> findIso3ByFips(String code) {
    return Optional.ofNullable(byFips.get(code.strip().toUpperCase(Locale.ROOT)));
  }

  /** The FIPS 10-4 code GDELT writes for a country, e.g. {@code ML} for {@code MLI}. */
  public Optional<String> findFips(String iso3) {
    return Optional.ofNullable(fipsByIso3.get(iso3.strip().toUpperCase(Locale.ROOT)));
  }

  /** Whether {@code iso3} is a known code. */
  public boolean isIso3(String iso3) {
    return byIso3.containsKey(iso3);
  }

  static String normalise(String s) {
    String n = Normalizer.normalize(s, Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
    n = n.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", " ").strip();
    if (n.startsWith("the ")) {
      n = n.substring(4);
    }
    if (n.endsWith(" the")) {
      n = n.substring(0, n.length() - 4);
    }
    return n;
  }

  private static Countries load() {
    Countries c = new Countries();
    try (InputStream in = Countries.class.getResourceAsStream("countries.tsv")) {
      if (in == null) {
        throw new IllegalStateException("countries.tsv missing from the classpath");
      }
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      String line;
      boolean header = true;
      while ((line = r.readLine()) != null) {
        if (line.startsWith("#")) {
          continue;
        }
        if (header) {
          header = false;
          continue;
        }
        String[] f = line.split("\t", -1);
        String iso3 = f[0];
        c.byIso3.put(iso3, iso3);
        c.preferredName.put(iso3, f[4].split("\\|", -1)[0]);
        if (!f[1].isEmpty()) {
          c.byIso2.put(f[1], iso3);
          c.iso2ByIso3.putIfAbsent(iso3, f[1]);
        }
        if (!f[2].isEmpty()) {
          c.byM49.put(Integer.parseInt(f[2]), iso3);
          c.numericByIso3.putIfAbsent(iso3, Integer.parseInt(f[2]));
        }
        for (String fips : f[3].split("\\|", -1)) {
          if (!fips.isBlank()) {
            c.byFips.put(fips, iso3);
            c.fipsByIso3.putIfAbsent(iso3, fips);
          }
        }
        for (String name : f[4].split("\\|", -1)) {
          if (!name.isBlank()) {
            c.byName.putIfAbsent(normalise(name), iso3);
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return c;
  }
}
