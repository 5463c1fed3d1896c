package org.harmattan.analytics.places;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.harmattan.domain.problem.Problem;
import org.harmattan.testsupport.SharedData;
import org.junit.jupiter.api.Test;

class GeoNamesReaderTest {

  @Test
  void readsEveryColumnOfAGoodLine() throws IOException {
    GeoNamesFile file =
        GeoNamesReader.read(SharedData.fixture("places/geonames-mali-spellings.tsv"));

    assertThat(file.badLines()).isEmpty();
    assertThat(file.linesRead()).isEqualTo(16);
    Place segou = file.places().get(1);
    assertThat(segou.id()).isEqualTo(9100002L);
    assertThat(segou.name()).isEqualTo("Ségou");
    assertThat(segou.asciiName()).isEqualTo("Segou");
    assertThat(segou.alternateNames()).containsExactly("Segou", "Segu", "Ségou", "Ségoukoro");
    assertThat(segou.lat()).isEqualTo(13.44032);
    assertThat(segou.lon()).isEqualTo(-6.25947);
    assertThat(segou.featureClass()).isEqualTo("P");
    assertThat(segou.featureCode()).isEqualTo("PPLA");
    assertThat(segou.countryIso2()).isEqualTo("ML");
    assertThat(segou.admin1Code()).isEqualTo("05");
    assertThat(segou.population()).isEqualTo(130690L);
    assertThat(file.places().get(3).alternateNames()).isEmpty();
  }

  @Test
  void badLinesAreReportedWithFileLineAndExpectationAndReadingGoesOn() throws IOException {
    GeoNamesFile file = GeoNamesReader.read(SharedData.fixture("places/geonames-bad-lines.tsv"));

    assertThat(file.linesRead()).isEqualTo(5);
    assertThat(file.places()).extracting(Place::name).containsExactly("Bamako", "Timbuktu");
    assertThat(file.badLines()).extracting(BadLine::lineNumber).containsExactly(2L, 3L, 4L);

    BadLine shortLine = file.badLines().get(0);
    assertThat(shortLine.file()).isEqualTo("geonames-bad-lines.tsv");
    assertThat(shortLine.rawLine()).startsWith("9100002\tSégou\t");
    assertThat(shortLine.problems())
        .extracting(Problem::code)
        .containsExactly("wrong_column_count");
    assertThat(shortLine.describe())
        .contains("geonames-bad-lines.tsv line 2")
        .contains("18 tab-separated columns (expected 19");

    BadLine commaLatitude = file.badLines().get(1);
    assertThat(commaLatitude.problems()).extracting(Problem::column).containsExactly("latitude");
    assertThat(commaLatitude.describe())
        .isEqualTo(
            "geonames-bad-lines.tsv line 3, column latitude: \"12,74409\" is not valid"
                + " (expected decimal degrees between -90 and 90)");

    // Every problem of a line is reported, not just the first.
    assertThat(file.badLines().get(2).problems())
        .extracting(Problem::code)
        .containsExactly("bad_geonameid", "bad_population");
  }

  @Test
  void outOfRangeCoordinatesAndMissingNamesAreBadLines() throws IOException {
    String line =
        String.join(
            "\t",
            "42",
            " ",
            "",
            "",
            "13.4",
            "181",
            "P",
            "PPL",
            "ML",
            "",
            "05",
            "",
            "",
            "",
            "",
            "",
            "",
            "Africa/Bamako",
            "2020-01-01");

    GeoNamesFile file = GeoNamesReader.read(new StringReader(line + "\n"), "inline.tsv");

    assertThat(file.places()).isEmpty();
    assertThat(file.badLines())
        .singleElement()
        .satisfies(
            b ->
                assertThat(b.problems())
                    .extracting(Problem::code)
                    .containsExactly("missing_name", "bad_longitude"));
  }

  @Test
  void streamingSendsEachLineToExactlyOneSink() throws IOException {
    List<Place> places = new ArrayList<>();
    List<BadLine> bad = new ArrayList<>();

    long lines =
        GeoNamesReader.stream(
            SharedData.fixture("places/geonames-bad-lines.tsv"), places::add, bad::add);

    assertThat(lines).isEqualTo(places.size() + bad.size()).isEqualTo(5);
  }

  @Test
  void aByteOrderMarkIsNotPartOfTheFirstId() throws IOException {
    String line =
        "\uFEFF7\tKayes\tKayes\t\t14.4469\t-11.4456\tP\tPPLA\tML\t\t03\t\t\t\t127368\t\t51"
            + "\tAfrica/Bamako\t2021-03-09";

    GeoNamesFile file = GeoNamesReader.read(new StringReader(line), "bom.tsv");

    assertThat(file.badLines()).isEmpty();
    assertThat(file.places()).singleElement().extracting(Place::id).isEqualTo(7L);
  }
}
