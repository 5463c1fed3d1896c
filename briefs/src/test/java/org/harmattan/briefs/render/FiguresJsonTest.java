package org.harmattan.briefs.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.harmattan.briefs.model.Brief;
import org.junit.jupiter.api.Test;

class FiguresJsonTest {

  private final Brief brief = SampleBrief.brief();
  private final String json = FiguresJson.write(brief);

  @Test
  void isAnArrayOfFiguresWithExactlyTheDocumentedFields() throws Exception {
    JsonNode root = new ObjectMapper().readTree(json);
    assertThat(root.isArray()).isTrue();
    assertThat(root).hasSize(brief.figures().size());
    JsonNode total = root.get(0);
    assertThat(fieldNames(total))
        .containsExactly(
            "id", "label", "value", "unit", "period", "filters", "query", "citation", "synthetic");
    assertThat(fieldNames(total.get("citation")))
        .containsExactly("sources", "recordCount", "eventIds", "accessed");
    assertThat(fieldNames(total.get("citation").get("sources").get(0)))
        .containsExactly("system", "dataset", "sha256");
    assertThat(total.get("value").isIntegralNumber()).isTrue();
    assertThat(total.get("period").get("from").asText()).isEqualTo("2018-01-01");
    assertThat(total.get("citation").get("accessed").asText()).isEqualTo("2024-05-02");
    assertThat(total.get("citation").get("eventIds")).hasSize(757);
    assertThat(total.get("synthetic").asBoolean()).isTrue();

    JsonNode missing = root.get(3);
    assertThat(fieldNames(missing))
        .containsExactly(
            "id",
            "label",
            "value",
            "unit",
            "period",
            "comparison",
            "filters",
            "query",
            "note",
            "citation",
            "synthetic");
    assertThat(missing.get("value").isNull()).isTrue();
    assertThat(missing.get("comparison").get("to").asText()).isEqualTo("2017-12-31");
  }

  @Test
  void printsWholeNumbersWithoutAFraction() {
    assertThat(json)
        .contains("\"value\" : 757,")
        .contains("\"value\" : 61.2,")
        .contains("\"value\" : null,")
        .doesNotContain("757.0")
        .doesNotContain("\r");
  }

  @Test
  void roundTrips() {
    assertThat(FiguresJson.read(json)).isEqualTo(brief.figures());
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
