package org.harmattan.briefs.render;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MarkdownRendererTest {

  private final String md = MarkdownRenderer.render(SampleBrief.brief());

  @Test
  void startsWithTheSyntheticBanner() {
    assertThat(md).startsWith("> **SYNTHETIC DATA \u2014 NOT REAL EVENTS**\n");
  }

  @Test
  void printsFiguresWithFootnotesAndDefinesEveryNote() {
    assertThat(md)
        .contains("ACLED recorded 757 events[^1] of political violence")
        .contains("1,762 deaths[^2]")
        .contains("+61 %[^3] on 2017")
        .contains("n/a (2017 fatalities are under review, so no change is computed)[^4]");
    for (int n = 1; n <= SampleBrief.brief().citedFigures().size(); n++) {
      assertThat(md).contains("\n[^" + n + "]: **");
    }
    // One method section (the brief's own); the source statement opens the sources and notes.
    assertThat(md).doesNotContain("## Sources and method");
    assertThat(md.indexOf("Armed Conflict Location & Event Data Project (ACLED)"))
        .isGreaterThan(md.indexOf("## Sources and notes"));
    assertThat(md).contains("| S1 | ACLED | `acled_sahel_synthetic_2017_2018.csv` | `3f2a9c41d07b");
    assertThat(md).contains("Armed Conflict Location & Event Data Project (ACLED)");
  }

  @Test
  void writesGfmTablesAndChartImages() {
    assertThat(md)
        .contains("| Measure | 2018 | Change vs 2017 |\n| --- | ---: | ---: |\n")
        .contains("| Events | 757[^1] | +61 %[^3] |")
        .contains("![Figure 1. Events by actor, 2018](charts/events-by-actor.svg)")
        .contains(
            "![Figure 2. Events per month, October\u2013December 2018](charts/events-monthly.svg)")
        .contains("October 2018 58[^7]; November 2018 62[^8]; December 2018 71[^9]");
  }

  @Test
  void escapesMarkdownMetacharacters() {
    assertThat(md)
        .contains(
            "Ménaka & Gao \\<north\\> saw \"most\" of the 'clashes' \\| \\*not\\* \\[all\\].");
  }

  @Test
  void aCodeSpanIsFencedByOneBacktickMoreThanTheLongestRunInside() {
    assertThat(MarkdownRenderer.code("acled.csv")).isEqualTo("`acled.csv`");
    assertThat(MarkdownRenderer.code("a`b")).isEqualTo("``a`b``");
    // Two backticks used to close the span early: "`` a``b ``" ended after "a".
    assertThat(MarkdownRenderer.code("MLI``9901")).isEqualTo("```MLI``9901```");
    assertThat(MarkdownRenderer.code("x ```` y")).isEqualTo("`````x ```` y`````");
    // A backtick at an end, or a space at both, is padded; the reader strips one space each side.
    assertThat(MarkdownRenderer.code("`tick")).isEqualTo("`` `tick ``");
    assertThat(MarkdownRenderer.code(" both ")).isEqualTo("`  both  `");
    assertThat(MarkdownRenderer.code("line\nbreak")).isEqualTo("`line break`");
  }

  @Test
  void aCodeSpanInATableCellEscapesItsPipes() {
    assertThat(MarkdownRenderer.cellCode("a|b``c")).isEqualTo("```a\\|b``c```");
  }
}
