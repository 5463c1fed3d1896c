package org.harmattan.engine.spark;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.harmattan.app.Main;
import org.harmattan.testsupport.PlainCsv;
import org.harmattan.testsupport.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command line's contract for the Spark engine: {@code ingest --engine spark} and {@code brief
 * --engine spark} work as their DuckDB counterparts, and the Mali 2018 brief's {@code figures.json}
 * is the same, value for value, on both engines.
 */
class SparkCommandLineTest {
  static final String MALI = "acled/acled_mali_2017-01-01_2019-02-27__AC0519.csv";

  /** The humanitarian tables of a 2018 brief of Mali, as the README ingests them. */
  static final List<String> HUMANITARIAN =
      List.of(
          "hdx_pcodes/global_pcodes_adm_1_2__hxl.MALI.csv",
          "iom_dtm_mali/Baseline_December_2017.xlsx",
          "iom_dtm_mali/Mali_Baseline_Assessment_December_2018.xlsx",
          "cadre_harmonise/cadre_harmonise_caf_ipc__covidviz_2022.MALI.csv",
          "idmc_idps/idmc_displacement_data__hxl.MALI.csv");

  @TempDir Path dir;

  /** One run of the command line in this JVM. */
  record Run(int code, String out, String err) {}

  static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(args, new PrintWriter(out), new PrintWriter(err));
    return new Run(code, out.toString(), err.toString());
  }

  @Test
  void theMali2018BriefGivesTheSameFiguresOnSparkAsOnDuckDb() throws IOException {
    Path acled = SharedData.require(MALI);
    Path warehouse = dir.resolve("warehouse");
    Path duckdb = dir.resolve("store.duckdb");

    // The events and the humanitarian tables of a 2018 brief (README's example).
    List<String> files = new ArrayList<>(List.of(acled.toString()));
    for (String f : HUMANITARIAN) {
      files.add(SharedData.require(f).toString());
    }
    List<String> sparkArgs =
        new ArrayList<>(
            List.of(
                "ingest",
                "--engine",
                "spark",
                "--spark-master",
                "local[2]",
                "--store",
                warehouse.toString()));
    sparkArgs.addAll(files);
    Run sparkIngest = run(sparkArgs.toArray(String[]::new));
    assertThat(sparkIngest.code()).as(sparkIngest.err()).isZero();
    List<String> duckArgs = new ArrayList<>(List.of("ingest", "--store", duckdb.toString()));
    duckArgs.addAll(files);
    Run duckIngest = run(duckArgs.toArray(String[]::new));
    assertThat(duckIngest.code()).as(duckIngest.err()).isZero();
    // The ingest reports agree line for line but for the store's name.
    assertThat(sparkIngest.out().replace(warehouse.toString(), "STORE"))
        .isEqualTo(duckIngest.out().replace(duckdb.toString(), "STORE"));

    Path sparkOut = dir.resolve("brief-spark");
    Path duckOut = dir.resolve("brief-duckdb");
    Run sparkBrief =
        run(
            "brief",
            "--engine",
            "spark",
            "--spark-master",
            "local[2]",
            "--store",
            warehouse.toString(),
            "--country",
            "MLI",
            "--from",
            "2018-01-01",
            "--to",
            "2018-12-31",
            "--out",
            sparkOut.toString());
    assertThat(sparkBrief.code()).as(sparkBrief.err()).isZero();
    Run duckBrief =
        run(
            "brief",
            "--store",
            duckdb.toString(),
            "--country",
            "MLI",
            "--from",
            "2018-01-01",
            "--to",
            "2018-12-31",
            "--out",
            duckOut.toString());
    assertThat(duckBrief.code()).as(duckBrief.err()).isZero();

    ObjectMapper json = new ObjectMapper();
    JsonNode onSpark = json.readTree(sparkOut.resolve("figures.json").toFile());
    JsonNode onDuckDb = json.readTree(duckOut.resolve("figures.json").toFile());
    List<String> ids = new ArrayList<>();
    onDuckDb.get("figures").forEach(f -> ids.add(f.get("id").asText()));
    assertThat(ids).hasSizeGreaterThan(50).contains("events.total", "fatalities.total");
    assertThat(ids).anyMatch(id -> id.startsWith("humanitarian."));
    assertThat(onSpark).isEqualTo(onDuckDb);

    // And the totals are those of the raw rows: Mali's events dated 2018, each id once.
    java.util.Set<String> ids2018 = new java.util.HashSet<>();
    long deaths = 0;
    for (java.util.Map<String, String> r : PlainCsv.readMaps(acled, 0)) {
      if (r.get("iso3").equals("MLI")
          && r.get("event_date").endsWith("2018")
          && ids2018.add(r.get("event_id_cnty"))) {
        deaths += Long.parseLong(r.get("fatalities"));
      }
    }
    assertThat(figure(onSpark, "events.total")).isEqualTo(ids2018.size());
    assertThat(figure(onSpark, "fatalities.total")).isEqualTo(deaths);
  }

  @Test
  void anUnreachableMasterIsOneClearLine() throws IOException {
    int port;
    try (java.net.ServerSocket free = new java.net.ServerSocket(0)) {
      port = free.getLocalPort();
    }
    Run r =
        run(
            "status",
            "--engine",
            "spark",
            "--spark-master",
            "spark://127.0.0.1:" + port,
            "--store",
            Files.createDirectories(dir.resolve("w")).toString());
    assertThat(r.code()).isNotZero();
    assertThat(r.err().strip().lines())
        .singleElement()
        .asString()
        .contains("spark://127.0.0.1:" + port, "cannot be reached", "--spark-master")
        .doesNotContain("Exception", "\tat ");
  }

  @Test
  void aDuckDbFileIsNotTakenForAWarehouse() throws IOException {
    Path file = Files.writeString(dir.resolve("store.duckdb"), "");
    Run r = run("status", "--engine", "spark", "--store", file.toString());
    assertThat(r.code()).isNotZero();
    assertThat(r.err()).contains("is a file, not a Spark warehouse").doesNotContain("\tat ");
  }

  private static long figure(JsonNode figures, String id) {
    for (JsonNode f : figures.get("figures")) {
      if (f.get("id").asText().equals(id)) {
        return f.get("value").asLong();
      }
    }
    throw new AssertionError("no figure " + id);
  }
}
