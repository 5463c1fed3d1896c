package org.harmattan.ingest.advisories;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import org.harmattan.domain.context.AdvisoryReport;
import org.harmattan.domain.context.Government;
import org.harmattan.domain.context.RegionNote;
import org.harmattan.domain.error.ErrorCategory;
import org.harmattan.domain.error.HarmattanException;
import org.junit.jupiter.api.Test;

class AdvisoryReadersTest {

  static byte[] fixture(String name) {
    try (InputStream in = AdvisoryReadersTest.class.getResourceAsStream("/advisories/" + name)) {
      if (in == null) {
        throw new IllegalStateException("missing fixture " + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  static AdvisoryReport read(String name) {
    return AdvisoryFiles.read(fixture(name), name, "MLI");
  }

  @Test
  void govUkContentItemGivesAlertStatusAreasAndDate() {
    AdvisoryReport r = read("uk-mali-2025-06.json");
    assertThat(r.government()).isEqualTo(Government.UK);
    assertThat(r.countryIso3()).isEqualTo("MLI");
    assertThat(r.issued()).isEqualTo(LocalDate.of(2025, 6, 12));
    assertThat(r.url()).isEqualTo("https://www.gov.uk/foreign-travel-advice/mali");
    assertThat(r.wording())
        .containsExactly(
            "avoid_all_travel_to_parts", "avoid_all_but_essential_travel_to_whole_country");
    assertThat(r.regions())
        .extracting(RegionNote::region)
        .containsExactly(
            "Timbuktu region",
            "Kidal region",
            "Gao region",
            "Ménaka region",
            "Mopti region",
            "Ségou region");
    assertThat(r.regions()).allMatch(n -> n.wording().equals(GovUkReader.PARTS_ALL));
    assertThat(r.changeNote()).isEqualTo("Information on the security situation in central Mali.");
    assertThat(r.sha256()).hasSize(64);
    assertThat(r.text()).contains("Foreign, Commonwealth & Development Office");
  }

  @Test
  void stateDeptFeedPicksTheCountrysItemByFipsCode() {
    AdvisoryReport r = read("us-tastws-2025-10-31.xml");
    assertThat(r.government()).isEqualTo(Government.US);
    assertThat(r.title()).isEqualTo("Mali - Level 4: Do Not Travel");
    assertThat(r.wording()).containsExactly("Level 4: Do Not Travel");
    assertThat(r.issued()).isEqualTo(LocalDate.of(2025, 10, 30));
    assertThat(r.url()).endsWith("/mali-travel-advisory.html");
    assertThat(r.text()).contains("should depart immediately").doesNotContain("<p>");
    // A date without a time, as the live feed writes some.
    assertThat(read("us-tastws-2025-10-01.xml").issued()).isEqualTo(LocalDate.of(2025, 7, 31));
  }

  @Test
  void auswaertigesAmtFlagsAreasAndBerlinDate() {
    AdvisoryReport r = read("de-travelwarning-mali-2025-06.json");
    assertThat(r.government()).isEqualTo(Government.DE);
    assertThat(r.wording()).containsExactly("partialWarning", "situationWarning");
    assertThat(r.issued()).isEqualTo(LocalDate.of(2025, 6, 20));
    assertThat(r.url()).isEqualTo("https://www.auswaertiges-amt.de/opendata/travelwarning/208258");
    assertThat(r.regions()).hasSize(5).allMatch(n -> n.wording().equals("partialWarning"));
    assertThat(r.regions().get(3).region()).isEqualTo("Region Ménaka");
    assertThat(read("de-travelwarning-mali-2025-11.json").wording()).containsExactly("warning");
  }

  @Test
  void auswaertigesAmtListGivesTheContentIdForTheDetailEndpoint() {
    byte[] list = fixture("de-travelwarning-list.json");
    assertThat(AuswaertigesAmtReader.findContentId(list, "list", "MLI")).contains("208258");
    assertThat(AuswaertigesAmtReader.findContentId(list, "list", "NER")).contains("212345");
    assertThat(AuswaertigesAmtReader.findContentId(list, "list", "BFA")).isEmpty();
    // The list has flags but no content: still a report, without areas.
    AdvisoryReport niger = AdvisoryFiles.read(list, "list", "NER");
    assertThat(niger.wording()).containsExactly("warning");
    assertThat(niger.regions()).isEmpty();
  }

  @Test
  void diplomatieColoursForTheCountryAndItsZones() {
    AdvisoryReport may = read("fr-conseils-2025-05.xml");
    assertThat(may.government()).isEqualTo(Government.FR);
    assertThat(may.issued()).isEqualTo(LocalDate.of(2025, 5, 14));
    assertThat(may.wording()).hasSize(1).allMatch(w -> w.startsWith("orange: Le reste du pays"));
    assertThat(may.regions())
        .extracting(RegionNote::wording)
        .containsExactly("rouge", "rouge", "rouge");
    AdvisoryReport nov = read("fr-conseils-2025-11.xml");
    assertThat(nov.wording()).hasSize(1).allMatch(w -> w.startsWith("rouge: L'ensemble du pays"));
    assertThat(nov.regions()).isEmpty();
    assertThat(nov.text()).contains("quitter temporairement le Mali");
  }

  @Test
  void brokenJsonSaysWhereAndWhat() {
    assertThatThrownBy(() -> read("broken-govuk.json"))
        .isInstanceOf(HarmattanException.class)
        .hasMessageContaining("broken-govuk.json line 6, column 3")
        .hasMessageContaining("not valid JSON")
        .hasMessageContaining("expected ']'")
        .hasMessageContaining("the array that starts at line 5, column 21")
        .extracting(e -> ((HarmattanException) e).category())
        .isEqualTo(ErrorCategory.SOURCE_DATA);
  }

  static byte[] utf8(String s) {
    return s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
  }

  static final String UK_HEAD =
      "{\"base_path\": \"/foreign-travel-advice/mali\", \"title\": \"Mali travel advice\",\n";

  @Test
  void textAfterTheJsonValueIsRefusedWithItsPlace() {
    String doc =
        UK_HEAD
            + "\"public_updated_at\": \"2025-06-12T10:00:00.000+01:00\","
            + " \"details\": {\"country\": {\"name\": \"Mali\"}}}\n}";
    assertThatThrownBy(() -> AdvisoryFiles.read(utf8(doc), "trailing.json", "MLI"))
        .hasMessageContaining("trailing.json line 3, column ")
        .hasMessageContaining("not valid JSON");
  }

  @Test
  void aFieldOfTheWrongTypeIsNamedByItsJsonPath() {
    String doc =
        UK_HEAD
            + "\"public_updated_at\": \"2025-06-12T10:00:00.000+01:00\","
            + " \"details\": {\"country\": {\"name\": \"Mali\"},"
            + " \"parts\": [{\"body\": \"<p>a</p>\"}, {\"body\": 3}]}}";
    assertThatThrownBy(() -> AdvisoryFiles.read(utf8(doc), "uk.json", "MLI"))
        .hasMessage("uk.json: field $.details.parts[1].body is '3' (expected a string)")
        .extracting(e -> ((HarmattanException) e).category())
        .isEqualTo(ErrorCategory.SOURCE_DATA);
    String noName = UK_HEAD + "\"details\": {\"country\": {\"name\": null}}}";
    assertThatThrownBy(() -> AdvisoryFiles.read(utf8(noName), "uk.json", "MLI"))
        .hasMessage("uk.json: field $.details.country.name is null (expected a string)");
  }

  @Test
  void aMissingFieldIsNamedAndANullOptionalFieldIsAbsent() {
    String noDate =
        UK_HEAD + "\"details\": {\"country\": {\"name\": \"Mali\"}, \"alert_status\": null}}";
    assertThatThrownBy(() -> AdvisoryFiles.read(utf8(noDate), "uk.json", "MLI"))
        .hasMessage("uk.json: field $.public_updated_at is missing");
    AdvisoryReport r =
        AdvisoryFiles.read(
            utf8(
                noDate.replace(
                    "\"details\"", "\"public_updated_at\": \"2025-06-12T23:30:00Z\", \"details\"")),
            "uk.json",
            "MLI");
    assertThat(r.wording()).isEmpty();
    assertThat(r.issued()).isEqualTo(LocalDate.of(2025, 6, 12));
    assertThat(r.title()).isEqualTo("Mali travel advice");
  }

  @Test
  void auswaertigesAmtFlagOfTheWrongTypeIsNamedByItsJsonPath() {
    String doc =
        "{\"response\": {\"lastModified\": 1, \"208258\": {\"iso3CountryCode\": \"MLI\","
            + " \"title\": \"Mali\", \"warning\": \"yes\"}}}";
    assertThatThrownBy(() -> AdvisoryFiles.read(utf8(doc), "de.json", "MLI"))
        .hasMessage("de.json: field $.response.208258.warning is 'yes' (expected true or false)");
  }

  @Test
  void anEmptyJsonDocumentIsRefused() {
    assertThatThrownBy(() -> AuswaertigesAmtReader.findContentId(utf8("  \n"), "empty.json", "MLI"))
        .hasMessage("empty.json: the document is empty (expected a JSON object)");
  }

  @Test
  void brokenXmlSaysWhereAndWhat() {
    assertThatThrownBy(() -> read("broken-rss.xml"))
        .isInstanceOf(HarmattanException.class)
        .hasMessageContaining("broken-rss.xml line 4")
        .hasMessageContaining("not well-formed XML");
  }

  @Test
  void aCountryMissingFromTheFeedIsNamed() {
    assertThatThrownBy(
            () -> AdvisoryFiles.read(fixture("us-tastws-2025-10-01.xml"), "feed.xml", "BFA"))
        .hasMessageContaining("feed.xml: no item for BFA among 2 items");
  }

  @Test
  void anUnknownFormatIsRefusedWithTheFormatsExpected() {
    assertThatThrownBy(
            () ->
                AdvisoryFiles.read(
                    "a,b\n1,2\n".getBytes(java.nio.charset.StandardCharsets.UTF_8), "x.csv", "MLI"))
        .hasMessageContaining("x.csv: not a travel-advisory format")
        .hasMessageContaining("GOV.UK content API JSON");
  }
}
