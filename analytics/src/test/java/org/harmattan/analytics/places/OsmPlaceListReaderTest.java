package org.harmattan.analytics.places;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import org.harmattan.domain.error.HarmattanException;
import org.junit.jupiter.api.Test;

/** CSV edge cases of OSM node lists: quoted commas and line breaks, bad records, ranking. */
class OsmPlaceListReaderTest {
  private static final String HEADER =
      "ID,LAT,LON,NAME,NAME_EN,NAME_DE,TAG,VALUE,POPULATION,ELEVATION\n";

  private static OsmPlaceList read(String body) throws IOException {
    return OsmPlaceListReader.read(new StringReader(HEADER + body), "osm.csv", "ml");
  }

  @Test
  void quotedFieldsMayHoldCommasQuotesAndLineBreaks() throws IOException {
    OsmPlaceList l =
        read(
            "1,12.5,-8.0,\"Buffet, \"\"Chez Awa\"\"\",,,amenity,restaurant,,\n"
                + "2,12.6,-8.1,\"Two\nlines\",,,shop,kiosk,,\n"
                + "3,12.7,-8.2,Kati,,,place,town,\"42 000\",\n");

    assertThat(l.places())
        .extracting(Place::name)
        .containsExactly("Buffet, \"Chez Awa\"", "Two\nlines", "Kati");
    assertThat(l.places().get(2).population()).isEqualTo(42_000);
    assertThat(l.places().get(2).countryIso2()).isEqualTo("ML");
    assertThat(l.places().get(2).featureCode()).isEqualTo("place=town");
    assertThat(l.places().get(0).featureClass()).isEqualTo("S");
    assertThat(l.recordsRead()).isEqualTo(3);
  }

  @Test
  void badRecordsAreReportedWithLineAndColumnAndUnnamedNodesCounted() throws IOException {
    OsmPlaceList l =
        read(
            "1,north,-8.0,Somewhere,,,place,village,,\n"
                + "2,12.6,-8.1,,,,power,tower,,\n"
                + "3,12.7,-8.2,Kati,,,place,town,about 40k,\n"
                + "4,12.7,-8.2,Too,many,fields,place,town,,,,\n");

    assertThat(l.recordsRead()).isEqualTo(4);
    assertThat(l.unnamed()).isEqualTo(1);
    assertThat(l.places()).extracting(Place::name).containsExactly("Kati");
    assertThat(l.badLines()).extracting(BadLine::lineNumber).containsExactly(2L, 5L);
    assertThat(l.badLines().get(0).describe())
        .isEqualTo(
            "osm.csv line 2, column LAT: \"north\" is not valid (expected decimal degrees between"
                + " -90 and 90)");
    assertThat(l.badLines().get(1).describe()).contains("12 comma-separated fields (expected 10");
    assertThat(l.warnings())
        .singleElement()
        .satisfies(
            w -> {
              assertThat(w.lineNumber()).isEqualTo(4L);
              assertThat(w.describe()).contains("column POPULATION: \"about 40k\"");
            });
  }

  @Test
  void aWrongHeaderIsAUserError() {
    assertThatThrownBy(
            () ->
                OsmPlaceListReader.read(
                    new StringReader("id,name,lat,lon\n1,A,1,2\n"), "x.csv", "ML"))
        .isInstanceOf(HarmattanException.class)
        .hasMessageContaining("x.csv line 1: header is ID,NAME,LAT,LON (expected ID,LAT,LON,");
  }

  @Test
  void aTownOutranksVillagesAndSchoolsForAPrefixButTwoTownsAreAmbiguous() throws IOException {
    OsmPlaceList l =
        read(
            "1,15.2,-9.6,Nioro du Sahel,,,place,town,,\n"
                + "2,15.3,-9.6,Nioro Tougoune,,,place,village,,\n"
                + "3,15.2,-9.6,NIORO clinic,,,amenity,clinic,,\n"
                + "4,11.4,-5.2,Kourouma Nord,,,place,town,,\n"
                + "5,11.3,-5.2,Kourouma Sud,,,place,town,,\n");
    PlaceMatcher m = new PlaceMatcher(Gazetteer.of(l.places()));

    assertThat(m.match("Nioro", null))
        .isInstanceOfSatisfying(
            MatchResult.Matched.class, r -> assertThat(r.place().id()).isEqualTo(1L));
    assertThat(m.match("Kourouma", null)).isInstanceOf(MatchResult.Ambiguous.class);
  }

  @Test
  void aBadRecordIsKeptVerbatimAcrossItsLinesAndLinesAfterItKeepTheirNumbers() throws IOException {
    OsmPlaceList l =
        read(
            "1,\"not\r\nnorth\",-8.0,A,,,place,village,,\r\n"
                + "\r\n"
                + "2,12.6,-8.1,B,,,place,town,,\n");

    assertThat(l.recordsRead()).isEqualTo(3);
    assertThat(l.places()).extracting(Place::name).containsExactly("B");
    assertThat(l.badLines()).extracting(BadLine::lineNumber).containsExactly(2L, 4L);
    assertThat(l.badLines().get(0).rawLine())
        .isEqualTo("1,\"not\r\nnorth\",-8.0,A,,,place,village,,");
    assertThat(l.badLines().get(0).describe()).startsWith("osm.csv line 2, column LAT:");
    assertThat(l.badLines().get(1).rawLine()).isEmpty();
    assertThat(l.badLines().get(1).describe()).contains("osm.csv line 4: 1 comma-separated fields");
  }

  @Test
  void aQuoteLeftOpenIsReportedFromTheLineItOpensOn() throws IOException {
    OsmPlaceList l =
        read("1,12.5,-8.0,Kati,,,place,town,,\n" + "2,12.6,-8.1,\"Open\n3,12.7,-8.2,C,,,,,,\n");

    assertThat(l.recordsRead()).isEqualTo(2);
    assertThat(l.places()).extracting(Place::name).containsExactly("Kati");
    assertThat(l.badLines())
        .singleElement()
        .satisfies(
            b -> {
              assertThat(b.lineNumber()).isEqualTo(3L);
              assertThat(b.rawLine()).isEqualTo("2,12.6,-8.1,\"Open\n3,12.7,-8.2,C,,,,,,");
              assertThat(b.problems())
                  .extracting(p -> p.code())
                  .containsExactly("unterminated_quote");
              assertThat(b.describe())
                  .isEqualTo(
                      "osm.csv line 3: a quoted field is not closed before the end of the file");
            });
  }

  @Test
  void theCallersReaderIsLeftOpen() throws IOException {
    StringReader in = new StringReader(HEADER + "1,12.5,-8.0,Kati,,,place,town,,\n");

    OsmPlaceListReader.read(in, "osm.csv", "ML");

    // A closed StringReader throws on ready().
    assertThat(in.ready()).isTrue();
  }
}
