package org.harmattan.briefs.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.harmattan.briefs.model.Block;
import org.harmattan.briefs.model.Brief;
import org.harmattan.briefs.model.Inline;
import org.harmattan.briefs.model.Section;
import org.harmattan.domain.figure.Figure;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class HtmlRendererTest {

  private static final String XHTML = "http://www.w3.org/1999/xhtml";
  private static final String GOLDEN = "/golden/brief-render-sample.txt";
  private static final Path GOLDEN_SOURCE =
      Path.of("src/test/resources/golden/brief-render-sample.txt");

  private final Brief brief = SampleBrief.brief();
  private final String html = HtmlRenderer.render(brief);

  @Test
  void isWellFormedXhtml() throws Exception {
    Document doc = RenderTestSupport.parseXml(html);
    assertThat(doc.getDocumentElement().getLocalName()).isEqualTo("html");
    assertThat(doc.getDocumentElement().getNamespaceURI()).isEqualTo(XHTML);
    assertThat(doc.getElementsByTagNameNS("http://www.w3.org/2000/svg", "svg").getLength())
        .isEqualTo(2);
  }

  /**
   * openhtmltopdf may break a line where an element starts, even after "(": the bracket goes inside
   * the figure's link, and the text reads the same.
   */
  @Test
  void anOpeningBracketStaysWithTheNumberItOpens() {
    Brief sample = SampleBrief.brief();
    List<Section> sections = new ArrayList<>(sample.sections());
    sections.add(
        new Section(
            "extra",
            "Extra",
            List.of(
                new Block.Paragraph(
                    List.of(
                        Inline.text("a rise on 2017 ("),
                        Inline.figure("change.events"),
                        Inline.text(")."))))));
    Brief withBracket =
        new Brief(
            sample.title(),
            sample.countryIso3(),
            sample.countryName(),
            sample.period(),
            sample.comparison(),
            sample.synthetic(),
            sections,
            sample.figures(),
            sample.attribution(),
            sample.generatedAt());
    assertThat(HtmlRenderer.render(withBracket))
        .contains(
            "a rise on 2017 <a class=\"fig\" href=\"#fig-change-events\">(+61 %</a><sup>[3]</sup>).");
  }

  @Test
  void everyFigureReferenceLinksToAnExistingNoteWithItsNumber() throws Exception {
    Document doc = RenderTestSupport.parseXml(html);
    Set<String> ids = new HashSet<>();
    NodeList all = doc.getElementsByTagNameNS("*", "*");
    for (int i = 0; i < all.getLength(); i++) {
      String id = ((Element) all.item(i)).getAttribute("id");
      if (!id.isEmpty()) {
        assertThat(ids.add(id)).as("id %s is unique", id).isTrue();
      }
    }
    NodeList links = doc.getElementsByTagNameNS(XHTML, "a");
    int figureLinks = 0;
    for (int i = 0; i < links.getLength(); i++) {
      Element a = (Element) links.item(i);
      String href = a.getAttribute("href");
      assertThat(href).startsWith("#");
      assertThat(ids).as("target of %s", href).contains(href.substring(1));
      if (a.getAttribute("class").equals("fig")) {
        figureLinks++;
      }
    }
    // 6 in prose, 4 in the table, 5 in the screen-only chart value tables.
    assertThat(figureLinks).isEqualTo(countFigureRefs(brief) + 5);
    assertThat(html)
        .contains("<a class=\"fig\" href=\"#fig-events-total\">757 events</a><sup>[1]</sup>")
        .contains("<a class=\"fig\" href=\"#fig-deaths-total\">1,762 deaths</a><sup>[2]</sup>")
        .contains("href=\"#fig-change-events\">+61 %</a><sup>[3]</sup>")
        .contains(
            "href=\"#fig-change-deaths\">n/a (2017 fatalities are under review, so no change is"
                + " computed)</a><sup>[4]</sup>")
        .contains("<li id=\"fig-events-month-2018-12\">");
  }

  @Test
  void referencesListEveryFigureInNoteOrder() throws Exception {
    Document doc = RenderTestSupport.parseXml(html);
    Element ol = null;
    NodeList lists = doc.getElementsByTagNameNS(XHTML, "ol");
    for (int i = 0; i < lists.getLength(); i++) {
      if (((Element) lists.item(i)).getAttribute("class").equals("notes")) {
        ol = (Element) lists.item(i);
      }
    }
    assertThat(ol).isNotNull();
    List<String> noteIds = new ArrayList<>();
    NodeList items = ol.getElementsByTagNameNS(XHTML, "li");
    for (int i = 0; i < items.getLength(); i++) {
      noteIds.add(((Element) items.item(i)).getAttribute("id"));
    }
    assertThat(noteIds)
        .containsExactlyElementsOf(
            brief.figures().stream().map(f -> HtmlRenderer.anchors(brief).get(f.id())).toList());
    // One table of sources, the SHA-256 abbreviated for print and whole on screen.
    assertThat(html)
        .contains("<tr id=\"src-S1\"><td>S1</td><td>ACLED</td>")
        .contains("<code class=\"print-only\">3f2a9c41d07b\u2026</code>")
        .contains(
            "<code class=\"screen-only sha\">3f2a9c41d07be5e8a1c2d3e4f5061728394a5b6c7d8e9f0011");
    // Every event id once, numbered; a citation names its events as runs of those numbers.
    assertThat(html)
        .contains(
            "Event ids cited (757), each once, numbered from 0</summary><code>0 SYN-MLI-00001, ")
        .contains("756 SYN-MLI-00757</code>")
        .contains("757 records from S1, accessed 2024-05-02; events 0\u2013756.</p>");
    assertThat(html.split("SYN-MLI-00757", -1)).hasSize(2);
  }

  @Test
  void marksSyntheticDataInTitleBannerAndPageHeader() {
    assertThat(html)
        .contains("<title>SYNTHETIC DATA \u2014 NOT REAL EVENTS \u00b7 Mali: security brief")
        .contains("<p class=\"banner-title\">SYNTHETIC DATA \u2014 NOT REAL EVENTS</p>")
        .contains("<div class=\"synthetic-bar\" aria-hidden=\"true\">")
        .contains(
            "@top-center { content: \"SYNTHETIC\\000020DATA\\000020\\002014\\000020NOT\\000020REAL\\000020EVENTS\"; ");
  }

  @Test
  void realDataCarriesNoSyntheticMark() {
    Brief real =
        new Brief(
            brief.title(),
            brief.countryIso3(),
            brief.countryName(),
            brief.period(),
            null,
            false,
            brief.sections(),
            brief.figures(),
            brief.attribution(),
            brief.generatedAt());
    assertThat(HtmlRenderer.render(real)).doesNotContain("SYNTHETIC").doesNotContain("Compared");
  }

  @Test
  void escapesMetacharacters() {
    assertThat(html)
        .contains(
            "Ménaka &amp; Gao &lt;north&gt; saw &quot;most&quot; of the &#39;clashes&#39; |"
                + " *not* [all].")
        .contains("Armed Conflict Location &amp; Event Data Project (ACLED)");
  }

  @Test
  void anchorsReplaceNonAlphanumericsAndStayUniqueOnCollision() {
    Figure f = brief.figures().get(0);
    List<Figure> clashing =
        List.of(withId(f, "a.b"), withId(f, "a-b"), withId(f, "a b"), withId(f, "Ménaka"));
    Brief b =
        new Brief(
            "t",
            "MLI",
            "Mali",
            brief.period(),
            null,
            false,
            List.of(),
            clashing,
            "a",
            brief.generatedAt());
    assertThat(HtmlRenderer.anchors(b).values())
        .containsExactly("fig-a-b", "fig-a-b-2", "fig-a-b-3", "fig-M-naka");
    assertThat(HtmlRenderer.anchors(brief).get("events.month.2018-10"))
        .isEqualTo("fig-events-month-2018-10");
  }

  @Test
  void notesListTheFiguresTheTextCitesAndFiguresJsonTheRest() {
    List<Figure> more = new java.util.ArrayList<>(brief.figures());
    more.add(withId(brief.figures().get(0), "compare.events.not_printed"));
    Brief b =
        new Brief(
            brief.title(),
            brief.countryIso3(),
            brief.countryName(),
            brief.period(),
            brief.comparison(),
            brief.synthetic(),
            brief.sections(),
            more,
            brief.attribution(),
            brief.generatedAt());

    assertThat(b.citedFigures()).containsExactlyElementsOf(brief.figures());
    assertThat(HtmlRenderer.render(b)).doesNotContain("compare.events.not_printed");
    assertThat(MarkdownRenderer.render(b)).doesNotContain("compare.events.not_printed");
    assertThat(FiguresJson.write(b)).contains("\"compare.events.not_printed\"");
  }

  @Test
  void snapshotOfNormalisedText() throws IOException {
    String actual = RenderTestSupport.normalisedText(html);
    String expected;
    try (InputStream in = HtmlRendererTest.class.getResourceAsStream(GOLDEN)) {
      if (in == null || Boolean.getBoolean("harmattan.updateGolden")) {
        Files.createDirectories(GOLDEN_SOURCE.getParent());
        Files.writeString(GOLDEN_SOURCE, actual, StandardCharsets.UTF_8);
        fail("golden file written to " + GOLDEN_SOURCE.toAbsolutePath() + ": review it, rerun");
        return;
      }
      expected = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    assertThat(actual).isEqualTo(expected);
  }

  private static Figure withId(Figure f, String id) {
    return new Figure(
        id,
        f.label(),
        f.value(),
        f.unit(),
        f.period(),
        f.comparison(),
        f.filters(),
        f.query(),
        f.citation(),
        f.note());
  }

  private static int countFigureRefs(Brief brief) {
    String all = brief.sections().stream().map(HtmlRendererTest::text).reduce("", String::concat);
    Matcher m = Pattern.compile("\\{fig\\}").matcher(all);
    int n = 0;
    while (m.find()) {
      n++;
    }
    return n;
  }

  private static String text(Section s) {
    StringBuilder b = new StringBuilder();
    for (Block block : s.blocks()) {
      List<List<Inline>> runs = new ArrayList<>();
      if (block instanceof Block.Paragraph p) {
        runs.add(p.parts());
      } else if (block instanceof Block.Bullets l) {
        runs.addAll(l.items());
      } else if (block instanceof Block.Table t) {
        t.rows().forEach(runs::addAll);
      }
      for (List<Inline> run : runs) {
        for (Inline i : run) {
          b.append(i instanceof Inline.FigureRef ? "{fig}" : "");
        }
      }
    }
    return b.toString();
  }
}
