package org.harmattan.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.harmattan.testsupport.acled.AcledCsv;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code harmattan actors} on a store filled through the command line. */
class ActorsCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  private String store;

  private static String row(String id, String date, String actor1, String actor2) {
    return id
        + ","
        + date
        + ","
        + date.substring(0, 4)
        + ",1,Political violence,Battles,Armed clash,"
        + actor1
        + ",,2,"
        + actor2
        + ",,1,12,,466,Western Africa,Mali,Mopti,Douentza,Boni,Boni,15.0,-1.9,1,Local source,"
        + "Subnational,\"A clash.\",1,,1748000000";
  }

  /** Three JNIM events, one of an unknown katiba (twice), Malian forces in every event. */
  @BeforeEach
  void ingest() throws Exception {
    List<String> lines = new ArrayList<>();
    lines.add(AcledCsv.HEADER);
    lines.add(
        row(
            "MLI9301",
            "2024-03-01",
            "JNIM: Group for Support of Islam and Muslims",
            "Military Forces of Mali (2021-)"));
    lines.add(
        row(
            "MLI9302",
            "2024-03-02",
            "JNIM: Group for Support of Islam and Muslims",
            "Military Forces of Mali (2021-)"));
    lines.add(
        row(
            "MLI9303",
            "2025-03-03",
            "JNIM: Group for Support of Islam and Muslims",
            "Police Forces of Mali (2021-) Gendarmerie"));
    lines.add(row("MLI9304", "2024-03-04", "Katiba Nowhere", "Military Forces of Mali (2021-)"));
    lines.add(row("MLI9305", "2025-03-05", "Katiba Nowhere", "Military Forces of Mali (2021-)"));
    lines.add(row("MLI9306", "2025-03-06", "Ganda Izo", "Military Forces of Mali (2021-)"));
    Path csv = Files.write(dir.resolve("acled-actors.csv"), lines, StandardCharsets.UTF_8);
    store = dir.resolve("s.duckdb").toString();
    CliRun ingest = CliRun.of("ingest", "--store", store, csv.toString());
    assertThat(ingest.code()).as(ingest.err()).isZero();
  }

  @Test
  void unmatchedNamesAreListedByFrequency() throws Exception {
    CliRun r = CliRun.of("actors", "--store", store, "--unmatched", "--json");

    assertThat(r.code()).as(r.err()).isZero();
    JsonNode actors = JSON.readTree(r.out()).get("actors");
    assertThat(actors).hasSize(2);
    assertThat(actors.get(0).get("name").asText()).isEqualTo("Katiba Nowhere");
    assertThat(actors.get(0).get("events").asLong()).isEqualTo(2);
    assertThat(actors.get(0).get("match").isNull()).isTrue();
    assertThat(actors.get(1).get("name").asText()).isEqualTo("Ganda Izo");
    assertThat(actors.get(1).get("events").asLong()).isEqualTo(1);
  }

  @Test
  void everyNameIsListedWithItsCanonicalActor() throws Exception {
    CliRun r = CliRun.of("actors", "--store", store, "--country", "mli", "--json");

    assertThat(r.code()).as(r.err()).isZero();
    JsonNode actors = JSON.readTree(r.out()).get("actors");
    assertThat(actors).hasSize(5);
    JsonNode first = actors.get(0);
    assertThat(first.get("name").asText()).isEqualTo("Military Forces of Mali (2021-)");
    assertThat(first.get("events").asLong()).isEqualTo(5);
    assertThat(first.get("match").get("id").asText()).isEqualTo("mali_state_forces");
    assertThat(first.get("match").get("type").asText()).isEqualTo("STATE_FORCE");
    assertThat(first.get("match").get("kind").asText()).isEqualTo("ALIAS");
    JsonNode jnim = actors.get(1);
    assertThat(jnim.get("match").get("id").asText()).isEqualTo("jnim");
    assertThat(jnim.get("match").get("name").asText())
        .isEqualTo("JNIM: Group for Support of Islam and Muslims");
  }

  @Test
  void thePeriodAndAUserRegistryNarrowTheList() throws Exception {
    Path mine =
        Files.writeString(
            dir.resolve("mine.yaml"),
            "actors:\n  - id: katiba_nowhere\n    name: Katiba Nowhere\n    type: rebel_group\n",
            StandardCharsets.UTF_8);

    CliRun r =
        CliRun.of(
            "actors",
            "--store",
            store,
            "--unmatched",
            "--from",
            "2025-01-01",
            "--to",
            "2025-12-31",
            "--registry",
            mine.toString(),
            "--json");

    assertThat(r.code()).as(r.err()).isZero();
    JsonNode actors = JSON.readTree(r.out()).get("actors");
    assertThat(actors).hasSize(1);
    assertThat(actors.get(0).get("name").asText()).isEqualTo("Ganda Izo");
  }

  @Test
  void textOutputSaysWhatMatched() {
    CliRun r = CliRun.of("actors", "--store", store);

    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out())
        .contains("5 raw actor names, 3 matched")
        .containsPattern("5 +Military Forces of Mali \\(2021-\\) +mali_state_forces \\(alias\\)")
        .containsPattern("2 +Katiba Nowhere +-");
  }

  @Test
  void badInputIsAOneLineUserError() throws Exception {
    Path broken =
        Files.writeString(
            dir.resolve("broken.yaml"),
            "actors:\n  - id: x\n    name: X\n    type: bandits\n",
            StandardCharsets.UTF_8);

    CliRun badRegistry = CliRun.of("actors", "--store", store, "--registry", broken.toString());
    CliRun badCountry = CliRun.of("actors", "--store", store, "--country", "Mali");
    CliRun badPeriod =
        CliRun.of("actors", "--store", store, "--from", "2025-01-02", "--to", "2025-01-01");

    assertThat(badRegistry.code()).isEqualTo(2);
    assertThat(badRegistry.err())
        .contains("broken.yaml line 2, actor entry 1 (id 'x'): type 'bandits'")
        .doesNotContain("\tat ");
    assertThat(badCountry.code()).isEqualTo(2);
    assertThat(badCountry.err()).contains("--country 'Mali' is not an ISO3 country code");
    assertThat(badPeriod.code()).isEqualTo(2);
    assertThat(badPeriod.err()).contains("--to 2025-01-01 is before --from 2025-01-02");
  }
}
