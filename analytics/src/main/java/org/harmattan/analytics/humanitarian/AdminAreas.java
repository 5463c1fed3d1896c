package org.harmattan.analytics.humanitarian;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.harmattan.domain.humanitarian.AdminUnit;
import org.harmattan.domain.humanitarian.Observation;

/**
 * The places a country's humanitarian sources name: the regions (admin1) and cercles (admin2) by
 * P-code, their names, and where a row of a finer level belongs. P-codes nest by prefix; a code in
 * another scheme (ISO3-prefixed DTM codes) is placed only when a known region's code prefixes it.
 */
final class AdminAreas {
  private static final Pattern COD_PCODE = Pattern.compile("^[A-Z]{2}[0-9]+$");

  private final Set<String> knownAdmin1 = new TreeSet<>();
  private final Set<String> knownAdmin2 = new TreeSet<>();
  private final Map<String, String> names = new HashMap<>();

  private AdminAreas() {}

  /**
   * Names and region codes of every place the country's sources mention; a place no observation
   * names takes the admin reference's name ({@code units}: the P-code tables read), so that a
   * region known only by the codes of its cercles is not shown as a code.
   */
  static AdminAreas index(List<Observation> all, List<AdminUnit> units) {
    AdminAreas a = new AdminAreas();
    List<Observation> ordered = new ArrayList<>(all);
    // Population names first: the COD-PS table spells regions as the COD does.
    ordered.sort(
        Comparator.comparing(
            (Observation o) -> !HumanitarianIndicators.POPULATION.equals(o.indicator())));
    for (Observation o : ordered) {
      if (o.pcode() == null) {
        continue;
      }
      if (o.adminLevel() == 1) {
        a.knownAdmin1.add(o.pcode());
      } else if (o.adminLevel() == 2) {
        a.knownAdmin2.add(o.pcode());
      }
      if (o.adminLevel() > 0 && o.adminName() != null && !o.adminName().isBlank()) {
        a.names.putIfAbsent(o.pcode(), o.adminName().strip());
      }
    }
    for (Observation o : all) {
      String a1 = a.admin1Of(o);
      if (a1 != null) {
        a.knownAdmin1.add(a1);
      }
    }
    for (AdminUnit u : units) {
      if (u.level() > 0 && !u.name().isBlank()) {
        a.names.putIfAbsent(u.pcode(), u.name().strip());
      }
    }
    return a;
  }

  /** The regions (admin1 P-codes) any source of the country names, in code order. */
  Set<String> knownAdmin1() {
    return knownAdmin1;
  }

  /** The name a source gives the place {@code pcode}, or the P-code itself. */
  String nameOf(String pcode) {
    return names.getOrDefault(pcode, pcode);
  }

  /** "Ménaka (ML10)", or the P-code alone when no source names it. */
  String area(String pcode) {
    String name = names.get(pcode);
    return name == null ? pcode : name + " (" + pcode + ")";
  }

  /** The region (admin1 P-code) of a row: a known region code its P-code starts with. */
  String admin1Of(Observation o) {
    String p = o.pcode();
    if (p == null || o.adminLevel() == 0) {
      return null;
    }
    if (o.adminLevel() == 1) {
      return p;
    }
    String best = null;
    for (String a : knownAdmin1) {
      if (p.startsWith(a)
          && p.length() > a.length()
          && (best == null || a.length() > best.length())) {
        best = a;
      }
    }
    if (best != null) {
      return best;
    }
    return codStyle(p, o.adminLevel()) ? p.substring(0, 4) : null;
  }

  /** The cercle (admin2 P-code) of a row at admin level 2 or finer. */
  String admin2Of(Observation o) {
    String p = o.pcode();
    if (p == null || o.adminLevel() < 2) {
      return null;
    }
    if (o.adminLevel() == 2) {
      return p;
    }
    for (String a : knownAdmin2) {
      if (p.startsWith(a) && p.length() > a.length()) {
        return a;
      }
    }
    return codStyle(p, o.adminLevel()) ? p.substring(0, 6) : null;
  }

  /**
   * Whether a P-code has the COD shape of its level (two letters, two digits per level: ML05,
   * ML0501, ML050101), so that its region and cercle can be read from its prefix.
   */
  private static boolean codStyle(String pcode, int level) {
    return pcode.length() == 2 + 2 * level && COD_PCODE.matcher(pcode).matches();
  }

  /**
   * The rows of an edition that no coarser row of it covers: a country row covers every other row;
   * a region or cercle row covers the rows whose P-code starts with its own.
   */
  static List<Observation> leaves(List<Observation> rows) {
    List<Observation> country = rows.stream().filter(o -> o.adminLevel() == 0).toList();
    if (!country.isEmpty()) {
      return country;
    }
    Map<String, Integer> levels = new HashMap<>();
    for (Observation o : rows) {
      if (o.pcode() != null) {
        levels.merge(o.pcode(), o.adminLevel(), Math::min);
      }
    }
    List<Observation> out = new ArrayList<>();
    for (Observation o : rows) {
      if (!coveredByCoarser(o, levels)) {
        out.add(o);
      }
    }
    return out;
  }

  private static boolean coveredByCoarser(Observation o, Map<String, Integer> levels) {
    String p = o.pcode();
    if (p == null) {
      return false;
    }
    for (int len = 1; len < p.length(); len++) {
      Integer level = levels.get(p.substring(0, len));
      if (level != null && level < o.adminLevel()) {
        return true;
      }
    }
    return false;
  }
}
