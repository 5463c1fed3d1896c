package org.harmattan.ingest.gdelt;

import java.util.ArrayList;
import java.util.List;

/** GDELT's documented column names (GDELT Event Codebook 1.0 and 2.0). */
final class GdeltColumns {
  private static final List<String> ACTOR_FIELDS =
      List.of(
          "Code",
          "Name",
          "CountryCode",
          "KnownGroupCode",
          "EthnicCode",
          "Religion1Code",
          "Religion2Code",
          "Type1Code",
          "Type2Code",
          "Type3Code");

  private static final List<String> GEO_FIELDS_V1 =
      List.of("Type", "FullName", "CountryCode", "ADM1Code", "Lat", "Long", "FeatureID");

  private static final List<String> GEO_FIELDS_V2 =
      List.of(
          "Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID");

  static final List<String> V1 = build(GEO_FIELDS_V1);
  static final List<String> V2 = build(GEO_FIELDS_V2);

  private GdeltColumns() {}

  private static List<String> build(List<String> geo) {
    List<String> c = new ArrayList<>();
    c.add("GLOBALEVENTID");
    c.add("SQLDATE");
    c.add("MonthYear");
    c.add("Year");
    c.add("FractionDate");
    for (String a : List.of("Actor1", "Actor2")) {
      for (String f : ACTOR_FIELDS) {
        c.add(a + f);
      }
    }
    c.add("IsRootEvent");
    c.add("EventCode");
    c.add("EventBaseCode");
    c.add("EventRootCode");
    c.add("QuadClass");
    c.add("GoldsteinScale");
    c.add("NumMentions");
    c.add("NumSources");
    c.add("NumArticles");
    c.add("AvgTone");
    for (String g : List.of("Actor1Geo_", "Actor2Geo_", "ActionGeo_")) {
      for (String f : geo) {
        c.add(g + f);
      }
    }
    c.add("DATEADDED");
    c.add("SOURCEURL");
    return List.copyOf(c);
  }
}
