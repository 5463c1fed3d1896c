package org.harmattan.briefs.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.harmattan.briefs.model.Brief;
import org.harmattan.domain.figure.Figure;
import org.junit.jupiter.api.Test;

class FiguresJsonTest {

  private final Brief brief = SampleBrief.brief();
  private final String json = FiguresJson.write(brief);

  @Test
  void isAnObjectOfSharedTablesAndFiguresWithTheDocumentedFields() throws Exception {
    JsonNode root = new ObjectMapper().readTree(json);
    assertThat(fieldNames(root))
        .containsExactly(
            "format",
            "synthetic",
            "period",
            "sources",
            "events",
            "citations",
            "filters",
            "conditions",
            "queries",
            "figures");
    assertThat(root.get("format").asText()).isEqualTo(FiguresJson.FORMAT);
    assertThat(root.get("synthetic").asBoolean()).isTrue();
    assertThat(root.get("figures")).hasSize(brief.figures().size());

    JsonNode total = root.get("figures").get(0);
    // The window is the brief's: the figure leaves it to the top-level "period".
    assertThat(fieldNames(total))
        .containsExactly("id", "label", "value", "unit", "filters", "query", "citation");
    assertThat(total.get("value").isIntegralNumber()).isTrue();
    JsonNode citation = root.get("citations").get(total.get("citation").asText());
    assertThat(fieldNames(citation))
        .containsExactly("sources", "recordCount", "events", "accessed");
    assertThat(citation.get("accessed").asText()).isEqualTo("2024-05-02");
    JsonNode source = root.get("sources").get(citation.get("sources").get(0).asText());
    assertThat(fieldNames(source))
        .containsExactly("system", "dataset", "sha256", "licence", "accessed");

    JsonNode missing = root.get("figures").get(3);
    assertThat(fieldNames(missing))
        .containsExactly(
            "id", "label", "value", "unit", "comparison", "filters", "query", "note", "citation");
    assertThat(missing.get("value").isNull()).isTrue();
    assertThat(missing.get("comparison").get("to").asText()).isEqualTo("2017-12-31");
  }

  @Test
  void storesEveryEventIdAndEverySourceOnce() throws Exception {
    JsonNode root = new ObjectMapper().readTree(json);
    Set<String> cited = new HashSet<>();
    Set<List<String>> distinctLists = new HashSet<>();
    for (Figure f : brief.figures()) {
      cited.addAll(f.citation().eventIds());
      distinctLists.add(f.citation().eventIds());
    }
    List<String> events = new ArrayList<>();
    root.get("events").forEach(e -> events.add(e.asText()));
    assertThat(events).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(cited);
    assertThat(root.get("sources")).hasSize(1);
    assertThat(root.get("citations").size()).isLessThanOrEqualTo(brief.figures().size());
    assertThat(root.get("citations").size()).isGreaterThanOrEqualTo(distinctLists.size());
    // 757 consecutive ids are one run, not 757 numbers.
    JsonNode total = root.get("citations").get(root.get("figures").get(0).get("citation").asText());
    assertThat(total.get("events")).hasSize(1);
    assertThat(
            total.get("events").get(0).get(1).asInt() - total.get("events").get(0).get(0).asInt())
        .isEqualTo(756);
  }

  @Test
  void printsWholeNumbersWithoutAFraction() {
    assertThat(json)
        .contains("\"value\":757,")
        .contains("\"value\":61.2,")
        .contains("\"value\":null,")
        .doesNotContain("757.0")
        .doesNotContain("\r");
  }

  @Test
  void roundTripsEveryFigureWithItsCitation() {
    List<Figure> read = FiguresJson.read(json);
    assertThat(read).isEqualTo(brief.figures());
    for (int i = 0; i < read.size(); i++) {
      assertThat(read.get(i).citation().eventIds())
          .isEqualTo(brief.figures().get(i).citation().eventIds());
      assertThat(read.get(i).citation().sources())
          .isEqualTo(brief.figures().get(i).citation().sources());
    }
  }

  /** The sample's nine figures share less than a real brief's (Mali 2018: 5×, app's test). */
  @Test
  void isSmallerThanTheSameFiguresWrittenOneByOne() throws Exception {
    ArrayNode oneByOne = new ObjectMapper().createArrayNode();
    brief.figures().forEach(f -> oneByOne.add(FiguresJson.toNode(f, brief.synthetic())));
    int full =
        new ObjectMapper()
            .writerWithDefaultPrettyPrinter()
            .writeValueAsString(oneByOne)
            .getBytes(StandardCharsets.UTF_8)
            .length;
    assertThat(json.getBytes(StandardCharsets.UTF_8).length * 2).isLessThan(full);
  }

  @Test
  void readsTheEarlierArrayOfFullFigures() throws Exception {
    ArrayNode oneByOne = new ObjectMapper().createArrayNode();
    brief.figures().forEach(f -> oneByOne.add(FiguresJson.toNode(f, brief.synthetic())));
    assertThat(FiguresJson.read(oneByOne.toString())).isEqualTo(brief.figures());
  }

  @Test
  void aQueryTemplateGetsItsConditionBack() throws Exception {
    String condition =
        "country in [MLI] and period in [2018-01-01..2018-12-31] and source in [ACLED]";
    List<Figure> figures = new ArrayList<>();
    for (int i = 0; i < brief.figures().size(); i++) {
      Figure f = brief.figures().get(i);
      String query =
          i % 2 == 0
              ? "count events where " + condition + " grouped by [MONTH]; group month = 2018-1" + i
              : f.query();
      figures.add(
          new Figure(
              f.id(),
              f.label(),
              f.value(),
              f.unit(),
              f.period(),
              f.comparison(),
              f.filters(),
              query,
              f.citation(),
              f.note(),
              f.vintage(),
              f.denominator()));
    }
    Brief engineQueries =
        new Brief(
            brief.title(),
            brief.countryIso3(),
            brief.countryName(),
            brief.period(),
            brief.comparison(),
            brief.synthetic(),
            brief.sections(),
            figures,
            brief.attribution(),
            brief.generatedAt());
    String written = FiguresJson.write(engineQueries);
    JsonNode root = new ObjectMapper().readTree(written);
    assertThat(root.get("conditions")).hasSize(1);
    assertThat(root.get("conditions").get("w1").asText()).isEqualTo(condition);
    assertThat(FiguresJson.read(written)).isEqualTo(figures);
    boolean templated = false;
    for (JsonNode q : root.get("queries")) {
      if (q.isObject()) {
        templated = true;
        assertThat(q.get("text").asText()).contains("{where}");
        assertThat(root.get("conditions").has(q.get("where").asText())).isTrue();
      }
    }
    assertThat(templated).as("the sample's count queries share their condition").isTrue();
  }

  @Test
  void anUnknownShapeIsRefusedWithTheExpectedFormat() {
    assertThatThrownBy(() -> FiguresJson.read("{\"figures\": []}"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(FiguresJson.FORMAT);
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
