package org.harmattan.briefs.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.harmattan.analytics.actors.ActorRegistry;
import org.harmattan.analytics.indicators.DeadliestIncidents;
import org.harmattan.analytics.indicators.SecurityIndicators;
import org.harmattan.analytics.indicators.SecurityRequest;
import org.harmattan.analytics.indicators.WarningIndicators;
import org.harmattan.briefs.MaliStore;
import org.harmattan.briefs.assemble.BriefBuilder;
import org.harmattan.briefs.model.Brief;
import org.harmattan.domain.event.SourceSystem;
import org.harmattan.domain.figure.Figure;
import org.harmattan.domain.figure.Period;
import org.harmattan.engine.duckdb.DuckDbStore;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The brief for Mali 2018 against 2017 from the real ACLED files: its prose, its figures file and
 * its PDF. The golden figures (757 events, 266 against civilians, 18 by state forces with 93 deaths
 * against 16 and 26) are computed from the raw files in analytics' golden test.
 */
class MaliBriefTest {
  private static final String GOLDEN = "/golden/mali-2018-security.txt";
  private static final Path GOLDEN_SOURCE =
      Path.of("src/test/resources/golden/mali-2018-security.txt");

  @TempDir static Path dir;
  private static Brief brief;
  private static BriefWriter.Written written;
  private static String text;

  @BeforeAll
  static void build() throws Exception {
    Period y2018 = new Period(LocalDate.of(2018, 1, 1), LocalDate.of(2018, 12, 31));
    SecurityRequest request =
        new SecurityRequest(
            "MLI", y2018, y2018.inYear(2017), Set.of(SourceSystem.ACLED), MaliStore.TODAY);
    try (DuckDbStore store = MaliStore.open()) {
      ActorRegistry registry = ActorRegistry.shipped();
      brief =
          new BriefBuilder(
                  SecurityIndicators.compute(store.analytics(), request),
                  "Mali",
                  false,
                  Instant.parse("2026-11-26T00:00:00Z"))
              .canonicalActors(raw -> registry.match(raw).map(m -> m.actor().name()))
              .deadliest(DeadliestIncidents.compute(store.analytics(), request, 5))
              .warnings(WarningIndicators.compute(store.analytics(), request))
              .build();
    }
    written = BriefWriter.write(brief, dir.resolve("brief"));
    text =
        RenderTestSupport.normalisedText(Files.readString(written.html(), StandardCharsets.UTF_8));
  }

  @Test
  void keyFiguresReadAsAnAnalystWouldWriteThem() {
    String numbered = text.replaceAll("\\[\\d+\\]", "[n]");
    assertThat(text).contains("757 events[1] of political violence, protest and strategic");
    assertThat(numbered)
        .contains("with 1,762 deaths[n] reported")
        .contains("Violence against civilians: 266 events[n], with 795 deaths[n]")
        .contains("Of these, 18 events[n] were carried out by state forces, with 93 deaths[n]")
        .contains("against the same months of 2017 (26 deaths[n])");
    assertThat(brief.title()).isEqualTo("Mali: crisis brief, January–December 2018");
  }

  @Test
  void theSecuritySectionsMatchTheirSnapshot() throws Exception {
    int from = text.indexOf("Summary");
    int to = text.indexOf("\nMethod and sources\n") + 1;
    String actual = text.substring(from, to);
    try (InputStream in = MaliBriefTest.class.getResourceAsStream(GOLDEN)) {
      if (in == null || Boolean.getBoolean("harmattan.updateGolden")) {
        Files.createDirectories(GOLDEN_SOURCE.getParent());
        Files.writeString(GOLDEN_SOURCE, actual, StandardCharsets.UTF_8);
        fail("golden file written to " + GOLDEN_SOURCE.toAbsolutePath() + ": review it, rerun");
      }
      assertThat(actual).isEqualTo(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
  }

  @Test
  void everyNumberLinksToAReference() throws Exception {
    String html = Files.readString(written.html(), StandardCharsets.UTF_8);
    Set<String> anchors = new HashSet<>();
    Matcher ids = Pattern.compile("id=\"(fig-[^\"]+)\"").matcher(html);
    while (ids.find()) {
      anchors.add(ids.group(1));
    }
    Matcher links = Pattern.compile("class=\"fig\" href=\"#([^\"]+)\"").matcher(html);
    int n = 0;
    while (links.find()) {
      assertThat(anchors).as("anchor of a figure link").contains(links.group(1));
      n++;
    }
    assertThat(n).isGreaterThan(50);
    assertThat(html).contains("Armed Conflict Location &amp; Event Data (ACLED)");
  }

  @Test
  void figuresJsonHoldsTheStableIdsWithCitations() throws Exception {
    List<Figure> figures = FiguresJson.read(Files.readString(written.figuresJson()));
    assertThat(figures).isEqualTo(brief.figures());
    Set<String> seen = new HashSet<>();
    for (Figure f : figures) {
      seen.add(f.id());
      if (f.id().equals("events.violence_against_civilians.state_forces")) {
        assertThat(f.getValue()).isEqualTo(18);
        assertThat(f.citation().recordCount()).isEqualTo(18);
        assertThat(f.citation().eventIds()).hasSize(18);
        assertThat(f.citation().sources().get(0).sha256()).hasSize(64);
        assertThat(f.period().from()).isEqualTo(LocalDate.of(2018, 1, 1));
      }
    }
    for (String id :
        new String[] {
          "events.total",
          "fatalities.total",
          "events.violence_against_civilians",
          "fatalities.violence_against_civilians",
          "events.violence_against_civilians.state_forces",
          "fatalities.violence_against_civilians.state_forces"
        }) {
      assertThat(seen).contains(id, "change." + id);
    }
  }

  @Test
  void thePdfCarriesTheNumbersNotesAndAttribution() throws Exception {
    try (PDDocument pdf = Loader.loadPDF(written.pdf().toFile())) {
      String all = new PDFTextStripper().getText(pdf);

      assertThat(pdf.getNumberOfPages()).isGreaterThan(2);
      assertThat(all.replaceAll("\\s+", " "))
          .contains("757 events")
          .contains("93 deaths")
          .contains("Sources and notes")
          .contains("Armed Conflict Location & Event Data (ACLED)")
          .doesNotContain("SYNTHETIC");
    }
  }
}
