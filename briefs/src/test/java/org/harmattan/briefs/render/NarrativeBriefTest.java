package org.harmattan.briefs.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import org.harmattan.analytics.indicators.SecurityIndicators;
import org.harmattan.analytics.indicators.SecurityRequest;
import org.harmattan.briefs.MaliStore;
import org.harmattan.briefs.assemble.BriefBuilder;
import org.harmattan.briefs.model.Brief;
import org.harmattan.briefs.model.Section;
import org.harmattan.briefs.narrative.Narrative;
import org.harmattan.domain.event.SourceSystem;
import org.harmattan.domain.figure.Period;
import org.harmattan.engine.duckdb.DuckDbStore;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The analyst's narrative merged into the Mali 2018 brief (real files): its numbers are checked
 * against the brief's figures, whose values the golden test computes from the raw files (757
 * events, 1,762 deaths, 93 deaths by state forces against civilians against 26 in 2017).
 */
class NarrativeBriefTest {
  @TempDir static Path dir;
  private static Brief brief;
  private static String html;
  private static String md;
  private static JsonNode json;

  private static final String TEXT =
      String.join(
          "\n",
          "## Key judgements",
          "",
          "In 2018 the conflict spread: [757 events](figure:events.total) and"
              + " [2,500 deaths](figure:fatalities.total) across 40 villages.",
          "",
          "- State forces killed civilians more often:"
              + " [+258 %](figure:change.fatalities.violence_against_civilians.state_forces)"
              + " on 2017 (since 3 December the army has",
          "  said otherwise).",
          "- About [1,800 deaths](figure:fatalities.total \"3%\") in all.",
          "- [12 attacks](figure:attacks.total) on convoys.",
          "",
          "## Recommendations",
          "",
          "Keep watching the centre.");

  @BeforeAll
  static void build() throws Exception {
    Period y2018 = new Period(LocalDate.of(2018, 1, 1), LocalDate.of(2018, 12, 31));
    SecurityRequest request =
        new SecurityRequest(
            "MLI", y2018, y2018.inYear(2017), Set.of(SourceSystem.ACLED), MaliStore.TODAY);
    try (DuckDbStore store = MaliStore.open()) {
      brief =
          new BriefBuilder(
                  SecurityIndicators.compute(store.analytics(), request),
                  "Mali",
                  false,
                  Instant.parse("2026-11-26T00:00:00Z"))
              .narrative(Narrative.parse(TEXT, "mali-2018.md"))
              .build();
    }
    BriefWriter.Written w = BriefWriter.write(brief, dir.resolve("brief"));
    html = RenderTestSupport.normalisedText(Files.readString(w.html(), StandardCharsets.UTF_8));
    md = Files.readString(w.markdown(), StandardCharsets.UTF_8);
    json = new ObjectMapper().readTree(w.figuresJson().toFile());
  }

  @Test
  void theAnalystsPartsFollowTheSummaryMarkedApart() {
    assertThat(brief.sections())
        .extracting(Section::title)
        .startsWith(
            "Summary",
            "Analyst's assessment: Key judgements",
            "Analyst's assessment: Recommendations");
    assertThat(html)
        .contains(
            "Written by the analyst (mali-2018.md), not computed by Harmattan. 5 numbers in it are"
                + " tied to the brief's figures and checked against them: 3 supported, 1"
                + " contradicted, 1 not computable; 1 other number is not tied to a figure and not"
                + " checked: \u201c40\u201d.");
  }

  @Test
  void eachTiedNumberCarriesItsCheckAndCitation() {
    String numbered = md.replaceAll("\\[\\^\\d+\\]", "[^n]");
    assertThat(numbered)
        .contains(
            "757 events[^n] and 2,500 deaths[^n] *[contradicted: the data give 1,762 deaths]*")
        .contains("+258 %[^n] on 2017")
        .contains("About 1,800 deaths[^n] in all.")
        .contains(
            "12 attacks *[not computable: the brief computes no figure 'attacks.total' (its"
                + " figures are in figures.json)]*");
    assertThat(html)
        .contains(
            "Claim check: the analyst's text states 2 numbers that the data"
                + " contradict, date from an older edition or cannot compute");
    // The figures the analyst cites are cited in figures.json like any other.
    assertThat(json.get("figures").findValuesAsText("id")).contains("fatalities.total");
  }
}
