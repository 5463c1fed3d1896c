package org.harmattan.briefs.narrative;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.List;
import org.harmattan.briefs.model.Block;
import org.harmattan.briefs.model.Inline;
import org.harmattan.domain.error.HarmattanException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading the analyst's Markdown: parts, tied numbers, and numbers as written. */
class NarrativeTest {
  @TempDir Path dir;

  @Test
  void headingsStartPartsAndFigureLinksTieNumbers() {
    Narrative n =
        Narrative.parse(
            String.join(
                "\n",
                "Opening words.",
                "",
                "## Key judgements",
                "",
                "Violence *rose*: [1,762 deaths](figure:fatalities.total \"2%\") in the year.",
                "",
                "- first [757 events](figure:events.total)",
                "  - nested, see [ACLED](https://acleddata.com)",
                "",
                "## Recommendations",
                "",
                "Keep `watching`."),
            "mali.md");

    assertThat(n.parts())
        .extracting(Narrative.Part::title)
        .containsExactly("", "Key judgements", "Recommendations");
    List<Inline> para = ((Block.Paragraph) n.parts().get(1).blocks().get(0)).parts();
    assertThat(para.get(0)).isEqualTo(Inline.text("Violence rose: "));
    Inline.Stated deaths = (Inline.Stated) para.get(1);
    assertThat(deaths.text()).isEqualTo("1,762 deaths");
    assertThat(deaths.figureId()).isEqualTo("fatalities.total");
    assertThat(deaths.tolerance()).isEqualTo("2%");
    assertThat(deaths.line()).isEqualTo(5);
    assertThat(deaths.check()).isNull();
    Block.Bullets list = (Block.Bullets) n.parts().get(1).blocks().get(1);
    assertThat(list.items()).hasSize(2);
    assertThat(list.items().get(1))
        .containsExactly(Inline.text("nested, see ACLED (https://acleddata.com)"));
    assertThat(n.parts().get(2).blocks())
        .containsExactly(new Block.Paragraph(List.of(Inline.text("Keep watching."))));
  }

  @Test
  void aFigureLinkWithoutAnIdOrAnEmptyFileIsAUserError() {
    assertThatThrownBy(() -> Narrative.parse("x\n\nsee [3 towns](figure:)", "a.md"))
        .isInstanceOf(HarmattanException.class)
        .hasMessageContaining("a.md, line 3: the link \"3 towns\" names no figure");
    assertThatThrownBy(() -> Narrative.parse("  \n", "b.md"))
        .isInstanceOf(HarmattanException.class)
        .hasMessageContaining("b.md is empty");
    assertThatThrownBy(() -> Narrative.read(dir.resolve("missing.md")))
        .isInstanceOf(HarmattanException.class)
        .hasMessageContaining("missing.md: no such file");
  }

  @Test
  void numbersAreReadWithThePrecisionTheyAreWrittenWith() {
    WrittenNumbers.Written m = WrittenNumbers.first("6.4 million people").orElseThrow();
    assertThat(m.value()).isCloseTo(6_400_000, within(1e-6));
    assertThat(m.halfUnit()).isCloseTo(50_000, within(1e-6));
    WrittenNumbers.Written p = WrittenNumbers.first("a rise of +61 % on 2023").orElseThrow();
    assertThat(p.value()).isEqualTo(61);
    assertThat(p.percent()).isTrue();
    assertThat(WrittenNumbers.first("\u221212.5% fewer").orElseThrow().value()).isEqualTo(-12.5);
    assertThat(WrittenNumbers.first("1,021 deaths").orElseThrow().value()).isEqualTo(1021);
    assertThat(WrittenNumbers.first("3.5k displaced").orElseThrow().value()).isEqualTo(3500);
    assertThat(WrittenNumbers.first("no number")).isEmpty();
  }

  @Test
  void yearsAndDaysOfDatesAreNotQuantities() {
    assertThat(
            WrittenNumbers.quantities(
                "On 3 December 2018 and December 4, 2019, 40 villages and 27 % of 1,200 homes"))
        .containsExactly("40", "27 %", "1,200");
  }
}
