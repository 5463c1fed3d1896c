package org.harmattan.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.NamedCsvRecord;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.harmattan.testsupport.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code demo}, {@code brief} and {@code check-claims} as a user runs them. */
class BriefCommandsTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  private static JsonNode figure(Path figuresJson, String id) throws Exception {
    for (JsonNode f : JSON.readTree(Files.readString(figuresJson, StandardCharsets.UTF_8))) {
      if (f.get("id").asText().equals(id)) {
        return f;
      }
    }
    throw new AssertionError("no figure " + id + " in " + figuresJson);
  }

  @Test
  void theDemoWritesASyntheticBriefFromItsOwnAcledExport() throws Exception {
    Path out = dir.resolve("demo");

    CliRun r = CliRun.of("demo", "--out", out.toString());

    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("SYNTHETIC", "Ingested acled-synthetic-sahel.csv (acled)");
    Path csv = out.resolve("data/acled-synthetic-sahel.csv");
    long y2025 = 0;
    long y2024 = 0;
    long deaths2025 = 0;
    try (CsvReader<NamedCsvRecord> rows = CsvReader.builder().ofNamedCsvRecord(csv)) {
      for (NamedCsvRecord row : rows) {
        String year = row.getField("event_date").substring(0, 4);
        if (year.equals("2025")) {
          y2025++;
          deaths2025 += Long.parseLong(row.getField("fatalities"));
        } else if (year.equals("2024")) {
          y2024++;
        }
      }
    }
    Path brief = out.resolve("brief");
    Path figures = brief.resolve("figures.json");
    assertThat(figure(figures, "events.total").get("value").asLong()).isEqualTo(y2025);
    assertThat(figure(figures, "fatalities.total").get("value").asLong()).isEqualTo(deaths2025);
    assertThat(figure(figures, "compare.events.total").get("value").asLong()).isEqualTo(y2024);
    assertThat(figure(figures, "events.total").get("synthetic").asBoolean()).isTrue();
    assertThat(Files.readString(brief.resolve("brief.md"), StandardCharsets.UTF_8))
        .startsWith("> **SYNTHETIC DATA");
    assertThat(Files.readString(brief.resolve("brief.html"), StandardCharsets.UTF_8))
        .contains("<title>SYNTHETIC DATA");
    assertThat(brief.resolve("charts/monthly-events.svg")).exists();
    // Every section of the crisis brief is there, with its maps, and the key figures sum them up
    // by citing each section's own figures.
    String md = Files.readString(brief.resolve("brief.md"), StandardCharsets.UTF_8);
    assertThat(md)
        .contains(
            "## Political timeline",
            "## The capital: Bamako",
            "## Supply corridors",
            "## Territorial influence",
            "## Humanitarian situation",
            "## Travel advisories");
    assertThat(brief.resolve("maps/capital-events.svg")).exists();
    assertThat(brief.resolve("maps/influence-map.svg")).exists();
    String keyFigures = md.substring(md.indexOf("## Key figures"), md.indexOf("## Political"));
    assertThat(keyFigures)
        .contains(
            "Political violence came within",
            "Supply corridors: Dakar corridor",
            "Most active armed actor",
            "People in need",
            "Internally displaced",
            "Travel advice: United Kingdom");
    for (String id :
        List.of(
            "capital.nearest_km",
            "corridor.dakar.status",
            "humanitarian.people_in_need",
            "humanitarian.idps",
            "advisories.uk.level")) {
      assertThat(figure(figures, id).get("value").isNumber()).as(id).isTrue();
    }
    assertThat(figure(figures, "humanitarian.people_in_need.share").get("denominator"))
        .as("a share carries its denominator")
        .isNotNull();
    try (PDDocument pdf = Loader.loadPDF(brief.resolve("brief.pdf").toFile())) {
      PDFTextStripper text = new PDFTextStripper();
      for (int page = 1; page <= pdf.getNumberOfPages(); page++) {
        text.setStartPage(page);
        text.setEndPage(page);
        assertThat(text.getText(pdf)).as("page %d", page).contains("SYNTHETIC");
      }
    }
  }

  private Path maliStore() {
    Path data = SharedData.requireRoot();
    Path store = dir.resolve("mali.duckdb");
    CliRun ingest =
        CliRun.of(
            "ingest",
            "--store",
            store.toString(),
            data.resolve("acled/acled_mali_2017-01-01_2019-02-27__AC0519.csv").toString(),
            data.resolve("acled_hdx_hxl/conflict_data_mli.csv").toString());
    assertThat(ingest.code()).as(ingest.err()).isZero();
    return store;
  }

  @Test
  void briefAndCheckClaimsOnTheRealMaliFiles() throws Exception {
    Path store = maliStore();
    Path out = dir.resolve("mali-2018");

    CliRun brief =
        CliRun.of(
            "brief",
            "--store",
            store.toString(),
            "--country",
            "Mali",
            "--from",
            "2018-01-01",
            "--to",
            "2018-12-31",
            "--compare",
            "2017",
            "--out",
            out.toString(),
            "--json");
    Path examples = Path.of("").toAbsolutePath().getParent().resolve("examples/claims");
    CliRun claims2018 =
        CliRun.of(
            "check-claims",
            "--store",
            store.toString(),
            "--json",
            examples.resolve("mali-2018.yaml").toString());
    CliRun claims2025 =
        CliRun.of(
            "check-claims",
            "--store",
            store.toString(),
            "--json",
            examples.resolve("mali-2025-11.yaml").toString());

    assertThat(brief.code()).as(brief.err()).isZero();
    assertThat(
            figure(out.resolve("figures.json"), "events.violence_against_civilians.state_forces")
                .get("value")
                .asInt())
        .isEqualTo(18);
    assertThat(claims2018.code()).as("a contradicted claim exits 1").isEqualTo(1);
    List<String> verdicts = new ArrayList<>();
    for (JsonNode c : JSON.readTree(claims2018.out()).get("claims")) {
      verdicts.add(c.get("verdict").asText());
    }
    assertThat(verdicts).containsExactly("supported", "supported", "supported", "contradicted");
    JsonNode first = JSON.readTree(claims2018.out()).get("claims").get(0);
    assertThat(first.get("computed").asInt()).isEqualTo(757);
    assertThat(first.get("citation").get("recordCount").asInt()).isEqualTo(757);
    assertThat(claims2025.code()).isZero();
    for (JsonNode c : JSON.readTree(claims2025.out()).get("claims")) {
      assertThat(c.get("verdict").asText()).isEqualTo("not_computable");
      assertThat(c.get("reason").asText())
          .contains(
              c.get("figure").asText().startsWith("humanitarian.")
                  ? "holds no humanitarian data"
                  : "does not cover");
    }
  }

  @Test
  void theBriefTakesAUserProfileRoadsACaseFileAndAdvisorySnapshots() throws Exception {
    Path store = maliStore();
    Path roads = SharedData.requireRoot().resolve("roads_african_urban_network");
    Path repo = Path.of("").toAbsolutePath().getParent();
    Path advisories = repo.resolve("ingest/src/test/resources/advisories");
    Path profile = dir.resolve("mali-profile.yaml");
    Files.writeString(
        profile,
        String.join(
            "\n",
            "profiles:",
            "  - country: MLI",
            "    name: Mali",
            "    capital: {name: Bamako, latitude: 12.65, longitude: -8.0}",
            "    boundaries: {admin0: \"466\", admin1: mli}",
            "    corridors:",
            "      - slug: segou",
            "        name: Bamako – Ségou",
            "        via: []",
            "        to: {name: Ségou, latitude: 13.431, longitude: -6.266}",
            ""),
        StandardCharsets.UTF_8);
    Path timeline = dir.resolve("case.yaml");
    Files.writeString(
        timeline,
        String.join(
            "\n",
            "country: MLI",
            "title: Test case file",
            "entries:",
            "  - id: one",
            "    date: 2018-07-29",
            "    kind: transition",
            "    title: Presidential election, first round",
            "    summary: First round of the presidential election.",
            "    sources: [https://example.org/one]",
            "  - id: two",
            "    date: 2017-06-20",
            "    kind: transition",
            "    title: Outside the window",
            "    summary: Before the window.",
            "    sources: [https://example.org/two]",
            ""),
        StandardCharsets.UTF_8);
    Path out = dir.resolve("mali-context");

    CliRun brief =
        CliRun.of(
            "brief",
            "--store",
            store.toString(),
            "--country",
            "MLI",
            "--from",
            "2018-01-01",
            "--to",
            "2018-12-31",
            "--out",
            out.toString(),
            "--profile",
            profile.toString(),
            "--roads",
            roads.toString(),
            "--timeline",
            timeline.toString(),
            "--advisories",
            advisories.resolve("uk-mali-2025-06.json").toString(),
            advisories.resolve("uk-mali-2025-11.json").toString());

    assertThat(brief.code()).as(brief.err()).isZero();
    Path figures = out.resolve("figures.json");
    assertThat(figure(figures, "corridor.segou.length_km").get("value").asDouble()).isPositive();
    assertThat(JSON.readTree(Files.readString(figures, StandardCharsets.UTF_8)).toString())
        .as("the user profile replaces the shipped corridors")
        .doesNotContain("corridor.dakar");
    assertThat(figure(figures, "political.timeline.entries.window").get("value").asInt())
        .isEqualTo(1);
    JsonNode uk = figure(figures, "advisories.uk.level");
    assertThat(uk.get("value").asInt()).isBetween(1, 4);
    assertThat(uk.get("vintage").asText()).startsWith("2025-");
    String md = Files.readString(out.resolve("brief.md"), StandardCharsets.UTF_8);
    assertThat(md)
        .contains(
            "Presidential election, first round",
            "## Supply corridors",
            "Bamako – Ségou",
            "## Travel advisories");
  }

  @Test
  void aBriefWithoutDataSaysWhatToDo() {
    CliRun r =
        CliRun.of(
            "brief",
            "--store",
            dir.resolve("empty.duckdb").toString(),
            "--country",
            "MLI",
            "--from",
            "2018-01-01",
            "--to",
            "2018-12-31");

    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err())
        .contains("holds no ACLED events for MLI", "harmattan ingest")
        .doesNotContain("\tat ");
  }

  @Test
  void badBriefOptionsAreUsageErrors() {
    CliRun noCountry = CliRun.of("brief", "--from", "2018-01-01", "--to", "2018-12-31");
    CliRun badDate =
        CliRun.of("brief", "--country", "MLI", "--from", "2018-02-30", "--to", "2018-12-31");
    CliRun unknown =
        CliRun.of("brief", "--country", "Atlantis", "--from", "2018-01-01", "--to", "2018-12-31");

    assertThat(noCountry.code()).isEqualTo(2);
    assertThat(noCountry.err()).contains("--country is required");
    assertThat(badDate.code()).isEqualTo(2);
    assertThat(badDate.err()).contains("'2018-02-30' is not a date");
    assertThat(unknown.code()).isEqualTo(2);
    assertThat(unknown.err()).contains("'Atlantis' is not a known country");
  }
}
