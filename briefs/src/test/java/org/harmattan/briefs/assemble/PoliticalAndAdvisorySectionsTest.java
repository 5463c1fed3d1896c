package org.harmattan.briefs.assemble;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.harmattan.analytics.advisories.AdvisoryPicture;
import org.harmattan.briefs.model.Block;
import org.harmattan.briefs.model.Inline;
import org.harmattan.domain.context.Timeline;
import org.harmattan.domain.figure.Figure;
import org.harmattan.domain.figure.Period;
import org.harmattan.ingest.advisories.AdvisoryFiles;
import org.harmattan.reference.timeline.CaseFiles;
import org.junit.jupiter.api.Test;

class PoliticalAndAdvisorySectionsTest {
  private static final Path FIXTURES = Path.of("../ingest/src/test/resources/advisories");
  private static final Period WINDOW =
      new Period(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 10, 31));

  @Test
  void politicalSectionCountsEntriesCitesTheCaseFileAndMarksTheChart() {
    Timeline t = CaseFiles.shipped(CaseFiles.MALI);
    PoliticalSection.Result r = PoliticalSection.build(t, WINDOW);
    Map<String, Figure> f =
        r.figures().stream().collect(Collectors.toMap(Figure::id, Function.identity()));
    long expectedShown =
        t.entries().stream()
            .filter(
                e -> !e.date().isBefore(LocalDate.of(2024, 1, 1)) && !e.date().isAfter(WINDOW.to()))
            .count();
    long expectedWindow = t.entries().stream().filter(e -> WINDOW.contains(e.date())).count();
    assertThat(f.get(PoliticalSection.ENTRIES).getValue()).isEqualTo((double) expectedShown);
    assertThat(f.get(PoliticalSection.ENTRIES_WINDOW).getValue())
        .isEqualTo((double) expectedWindow);
    Figure all = f.get(PoliticalSection.ENTRIES);
    assertThat(all.citation().sources())
        .singleElement()
        .satisfies(
            s -> {
              assertThat(s.dataset()).isEqualTo(CaseFiles.MALI);
              assertThat(s.sha256()).isEqualTo(t.sha256());
            });
    assertThat(all.citation().eventIds())
        .contains("bamako-attack-2024-09", "parties-dissolved-2025-05");
    // The window's entries are marked and listed; those of the year before in one line.
    assertThat(r.annotations()).hasSize((int) expectedWindow);
    assertThat(r.annotations())
        .allSatisfy(a -> assertThat(WINDOW.contains(LocalDate.parse(a.date()))).isTrue());
    Block.Table table =
        r.section().blocks().stream()
            .filter(Block.Table.class::isInstance)
            .map(Block.Table.class::cast)
            .findFirst()
            .orElseThrow();
    assertThat(table.rows()).hasSize((int) expectedWindow);
    assertThat(((Block.Paragraph) r.section().blocks().get(1)).parts())
        .singleElement()
        .satisfies(
            p ->
                assertThat(((Inline.Text) p).text())
                    .startsWith("Before the window: ")
                    .contains(
                        "17 September 2024, Attack on Bamako gendarmerie school and airport"));
    // Numbers in the text are figure references, not formatted strings.
    Block.Paragraph p = (Block.Paragraph) r.section().blocks().get(0);
    assertThat(p.parts())
        .contains(
            Inline.number(PoliticalSection.ENTRIES),
            Inline.number(PoliticalSection.ENTRIES_WINDOW));
  }

  @Test
  void advisorySectionGivesALevelFigurePerGovernmentAndTheChanges() {
    List<String> files =
        List.of(
            "uk-mali-2025-06.json",
            "uk-mali-2025-09.json",
            "uk-mali-2025-11.json",
            "us-tastws-2025-10-01.xml",
            "us-tastws-2025-10-31.xml",
            "de-travelwarning-mali-2025-06.json",
            "de-travelwarning-mali-2025-11.json");
    AdvisoryPicture picture =
        AdvisoryPicture.of(
            "MLI",
            files.stream().map(n -> AdvisoryFiles.read(FIXTURES.resolve(n), "MLI")).toList());
    AdvisorySection.Result r = AdvisorySection.build(picture, WINDOW);
    Map<String, Figure> f =
        r.figures().stream().collect(Collectors.toMap(Figure::id, Function.identity()));
    assertThat(f.get("advisories.uk.level").getValue()).isEqualTo(4.0);
    assertThat(f.get("advisories.uk.level").vintage()).isEqualTo(LocalDate.of(2025, 11, 4));
    assertThat(f.get("advisories.uk.level").citation().sources().get(0).dataset())
        .isEqualTo("uk-mali-2025-11.json");
    assertThat(f.get("advisories.uk.level").citation().sources().get(0).sha256()).hasSize(64);
    assertThat(f.get("advisories.us.level").getValue()).isEqualTo(4.0);
    assertThat(f.get("advisories.de.level").getValue()).isEqualTo(4.0);
    // In the window (to 31 October): UK June->September (1 change) and US (1). The UK and German
    // November changes fall after it.
    assertThat(f.get(AdvisorySection.CHANGES).getValue()).isEqualTo(2.0);
    assertThat(r.section().blocks()).filteredOn(Block.Table.class::isInstance).hasSize(3);
    // Every figure reference in the section names a figure the section supplies.
    r.section().blocks().stream()
        .filter(Block.Table.class::isInstance)
        .map(Block.Table.class::cast)
        .flatMap(t -> t.rows().stream())
        .flatMap(List::stream)
        .flatMap(List::stream)
        .filter(Inline.FigureRef.class::isInstance)
        .forEach(i -> assertThat(f).containsKey(((Inline.FigureRef) i).figureId()));
  }
}
