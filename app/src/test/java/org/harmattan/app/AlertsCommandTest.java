package org.harmattan.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.harmattan.testsupport.SharedData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code harmattan alerts test} and {@code alerts run} on the real Mali export of 2017 to February
 * 2019, through the command line as a script calls it.
 */
class AlertsCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path dir;
  static String store;
  static Path rules;

  @BeforeAll
  static void ingest() throws Exception {
    Path acled = SharedData.require("acled/acled_mali_2017-01-01_2019-02-27__AC0519.csv");
    store = dir.resolve("store.duckdb").toString();
    assertThat(CliRun.of("ingest", "--store", store, acled.toString()).code()).isZero();
    rules = dir.resolve("rules.yaml");
    Files.writeString(
        rules,
        "rules:\n"
            + "  - {id: mali-surge, kind: acled-surge, countries: [MLI], severity: severe}\n"
            + "  - {id: mali-threat, kind: acled-threat, countries: [MLI], severity: moderate}\n");
  }

  @Test
  void theJsonOfAlertsTestKeepsTheContract() throws Exception {
    CliRun run =
        CliRun.of(
            "alerts",
            "test",
            rules.toString(),
            "--store",
            store,
            "--from",
            "2018-01-01",
            "--to",
            "2018-12-31",
            "--json");

    assertThat(run.code()).as(run.err()).isZero();
    JsonNode alerts = JSON.readTree(run.out()).get("alerts");
    assertThat(alerts.size()).isGreaterThan(20);
    List<String> kinds = new ArrayList<>();
    for (JsonNode a : alerts) {
      assertThat(a.fieldNames())
          .toIterable()
          .contains(
              "id", "rule", "kind", "date", "country", "admin1", "severity", "text", "figures");
      assertThat(a.get("date").asText()).startsWith("2018-");
      assertThat(a.get("country").asText()).isEqualTo("MLI");
      assertThat(a.get("admin1").asText()).isNotBlank();
      assertThat(a.get("figures").get(0).get("citation").get("recordCount").asInt())
          .isEqualTo(a.get("figures").get(0).get("value").asInt());
      kinds.add(a.get("kind").asText());
    }
    assertThat(kinds)
        .contains("acled-surge", "acled-threat")
        .containsOnly("acled-surge", "acled-threat");
  }

  @Test
  void aRunRecordsAlertsOnceAndAMistakeIsOneClearLine() throws Exception {
    Path copy = dir.resolve("run.duckdb");
    Files.copy(Path.of(store), copy);
    String[] args = {
      "alerts",
      "run",
      rules.toString(),
      "--store",
      copy.toString(),
      "--from",
      "2018-12-01",
      "--through",
      "2018-12-31",
      "--outbox",
      dir.resolve("outbox").toString()
    };
    CliRun first = CliRun.of(args);
    assertThat(first.code()).as(first.err()).isZero();
    assertThat(first.out()).containsPattern("[1-9][0-9]* new alerts?, 0 deliveries");
    try (var caps = Files.list(dir.resolve("outbox").resolve("cap"))) {
      assertThat(caps.count()).isPositive();
    }
    assertThat(dir.resolve("outbox").resolve("alerts.atom")).isRegularFile();
    CliRun again = CliRun.of(args);
    assertThat(again.out()).contains("0 new alerts, 0 deliveries");

    Path bad = dir.resolve("bad.yaml");
    Files.writeString(bad, "rules:\n  - {id: x, kind: surge, countries: [MLI], severity: minor}\n");
    CliRun wrong =
        CliRun.of(
            "alerts",
            "test",
            bad.toString(),
            "--store",
            store,
            "--from",
            "2018-01-01",
            "--to",
            "2018-01-31");
    assertThat(wrong.code()).isNotZero();
    assertThat(wrong.err()).contains("unknown kind 'surge'").doesNotContain("Exception");
  }
}
