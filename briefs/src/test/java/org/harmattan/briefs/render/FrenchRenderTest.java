package org.harmattan.briefs.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.harmattan.briefs.model.Block;
import org.harmattan.briefs.model.Brief;
import org.harmattan.domain.text.Language;
import org.harmattan.testsupport.BundleLint;
import org.junit.jupiter.api.Test;

/** A brief written in French: every word the renderers write themselves is French. */
class FrenchRenderTest {
  private static final Brief BRIEF = SampleBrief.brief(Language.FR);

  /** The renderers' own English words, none of which a French brief may show. */
  private static final List<String> ENGLISH =
      List.of(
          "Sources and notes",
          "Crisis brief",
          "Period:",
          "Compared with",
          "Generated",
          "SYNTHETIC DATA",
          "synthetic demonstration data",
          "Each number links",
          "Accessed",
          "Licence</th>",
          "System",
          "About the editions",
          "Every number of the text",
          "Queries and records",
          "Event ids cited",
          "Records of each citation",
          " records",
          " record<",
          "Chart values",
          "Category",
          "Values:",
          "Value: note",
          "Table ",
          "Map ",
          "no source",
          "Query ",
          "Page \" counter(page) \" of",
          "terms of the publisher",
          "synthetic data generated");

  @Test
  void htmlIsFrench() {
    String html = HtmlRenderer.render(BRIEF);
    assertThat(html)
        .contains("lang=\"fr\"")
        .contains("<h2>Sources et notes</h2>")
        .contains("DONNÉES SYNTHÉTIQUES — AUCUN ÉVÉNEMENT RÉEL")
        .contains("Période\u00a0: janvier–décembre 2018")
        .contains("Comparaison avec\u00a0: janvier–décembre 2017")
        .contains("Générée le 3 mai 2024 à 09:30 UTC")
        .contains("1\u202f762 décès")
        .contains("Tableau 1.")
        .contains("données synthétiques générées par Harmattan")
        .contains("janv.–déc. 2018 contre janv.–déc. 2017")
        .contains("\"Page \" counter(page) \" sur \" counter(pages)")
        .contains("403 enregistrements")
        .contains("<code lang=\"en\">");
    String withoutCss = html.replaceAll("(?s)<style>.*?</style>", "");
    for (String english : ENGLISH) {
      assertThat(withoutCss).as("English left: %s", english).doesNotContain(english);
    }
  }

  @Test
  void markdownIsFrenchAndLeavesTheEnglishQueryToFiguresJson() {
    String md = MarkdownRenderer.render(BRIEF);
    assertThat(md)
        .contains("## Sources et notes")
        .contains("| Clé | Système | Fichier | SHA-256 | Licence | Consultation |")
        .contains("Période\u00a0: janvier–décembre 2018")
        .contains("Générée le 3 mai 2024 à 09:30 UTC")
        .contains("Enregistrements\u00a0: 757 (citation c")
        .contains("consultés le 2 mai 2024")
        .contains("Filtres\u00a0: pays = MLI")
        .doesNotContain("Query:")
        .doesNotContain("Filters:")
        .doesNotContain("Records:")
        .doesNotContain("), accessed")
        .doesNotContain("100 * (fatalities 2018");
    for (String english : ENGLISH) {
      assertThat(md).as("English left: %s", english).doesNotContain(english);
    }
  }

  @Test
  void chartTicksAndNumbersAreFrench() {
    Block.Chart line =
        ChartRenderer.charts(BRIEF).stream()
            .filter(c -> c.kind() == Block.Kind.LINE)
            .findFirst()
            .orElseThrow();
    String svg = ChartRenderer.toSvg(line, BRIEF);
    assertThat(svg).contains(">oct.<").contains(">déc.<").doesNotContain(">Oct<");
  }

  @Test
  void mapLegendIsFrench() {
    String svg = MapSvg.toSvg(MapSvgTest.view(), Language.FR);
    assertThat(svg)
        .contains(">Légende</text>")
        .doesNotContain(">Legend</text>")
        .doesNotContain(">Capital<")
        .doesNotContain("Boundaries:");
  }

  @Test
  void pdfPrintsFrenchCharactersAndPageNumbers() throws Exception {
    byte[] pdf = PdfRenderer.render(HtmlRenderer.render(BRIEF), null);
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      String text = new PDFTextStripper().getText(doc);
      assertThat(text)
          .contains("Sources et notes")
          .contains("Page 1 sur")
          .contains("DONNÉES SYNTHÉTIQUES")
          .contains("décès")
          .doesNotContain("#");
    }
  }

  @Test
  void englishStaysTheDefault() {
    String html = HtmlRenderer.render(SampleBrief.brief());
    assertThat(html)
        .contains("lang=\"en\"")
        .contains("<h2>Sources and notes</h2>")
        .contains("Generated 2024-05-03 09:30 UTC")
        .contains("\"Page \" counter(page) \" of \" counter(pages)");
  }

  @Test
  void bundlesAreComplete() {
    for (String bundle : List.of("render", "maps", "charts", "format")) {
      assertThat(BundleLint.problems("org/harmattan/briefs/text/" + bundle, "fr"))
          .as(bundle)
          .isEmpty();
    }
  }
}
