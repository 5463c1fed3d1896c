package org.harmattan.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.harmattan.testsupport.PlainCsv;
import org.harmattan.testsupport.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code harmattan ingest} on humanitarian tables, end to end through the command line. */
class HumanitarianIngestCommandTest {
  @TempDir Path dir;

  @Test
  void dtmRound72XlsxReportsItsRowsAsJson() throws Exception {
    Path xlsx = SharedData.require("iom_dtm_mali/dtm_mali_baseline_assessment_round_72__hxl.xlsx");
    Path csv =
        SharedData.require("iom_dtm_mali/dtm_mali_baseline_assessment_round_72__hxl.converted.csv");
    int rawRows = PlainCsv.readMaps(csv, 1).size();
    String store = dir.resolve("s.duckdb").toString();
    CliRun run = CliRun.of("ingest", "--store", store, "--json", xlsx.toString());
    assertThat(run.code()).as(run.err()).isZero();
    JsonNode file = new ObjectMapper().readTree(run.out()).get("files").get(0);
    assertThat(file.get("format").asText()).isEqualTo("iom-dtm");
    assertThat(file.get("rowsRead").asLong()).isEqualTo(rawRows).isEqualTo(56);
    assertThat(file.get("inserted").asLong() + file.get("quarantined").asLong())
        .isEqualTo(file.get("rowsRead").asLong());
    assertThat(file.get("observations").asLong()).isEqualTo(56);

    CliRun text = CliRun.of("ingest", "--store", store, xlsx.toString());
    assertThat(text.out())
        .contains("56 rows read: 0 inserted, 0 updated, 56 unchanged, 0 quarantined");
    CliRun status = CliRun.of("status", "--store", store);
    assertThat(status.out()).contains("56 humanitarian observations");
  }

  @Test
  void checkClaimsRecomputesAHumanitarianFigureFromTheStore() throws Exception {
    Path xlsx = SharedData.require("iom_dtm_mali/dtm_mali_baseline_assessment_round_72__hxl.xlsx");
    Path csv =
        SharedData.require("iom_dtm_mali/dtm_mali_baseline_assessment_round_72__hxl.converted.csv");
    long idps = 0;
    for (var row : PlainCsv.readMaps(csv, 1)) {
      idps += Long.parseLong(row.get("Total No# of IDPs Ind#").strip());
    }
    String store = dir.resolve("s.duckdb").toString();
    assertThat(CliRun.of("ingest", "--store", store, xlsx.toString()).code()).isZero();
    Path claims = dir.resolve("claims.yaml");
    java.nio.file.Files.writeString(
        claims,
        String.join(
            "\n",
            "claims:",
            "  - {id: idps, text: 'IDPs', figure: humanitarian.idps, country: MLI,",
            "     from: 2021-01-01, to: 2021-12-31, value: " + idps + ", tolerance: 0}",
            "  - {id: idps-wrong, text: 'IDPs', figure: humanitarian.idps, country: MLI,",
            "     from: 2021-01-01, to: 2021-12-31, value: " + (idps + 1000) + ", tolerance: 0}",
            "  - {id: too-early, text: 'IDPs', figure: humanitarian.idps, country: MLI,",
            "     from: 2020-01-01, to: 2020-12-31, value: 1, tolerance: 0}",
            "  - {id: later, text: 'IDPs in 2025', figure: humanitarian.idps, country: MLI,",
            "     from: 2025-01-01, to: 2025-10-31, value: " + (idps + 1000) + ", tolerance: 0}",
            "  - {id: relative, text: 'IDPs', figure: humanitarian.idps, country: MLI,",
            "     from: 2021-01-01, to: 2021-12-31, value: " + (idps + 1000) + ", tolerance: 1%}",
            ""),
        java.nio.charset.StandardCharsets.UTF_8);
    CliRun run = CliRun.of("check-claims", "--store", store, "--json", claims.toString());
    assertThat(run.code()).as("a contradicted claim exits 1").isEqualTo(1);
    JsonNode results = new ObjectMapper().readTree(run.out()).get("claims");
    assertThat(results.get(0).get("verdict").asText()).isEqualTo("supported");
    assertThat(results.get(0).get("computed").asLong()).isEqualTo(idps).isEqualTo(401_736);
    assertThat(results.get(1).get("verdict").asText()).isEqualTo("contradicted");
    assertThat(results.get(2).get("verdict").asText()).isEqualTo("not_computable");
    assertThat(results.get(2).get("reason").asText()).contains("dated on or before it");
    // The round of 2021 is the latest edition the store holds for 2025: it is older than the
    // claim's window, so the claim is stale, not contradicted, and the reason names both dates.
    JsonNode later = results.get(3);
    assertThat(later.get("verdict").asText()).isEqualTo("stale");
    assertThat(later.get("computed").asLong()).isEqualTo(idps);
    assertThat(later.get("reason").asText())
        .contains("dated " + later.get("vintage").asText(), "2025-01-01 to 2025-10-31")
        .contains("does not give the stated value");
    assertThat(later.get("vintage").asText()).startsWith("2021");
    // 1,000 above 401,736 is 0.25 %: within a tolerance of 1 % of the stated value.
    assertThat(results.get(4).get("verdict").asText()).isEqualTo("supported");
    assertThat(results.get(4).get("tolerance").get("relative").asBoolean()).isTrue();
    CliRun text = CliRun.of("check-claims", "--store", store, claims.toString());
    assertThat(text.out())
        .contains("STALE          later: IDPs in 2025")
        .contains("tolerance 1 % (4,027.4 people)");
  }

  @Test
  void aBadRowOfAHandMadeTableIsListedInTheQuarantine() {
    Path bad = SharedData.fixture("hxl/dtm-bad-number-and-date.csv");
    String store = dir.resolve("s.duckdb").toString();
    CliRun run = CliRun.of("ingest", "--store", store, bad.toString());
    assertThat(run.code()).as(run.err()).isZero();
    assertThat(run.out())
        .contains("3 rows read: 1 inserted, 0 updated, 0 unchanged, 2 quarantined");
    CliRun q = CliRun.of("quarantine", "--store", store);
    assertThat(q.out())
        .contains("dtm-bad-number-and-date.csv line 4, column Total No# of IDPs Ind#")
        .contains("\"many\"")
        .contains("raw: 2021/09/30,Mali,MLI,Mopti,MLI05,Bankass");
  }
}
