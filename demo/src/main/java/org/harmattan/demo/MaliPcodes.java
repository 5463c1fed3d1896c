package org.harmattan.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.harmattan.ingest.humanitarian.AdminReference;

/**
 * Mali's regions (admin1) and cercles (admin2) with their OCHA COD-AB P-codes (edition valid from
 * 20 December 2021: ten regions, Ménaka ML10, no Taoudénit), written out from the public table in
 * French spelling, and the lookup from the scenario's places (ACLED's names) to them.
 */
final class MaliPcodes {

  /** One admin unit: its COD P-code, its name and its parent's P-code ({@code ML} for a region). */
  record Unit(String pcode, String name, String parent) {
    int level() {
      return (pcode.length() - 2) / 2;
    }
  }

  /** The date the COD-AB edition is valid from. */
  static final String VALID_FROM = "2021-12-20";

  static final List<Unit> REGIONS =
      List.of(
          new Unit("ML01", "Kayes", "ML"),
          new Unit("ML02", "Koulikoro", "ML"),
          new Unit("ML03", "Sikasso", "ML"),
          new Unit("ML04", "Ségou", "ML"),
          new Unit("ML05", "Mopti", "ML"),
          new Unit("ML06", "Tombouctou", "ML"),
          new Unit("ML07", "Gao", "ML"),
          new Unit("ML08", "Kidal", "ML"),
          new Unit("ML09", "Bamako", "ML"),
          new Unit("ML10", "Ménaka", "ML"));

  static final List<Unit> CERCLES =
      List.of(
          new Unit("ML0101", "Bafoulabé", "ML01"),
          new Unit("ML0102", "Diéma", "ML01"),
          new Unit("ML0103", "Kayes", "ML01"),
          new Unit("ML0104", "Kéniéba", "ML01"),
          new Unit("ML0105", "Kita", "ML01"),
          new Unit("ML0106", "Nioro", "ML01"),
          new Unit("ML0107", "Yélimané", "ML01"),
          new Unit("ML0201", "Banamba", "ML02"),
          new Unit("ML0202", "Dioïla", "ML02"),
          new Unit("ML0203", "Kangaba", "ML02"),
          new Unit("ML0204", "Kati", "ML02"),
          new Unit("ML0205", "Kolokani", "ML02"),
          new Unit("ML0206", "Koulikoro", "ML02"),
          new Unit("ML0207", "Nara", "ML02"),
          new Unit("ML0301", "Bougouni", "ML03"),
          new Unit("ML0302", "Kadiolo", "ML03"),
          new Unit("ML0303", "Kolondiéba", "ML03"),
          new Unit("ML0304", "Koutiala", "ML03"),
          new Unit("ML0305", "Sikasso", "ML03"),
          new Unit("ML0306", "Yanfolila", "ML03"),
          new Unit("ML0307", "Yorosso", "ML03"),
          new Unit("ML0401", "Baraouéli", "ML04"),
          new Unit("ML0402", "Bla", "ML04"),
          new Unit("ML0403", "Macina", "ML04"),
          new Unit("ML0404", "Niono", "ML04"),
          new Unit("ML0405", "San", "ML04"),
          new Unit("ML0406", "Ségou", "ML04"),
          new Unit("ML0407", "Tominian", "ML04"),
          new Unit("ML0501", "Bandiagara", "ML05"),
          new Unit("ML0502", "Bankass", "ML05"),
          new Unit("ML0503", "Djenné", "ML05"),
          new Unit("ML0504", "Douentza", "ML05"),
          new Unit("ML0505", "Koro", "ML05"),
          new Unit("ML0506", "Mopti", "ML05"),
          new Unit("ML0507", "Ténenkou", "ML05"),
          new Unit("ML0508", "Youwarou", "ML05"),
          new Unit("ML0601", "Diré", "ML06"),
          new Unit("ML0602", "Goundam", "ML06"),
          new Unit("ML0603", "Gourma-Rharous", "ML06"),
          new Unit("ML0604", "Niafunké", "ML06"),
          new Unit("ML0605", "Tombouctou", "ML06"),
          new Unit("ML0701", "Ansongo", "ML07"),
          new Unit("ML0702", "Bourem", "ML07"),
          new Unit("ML0703", "Gao", "ML07"),
          new Unit("ML0801", "Abeïbara", "ML08"),
          new Unit("ML0802", "Kidal", "ML08"),
          new Unit("ML0803", "Tessalit", "ML08"),
          new Unit("ML0804", "Tin-Essako", "ML08"),
          new Unit("ML0901", "Bamako", "ML09"),
          new Unit("ML1001", "Ménaka", "ML10"),
          new Unit("ML1002", "Andéramboukane", "ML10"),
          new Unit("ML1003", "Inékar", "ML10"),
          new Unit("ML1004", "Tidermène", "ML10"));

  /** ACLED spellings of cercles that differ from the COD's beyond accents and case. */
  private static final Map<String, String> ACLED_ALIASES = Map.of("Barouéli", "ML0401");

  private MaliPcodes() {}

  /** The region named {@code name} (accents, case and punctuation ignored). */
  static Unit region(String name) {
    for (Unit u : REGIONS) {
      if (AdminReference.sameName(u.name(), name)) {
        return u;
      }
    }
    throw new IllegalArgumentException("no region of Mali named " + name);
  }

  static Unit get(String pcode) {
    for (Unit u : REGIONS) {
      if (u.pcode().equals(pcode)) {
        return u;
      }
    }
    for (Unit u : CERCLES) {
      if (u.pcode().equals(pcode)) {
        return u;
      }
    }
    throw new IllegalArgumentException("no admin unit " + pcode + " of Mali");
  }

  /** The cercles of a region, in P-code order. */
  static List<Unit> cerclesOf(String regionPcode) {
    List<Unit> out = new ArrayList<>();
    for (Unit u : CERCLES) {
      if (u.parent().equals(regionPcode)) {
        out.add(u);
      }
    }
    return out;
  }

  /** The cercle a scenario place lies in, from its ACLED admin1 and admin2 names. */
  static Optional<Unit> findCercle(Place place) {
    String alias = ACLED_ALIASES.get(place.admin2());
    if (alias != null) {
      return Optional.of(get(alias));
    }
    Unit region = region(place.admin1());
    for (Unit u : cerclesOf(region.pcode())) {
      if (AdminReference.sameName(u.name(), place.admin2())) {
        return Optional.of(u);
      }
    }
    return Optional.empty();
  }

  /** The COD code in the ISO3-prefixed style of IOM DTM's round 72 ({@code MLI0406}). */
  static String iso3Style(String pcode) {
    return "MLI" + pcode.substring(2);
  }
}
