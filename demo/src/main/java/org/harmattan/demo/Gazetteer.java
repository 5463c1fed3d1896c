package org.harmattan.demo;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The places of the Mali scenario: real regions (admin1), cercles (admin2), communes (admin3) and
 * localities with approximate coordinates, and the weighted lists each kind of event draws from.
 * Every list is ordered, so that the same seed picks the same places.
 */
final class Gazetteer {

  /** A place and how often it is drawn relative to the others of its list. */
  record Weighted(Place place, int weight) {}

  private static final Map<String, Place> BY_LOCATION = new LinkedHashMap<>();

  /** Bamako's six communes; ACLED names the location "Bamako" and the commune in admin3. */
  static final List<Place> BAMAKO_COMMUNES =
      List.of(
          new Place("Bamako", "Bamako", "Commune I", "Bamako", 12.6600, -7.9700),
          new Place("Bamako", "Bamako", "Commune II", "Bamako", 12.6500, -7.9900),
          new Place("Bamako", "Bamako", "Commune III", "Bamako", 12.6450, -8.0100),
          new Place("Bamako", "Bamako", "Commune IV", "Bamako", 12.6400, -8.0400),
          new Place("Bamako", "Bamako", "Commune V", "Bamako", 12.6000, -8.0100),
          new Place("Bamako", "Bamako", "Commune VI", "Bamako", 12.5800, -7.9500));

  /** The point distances to Bamako are measured from. */
  static final Place BAMAKO = new Place("Bamako", "Bamako", "Commune III", "Bamako", 12.65, -8.00);

  static {
    // Koulikoro
    add("Koulikoro", "Kati", "Kati", "Kati", 12.7441, -8.0726);
    add("Koulikoro", "Kati", "Kalaban Coro", "Kalaban Coro", 12.5700, -7.9900);
    add("Koulikoro", "Kati", "Baguineda-Camp", "Baguinéda", 12.6150, -7.7750);
    add("Koulikoro", "Kati", "Sanankoroba", "Sanankoroba", 12.4000, -7.9500);
    add("Koulikoro", "Kati", "Siby", "Siby", 12.3830, -8.3330);
    add("Koulikoro", "Kati", "Néguéla", "Néguéla", 12.8700, -8.4300);
    add("Koulikoro", "Kati", "Ouéléssébougou", "Ouéléssébougou", 11.9670, -7.9170);
    add("Koulikoro", "Kangaba", "Kangaba", "Kangaba", 11.9330, -8.4170);
    add("Koulikoro", "Koulikoro", "Koulikoro", "Koulikoro", 12.8630, -7.5590);
    add("Koulikoro", "Kolokani", "Kolokani", "Kolokani", 13.5730, -8.0340);
    add("Koulikoro", "Kolokani", "Didiéni", "Didiéni", 13.8830, -8.0830);
    add("Koulikoro", "Banamba", "Banamba", "Banamba", 13.5490, -7.4480);
    add("Koulikoro", "Nara", "Nara", "Nara", 15.1690, -7.2870);
    add("Koulikoro", "Dioïla", "Dioïla", "Dioïla", 12.4890, -6.7930);
    add("Koulikoro", "Dioïla", "Fana", "Fana", 12.7730, -6.9550);
    // Kayes
    add("Kayes", "Kayes", "Kayes", "Kayes", 14.4470, -11.4440);
    add("Kayes", "Kayes", "Diboli", "Diboli", 14.5330, -12.1830);
    add("Kayes", "Diéma", "Diéma", "Diéma", 14.5420, -9.1830);
    add("Kayes", "Nioro", "Nioro", "Nioro du Sahel", 15.2300, -9.5900);
    add("Kayes", "Nioro", "Sandaré", "Sandaré", 14.7060, -10.3000);
    add("Kayes", "Kita", "Kita", "Kita", 13.0350, -9.4890);
    add("Kayes", "Bafoulabé", "Bafoulabé", "Bafoulabé", 13.8070, -10.8300);
    // Sikasso
    add("Sikasso", "Sikasso", "Sikasso", "Sikasso", 11.3170, -5.6670);
    add("Sikasso", "Koutiala", "Koutiala", "Koutiala", 12.3920, -5.4640);
    add("Sikasso", "Bougouni", "Bougouni", "Bougouni", 11.4180, -7.4830);
    add("Sikasso", "Bougouni", "Koumantou", "Koumantou", 11.4170, -6.8330);
    add("Sikasso", "Kolondiéba", "Kolondiéba", "Kolondiéba", 11.0880, -6.8930);
    add("Sikasso", "Kadiolo", "Kadiolo", "Kadiolo", 10.5530, -5.7600);
    add("Sikasso", "Kadiolo", "Loulouni", "Loulouni", 10.9000, -5.6170);
    add("Sikasso", "Kadiolo", "Zégoua", "Zégoua", 10.4670, -5.6330);
    add("Sikasso", "Yorosso", "Yorosso", "Yorosso", 12.3560, -4.7760);
    // Ségou
    add("Ségou", "Ségou", "Ségou", "Ségou", 13.4310, -6.2600);
    add("Ségou", "Ségou", "Markala", "Markala", 13.7000, -6.0670);
    add("Ségou", "Barouéli", "Barouéli", "Barouéli", 13.0750, -6.8350);
    add("Ségou", "Bla", "Bla", "Bla", 12.9460, -5.7600);
    add("Ségou", "San", "San", "San", 13.3030, -4.8960);
    add("Ségou", "Tominian", "Tominian", "Tominian", 13.2860, -4.5880);
    add("Ségou", "Niono", "Niono", "Niono", 14.2520, -5.9930);
    add("Ségou", "Niono", "Diabaly", "Diabaly", 14.6880, -6.0150);
    add("Ségou", "Niono", "Sokolo", "Sokolo", 14.7330, -6.1170);
    add("Ségou", "Macina", "Macina", "Macina", 13.9620, -5.3580);
    // Mopti
    add("Mopti", "Mopti", "Mopti", "Mopti", 14.4840, -4.1830);
    add("Mopti", "Mopti", "Mopti", "Sévaré", 14.5290, -4.0970);
    add("Mopti", "Djenné", "Djenné", "Djenné", 13.9060, -4.5550);
    add("Mopti", "Bandiagara", "Bandiagara", "Bandiagara", 14.3500, -3.6100);
    add("Mopti", "Bankass", "Bankass", "Bankass", 14.0780, -3.5180);
    add("Mopti", "Koro", "Koro", "Koro", 14.0670, -3.0830);
    add("Mopti", "Douentza", "Douentza", "Douentza", 15.0020, -2.9500);
    add("Mopti", "Douentza", "Haïré", "Boni", 15.0670, -1.9670);
    add("Mopti", "Ténenkou", "Ténenkou", "Ténenkou", 14.4570, -4.9170);
    add("Mopti", "Youwarou", "Youwarou", "Youwarou", 15.3700, -4.2620);
    // Tombouctou
    add("Tombouctou", "Tombouctou", "Tombouctou", "Tombouctou", 16.7730, -3.0070);
    add("Tombouctou", "Goundam", "Goundam", "Goundam", 16.4150, -3.6700);
    add("Tombouctou", "Niafunké", "Soboundou", "Niafunké", 15.9320, -3.9900);
    add("Tombouctou", "Niafunké", "Léré", "Léré", 15.7200, -4.9100);
    // Gao
    add("Gao", "Gao", "Gao", "Gao", 16.2720, -0.0440);
    add("Gao", "Ansongo", "Ansongo", "Ansongo", 15.6600, 0.5030);
    add("Gao", "Ansongo", "Tessit", "Tessit", 15.2000, 0.9800);
    add("Gao", "Bourem", "Bourem", "Bourem", 16.9550, -0.3480);
    // Ménaka
    add("Ménaka", "Ménaka", "Ménaka", "Ménaka", 15.9180, 2.4020);
    add("Ménaka", "Ménaka", "Andéramboukane", "Andéramboukane", 15.4170, 3.0330);
    // Kidal
    add("Kidal", "Kidal", "Kidal", "Kidal", 18.4410, 1.4080);
    add("Kidal", "Tessalit", "Tessalit", "Tessalit", 20.2010, 1.0120);
    add("Kidal", "Tessalit", "Aguelhok", "Aguelhok", 19.4620, 0.8580);
  }

  /**
   * Where JNIM fights before it moves south: centre, north, west and south, none within 100 km of
   * Bamako (Kolokani, at 103 km, is left out so that jitter cannot bring it closer).
   */
  static final List<Weighted> JNIM =
      weights(
          "Mopti",
          3,
          "Sévaré",
          2,
          "Djenné",
          3,
          "Bandiagara",
          4,
          "Bankass",
          3,
          "Koro",
          3,
          "Douentza",
          4,
          "Boni",
          4,
          "Ténenkou",
          3,
          "Youwarou",
          2,
          "Ségou",
          2,
          "Markala",
          2,
          "Barouéli",
          1,
          "Bla",
          2,
          "San",
          2,
          "Tominian",
          2,
          "Niono",
          4,
          "Diabaly",
          3,
          "Sokolo",
          3,
          "Macina",
          4,
          "Tombouctou",
          2,
          "Goundam",
          2,
          "Niafunké",
          2,
          "Léré",
          3,
          "Gao",
          1,
          "Ansongo",
          1,
          "Bourem",
          1,
          "Nara",
          3,
          "Banamba",
          2,
          "Didiéni",
          1,
          "Dioïla",
          1,
          "Fana",
          1,
          "Nioro du Sahel",
          2,
          "Diéma",
          2,
          "Kita",
          1,
          "Koutiala",
          2,
          "Yorosso",
          2,
          "Kadiolo",
          1,
          "Kolondiéba",
          1,
          "Bougouni",
          1);

  /** Islamic State Sahel Province: the east. */
  static final List<Weighted> ISSP =
      weights("Ménaka", 4, "Andéramboukane", 3, "Ansongo", 3, "Tessit", 2, "Gao", 2, "Bourem", 1);

  /** State forces' abuses: centre and north, where counter-insurgency operations run. */
  static final List<Weighted> STATE_OPERATIONS =
      weights(
          "Mopti",
          2,
          "Sévaré",
          2,
          "Djenné",
          3,
          "Bandiagara",
          2,
          "Bankass",
          2,
          "Koro",
          2,
          "Douentza",
          3,
          "Boni",
          2,
          "Ténenkou",
          3,
          "Youwarou",
          2,
          "Niono",
          3,
          "Diabaly",
          3,
          "Sokolo",
          2,
          "Macina",
          3,
          "Ségou",
          1,
          "San",
          1,
          "Tombouctou",
          2,
          "Goundam",
          2,
          "Niafunké",
          2,
          "Léré",
          2,
          "Gao",
          1,
          "Kidal",
          2,
          "Tessalit",
          1,
          "Aguelhok",
          1,
          "Nara",
          2,
          "Banamba",
          1,
          "Nioro du Sahel",
          1,
          "Ménaka",
          1);

  /** Dozo and Fulani militias: the farming and herding belt of the centre. */
  static final List<Weighted> MILITIAS =
      weights(
          "Niono",
          3,
          "Diabaly",
          2,
          "Macina",
          3,
          "Ségou",
          1,
          "San",
          2,
          "Tominian",
          1,
          "Djenné",
          2,
          "Bankass",
          3,
          "Koro",
          3,
          "Bandiagara",
          2,
          "Ténenkou",
          2,
          "Banamba",
          1,
          "Kolokani",
          1);

  /** Unidentified gunmen: kidnappings on the roads. */
  static final List<Weighted> BANDITRY =
      weights(
          "Kayes",
          1,
          "Kita",
          1,
          "Nioro du Sahel",
          1,
          "Ségou",
          1,
          "San",
          1,
          "Mopti",
          1,
          "Sévaré",
          1,
          "Gao",
          2,
          "Tombouctou",
          1,
          "Koutiala",
          1,
          "Sikasso",
          1,
          "Bougouni",
          1,
          "Ménaka",
          1);

  /** Towns where people demonstrate; Bamako's communes are added by the generator. */
  static final List<Weighted> TOWNS =
      weights(
          "Kati",
          2,
          "Kayes",
          3,
          "Sikasso",
          3,
          "Ségou",
          3,
          "Koutiala",
          1,
          "San",
          1,
          "Mopti",
          2,
          "Sévaré",
          1,
          "Tombouctou",
          2,
          "Gao",
          3,
          "Kidal",
          1,
          "Nioro du Sahel",
          1,
          "Bougouni",
          1,
          "Kita",
          1);

  /** The Dakar corridor: Kayes, Nioro and Diéma to Kati, the route of fuel imported via Dakar. */
  static final List<Weighted> DAKAR_CORRIDOR =
      weights(
          "Diboli",
          1,
          "Kayes",
          3,
          "Sandaré",
          2,
          "Nioro du Sahel",
          2,
          "Diéma",
          3,
          "Didiéni",
          2,
          "Kolokani",
          2,
          "Kita",
          2,
          "Néguéla",
          2,
          "Kati",
          2);

  /** The Abidjan corridor: Zégoua, Sikasso and Bougouni to Bamako. */
  static final List<Weighted> ABIDJAN_CORRIDOR =
      weights(
          "Zégoua",
          1,
          "Kadiolo",
          2,
          "Loulouni",
          2,
          "Sikasso",
          3,
          "Koumantou",
          1,
          "Bougouni",
          3,
          "Ouéléssébougou",
          2,
          "Sanankoroba",
          1);

  private Gazetteer() {}

  private static void add(
      String admin1, String admin2, String admin3, String location, double lat, double lon) {
    Place previous =
        BY_LOCATION.put(location, new Place(admin1, admin2, admin3, location, lat, lon));
    if (previous != null) {
      throw new IllegalStateException("duplicate location " + location);
    }
  }

  /** The place named {@code location}; throws for a name missing from the table. */
  static Place get(String location) {
    Place p = BY_LOCATION.get(location);
    if (p == null) {
      throw new IllegalArgumentException("no place named " + location + " in the gazetteer");
    }
    return p;
  }

  /** Every named place, in table order, then Bamako's communes. */
  static List<Place> all() {
    List<Place> out = new ArrayList<>(BY_LOCATION.values());
    out.addAll(BAMAKO_COMMUNES);
    return out;
  }

  /** Every admin1 of the table, in table order. */
  static List<String> admin1Names() {
    List<String> out = new ArrayList<>();
    for (Place p : all()) {
      if (!out.contains(p.admin1())) {
        out.add(p.admin1());
      }
    }
    return out;
  }

  /** Every place of {@code admin1}; those of the regional capital's cercle weigh three times. */
  static List<Weighted> inAdmin1(String admin1) {
    List<Weighted> out = new ArrayList<>();
    for (Place p : all()) {
      if (p.admin1().equals(admin1)) {
        out.add(new Weighted(p, p.admin2().equals(admin1) ? 3 : 1));
      }
    }
    return List.copyOf(out);
  }

  private static List<Weighted> weights(Object... nameWeightPairs) {
    List<Weighted> out = new ArrayList<>();
    for (int i = 0; i < nameWeightPairs.length; i += 2) {
      out.add(new Weighted(get((String) nameWeightPairs[i]), (Integer) nameWeightPairs[i + 1]));
    }
    return List.copyOf(out);
  }
}
