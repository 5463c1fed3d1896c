package org.harmattan.analytics.places;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import org.harmattan.testsupport.SharedData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Spelling, ranking and ambiguity cases on {@code fixtures/places/geonames-mali-spellings.tsv}. */
class PlaceMatcherTest {
  private static PlaceMatcher matcher;
  private static Gazetteer gazetteer;

  @BeforeAll
  static void load() throws IOException {
    GeoNamesFile file =
        GeoNamesReader.read(SharedData.fixture("places/geonames-mali-spellings.tsv"));
    assertThat(file.badLines()).isEmpty();
    gazetteer = Gazetteer.of(file.places());
    matcher = new PlaceMatcher(gazetteer);
  }

  private static MatchResult.Matched matched(String name, String country) {
    MatchResult r = matcher.match(name, country);
    assertThat(r).as("%s in %s", name, country).isInstanceOf(MatchResult.Matched.class);
    return (MatchResult.Matched) r;
  }

  private static MatchResult.Ambiguous ambiguous(String name, String country) {
    MatchResult r = matcher.match(name, country);
    assertThat(r).as("%s in %s", name, country).isInstanceOf(MatchResult.Ambiguous.class);
    return (MatchResult.Ambiguous) r;
  }

  @Test
  void segouWithAndWithoutAccent() {
    MatchResult.Matched accented = matched("Ségou", "ML");
    MatchResult.Matched plain = matched("Segou", "ML");
    MatchResult.Matched shouted = matched("SEGOU", null);

    assertThat(accented.place().id()).isEqualTo(9100002L);
    assertThat(accented.method()).isEqualTo(MatchMethod.EXACT);
    assertThat(plain.place()).isEqualTo(accented.place());
    assertThat(plain.method()).isEqualTo(MatchMethod.NORMALISED);
    assertThat(shouted.place()).isEqualTo(accented.place());
  }

  @Test
  void sebabougouWithoutAccentPrefersTheVillageOverSchoolsOfTheSameName() {
    MatchResult.Matched plain = matched("Sebabougou", "ML");
    MatchResult.Matched accented = matched("Sébabougou", "ML");

    assertThat(plain.place().id()).isEqualTo(9100004L);
    assertThat(plain.method()).isEqualTo(MatchMethod.NORMALISED);
    // The school 9100016 has the same name, but populated places (class P) come first.
    assertThat(accented.place().id()).isEqualTo(9100004L);
    assertThat(accented.method()).isEqualTo(MatchMethod.EXACT);
  }

  @Test
  void tombouctouMatchesTimbuktuThroughItsAlternateNames() {
    MatchResult.Matched french = matched("Tombouctou", "ML");
    MatchResult.Matched english = matched("Timbuktu", "ML");

    assertThat(french.place().id()).isEqualTo(9100007L);
    assertThat(french.method()).isEqualTo(MatchMethod.ALTERNATE);
    assertThat(english.place()).isEqualTo(french.place());
    assertThat(english.method()).isEqualTo(MatchMethod.EXACT);
  }

  @Test
  void nioroMatchesNioroDuSahelAsTheOnlyNameStartingWithTheWordNioro() {
    MatchResult.Matched shortName = matched("Nioro", "ML");
    MatchResult.Matched hyphenated = matched("Nioro-du-Sahel", null);

    assertThat(shortName.place().id()).isEqualTo(9100005L);
    assertThat(shortName.method()).isEqualTo(MatchMethod.PREFIX);
    // "Niorokoro" starts with "nioro" but not at a word boundary.
    assertThat(hyphenated.place()).isEqualTo(shortName.place());
    assertThat(hyphenated.method()).isIn(MatchMethod.NORMALISED, MatchMethod.ALTERNATE);
  }

  @Test
  void severalNamesStartingWithTheWordAreAmbiguous() {
    MatchResult.Ambiguous r = ambiguous("Kourouma", "ML");

    assertThat(r.method()).isEqualTo(MatchMethod.PREFIX);
    assertThat(r.candidates())
        .extracting(Place::name)
        .containsExactly("Kourouma Nord", "Kourouma Sud");
    assertThat(r.reason()).contains("give the full name");
  }

  @Test
  void twoVillagesOfSimilarPopulationAreAmbiguousRankedByPopulation() {
    MatchResult.Ambiguous inMali = ambiguous("Kona", "ML");

    assertThat(inMali.method()).isEqualTo(MatchMethod.EXACT);
    assertThat(inMali.candidates()).extracting(Place::id).containsExactly(9100008L, 9100009L);
    assertThat(inMali.reason()).contains("Kona (9100008, PPL, ML, population 2400)");

    MatchResult.Ambiguous anywhere = ambiguous("kona", null);
    assertThat(anywhere.candidates())
        .extracting(Place::id)
        .containsExactly(9100010L, 9100008L, 9100009L);

    assertThat(matched("Kona", "BF").place().id()).isEqualTo(9100010L);
  }

  @Test
  void aHigherFeatureCodeWinsOverAVillageOfTheSameName() {
    MatchResult.Matched kati = matched("Kati", "ML");

    assertThat(kati.place().id()).isEqualTo(9100013L);
    assertThat(kati.place().featureCode()).isEqualTo("PPLA2");
  }

  @Test
  void unknownNamesOtherCountriesAndBlankInputMatchNothing() {
    assertThat(matcher.match("Gao", "ML")).isEqualTo(new MatchResult.None("Gao"));
    assertThat(matcher.match("Ségou", "BF")).isInstanceOf(MatchResult.None.class);
    assertThat(matcher.match(" - ", null)).isInstanceOf(MatchResult.None.class);
  }

  @Test
  void tenTimesThePopulationDecidesBetweenPlacesOfTheSameRank() {
    Place big = village(1, "Dari", 5000);
    Place small = village(2, "Dari", 500);
    Place close = village(3, "Dari", 501);
    Place unknown = village(4, "Boni", 0);
    Place known = village(5, "Boni", 40);

    assertThat(new PlaceMatcher(Gazetteer.of(List.of(small, big))).match("Dari", "ML"))
        .isEqualTo(new MatchResult.Matched("Dari", big, MatchMethod.EXACT));
    assertThat(new PlaceMatcher(Gazetteer.of(List.of(big, close))).match("Dari", "ML"))
        .isInstanceOf(MatchResult.Ambiguous.class);
    assertThat(new PlaceMatcher(Gazetteer.of(List.of(unknown, known))).match("Boni", "ML"))
        .isEqualTo(new MatchResult.Matched("Boni", known, MatchMethod.EXACT));
    assertThat(
            new PlaceMatcher(Gazetteer.of(List.of(unknown, village(6, "Boni", 0))))
                .match("Boni", "ML"))
        .isInstanceOf(MatchResult.Ambiguous.class);
  }

  @Test
  void rankingPutsCapitalsThenAdminSeatsThenVillagesThenOtherFeatures() {
    List<Place> ranked =
        gazetteer.listPlaces().stream().sorted(PlaceMatcher.RANKING).limit(4).toList();

    assertThat(ranked)
        .extracting(Place::featureCode)
        .containsExactly("PPLC", "PPLA", "PPLA", "PPLA2");
    assertThat(PlaceMatcher.rankClass(gazetteer.listByName("sebabougou").get(0)))
        .isLessThan(PlaceMatcher.rankClass(gazetteer.listByAlternateName("sebabougou").get(0)));
  }

  private static Place village(long id, String name, long population) {
    return new Place(id, name, name, List.of(), 14.0, -4.0, "P", "PPL", "ML", "", population);
  }
}
