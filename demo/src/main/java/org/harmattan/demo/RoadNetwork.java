package org.harmattan.demo;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A small road graph of our own making for the demo, in the African Urban Network's CSV format: the
 * scenario's towns as nodes (Bamako as one node at its centre) and the main roads between them as
 * straight edges whose length is the haversine distance. Approximate by design; it lets the demo
 * build the Dakar, Abidjan and Mopti corridors without the real (non-redistributable) graph.
 */
final class RoadNetwork {
  static final String NODES_HEADER =
      "Agglomeration_ID,agglosName,x,y,Pop2015,ISO3,Region,Between,degree";
  static final String EDGES_HEADER =
      "\"from\",\"to\",\"l\",\"h\",\"time\",\"timeU\",\"timeUCB\",\"border\"";

  /** Road links by location name; "Bamako" is the city centre. */
  static final List<String[]> ROADS =
      roads(
          // Dakar corridor: the RN1 by Kita, and the northern road by Kolokani, Diéma and Sandaré.
          "Bamako", "Kati",
          "Kati", "Néguéla",
          "Néguéla", "Kita",
          "Kita", "Bafoulabé",
          "Bafoulabé", "Kayes",
          "Kayes", "Diboli",
          "Kati", "Kolokani",
          "Kolokani", "Didiéni",
          "Didiéni", "Diéma",
          "Diéma", "Sandaré",
          "Sandaré", "Kayes",
          "Diéma", "Nioro du Sahel",
          "Didiéni", "Nara",
          // Abidjan corridor: the RN7 by Bougouni and Sikasso to Zégoua.
          "Bamako", "Kalaban Coro",
          "Kalaban Coro", "Sanankoroba",
          "Sanankoroba", "Ouéléssébougou",
          "Ouéléssébougou", "Bougouni",
          "Bougouni", "Koumantou",
          "Koumantou", "Sikasso",
          "Sikasso", "Loulouni",
          "Loulouni", "Kadiolo",
          "Kadiolo", "Zégoua",
          "Koumantou", "Kolondiéba",
          "Bamako", "Siby",
          "Siby", "Kangaba",
          // East: the RN6 by Fana and Ségou to San and Mopti, and branches.
          "Bamako", "Koulikoro",
          "Koulikoro", "Banamba",
          "Bamako", "Baguinéda",
          "Baguinéda", "Fana",
          "Fana", "Dioïla",
          "Fana", "Barouéli",
          "Barouéli", "Ségou",
          "Ségou", "Markala",
          "Markala", "Niono",
          "Niono", "Diabaly",
          "Niono", "Sokolo",
          "Markala", "Macina",
          "Macina", "Ténenkou",
          "Ténenkou", "Youwarou",
          "Ségou", "Bla",
          "Bla", "Koutiala",
          "Koutiala", "Sikasso",
          "Koutiala", "Yorosso",
          "Bla", "San",
          "San", "Tominian",
          "San", "Djenné",
          "San", "Sévaré",
          "Sévaré", "Mopti",
          "Sévaré", "Bandiagara",
          "Bandiagara", "Bankass",
          "Bankass", "Koro",
          "Sévaré", "Douentza",
          "Douentza", "Boni",
          "Boni", "Gao",
          "Douentza", "Tombouctou",
          "Tombouctou", "Goundam",
          "Goundam", "Niafunké",
          "Niafunké", "Léré",
          "Gao", "Bourem",
          "Gao", "Ansongo",
          "Ansongo", "Tessit",
          "Ansongo", "Ménaka",
          "Ménaka", "Andéramboukane",
          "Gao", "Kidal",
          "Kidal", "Aguelhok",
          "Aguelhok", "Tessalit");

  private RoadNetwork() {}

  private static List<String[]> roads(String... pairs) {
    List<String[]> out = new ArrayList<>();
    for (int i = 0; i < pairs.length; i += 2) {
      out.add(new String[] {pairs[i], pairs[i + 1]});
    }
    return List.copyOf(out);
  }

  /** The nodes: Bamako first, then every gazetteer locality in table order, numbered from 1. */
  static Map<String, Place> nodes() {
    Map<String, Place> out = new LinkedHashMap<>();
    out.put("Bamako", Gazetteer.BAMAKO);
    for (Place p : Gazetteer.all()) {
      if (!p.admin1().equals("Bamako")) {
        out.put(p.location(), p);
      }
    }
    return out;
  }

  /** The nodes file's lines, header first. */
  static List<String> nodeLines() {
    Map<String, Place> nodes = nodes();
    Map<String, Integer> degree = new LinkedHashMap<>();
    for (String[] r : ROADS) {
      for (String end : r) {
        if (!nodes.containsKey(end)) {
          throw new IllegalStateException("road end " + end + " is not a gazetteer locality");
        }
        degree.merge(end, 1, Integer::sum);
      }
    }
    List<String> out = new ArrayList<>();
    out.add(NODES_HEADER);
    int id = 1;
    for (Map.Entry<String, Place> n : nodes.entrySet()) {
      Place p = n.getValue();
      out.add(
          Csv.line(
              List.of(
                  String.valueOf(id++),
                  n.getKey(),
                  String.format(Locale.ROOT, "%.4f", p.longitude()),
                  String.format(Locale.ROOT, "%.4f", p.latitude()),
                  "0",
                  "MLI",
                  "West",
                  "0",
                  String.valueOf(degree.getOrDefault(n.getKey(), 0)))));
    }
    return out;
  }

  /** The edges file's lines, header first; every field quoted as the published file does. */
  static List<String> edgeLines() {
    Map<String, Integer> ids = new LinkedHashMap<>();
    for (String name : nodes().keySet()) {
      ids.put(name, ids.size() + 1);
    }
    Map<String, Place> nodes = nodes();
    List<String> out = new ArrayList<>();
    out.add(EDGES_HEADER);
    for (String[] r : ROADS) {
      Place a = nodes.get(r[0]);
      Place b = nodes.get(r[1]);
      double km = a.distanceKm(b);
      // Minutes at 60 km/h; the demo uses lengths only.
      String l = String.format(Locale.ROOT, "%.6f", km);
      out.add(
          "\""
              + ids.get(r[0])
              + "\",\""
              + ids.get(r[1])
              + "\","
              + l
              + ",\"primary\","
              + l
              + ","
              + l
              + ","
              + l
              + ",0");
    }
    return out;
  }
}
