package org.harmattan.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code harmattan ingest} on the VIEWS country-month file, end to end through the command line.
 */
class SeriesIngestCommandTest {
  /** Mali January and March 2019 (February missing), Niger January and a negative count. */
  private static final String VIEWS =
      "month_id,year,month,country_id,gwcode,isoab,name,ged_sb,source\n"
          + "469,2019,1,50,432,MLI,Mali,32,v2_actuals\n"
          + "469,2019,1,78,436,NER,Niger,4,v2_actuals\n"
          + "471,2019,3,50,432,MLI,Mali,5,v2_actuals\n"
          + "471,2019,3,78,436,NER,Niger,-2,v2_actuals\n";

  @TempDir Path dir;

  @Test
  void theTextReportGivesCountsWarningsAndQuarantinedRows() throws Exception {
    Path file = Files.writeString(dir.resolve("cm.csv"), VIEWS, StandardCharsets.UTF_8);
    String store = dir.resolve("s.duckdb").toString();

    CliRun run = CliRun.of("ingest", "--store", store, file.toString());

    assertThat(run.code()).as(run.err()).isZero();
    assertThat(run.out())
        .contains("format views-cm (VIEWS country-month fatalities")
        .contains("4 rows read: 3 inserted, 0 updated, 0 unchanged, 1 quarantined")
        .contains("series ged_sb by country: 2 units, 2019-01 to 2019-03")
        .contains("warning: Mali (country_id 50, MLI): no value for 2019-02 (1 month)")
        .contains("quarantined: cm.csv line 5, column ged_sb: \"-2\" is negative")
        .contains("harmattan quarantine");
    CliRun status = CliRun.of("status", "--store", store);
    assertThat(status.out()).contains("3 points of monthly series");
  }

  @Test
  void theJsonReportAddsUp() throws Exception {
    Path file = Files.writeString(dir.resolve("cm.csv"), VIEWS, StandardCharsets.UTF_8);
    String store = dir.resolve("s.duckdb").toString();

    CliRun run = CliRun.of("ingest", "--store", store, "--json", file.toString());
    CliRun status = CliRun.of("status", "--store", store, "--json");

    assertThat(run.code()).as(run.err()).isZero();
    JsonNode f = new ObjectMapper().readTree(run.out()).get("files").get(0);
    assertThat(f.get("format").asText()).isEqualTo("views-cm");
    long sum = 0;
    for (String k : new String[] {"inserted", "updated", "unchanged", "merged", "quarantined"}) {
      sum += f.get(k).asLong();
    }
    assertThat(sum).isEqualTo(f.get("rowsRead").asLong()).isEqualTo(4);
    assertThat(f.get("warnings")).hasSize(1);
    assertThat(f.get("gaps").get(0).get("from").asText()).isEqualTo("2019-02");
    assertThat(f.get("quarantinedRows").get(0).get("lineNumber").asLong()).isEqualTo(5);
    assertThat(new ObjectMapper().readTree(status.out()).get("seriesPoints").asLong()).isEqualTo(3);
  }
}
