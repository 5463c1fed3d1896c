package org.harmattan.analytics.places;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.harmattan.testsupport.SharedData;
import org.junit.jupiter.api.Test;

/**
 * The reader and matcher on the real GeoNames cities500 subset for Mali, Burkina Faso and Niger,
 * checked against geonameids found here by a plain scan of the file.
 */
class PlaceMatcherRealDataTest {
  private static final String FILE = "gazetteer_geonames/cities500_ML_BF_NE.tsv";
  private static final Pattern TAB = Pattern.compile("\t");

  @Test
  void townsResolveToTheSamePlaceAsAPlainScanOfTheFile() throws IOException {
    Path path = SharedData.require(FILE);
    List<String> lines = Files.readAllLines(path, StandardCharsets.UTF_8);

    GeoNamesFile file = GeoNamesReader.read(path);
    assertThat(file.badLines()).isEmpty();
    assertThat(file.linesRead()).isEqualTo(lines.size());
    assertThat(file.places()).hasSize(lines.size());

    PlaceMatcher matcher = new PlaceMatcher(Gazetteer.of(file.places()));
    long segou = idOf(lines, "Ségou");
    long timbuktu = idOf(lines, "Timbuktu");
    long nioro = idOf(lines, "Nioro");
    long bamako = idOf(lines, "Bamako");

    assertMatches(matcher, "Ségou", segou);
    assertMatches(matcher, "Segou", segou);
    assertMatches(matcher, "SEGOU", segou);
    assertMatches(matcher, "Tombouctou", timbuktu);
    assertMatches(matcher, "Timbuktu", timbuktu);
    assertMatches(matcher, "Nioro", nioro);
    // In GeoNames the town is "Nioro"; "Nioro du Sahel" is one of its alternate names.
    assertMatches(matcher, "Nioro du Sahel", nioro);
    assertMatches(matcher, "Bamako", bamako);
    assertThat(((MatchResult.Matched) matcher.match("Bamako", null)).place().id())
        .isEqualTo(bamako);
  }

  private static void assertMatches(PlaceMatcher matcher, String name, long expectedId) {
    MatchResult r = matcher.match(name, "ML");
    assertThat(r).as(name).isInstanceOf(MatchResult.Matched.class);
    assertThat(((MatchResult.Matched) r).place().id()).as(name).isEqualTo(expectedId);
  }

  /** The geonameid of the only Mali row whose name column is exactly {@code name}. */
  private static long idOf(List<String> lines, String name) {
    List<Long> ids =
        lines.stream()
            .map(TAB::split)
            .filter(f -> f[1].equals(name) && f[8].equals("ML"))
            .map(f -> Long.parseLong(f[0]))
            .toList();
    assertThat(ids).as("rows named %s in %s", name, FILE).hasSize(1);
    return ids.get(0);
  }
}
