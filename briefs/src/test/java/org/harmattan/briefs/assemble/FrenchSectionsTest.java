package org.harmattan.briefs.assemble;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.harmattan.analytics.advisories.AdvisoryPicture;
import org.harmattan.briefs.model.Block;
import org.harmattan.briefs.model.Inline;
import org.harmattan.briefs.model.Section;
import org.harmattan.domain.context.Timeline;
import org.harmattan.domain.figure.Figure;
import org.harmattan.domain.figure.Period;
import org.harmattan.domain.text.Language;
import org.harmattan.ingest.advisories.AdvisoryFiles;
import org.harmattan.reference.timeline.CaseFiles;
import org.harmattan.testsupport.BundleLint;
import org.junit.jupiter.api.Test;

/** The political timeline and travel advisories written in French; their bundles' twins. */
class FrenchSectionsTest {
  private static final Path FIXTURES = Path.of("../ingest/src/test/resources/advisories");
  private static final Period WINDOW =
      new Period(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 10, 31));

  @Test
  void theBundlesOfThesePartsHaveTheirFrenchTwins() {
    for (String name : List.of("humanitarian", "advisories", "political", "outlook", "narrative")) {
      assertThat(BundleLint.problems("org/harmattan/briefs/text/" + name, "fr")).as(name).isEmpty();
    }
  }

  @Test
  void thePoliticalTimelineIsWrittenInFrenchAroundTheCaseFilesOwnTitles() {
    Timeline t = CaseFiles.shipped(CaseFiles.MALI);
    PoliticalSection.Result r = PoliticalSection.build(t, WINDOW, WINDOW.to(), Language.FR);
    String text = text(r.section());
    assertThat(r.section().title()).isEqualTo("Chronologie politique");
    assertThat(text)
        .contains("Le dossier " + CaseFiles.MALI + " recense ")
        .contains("du 1er janvier 2024 au 31 octobre 2025")
        .contains("Avant la période\u00a0: ")
        // The case file gives its entries' titles in French too.
        .contains(
            "17 septembre 2024, Attaque contre l’école de gendarmerie et l’aéroport de Bamako")
        .doesNotContain("Before the window", "The case file", "not confirmed");
    Block.Table table = table(r.section());
    assertThat(table.headers()).containsExactly("Date", "Événement", "Source");
    assertThat(table.caption())
        .isEqualTo("Chronologie politique, du 1er janvier 2025 au 31 octobre 2025");
  }

  @Test
  void theTravelAdvisoriesAreWrittenInFrenchAroundTheGovernmentsWords() {
    List<String> files =
        List.of(
            "uk-mali-2025-06.json",
            "uk-mali-2025-09.json",
            "us-tastws-2025-10-01.xml",
            "us-tastws-2025-10-31.xml");
    AdvisoryPicture picture =
        AdvisoryPicture.of(
            "MLI",
            files.stream().map(n -> AdvisoryFiles.read(FIXTURES.resolve(n), "MLI")).toList(),
            Language.FR);
    AdvisorySection.Result r = AdvisorySection.build(picture, WINDOW, Language.FR);
    String text = text(r.section());
    assertThat(r.section().title()).isEqualTo("Conseils aux voyageurs");
    assertThat(text)
        .contains("4 déconseillé formellement")
        .contains("Royaume-Uni (FCDO)")
        .contains("Modifications détectées entre instantanés dans la période\u00a0: ")
        .contains("«\u00a0Kayes region\u00a0»\u00a0: ajout au niveau 4 (avoid all travel to parts)")
        .doesNotContain("Whole country", "raised from", "Changes detected", "United Kingdom");
    assertThat(table(r.section()).headers())
        .containsExactly("Zone", "Niveau (1–4)", "Termes du gouvernement", "Date", "Source");
    assertThat(r.figures())
        .extracting(Figure::label)
        .contains("Royaume-Uni (FCDO)\u00a0: niveau pour l’ensemble du pays");
    // English stays as it was.
    AdvisorySection.Result en =
        AdvisorySection.build(
            AdvisoryPicture.of(
                "MLI",
                files.stream().map(n -> AdvisoryFiles.read(FIXTURES.resolve(n), "MLI")).toList()),
            WINDOW);
    assertThat(text(en.section()))
        .contains("Changes detected between snapshots in the window: ")
        .contains("Kayes region added at level 4");
  }

  static Block.Table table(Section s) {
    return s.blocks().stream()
        .filter(Block.Table.class::isInstance)
        .map(Block.Table.class::cast)
        .findFirst()
        .orElseThrow();
  }

  /** The section's words: its paragraphs, bullets and tables' cells, figures as their ids. */
  static String text(Section s) {
    List<String> out = new ArrayList<>();
    for (Block b : s.blocks()) {
      if (b instanceof Block.Paragraph p) {
        out.add(words(p.parts()));
      } else if (b instanceof Block.Bullets l) {
        l.items().forEach(i -> out.add(words(i)));
      } else if (b instanceof Block.Table t) {
        out.add(t.caption());
        t.rows().forEach(row -> row.forEach(cell -> out.add(words(cell))));
      }
    }
    return String.join("\n", out);
  }

  private static String words(List<Inline> parts) {
    StringBuilder b = new StringBuilder();
    for (Inline i : parts) {
      b.append(i instanceof Inline.Text t ? t.text() : "[" + i + "]");
    }
    return b.toString();
  }
}
