package org.harmattan.briefs.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.harmattan.testsupport.SharedData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The PDF checked through its extracted text, page by page. */
class PdfRendererTest {

  private static byte[] pdf;
  private static List<String> pages;

  @BeforeAll
  static void render() throws Exception {
    pdf = PdfRenderer.render(HtmlRenderer.render(SampleBrief.brief()), null);
    pages = new ArrayList<>();
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      PDFTextStripper stripper = new PDFTextStripper();
      // openhtmltopdf draws runs out of reading order (links, bold): sort by position.
      stripper.setSortByPosition(true);
      for (int p = 1; p <= doc.getNumberOfPages(); p++) {
        stripper.setStartPage(p);
        stripper.setEndPage(p);
        pages.add(stripper.getText(doc));
      }
    }
  }

  @Test
  void isAPdfOfSeveralPages() {
    assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.US_ASCII))
        .isEqualTo("%PDF-");
    assertThat(pages).hasSizeGreaterThanOrEqualTo(2);
  }

  @Test
  void everyPageSaysSynthetic() {
    for (int i = 0; i < pages.size(); i++) {
      assertThat(pages.get(i))
          .as("page %d", i + 1)
          .contains("SYNTHETIC DATA \u2014 NOT REAL EVENTS")
          .contains("Page " + (i + 1) + " of " + pages.size());
    }
  }

  @Test
  void carriesTheNumbersTheirNoteNumbersAndTheAttribution() {
    String text = String.join("\n", pages).replaceAll("\\s+", " ");
    assertThat(text)
        .contains("757 events[1]")
        .contains("+61 %[3]")
        .contains("1,762 deaths[2]")
        .contains("n/a (2017 fatalities are under review, so no change is computed)[4]")
        .contains("JNIM, with 212 events[5]")
        .contains("Values: notes 5, 6.")
        .contains("Values: notes 7\u20139.")
        .contains("Sources and notes")
        .contains("Armed Conflict Location & Event Data Project (ACLED); www.acleddata.com")
        .contains("3f2a9c41d07b\u2026")
        .contains("events.total 757 events \u00b7 Jan\u2013Dec 2018 \u00b7 S1 \u00b7 757 records")
        .doesNotContain("3f2a9c41d07be5e8")
        .doesNotContain("Event ids cited")
        .doesNotContain("SYN-MLI-00001")
        .doesNotContain("#");
    for (int n = 1; n <= SampleBrief.brief().figures().size(); n++) {
      assertThat(text).contains(n + ". ");
    }
  }

  @Test
  void rendersToPngWhenPopplerIsInstalled() throws Exception {
    SharedData.requireAvailable(
        new File("/usr/bin/pdftoppm").canExecute(),
        "pdftoppm not found (install Debian's poppler-utils) to render the PDF to PNG");
    Path dir = Files.createDirectories(Path.of("target", "brief-preview"));
    Path file = Files.write(dir.resolve("brief.pdf"), pdf);
    Process p =
        new ProcessBuilder(
                "/usr/bin/pdftoppm",
                "-png",
                "-r",
                "80",
                file.toString(),
                dir.resolve("page").toString())
            .inheritIO()
            .start();
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).isZero();
    assertThat(dir.resolve("page-1.png")).exists();
  }
}
