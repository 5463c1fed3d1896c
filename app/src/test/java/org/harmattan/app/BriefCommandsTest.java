package org.harmattan.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.harmattan.briefs.render.FiguresJson;
import org.harmattan.domain.figure.Figure;
import org.harmattan.service.Stores;
import org.harmattan.testsupport.PlainRoads;
import org.harmattan.testsupport.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code brief} and {@code check-claims} as a user runs them ({@code demo}: DemoCommandTest). */
class BriefCommandsTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  /** A figure of a figures.json, written out whole as the API returns it. */
  private static JsonNode figure(Path figuresJson, String id) throws Exception {
    for (Figure f : FiguresJson.read(Files.readString(figuresJson, StandardCharsets.UTF_8))) {
      if (f.id().equals(id)) {
        return FiguresJson.toNode(f, false);
      }
    }
    throw new AssertionError("no figure " + id + " in " + figuresJson);
  }

  /**
   * The Mali 2018 brief from the real ACLED files with the road graph: a summary of at most two
   * pages, a body of at most 12 and at most 20 pages in all, with every figure cited in a note;
   * figures.json at least 5 times smaller than the same figures written out one by one (the shape
   * of earlier versions), and resolving to the same citations.
   */
  @Test
  void theMali2018BriefFitsInTwentyPagesAndItsFiguresFileShrinks() throws Exception {
    Path store = maliStore();
    Path out = dir.resolve("mali-2018-roads");
    CliRun brief =
        brief(
            store,
            "2018",
            out,
            "--compare",
            "2017",
            "--roads",
            SharedData.requireRoot().resolve("roads_african_urban_network").toString());
    assertThat(brief.code()).as(brief.err()).isZero();

    String json = Files.readString(out.resolve("figures.json"), StandardCharsets.UTF_8);
    List<Figure> figures = FiguresJson.read(json);
    ArrayNode oneByOne = JSON.createArrayNode();
    figures.forEach(f -> oneByOne.add(FiguresJson.toNode(f, false)));
    DefaultIndenter indent = new DefaultIndenter("  ", "\n");
    String earlier =
        JSON.writer(new DefaultPrettyPrinter().withObjectIndenter(indent).withArrayIndenter(indent))
            .writeValueAsString(oneByOne);
    assertThat(json.getBytes(StandardCharsets.UTF_8).length * 5L)
        .isLessThanOrEqualTo(earlier.getBytes(StandardCharsets.UTF_8).length);
    // The shared tables give back each figure's sources and event ids, as written one by one.
    assertThat(FiguresJson.read(earlier)).isEqualTo(figures);
    assertThat(figures.stream().map(Figure::id))
        .contains("incidents.deadliest.1", "incidents.deadliest.5");
    // Every measurement cites the files it was computed from, or for a zero the files searched;
    // only the analysis's own settings cite none.
    assertThat(figures)
        .filteredOn(f -> !f.query().startsWith("analysis parameter"))
        .allSatisfy(f -> assertThat(f.citation().sources()).as(f.id()).isNotEmpty());
    assertThat(figures).filteredOn(f -> f.value() != null && f.value() == 0.0).isNotEmpty();
    // Counts by actor say which role they count.
    assertThat(Files.readString(out.resolve("brief.md"), StandardCharsets.UTF_8))
        .contains("The most active initiating actor (ACLED actor 1)")
        .contains(
            "By non-state armed group of the registry, counting the political-violence events that"
                + " name it in any role (initiator, other party or associate):");

    // One spelling per region, on the maps as in the tables and the text: with the accents the
    // map's outlines give (Ségou, which ACLED writes Segou), as the events name it where the
    // map's name differs (Tombouctou, the outline's Timbuktu). Only the notes quote ACLED's own
    // spelling, as their filters do.
    String markdown = Files.readString(out.resolve("brief.md"), StandardCharsets.UTF_8);
    assertThat(markdown.substring(0, markdown.indexOf("\n[^1]: ")))
        .contains("| Ségou |", "| Tombouctou |")
        .doesNotContain("Segou", "Timbuktu");
    for (String map : List.of("influence-map.svg", "corridors.svg")) {
      assertThat(Files.readString(out.resolve("maps").resolve(map), StandardCharsets.UTF_8))
          .as(map)
          .contains(">Ségou<", ">Tombouctou<")
          .doesNotContain("Timbuktu", "Segou");
    }

    try (PDDocument pdf = Loader.loadPDF(out.resolve("brief.pdf").toFile())) {
      int pages = pdf.getNumberOfPages();
      PDFTextStripper text = new PDFTextStripper();
      int appendix = appendixPage(pdf);
      assertThat(pages).as("pages in all").isLessThanOrEqualTo(20);
      assertThat(appendix - 1).as("pages before the source appendix").isBetween(1, 12);
      text.setStartPage(1);
      text.setEndPage(2);
      assertThat(text.getText(pdf)).as("the summary ends on page 2").contains("Political timeline");
      text.setStartPage(appendix);
      text.setEndPage(pages);
      String notes = text.getText(pdf).replaceAll("\\s+", " ");
      // The notes list the figures the text cites: as many as the Markdown's body refers to, each
      // with its line (the list numbers print apart from the lines); the others are in
      // figures.json only.
      String md = Files.readString(out.resolve("brief.md"), StandardCharsets.UTF_8);
      String body = md.substring(0, md.indexOf("\n[^1]: "));
      long cited =
          java.util.regex.Pattern.compile("\\[\\^(\\d+)]")
              .matcher(body)
              .results()
              .map(m -> m.group(1))
              .distinct()
              .count();
      assertThat(cited).isGreaterThan(100).isLessThan(figures.size());
      assertThat(notes).contains(" " + cited + ". ").doesNotContain(" " + (cited + 1) + ". ");
      java.util.Set<String> noted = new java.util.HashSet<>();
      java.util.regex.Pattern.compile("(?m)^\\[\\^\\d+]: .*?\\(`([^`]+)`\\)")
          .matcher(md)
          .results()
          .forEach(m -> noted.add(m.group(1)));
      assertThat(noted).hasSize((int) cited);
      for (Figure f : figures) {
        if (noted.contains(f.id())) {
          assertThat(notes).as("note of %s", f.id()).contains(" " + f.id() + " ");
        } else {
          assertThat(notes).as("no note for %s", f.id()).doesNotContain(" " + f.id() + " ");
        }
      }
    }
  }

  /** The page the source appendix ("Sources and notes") starts on. */
  private static int appendixPage(PDDocument pdf) throws java.io.IOException {
    PDFTextStripper text = new PDFTextStripper();
    for (int page = 1; page <= pdf.getNumberOfPages(); page++) {
      text.setStartPage(page);
      text.setEndPage(page);
      if (text.getText(pdf).contains("Sources and notes\n")) {
        return page;
      }
    }
    throw new AssertionError("no page starts the source appendix");
  }

  /**
   * The README's real-data example whole: the ACLED files, the humanitarian files of a 2018 brief,
   * the road graph and the analyst's narrative. The body still fits in 12 pages and the whole in
   * 20; the Cadre Harmonisé projection is the November 2018 exercise's, of the 2019 lean season
   * (summed here from the raw file); a region only the humanitarian P-codes know is said to be so;
   * the editions left out are listed in the appendix, not in the body.
   */
  @Test
  void theReadmesMali2018ExampleWithItsHumanitarianFiles() throws Exception {
    Path data = SharedData.requireRoot();
    Path store = maliStore();
    Path ch = data.resolve("cadre_harmonise/cadre_harmonise_caf_ipc__covidviz_2022.MALI.csv");
    CliRun humanitarian =
        CliRun.of(
            "ingest",
            "--store",
            store.toString(),
            data.resolve("hdx_pcodes/global_pcodes_adm_1_2__hxl.MALI.csv").toString(),
            data.resolve("iom_dtm_mali/Baseline_December_2017.xlsx").toString(),
            data.resolve("iom_dtm_mali/Mali_Baseline_Assessment_December_2018.xlsx").toString(),
            ch.toString(),
            data.resolve("idmc_idps/idmc_displacement_data__hxl.MALI.csv").toString());
    assertThat(humanitarian.code()).as(humanitarian.err()).isZero();
    Path out = dir.resolve("mali-2018-all");
    CliRun brief =
        brief(
            store,
            "2018",
            out,
            "--compare",
            "2017",
            "--roads",
            data.resolve("roads_african_urban_network").toString(),
            "--narrative",
            Path.of("..", "examples", "narratives", "mali-2018.md").toString());
    assertThat(brief.code()).as(brief.err()).isZero();

    double projected = 0;
    for (java.util.Map<String, String> r : org.harmattan.testsupport.PlainCsv.readMaps(ch, 0)) {
      if (r.get("exercise_label").equals("Sep-Dec")
          && r.get("exercise_year").equals("2018")
          && r.get("chtype").equals("projected")) {
        projected += Double.parseDouble(r.get("phase35"));
      }
    }
    JsonNode p =
        figure(out.resolve("figures.json"), "humanitarian.food_insecure.phase3plus.projected");
    assertThat(p.get("value").asDouble()).isEqualTo(projected);
    assertThat(p.get("filters").get("edition").asText())
        .isEqualTo("CH Sep-Dec 2018 projected Jun-Aug 2019");

    String markdown = Files.readString(out.resolve("brief.md"), StandardCharsets.UTF_8);
    int appendixAt = markdown.indexOf("## Sources and notes");
    String body = markdown.substring(0, appendixAt);
    assertThat(body)
        .contains("Menaka (ML10) is a region of the humanitarian data's P-codes")
        .doesNotContain("About the editions used");
    assertThat(markdown.substring(appendixAt))
        .contains("About the editions used for this window:")
        .contains("CH Jan-May 2022 projected Jun-Aug 2022");

    try (PDDocument pdf = Loader.loadPDF(out.resolve("brief.pdf").toFile())) {
      assertThat(pdf.getNumberOfPages()).as("pages in all").isLessThanOrEqualTo(20);
      assertThat(appendixPage(pdf) - 1).as("pages before the source appendix").isBetween(1, 12);
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
            "--narrative",
            Path.of("..", "examples", "narratives", "mali-2018.md").toString(),
            "--out",
            out.toString(),
            "--json");
    // The shipped narrative's numbers are the brief's own: each is supported.
    assertThat(brief.code()).as(brief.err()).isZero();
    assertThat(Files.readString(out.resolve("brief.md"), StandardCharsets.UTF_8))
        .contains("## Analyst's assessment: Key judgements")
        .contains(
            "5 numbers in it are tied to the brief's figures and checked against them: 5"
                + " supported.")
        .doesNotContain("Claim check:");
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

  private static boolean hasFigure(Path figuresJson, String id) throws Exception {
    for (Figure f : FiguresJson.read(Files.readString(figuresJson, StandardCharsets.UTF_8))) {
      if (f.id().equals(id)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Without {@code --compare}, a brief compares with the same months of the year before when the
   * store holds them: AC0519 holds Mali from January 2017 (475 events in 2017, 751 in 2018, counted
   * by year in the raw file), so 2018 is compared with 2017, and 2017 with nothing.
   */
  @Test
  void aBriefComparesWithTheYearBeforeWhenTheStoreHoldsIt() throws Exception {
    Path store = dir.resolve("ac0519.duckdb");
    CliRun ingest =
        CliRun.of(
            "ingest",
            "--store",
            store.toString(),
            SharedData.requireRoot()
                .resolve("acled/acled_mali_2017-01-01_2019-02-27__AC0519.csv")
                .toString());
    assertThat(ingest.code()).as(ingest.err()).isZero();
    Path y2018 = dir.resolve("default-2018");
    Path y2017 = dir.resolve("default-2017");
    Path none = dir.resolve("none-2018");

    CliRun b2018 = brief(store, "2018", y2018);
    CliRun b2017 = brief(store, "2017", y2017);
    CliRun bNone = brief(store, "2018", none, "--compare", "none");

    assertThat(b2018.code()).as(b2018.err()).isZero();
    assertThat(b2018.err()).doesNotContain("no comparison");
    assertThat(figure(y2018.resolve("figures.json"), "events.total").get("value").asInt())
        .isEqualTo(751);
    assertThat(figure(y2018.resolve("figures.json"), "compare.events.total").get("value").asInt())
        .isEqualTo(475);
    assertThat(b2017.code()).as(b2017.err()).isZero();
    assertThat(b2017.err()).contains("note: no comparison", "--compare YEAR");
    assertThat(hasFigure(y2017.resolve("figures.json"), "compare.events.total")).isFalse();
    assertThat(bNone.code()).as(bNone.err()).isZero();
    assertThat(bNone.err()).doesNotContain("no comparison");
    assertThat(hasFigure(none.resolve("figures.json"), "compare.events.total")).isFalse();
    CliRun bad = brief(store, "2018", dir.resolve("bad"), "--compare", "last year");
    assertThat(bad.code()).isEqualTo(2);
    assertThat(bad.err())
        .contains("--compare 'last year' is not a year (expected e.g. 2017, or none)");
  }

  private static CliRun brief(Path store, String year, Path out, String... more) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "brief",
                "--store",
                store.toString(),
                "--country",
                "MLI",
                "--from",
                year + "-01-01",
                "--to",
                year + "-12-31",
                "--out",
                out.toString()));
    args.addAll(List.of(more));
    return CliRun.of(args.toArray(String[]::new));
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
    // Bamako (node 1547) – 1300664 – Ségou (7835) by a plain Dijkstra over the raw edges: 102.743 +
    // 113.664 km
    PlainRoads.Route segou =
        PlainRoads.read(roads)
            .through(List.of(new double[] {12.65, -8.0}, new double[] {13.431, -6.266}));
    assertThat(segou.nodes()).containsExactly("1547", "1300664", "7835");
    assertThat(figure(figures, "corridor.segou.length_km").get("value").asDouble())
        .isCloseTo(segou.lengthKm(), within(1e-9))
        .isCloseTo(102.742622640432 + 113.663726131043, within(1e-9));
    assertThat(JSON.readTree(Files.readString(figures, StandardCharsets.UTF_8)).toString())
        .as("the user profile replaces the shipped corridors")
        .doesNotContain("corridor.dakar");
    assertThat(figure(figures, "political.timeline.entries.window").get("value").asInt())
        .isEqualTo(1);
    // The later snapshot, uk-mali-2025-11.json (updated 4 November 2025), has the alert status
    // avoid_all_travel_to_whole_country: level 4, do not travel.
    JsonNode uk = figure(figures, "advisories.uk.level");
    assertThat(uk.get("value").asInt()).isEqualTo(4);
    assertThat(uk.get("vintage").asText()).isEqualTo("2025-11-04");
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
    Path empty = dir.resolve("empty.duckdb");
    Stores.open(empty).close();
    CliRun r =
        CliRun.of(
            "brief",
            "--store",
            empty.toString(),
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
  void aNarrativeThatCannotBeUsedIsAUserError() throws Exception {
    Path empty = dir.resolve("empty-n.duckdb");
    Stores.open(empty).close();
    Path bad = dir.resolve("bad.md");
    Files.writeString(
        bad, "Deaths: [1,762](figure:fatalities.total \"a few\")\n", StandardCharsets.UTF_8);
    String[] base = {
      "brief",
      "--store",
      empty.toString(),
      "--country",
      "MLI",
      "--from",
      "2018-01-01",
      "--to",
      "2018-12-31",
      "--narrative"
    };
    CliRun missing = CliRun.of(concat(base, dir.resolve("none.md").toString()));

    assertThat(missing.code()).isEqualTo(2);
    assertThat(missing.err())
        .contains("none.md: no such file (expected the analyst's Markdown)")
        .doesNotContain("\tat ");
    // A missing file is reported before anything is computed (not "the store holds no events");
    // a tolerance is read when its number is checked.
    Path storeWithData = maliStore();
    base[2] = storeWithData.toString();
    CliRun tolerance =
        CliRun.of(concat(base, bad.toString(), "--out", dir.resolve("o").toString()));
    assertThat(tolerance.code()).isEqualTo(2);
    assertThat(tolerance.err())
        .contains("bad.md, line 1: the tolerance of \"1,762\" is \"a few\"")
        .doesNotContain("\tat ");
  }

  private static String[] concat(String[] a, String... b) {
    String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
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
