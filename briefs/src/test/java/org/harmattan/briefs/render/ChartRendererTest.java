package org.harmattan.briefs.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.harmattan.briefs.model.Block;
import org.harmattan.briefs.model.Brief;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

class ChartRendererTest {

  private final Brief brief = SampleBrief.brief();
  private final List<Block.Chart> charts = ChartRenderer.charts(brief);

  @Test
  void drawsSvgWithAViewBoxAndNoNumericSize() throws Exception {
    for (Block.Chart c : charts) {
      String svg = ChartRenderer.toSvg(c, brief);
      Element root = RenderTestSupport.parseXml(svg).getDocumentElement();
      assertThat(root.getLocalName()).isEqualTo("svg");
      assertThat(root.getAttribute("viewBox")).matches("0 0 720 \\d+");
      assertThat(root.hasAttribute("width")).isFalse();
      assertThat(root.hasAttribute("height")).isFalse();
      assertThat(svg).contains(c.caption());
    }
  }

  @Test
  void labelsBarsThroughFigureFormat() {
    String bars = ChartRenderer.toSvg(charts.get(0), brief);
    assertThat(bars).contains(">212<").contains(">1<").contains("JNIM").contains(">events<");
  }

  @Test
  void linesRunOverMonths() {
    String line = ChartRenderer.toSvg(charts.get(1), brief);
    // Within one year the ticks are month names, one per month.
    assertThat(line).contains(">Oct<").contains(">Nov<").contains(">Dec<");
    assertThat(line.split(">Nov<", -1)).as("one tick per month").hasSize(2);
  }

  @Test
  void twoBarsOfOneNameEachKeepTheirOwnValue() {
    // Both bars named alike: 212 (JNIM's figure) and 1 (the army's) must both be drawn.
    Block.Chart twins =
        new Block.Chart(
            "twins",
            Block.Kind.BAR,
            "Events by actor, 2018",
            "events",
            List.of(
                new Block.Series(
                    "Events",
                    List.of(
                        new Block.Point("Malian state forces", "events.actor.jnim"),
                        new Block.Point("Malian state forces", "events.actor.fama")))));
    String svg = ChartRenderer.toSvg(twins, brief);
    assertThat(svg).contains(">212<").contains(">1<").contains(">Malian state forces (2)<");
  }

  @Test
  void aValueTableOverTimeNamesEachPointsOwnMonth() {
    // The monthly figures' period is the whole year here: the label comes from the point.
    Block.Chart line = charts.get(1);
    Block.Chart overYear =
        new Block.Chart(
            "year-figure-per-month",
            Block.Kind.LINE,
            "c",
            "v",
            List.of(
                new Block.Series(
                    "s",
                    List.of(
                        new Block.Point("2018-10-01", "events.total"),
                        new Block.Point("2018-11-01", "events.total")))));
    List<String> labels = new java.util.ArrayList<>();
    for (Block.Point p : overYear.series().get(0).points()) {
      labels.add(
          FigureFormat.ENGLISH.pointLabel(
              overYear, p, brief.findFigure(p.figureId()).orElseThrow()));
    }
    assertThat(labels).containsExactly("October 2018", "November 2018");
    assertThat(line.kind().overTime()).isTrue();
  }

  @Test
  void leavesTheTitleToTheHtmlFigcaptionWhenAsked() {
    assertThat(ChartRenderer.toSvg(charts.get(0), brief, false)).doesNotContain(">Events by actor");
  }

  @Test
  void rejectsAPointNamingAnUnknownFigure() {
    Block.Chart bad =
        new Block.Chart(
            "x",
            Block.Kind.BAR,
            "c",
            "v",
            List.of(new Block.Series("s", List.of(new Block.Point("a", "no.such.figure")))));
    assertThatThrownBy(() -> ChartRenderer.toSvg(bad, brief))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no.such.figure");
  }

  @Test
  void drawsAnnotationsOnLineChartsAsLabelledMarkers() {
    Block.Chart line = charts.get(1);
    String first = line.series().get(0).points().get(0).label();
    String last =
        line.series().get(0).points().get(line.series().get(0).points().size() - 1).label();
    Block.Chart marked =
        line.annotate(
            List.of(
                new Block.Annotation(first.substring(0, 8) + "15", "Coup"),
                new Block.Annotation(last.substring(0, 8) + "02", "Parties dissolved"),
                new Block.Annotation("1990-01-01", "Outside the plotted months")));
    String svg = ChartRenderer.toSvg(marked, brief);
    assertThat(svg).contains(">Coup<").contains(">Parties dissolved<");
    assertThat(svg).doesNotContain("Outside the plotted months");
    assertThat(ChartRenderer.toSvg(line, brief)).doesNotContain(">Coup<");
  }

  @Test
  void rejectsAnAnnotationThatIsNotADate() {
    Block.Chart bad = charts.get(1).annotate(List.of(new Block.Annotation("June 2025", "x")));
    assertThatThrownBy(() -> ChartRenderer.toSvg(bad, brief))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("annotation date 'June 2025' is not yyyy-MM-dd");
  }
}
