package org.harmattan.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.harmattan.analytics.actors.ActorRegistry;
import org.harmattan.testsupport.PlainCsv;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code harmattan demo --lang fr} as a user runs it: the brief is French throughout (its prose,
 * tables, notes, charts, maps and PDF), apart from proper names and quoted source text, and it
 * states the same numbers as the English brief of the same store.
 *
 * <p>"No English left" is checked with words that English has and French does not ("the", "of",
 * "events", "deaths", "were", …) over the Markdown (code spans aside: ids and queries are machine
 * text), every SVG's text and the PDF's text, once the names the data gives (actors, places) and
 * the text quoted from sources (between « » or “ ”) are taken out.
 */
class FrenchBriefTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Words of English prose that are not French words. */
  private static final Set<String> ENGLISH =
      Set.of(
          "the",
          "of",
          "and",
          "with",
          "were",
          "was",
          "from",
          "which",
          "this",
          "that",
          "these",
          "those",
          "their",
          "there",
          "they",
          "have",
          "has",
          "been",
          "is",
          "are",
          "be",
          "by",
          "for",
          "to",
          "at",
          "it",
          "its",
          "not",
          "no",
          "none",
          "per",
          "each",
          "every",
          "all",
          "than",
          "more",
          "less",
          "over",
          "under",
          "after",
          "before",
          "during",
          "since",
          "until",
          "between",
          "within",
          "against",
          "into",
          "out",
          "up",
          "down",
          "about",
          "event",
          "events",
          "death",
          "deaths",
          "people",
          "person",
          "reported",
          "recorded",
          "rise",
          "fall",
          "region",
          "regions",
          "period",
          "window",
          "chart",
          "map",
          "other",
          "others",
          "data",
          "armed",
          "group",
          "groups",
          "open",
          "blocked",
          "disrupted",
          "level",
          "month",
          "months",
          "year",
          "years",
          "week",
          "weeks",
          "day",
          "days",
          "first",
          "last",
          "new",
          "show",
          "shows",
          "see",
          "above",
          "below",
          "where",
          "when",
          "while",
          "whose",
          "who",
          "what",
          "how",
          "same",
          "displaced",
          "killed",
          "fatalities",
          "civilians",
          "attacks",
          "battles",
          "protests",
          "riots",
          "strategic",
          "developments",
          "political",
          "state",
          "status",
          "advisory",
          "advisories",
          "travel",
          "outlook",
          "forecast",
          "expected",
          "warning",
          "surge",
          "threat",
          "increase",
          "method",
          "summary",
          "judgement",
          "deteriorated",
          "unchanged",
          "improved",
          "assessed",
          "deadliest",
          "actors",
          "key",
          "generated",
          "compared",
          "filters",
          "records",
          "accessed",
          "file",
          "synthetic",
          "real",
          "cells",
          "cell",
          "share",
          "change",
          "changes");

  private static final Pattern BLANKS = Pattern.compile("\\s+");
  private static final Pattern SEMICOLON = Pattern.compile(";");
  private static final Pattern WORD = Pattern.compile("[\\p{L}][\\p{L}’']*");
  private static final Pattern QUOTED = Pattern.compile("«[^»]*»|“[^”]*”");
  private static final Pattern CODE = Pattern.compile("`[^`]*`");
  private static final Pattern URL = Pattern.compile("https?://\\S+|www\\.\\S+");
  private static final Pattern FILE_NAME =
      Pattern.compile("[\\w./-]+\\.(csv|json|yaml|xlsx|md|svg|html|pdf)");

  /** Ids and codes ("events.total", "mali_state_forces", as Markdown escapes them too), hashes. */
  private static final Pattern MACHINE =
      Pattern.compile("[\\w\\\\]*[a-z0-9](?:\\\\?_|\\.)[a-z][\\w.\\\\]*|\\b[0-9a-f]{12,}\\b");

  @TempDir static Path dir;

  private static Path fr;
  private static Path en;

  @BeforeAll
  static void runTheDemoInBothLanguages() {
    fr = dir.resolve("fr");
    en = dir.resolve("en");
    CliRun french = CliRun.of("demo", "--no-serve", "--lang", "fr", "--out", fr.toString());
    assertThat(french.code()).as(french.err()).isZero();
    CliRun english = CliRun.of("demo", "--no-serve", "--out", en.toString());
    assertThat(english.code()).as(english.err()).isZero();
  }

  @Test
  void theFrenchBriefStatesTheEnglishBriefsFiguresValueForValue() throws IOException {
    Map<String, JsonNode> french = values(fr.resolve("brief/figures.json"));
    Map<String, JsonNode> english = values(en.resolve("brief/figures.json"));
    assertThat(french.keySet()).isEqualTo(english.keySet());
    assertThat(french).isEqualTo(english);
  }

  @Test
  void theFrenchBriefDeclaresItsLanguage() throws IOException {
    String html = Files.readString(fr.resolve("brief/brief.html"), StandardCharsets.UTF_8);
    assertThat(html).containsPattern("<html[^>]* lang=\"fr\"");
    String english = Files.readString(en.resolve("brief/brief.html"), StandardCharsets.UTF_8);
    assertThat(english).containsPattern("<html[^>]* lang=\"en\"");
  }

  @Test
  void noEnglishWordIsLeftInTheMarkdownTheChartsTheMapsOrThePdf() throws IOException {
    Set<String> names = properNames();
    Map<String, List<String>> found = new TreeMap<>();
    Path brief = fr.resolve("brief");
    scan("brief.md", CODE.matcher(read(brief.resolve("brief.md"))).replaceAll(" "), names, found);
    try (Stream<Path> svgs = Files.walk(brief)) {
      for (Path svg : svgs.filter(p -> p.toString().endsWith(".svg")).sorted().toList()) {
        scan(
            brief.relativize(svg).toString(),
            svgText(Jsoup.parse(read(svg), "", Parser.xmlParser())),
            names,
            found);
      }
    }
    // The PDF is printed from the HTML: its text is the HTML's, less what is marked as English
    // (a query kept for the curious); a PDF's own text interleaves a table's columns.
    Document html = Jsoup.parse(read(brief.resolve("brief.html")));
    html.select("style, script, [lang=en]").remove();
    // The charts and maps inside it are the SVG files read above.
    html.select("svg").remove();
    scan("brief.html", html.title() + "\n" + html.body().text(), names, found);
    try (PDDocument pdf = Loader.loadPDF(brief.resolve("brief.pdf").toFile())) {
      String text = new PDFTextStripper().getText(pdf);
      assertThat(text).contains("Page 1 sur ").containsIgnoringCase("note de crise");
    }
    assertThat(found).as("English words left in the French brief, with where they stand").isEmpty();
  }

  /** English words of {@code text} once names, quotes, URLs and file names are out. */
  private static void scan(
      String where, String text, Set<String> names, Map<String, List<String>> found) {
    // A PDF breaks lines inside names: one space for every run of blanks, in the text and names.
    String t = BLANKS.matcher(text).replaceAll(" ");
    t = URL.matcher(QUOTED.matcher(t).replaceAll(" ")).replaceAll(" ");
    t = FILE_NAME.matcher(t).replaceAll(" ");
    t = MACHINE.matcher(t).replaceAll(" ");
    for (String name : names) {
      t = t.replace(name, " ");
    }
    Matcher m = WORD.matcher(t);
    while (m.find()) {
      String word = m.group().toLowerCase(Locale.ROOT);
      if (ENGLISH.contains(word)) {
        int from = Math.max(0, m.start() - 40);
        int to = Math.min(t.length(), m.end() + 40);
        List<String> at = found.computeIfAbsent(where, k -> new ArrayList<>());
        if (at.size() < 15) {
          at.add(word + ": …" + t.substring(from, to).replaceAll("\\s+", " ") + "…");
        }
      }
    }
  }

  /**
   * The names the data gives, longest first (so "Military Forces of Mali (2021-)" goes before
   * "Mali"): actors and places of the scenario's export, the registry's actor names.
   */
  private static Set<String> properNames() {
    Set<String> names =
        new TreeSet<>(Comparator.comparingInt(String::length).reversed().thenComparing(s -> s));
    for (Map<String, String> row :
        PlainCsv.readMaps(fr.resolve("data/acled-synthetic-sahel.csv"), 0)) {
      for (String column :
          List.of(
              "actor1",
              "assoc_actor_1",
              "actor2",
              "assoc_actor_2",
              "admin1",
              "admin2",
              "admin3",
              "location")) {
        for (String name : SEMICOLON.split(row.getOrDefault(column, ""), -1)) {
          if (!name.isBlank()) {
            names.add(name.strip());
          }
        }
      }
    }
    ActorRegistry.shipped().listActors().forEach(a -> names.add(a.name()));
    return names;
  }

  private static Map<String, JsonNode> values(Path figuresJson) throws IOException {
    Map<String, JsonNode> values = new LinkedHashMap<>();
    for (JsonNode f : JSON.readTree(read(figuresJson)).get("figures")) {
      values.put(f.get("id").asText(), f.get("value"));
    }
    return values;
  }

  private static String read(Path file) throws IOException {
    return Files.readString(file, StandardCharsets.UTF_8);
  }

  /** Each text element of an SVG on a line; the lines of one element (tspans) joined by spaces. */
  private static String svgText(Document svg) {
    StringBuilder text = new StringBuilder();
    for (Element e : svg.select("text")) {
      Elements lines = e.select("tspan");
      text.append(
              lines.isEmpty()
                  ? e.text()
                  : lines.eachText().stream().collect(Collectors.joining(" ")))
          .append('\n');
    }
    return text.toString();
  }
}
