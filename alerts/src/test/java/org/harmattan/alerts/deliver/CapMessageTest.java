package org.harmattan.alerts.deliver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.harmattan.alerts.Alert;
import org.harmattan.alerts.AlertArea;
import org.harmattan.domain.figure.Figure;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class CapMessageTest {
  static final Instant SENT = Instant.parse("2018-05-14T06:30:00Z");
  static final CapMessage.Options EXERCISE =
      CapMessage.Options.of("harmattan@localhost", CapMessage.Status.EXERCISE, SENT);

  static Stream<Alert> alerts() {
    return Stream.of(
        AlertFixtures.countryWideNoGeometry(),
        AlertFixtures.admin1WithPolygon(),
        AlertFixtures.capitalRadiusCircle(),
        AlertFixtures.forecastKind(),
        AlertFixtures.specialCharactersSegou());
  }

  @ParameterizedTest
  @MethodSource("alerts")
  void everyMessageValidatesAgainstTheSchema(Alert alert) {
    String xml = CapMessage.toXml(alert, EXERCISE.withWeb(URI.create("https://example.org/a/1")));

    assertThat(CapSchema.validate(xml)).isEmpty();
    assertThat(CapSchema.validate(CapMessage.toXml(alert, EXERCISE))).isEmpty();
  }

  @ParameterizedTest
  @MethodSource("alerts")
  void theValuesWrittenAreTheAlertsValues(Alert alert) {
    URI web = URI.create("https://harmattan.example.org/alerts/" + alert.country());
    TestXml x = TestXml.parse(CapMessage.toXml(alert, EXERCISE.withWeb(web)));

    assertThat(x.text("/cap:alert/cap:identifier")).isEqualTo(alert.id());
    assertThat(x.text("/cap:alert/cap:sender")).isEqualTo("harmattan@localhost");
    assertThat(x.text("/cap:alert/cap:sent")).isEqualTo("2018-05-14T06:30:00-00:00");
    assertThat(x.text("/cap:alert/cap:status")).isEqualTo("Exercise");
    assertThat(x.text("/cap:alert/cap:msgType")).isEqualTo("Alert");
    assertThat(x.text("/cap:alert/cap:scope")).isEqualTo("Public");
    assertThat(x.nodes("/cap:alert/cap:info")).hasSize(1);
    String info = "/cap:alert/cap:info/";
    assertThat(x.text(info + "cap:language")).isEqualTo("en-GB");
    assertThat(x.texts(info + "cap:category")).containsExactly("Security");
    assertThat(x.text(info + "cap:event")).isEqualTo(CapMessage.toEvent(alert.kind()));
    assertThat(x.text(info + "cap:urgency")).isEqualTo("Expected");
    assertThat(x.text(info + "cap:severity")).isEqualTo(alert.severity().cap());
    assertThat(x.text(info + "cap:eventCode[cap:valueName='harmattan-kind']/cap:value"))
        .isEqualTo(alert.kind());
    assertThat(x.text(info + "cap:expires")).isEqualTo("2018-05-21T06:30:00-00:00");
    assertThat(x.text(info + "cap:headline")).isEqualTo(alert.headline());
    assertThat(x.text(info + "cap:description")).isEqualTo(alert.text());
    assertThat(x.text(info + "cap:web")).isEqualTo(web.toString());

    Map<String, Double> parameters = new LinkedHashMap<>();
    for (int i = 1; i <= x.nodes(info + "cap:parameter").size(); i++) {
      String p = info + "cap:parameter[" + i + "]/";
      parameters.put(x.text(p + "cap:valueName"), Double.parseDouble(x.text(p + "cap:value")));
    }
    Map<String, Double> figures = new LinkedHashMap<>();
    for (Figure f : alert.figures()) {
      figures.put(f.id(), f.getValue());
    }
    assertThat(parameters).containsExactlyEntriesOf(figures);

    assertThat(x.nodes(info + "cap:area")).hasSize(1);
    assertThat(x.text(info + "cap:area/cap:areaDesc")).isEqualTo(alert.area().description());
  }

  @Test
  void aCountryWideAlertHasAnAreaWithNoGeometry() {
    TestXml x = TestXml.parse(CapMessage.toXml(AlertFixtures.countryWideNoGeometry(), EXERCISE));

    assertThat(x.childNames("/cap:alert/cap:info/cap:area")).containsExactly("areaDesc");
    assertThat(x.text("/cap:alert/cap:info/cap:area/cap:areaDesc")).isEqualTo("Mali");
  }

  @Test
  void aRegionsOutlineIsWrittenAsLatLonPairsAndReadsBackAsTheSamePoints() {
    Alert alert = AlertFixtures.admin1WithPolygon();
    TestXml x = TestXml.parse(CapMessage.toXml(alert, EXERCISE));

    String polygon = x.text("/cap:alert/cap:info/cap:area/cap:polygon");
    assertThat(polygon).isEqualTo("13.5,-5.25 15.75,-4 15,-1.125 13,-2.5 13.5,-5.25");
    List<AlertArea.Point> read = new ArrayList<>();
    for (String pair : polygon.split(" ", -1)) {
      String[] latLon = pair.split(",", -1);
      read.add(new AlertArea.Point(Double.parseDouble(latLon[0]), Double.parseDouble(latLon[1])));
    }
    assertThat(read).isEqualTo(alert.area().polygon());
    assertThat(x.nodes("/cap:alert/cap:info/cap:area/cap:circle")).isEmpty();
  }

  @Test
  void aCapitalRadiusIsACircleWithItsRadiusInKilometres() {
    TestXml x = TestXml.parse(CapMessage.toXml(AlertFixtures.capitalRadiusCircle(), EXERCISE));

    assertThat(x.text("/cap:alert/cap:info/cap:area/cap:circle")).isEqualTo("12.6392,-8.0029 50");
    assertThat(x.nodes("/cap:alert/cap:info/cap:area/cap:polygon")).isEmpty();
  }

  @ParameterizedTest
  @MethodSource("alerts")
  void certaintyIsLikelyForAForecastAndObservedForEveryOtherKind(Alert alert) {
    TestXml x = TestXml.parse(CapMessage.toXml(alert, EXERCISE));

    String expected = alert.kind().startsWith("forecast") ? "Likely" : "Observed";
    assertThat(x.text("/cap:alert/cap:info/cap:certainty")).isEqualTo(expected);
  }

  @Test
  void theForecastFixtureIsAForecastAndTheOthersAreNot() {
    assertThat(CapMessage.toCertainty(AlertFixtures.forecastKind().kind())).isEqualTo("Likely");
    assertThat(CapMessage.toCertainty("forecast")).isEqualTo("Likely");
    assertThat(CapMessage.toCertainty("acled-surge")).isEqualTo("Observed");
    assertThat(CapMessage.toCertainty("capital-radius")).isEqualTo("Observed");
  }

  @Test
  void elementsFollowTheStandardsOrder() {
    Alert alert = AlertFixtures.admin1WithPolygon();
    TestXml x =
        TestXml.parse(
            CapMessage.toXml(
                alert,
                EXERCISE.withWeb(URI.create("https://example.org/")).withNote("Synthetic data.")));

    assertThat(x.childNames("/cap:alert"))
        .containsExactly(
            "identifier", "sender", "sent", "status", "msgType", "scope", "note", "info");
    assertThat(x.childNames("/cap:alert/cap:info"))
        .containsExactly(
            "language",
            "category",
            "event",
            "urgency",
            "severity",
            "certainty",
            "eventCode",
            "expires",
            "senderName",
            "headline",
            "description",
            "web",
            "parameter",
            "parameter",
            "area");
    assertThat(x.childNames("/cap:alert/cap:info/cap:area")).containsExactly("areaDesc", "polygon");
    assertThat(x.text("/cap:alert/cap:note")).isEqualTo("Synthetic data.");
  }

  @Test
  void specialCharactersAreEscapedAndReadBackUnchanged() {
    Alert alert = AlertFixtures.specialCharactersSegou();
    String xml = CapMessage.toXml(alert, EXERCISE);
    TestXml x = TestXml.parse(xml);

    assertThat(xml).contains("Attacks &amp; clashes &lt;rising&gt; in Ségou");
    assertThat(x.text("/cap:alert/cap:info/cap:headline"))
        .isEqualTo("Attacks & clashes <rising> in Ségou");
    assertThat(x.text("/cap:alert/cap:info/cap:description")).isEqualTo(alert.text());
    assertThat(x.text("/cap:alert/cap:info/cap:area/cap:areaDesc")).isEqualTo("Ségou, Mali");
  }

  @Test
  void theStreamIsUtf8AndTheSameAsTheString() {
    Alert alert = AlertFixtures.specialCharactersSegou();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    CapMessage.write(alert, EXERCISE, out);

    assertThat(out.toByteArray())
        .isEqualTo(CapMessage.toXml(alert, EXERCISE).getBytes(StandardCharsets.UTF_8));
    assertThat(out.toString(StandardCharsets.UTF_8))
        .startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
  }

  @Test
  void theSameAlertAndOptionsGiveTheSameBytes() {
    Alert alert = AlertFixtures.admin1WithPolygon();

    assertThat(CapMessage.toXml(alert, EXERCISE)).isEqualTo(CapMessage.toXml(alert, EXERCISE));
  }

  @Test
  void sentIsWrittenInUtcWithMinusZeroAndNoZAndExpiresFollowsTheOptions() {
    CapMessage.Options options =
        CapMessage.Options.of(
                "harmattan@localhost",
                CapMessage.Status.ACTUAL,
                Instant.parse("2018-05-14T23:59:59.750Z"))
            .withExpiresAfter(Duration.ofHours(36));
    String xml = CapMessage.toXml(AlertFixtures.countryWideNoGeometry(), options);
    TestXml x = TestXml.parse(xml);

    assertThat(x.text("/cap:alert/cap:sent")).isEqualTo("2018-05-14T23:59:59-00:00");
    assertThat(x.text("/cap:alert/cap:info/cap:expires")).isEqualTo("2018-05-16T11:59:59-00:00");
    assertThat(x.text("/cap:alert/cap:status")).isEqualTo("Actual");
    assertThat(xml).doesNotContain("Z</");
    assertThat(CapMessage.toCapDateTime(Instant.parse("1999-12-31T00:00:00Z")))
        .isEqualTo("1999-12-31T00:00:00-00:00");
  }

  @Test
  void everyStatusIsWrittenWithItsCapWord() {
    for (CapMessage.Status status : CapMessage.Status.values()) {
      String xml =
          CapMessage.toXml(
              AlertFixtures.countryWideNoGeometry(),
              CapMessage.Options.of("harmattan@localhost", status, SENT));

      assertThat(TestXml.parse(xml).text("/cap:alert/cap:status")).isEqualTo(status.cap());
      assertThat(CapSchema.validate(xml)).isEmpty();
    }
    assertThat(CapMessage.Status.values())
        .extracting(CapMessage.Status::cap)
        .containsExactly("Actual", "Exercise", "System", "Test", "Draft");
  }

  @Test
  void anIdentifierWithCharactersCapForbidsIsEscapedReversiblyAndStaysValid() {
    Alert plain = AlertFixtures.countryWideNoGeometry();
    Alert awkward =
        new Alert(
            "surge rule,v2/MLI/<x>&y/100%/2018-05-14",
            plain.rule(),
            plain.kind(),
            plain.date(),
            plain.country(),
            plain.admin1(),
            plain.severity(),
            plain.headline(),
            plain.text(),
            plain.figures(),
            plain.area());
    String xml = CapMessage.toXml(awkward, EXERCISE);

    assertThat(TestXml.parse(xml).text("/cap:alert/cap:identifier"))
        .isEqualTo("surge%20rule%2Cv2/MLI/%3Cx>%26y/100%25/2018-05-14");
    assertThat(CapSchema.validate(xml)).isEmpty();
    assertThat(CapMessage.toIdentifier("acled-surge/MLI/mopti/2018-05-14"))
        .isEqualTo("acled-surge/MLI/mopti/2018-05-14");
    assertThat(CapMessage.toIdentifier("a\tb\u00a0c")).isEqualTo("a%09b%C2%A0c");
    assertThatThrownBy(() -> CapMessage.toIdentifier(""))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("alert id is empty");
  }

  @Test
  void aSenderCapForbidsIsRefusedWithWhatWasExpected() {
    assertThatThrownBy(
            () -> CapMessage.Options.of("harmattan team", CapMessage.Status.EXERCISE, SENT))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("CAP sender \"harmattan team\"")
        .hasMessageContaining("without spaces, commas");
    assertThatThrownBy(() -> CapMessage.Options.of("a,b", CapMessage.Status.EXERCISE, SENT))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("CAP sender \"a,b\"");
    assertThatThrownBy(
            () -> CapMessage.Options.of("harmattan\u0001", CapMessage.Status.EXERCISE, SENT))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("CAP sender: character U+0001 at index 9 cannot appear in XML 1.0");
    assertThatThrownBy(() -> EXERCISE.withExpiresAfter(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("expiresAfter must be positive");
    assertThatThrownBy(() -> EXERCISE.withWeb(URI.create("alerts/1")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not absolute");
  }

  @Test
  void aControlCharacterInATextIsRefusedNamingTheAlertAndTheField() {
    Alert a = AlertFixtures.countryWideNoGeometry();
    Alert bad =
        new Alert(
            a.id(),
            a.rule(),
            a.kind(),
            a.date(),
            a.country(),
            a.admin1(),
            a.severity(),
            "Surge\u0007",
            a.text(),
            a.figures(),
            a.area());

    assertThatThrownBy(() -> CapMessage.toXml(bad, EXERCISE))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("alert acled-surge/MLI/2018-05-14, headline")
        .hasMessageContaining("U+0007 at index 5");
  }

  @Test
  void aFigureWithoutAValueHasNoParameterAndNumbersArePlainDecimals() {
    Alert a = AlertFixtures.countryWideNoGeometry();
    Figure missing =
        new Figure(
            "population.share",
            "share",
            null,
            "percent",
            a.figures().get(0).period(),
            null,
            Map.of(),
            "q",
            a.figures().get(0).citation(),
            "no population estimate for 2018");
    Figure big = AlertFixtures.figure("events.total", 1234567.0);
    Figure small = AlertFixtures.figure("events.rate", 0.00001);
    Alert alert =
        new Alert(
            a.id(),
            a.rule(),
            a.kind(),
            a.date(),
            a.country(),
            a.admin1(),
            a.severity(),
            a.headline(),
            a.text(),
            List.of(missing, big, small),
            a.area());
    TestXml x = TestXml.parse(CapMessage.toXml(alert, EXERCISE));

    assertThat(x.texts("/cap:alert/cap:info/cap:parameter/cap:valueName"))
        .containsExactly("events.total", "events.rate");
    assertThat(x.texts("/cap:alert/cap:info/cap:parameter/cap:value"))
        .containsExactly("1234567", "0.00001");
  }

  @Test
  void aKindIsAnEventInWordsFromTheRuleKindsOrSpeltOut() {
    assertThat(CapMessage.toEvent("acled-surge")).isEqualTo("ACLED surge");
    assertThat(CapMessage.toEvent("capital-radius"))
        .isEqualTo("Armed non-state actors near the capital");
    assertThat(CapMessage.toEvent("forecast-fatalities")).isEqualTo("Fatality forecast");
    assertThat(CapMessage.toEvent("acled-new_thing")).isEqualTo("ACLED new thing");
    assertThat(CapMessage.toEvent("road-closure")).isEqualTo("Road closure");
    assertThat(CapMessage.toEvent("--")).isEqualTo("Alert");
  }
}
