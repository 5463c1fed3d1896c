package org.harmattan.analytics.places;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.harmattan.testsupport.PlainCsv;
import org.harmattan.testsupport.SharedData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The OSM place list of Mali (ObiWanLansi/GeoData, 2019) read into the gazetteer; the expected
 * coordinates and counts come from a plain scan of the CSV with test-support's reader.
 */
class OsmPlaceListRealDataTest {
  private static final String FILE = "gazetteer_osm_nodes/mali_osm_nodes_2019__ObiWanLansi.csv";
  private static List<Map<String, String>> raw;
  private static OsmPlaceList list;
  private static PlaceMatcher matcher;

  @BeforeAll
  static void read() throws IOException {
    Path path = SharedData.require(FILE);
    raw = PlainCsv.readMaps(path, 0);
    list = OsmPlaceListReader.read(path, "ML");
    matcher = new PlaceMatcher(Gazetteer.of(list.places()));
  }

  /** The one raw row with this exact NAME, TAG and VALUE. */
  private static Map<String, String> row(String name, String tag, String value) {
    List<Map<String, String>> rows =
        raw.stream()
            .filter(r -> r.get("NAME").equals(name))
            .filter(r -> r.get("TAG").equals(tag) && r.get("VALUE").equals(value))
            .toList();
    assertThat(rows).as("%s %s=%s in the raw file", name, tag, value).hasSize(1);
    return rows.get(0);
  }

  private static Place matched(String query) {
    MatchResult r = matcher.match(query, "ML");
    assertThat(r).as(query).isInstanceOf(MatchResult.Matched.class);
    return ((MatchResult.Matched) r).place();
  }

  private static void assertAt(Place p, Map<String, String> row) {
    assertThat(p.id()).isEqualTo(Long.parseLong(row.get("ID")));
    assertThat(p.lat()).isCloseTo(Double.parseDouble(row.get("LAT")), within(1e-9));
    assertThat(p.lon()).isCloseTo(Double.parseDouble(row.get("LON")), within(1e-9));
  }

  @Test
  void everyRecordIsAPlaceAnUnnamedNodeOrABadLine() {
    long named =
        raw.stream()
            .filter(
                r ->
                    !r.get("NAME").isBlank()
                        || !r.get("NAME_EN").isBlank()
                        || !r.get("NAME_DE").isBlank())
            .count();
    long villages =
        raw.stream()
            .filter(r -> r.get("TAG").equals("place") && r.get("VALUE").equals("village"))
            .filter(r -> !r.get("NAME").isBlank())
            .count();

    assertThat(list.recordsRead()).isEqualTo(raw.size());
    assertThat(list.badLines()).isEmpty();
    assertThat(list.places()).hasSize((int) named);
    assertThat(list.unnamed()).isEqualTo(raw.size() - named);
    assertThat(list.places().stream().filter(p -> p.featureCode().equals("place=village")))
        .hasSize((int) villages);
  }

  @Test
  void sebabougouWithAndWithoutAccentIsTheVillageNotTheSchools() {
    Map<String, String> village = row("Sébabougou", "place", "village");

    Place accented = matched("Sébabougou");
    Place plain = matched("Sebabougou");
    Place shouted = matched("SEBABOUGOU");

    assertAt(accented, village);
    assertThat(plain).isEqualTo(accented);
    assertThat(shouted).isEqualTo(accented);
    assertThat(accented.isPopulatedPlace()).isTrue();
    // The MANIFEST gives the village at 14.3720, -8.2085.
    assertThat(accented.lat()).isCloseTo(14.3720, within(1e-4));
    assertThat(accented.lon()).isCloseTo(-8.2085, within(1e-4));
  }

  @Test
  void nioroIsNioroDuSahelTheTown() {
    Map<String, String> town = row("Nioro du Sahel", "place", "town");

    Place full = matched("Nioro du Sahel");
    Place shortName = matched("Nioro");

    assertAt(full, town);
    assertThat(shortName).isEqualTo(full);
    assertThat(((MatchResult.Matched) matcher.match("Nioro", "ML")).method())
        .isEqualTo(MatchMethod.PREFIX);
  }

  @Test
  void englishNamesAreAlternates() {
    Map<String, String> timbuktu = row("Tombouctou", "place", "city");

    assertThat(timbuktu.get("NAME_EN")).isEqualTo("Timbuktu");
    assertAt(matched("Timbuktu"), timbuktu);
    assertThat(((MatchResult.Matched) matcher.match("Timbuktu", "ML")).method())
        .isEqualTo(MatchMethod.ALTERNATE);
  }
}
