package org.harmattan.alerts.deliver;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The schema written from the standard is not a permissive stub: it accepts the whole CAP 1.2
 * structure and rejects messages that break the standard, each for the reason it breaks it.
 */
class CapSchemaTest {
  static String valid;

  @BeforeAll
  static void writeAValidMessage() {
    valid =
        CapMessage.toXml(
            AlertFixtures.admin1WithPolygon(),
            CapMessage.Options.of(
                "harmattan@localhost",
                CapMessage.Status.EXERCISE,
                Instant.parse("2018-05-14T06:30:00Z")));
  }

  @Test
  void theMessageTheBrokenOnesStartFromIsValid() {
    assertThat(CapSchema.validate(valid)).isEmpty();
    assertThat(valid)
        .contains("<polygon>13.5,-5.25 15.75,-4 15,-1.125 13,-2.5 13.5,-5.25</polygon>");
  }

  static Stream<Arguments> brokenMessages() {
    return Stream.of(
        Arguments.of(
            "missing identifier",
            "<identifier>acled-threat/MLI/mopti/2018-05-14</identifier>",
            "",
            "identifier"),
        Arguments.of(
            "an identifier with a space",
            "<identifier>acled-threat/MLI/mopti/2018-05-14</identifier>",
            "<identifier>acled threat/MLI/mopti/2018-05-14</identifier>",
            "'Token'"),
        Arguments.of(
            "an identifier with a comma",
            "<identifier>acled-threat/MLI/mopti/2018-05-14</identifier>",
            "<identifier>acled-threat,MLI</identifier>",
            "'Token'"),
        Arguments.of(
            "a sender with an ampersand",
            "<sender>harmattan@localhost</sender>",
            "<sender>harmattan&amp;co</sender>",
            "'Token'"),
        Arguments.of(
            "\"Z\" in sent",
            "<sent>2018-05-14T06:30:00-00:00</sent>",
            "<sent>2018-05-14T06:30:00Z</sent>",
            "2018-05-14T06:30:00Z"),
        Arguments.of(
            "fractions of a second in sent",
            "<sent>2018-05-14T06:30:00-00:00</sent>",
            "<sent>2018-05-14T06:30:00.5-00:00</sent>",
            "'DateTime'"),
        Arguments.of(
            "a date without a time in expires",
            "<expires>2018-05-21T06:30:00-00:00</expires>",
            "<expires>2018-05-21</expires>",
            "2018-05-21"),
        Arguments.of(
            "an impossible month in sent",
            "<sent>2018-05-14T06:30:00-00:00</sent>",
            "<sent>2018-13-14T06:30:00-00:00</sent>",
            "2018-13-14T06:30:00-00:00"),
        Arguments.of(
            "a status the standard does not list",
            "<status>Exercise</status>",
            "<status>Real</status>",
            "Real"),
        Arguments.of(
            "a lower-case status",
            "<status>Exercise</status>",
            "<status>exercise</status>",
            "exercise"),
        Arguments.of("missing msgType", "<msgType>Alert</msgType>", "", "msgType"),
        Arguments.of(
            "a scope the standard does not list",
            "<scope>Public</scope>",
            "<scope>Everyone</scope>",
            "Everyone"),
        Arguments.of(
            "a bad severity value",
            "<severity>Extreme</severity>",
            "<severity>Critical</severity>",
            "Critical"),
        Arguments.of(
            "a bad urgency value",
            "<urgency>Expected</urgency>",
            "<urgency>Soon</urgency>",
            "Soon"),
        Arguments.of(
            "a bad certainty value",
            "<certainty>Observed</certainty>",
            "<certainty>Certain</certainty>",
            "Certain"),
        Arguments.of(
            "a bad category value",
            "<category>Security</category>",
            "<category>Conflict</category>",
            "Conflict"),
        Arguments.of("info without category", "<category>Security</category>", "", "category"),
        Arguments.of("info without event", "<event>ACLED threat</event>", "", "event"),
        Arguments.of(
            "a polygon with 3 points",
            "<polygon>13.5,-5.25 15.75,-4 15,-1.125 13,-2.5 13.5,-5.25</polygon>",
            "<polygon>13.5,-5.25 15.75,-4 13.5,-5.25</polygon>",
            "'Polygon'"),
        Arguments.of(
            "a polygon with a latitude beyond 90",
            "<polygon>13.5,-5.25 15.75,-4 15,-1.125 13,-2.5 13.5,-5.25</polygon>",
            "<polygon>13.5,-5.25 95.75,-4 15,-1.125 13,-2.5 13.5,-5.25</polygon>",
            "'Polygon'"),
        Arguments.of(
            "a polygon as lon lat separated by a semicolon",
            "<polygon>13.5,-5.25 15.75,-4 15,-1.125 13,-2.5 13.5,-5.25</polygon>",
            "<polygon>-5.25 13.5;-4 15.75;-1.125 15;-2.5 13;-5.25 13.5</polygon>",
            "'Polygon'"),
        Arguments.of(
            "a circle without a radius",
            "</polygon>",
            "</polygon><circle>12.6392,-8.0029</circle>",
            "'Circle'"),
        Arguments.of(
            "a circle whose longitude is beyond 180",
            "</polygon>",
            "</polygon><circle>12.6392,-188.0029 50</circle>",
            "'Circle'"),
        Arguments.of(
            "wrong element order: urgency before event",
            "<event>ACLED threat</event>\n    <urgency>Expected</urgency>",
            "<urgency>Expected</urgency>\n    <event>ACLED threat</event>",
            "urgency"),
        Arguments.of(
            "wrong element order: sender before identifier",
            "<identifier>acled-threat/MLI/mopti/2018-05-14</identifier>\n"
                + "  <sender>harmattan@localhost</sender>",
            "<sender>harmattan@localhost</sender>\n"
                + "  <identifier>acled-threat/MLI/mopti/2018-05-14</identifier>",
            "sender"),
        Arguments.of(
            "wrong element order: polygon before areaDesc",
            "<areaDesc>Mopti, Mali</areaDesc>\n"
                + "      <polygon>13.5,-5.25 15.75,-4 15,-1.125 13,-2.5 13.5,-5.25</polygon>",
            "<polygon>13.5,-5.25 15.75,-4 15,-1.125 13,-2.5 13.5,-5.25</polygon>\n"
                + "      <areaDesc>Mopti, Mali</areaDesc>",
            "polygon"),
        Arguments.of(
            "an element the standard does not define",
            "<headline>",
            "<colour>red</colour><headline>",
            "colour"),
        Arguments.of(
            "a ceiling without an altitude",
            "</polygon>",
            "</polygon><ceiling>1000</ceiling>",
            "ceiling"),
        Arguments.of(
            "the namespace of CAP 1.1",
            "urn:oasis:names:tc:emergency:cap:1.2",
            "urn:oasis:names:tc:emergency:cap:1.1",
            "alert"),
        Arguments.of("a parameter without its value", "<value>113</value>", "", "value"),
        Arguments.of(
            "a web link that is not a URI",
            "</description>",
            "</description><web>http://example.org/%zz</web>",
            "'anyURI'"),
        Arguments.of(
            "a web link that is relative",
            "</description>",
            "</description><web>alerts/1</web>",
            "'AbsoluteUri'"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("brokenMessages")
  void theSchemaRejectsABrokenMessageSayingWhy(
      String name, String from, String to, String expectedInMessage) {
    assertThat(valid).as("the valid message has %s", from).contains(from);
    String broken = valid.replaceFirst(java.util.regex.Pattern.quote(from), to);

    List<CapSchema.Problem> problems = CapSchema.validate(broken);

    assertThat(problems).as(name).isNotEmpty();
    assertThat(problems.get(0).line()).isPositive();
    assertThat(problems)
        .as("%s: a problem names %s", name, expectedInMessage)
        .anyMatch(p -> p.message().contains(expectedInMessage));
  }

  @Test
  void everyElementOfTheStandardInItsOrderIsAccepted() {
    assertThat(CapSchema.validate(EVERY_ELEMENT)).isEmpty();
  }

  @Test
  void aMessageWithoutInfoIsAcceptedAsTheStandardAllows() {
    String ack =
        "<alert xmlns=\"urn:oasis:names:tc:emergency:cap:1.2\">"
            + "<identifier>ack-1</identifier><sender>hub@example.org</sender>"
            + "<sent>2018-05-14T08:00:00+01:00</sent><status>System</status>"
            + "<msgType>Ack</msgType><scope>Public</scope>"
            + "<references>harmattan@localhost,acled-threat/MLI/mopti/2018-05-14,"
            + "2018-05-14T06:30:00-00:00</references></alert>";

    assertThat(CapSchema.validate(ack)).isEmpty();
    assertThat(CapSchema.validate(ack.replace(",2018-05-14T06:30:00-00:00", "")))
        .anyMatch(p -> p.message().contains("'References'"));
  }

  @Test
  void aResourceNeedsItsMimeTypeAndAnAltitudeComesBeforeItsCeiling() {
    String noMime = EVERY_ELEMENT.replace("<mimeType>image/png</mimeType>", "");
    String ceilingFirst =
        EVERY_ELEMENT.replace(
            "<altitude>1000</altitude><ceiling>30000.5</ceiling>",
            "<ceiling>30000.5</ceiling><altitude>1000</altitude>");

    assertThat(noMime).isNotEqualTo(EVERY_ELEMENT);
    assertThat(ceilingFirst).isNotEqualTo(EVERY_ELEMENT);
    assertThat(CapSchema.validate(noMime)).anyMatch(p -> p.message().contains("mimeType"));
    assertThat(CapSchema.validate(ceilingFirst)).anyMatch(p -> p.message().contains("ceiling"));
  }

  @Test
  void notWellFormedXmlEndsWithTheProblemWhereParsingStopped() {
    List<CapSchema.Problem> problems =
        CapSchema.validate(
            "<alert xmlns=\"urn:oasis:names:tc:emergency:cap:1.2\">\n<identifier>x</alert>");

    CapSchema.Problem last = problems.get(problems.size() - 1);
    assertThat(last.line()).isEqualTo(2);
    assertThat(last.message()).contains("identifier").contains("end-tag");
    assertThat(last.toString()).startsWith("line 2, column ");
  }

  /** Every element of sections 3.2.1 to 3.2.4, in order, with two info blocks. */
  static final String EVERY_ELEMENT =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
          + "<alert xmlns=\"urn:oasis:names:tc:emergency:cap:1.2\">"
          + "<identifier>KSTO1055887203</identifier>"
          + "<sender>KSTO@NWS.NOAA.GOV</sender>"
          + "<sent>2003-06-17T14:57:00-07:00</sent>"
          + "<status>Actual</status>"
          + "<msgType>Update</msgType>"
          + "<source>duty officer</source>"
          + "<scope>Restricted</scope>"
          + "<restriction>emergency managers only</restriction>"
          + "<addresses>ops@example.org \"duty desk\"</addresses>"
          + "<code>IPAWSv1.0</code><code>harmattan</code>"
          + "<note>an update of an earlier message</note>"
          + "<references>KSTO@NWS.NOAA.GOV,KSTO1055887200,2003-06-17T14:00:00-07:00"
          + " KSTO@NWS.NOAA.GOV,KSTO1055887201,2003-06-17T14:30:00-07:00</references>"
          + "<incidents>\"storm 17\" flood-3</incidents>"
          + "<info>"
          + "<language>en-US</language>"
          + "<category>Met</category><category>Safety</category>"
          + "<event>SEVERE THUNDERSTORM</event>"
          + "<responseType>Shelter</responseType><responseType>Monitor</responseType>"
          + "<urgency>Immediate</urgency>"
          + "<severity>Severe</severity>"
          + "<certainty>Observed</certainty>"
          + "<audience>everyone outdoors</audience>"
          + "<eventCode><valueName>SAME</valueName><value>SVR</value></eventCode>"
          + "<effective>2003-06-17T14:57:00-07:00</effective>"
          + "<onset>2003-06-17T15:00:00-07:00</onset>"
          + "<expires>2003-06-17T16:00:00-07:00</expires>"
          + "<senderName>NATIONAL WEATHER SERVICE SACRAMENTO CA</senderName>"
          + "<headline>SEVERE THUNDERSTORM WARNING</headline>"
          + "<description>A severe thunderstorm was observed.</description>"
          + "<instruction>Take shelter indoors.</instruction>"
          + "<web>http://www.example.org/alerts/1</web>"
          + "<contact>BARUFFALDI/JUSKIE</contact>"
          + "<parameter><valueName>VTEC</valueName><value>/O.NEW.KSTO.SV.W.0001/</value>"
          + "</parameter>"
          + "<resource><resourceDesc>Radar image</resourceDesc><mimeType>image/png</mimeType>"
          + "<size>1024</size><uri>http://www.example.org/radar.png</uri>"
          + "<derefUri>iVBORw0KGgo=</derefUri>"
          + "<digest>2fd4e1c67a2d28fced849ee1bb76e7391b93eb12</digest></resource>"
          + "<resource><resourceDesc>Bulletin</resourceDesc>"
          + "<mimeType>text/plain; charset=utf-8</mimeType></resource>"
          + "<area><areaDesc>EXTREME NORTH SACRAMENTO COUNTY</areaDesc>"
          + "<polygon>38.47,-120.14 38.34,-119.95 38.52,-119.74 38.62,-119.89 38.47,-120.14"
          + "</polygon>"
          + "<polygon>-10,+170.5 -10,180 -11,180 -10,+170.5</polygon>"
          + "<circle>32.9525,-115.5527 0</circle><circle>-90,0 10.5</circle>"
          + "<geocode><valueName>SAME</valueName><value>006109</value></geocode>"
          + "<geocode><valueName>SAME</valueName><value>006009</value></geocode>"
          + "<altitude>1000</altitude><ceiling>30000.5</ceiling>"
          + "</area>"
          + "<area><areaDesc>Elsewhere</areaDesc></area>"
          + "</info>"
          + "<info><language>fr-FR</language><category>Other</category><event>orage</event>"
          + "<urgency>Unknown</urgency><severity>Unknown</severity><certainty>Unknown</certainty>"
          + "</info>"
          + "</alert>\n";
}
