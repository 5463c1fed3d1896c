package org.harmattan.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The command line as a user meets it: exit codes, messages, JSON shapes. */
class CommandLineTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  private Path fixture() throws Exception {
    return Path.of(CommandLineTest.class.getResource("/fixtures/acled-revision-2.csv").toURI());
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "ingest", "status", "quarantine", "serve", "users"})
  void everyCommandHasHelp(String command) {
    CliRun r = command.isEmpty() ? CliRun.of("--help") : CliRun.of(command, "--help");

    assertThat(r.code()).isZero();
    assertThat(r.out()).contains("Usage:").contains("--help");
  }

  @Test
  void usageErrorsPrintOneLineAndExitWithTwo() {
    CliRun unknown = CliRun.of("frobnicate");
    CliRun badFormat = CliRun.of("ingest", "--format", "nonsense", "x.csv");
    CliRun missingFile = CliRun.of("ingest");

    assertThat(unknown.code()).isEqualTo(2);
    assertThat(badFormat.code()).isEqualTo(2);
    assertThat(badFormat.err()).contains("unknown --format 'nonsense'").contains("acled-2019");
    assertThat(missingFile.code()).isEqualTo(2);
    for (CliRun r : new CliRun[] {unknown, badFormat, missingFile}) {
      assertThat(r.err()).doesNotContain("Exception").doesNotContain("\tat ");
    }
  }

  @Test
  void ingestReportsEveryRowAndStatusAndQuarantineAgree() throws Exception {
    String store = dir.resolve("s.duckdb").toString();

    CliRun ingest = CliRun.of("ingest", "--store", store, "--json", fixture().toString());
    CliRun status = CliRun.of("status", "--store", store, "--json");
    CliRun quarantine = CliRun.of("quarantine", "--store", store, "--json");

    assertThat(ingest.code()).isZero();
    JsonNode file = JSON.readTree(ingest.out()).get("files").get(0);
    assertThat(file.get("format").asText()).isEqualTo("acled");
    assertThat(file.get("sha256").asText()).hasSize(64);
    assertThat(file.get("rowsRead").asLong()).isEqualTo(4);
    assertThat(file.get("inserted").asLong()).isEqualTo(3);
    assertThat(file.get("quarantined").asLong()).isEqualTo(1);
    long sum = 0;
    for (String k : new String[] {"inserted", "updated", "unchanged", "merged", "quarantined"}) {
      sum += file.get(k).asLong();
    }
    assertThat(sum).isEqualTo(file.get("rowsRead").asLong());
    JsonNode s = JSON.readTree(status.out());
    assertThat(s.get("events").asLong()).isEqualTo(3);
    assertThat(s.get("bySource").get("ACLED").asLong()).isEqualTo(3);
    assertThat(s.get("byCountry").get("MLI").asLong()).isEqualTo(3);
    assertThat(s.get("quarantined").asLong()).isEqualTo(1);
    assertThat(s.get("withdrawn").asLong()).isZero();
    JsonNode row = JSON.readTree(quarantine.out()).get("rows").get(0);
    assertThat(row.get("lineNumber").asLong()).isEqualTo(5);
    assertThat(row.get("problems").get(0).get("code").asText()).isEqualTo("bad_date");
    assertThat(row.get("message").asText()).contains("line 5", "event_date", "2025-13-12");
    assertThat(row.get("raw").asText()).startsWith("MLI9204,2025-13-12");
    assertThat(row.get("path").asText()).endsWith("acled-revision-2.csv");
  }

  @Test
  void aBadFileFailsAloneAndTheOthersAreRead() throws Exception {
    Path notes = Files.writeString(dir.resolve("notes.txt"), "just some text\nmore text\n");
    String store = dir.resolve("s.duckdb").toString();

    CliRun r =
        CliRun.of(
            "ingest",
            "--store",
            store,
            "--json",
            notes.toString(),
            dir.resolve("missing.csv").toString(),
            fixture().toString());

    assertThat(r.code()).isEqualTo(1);
    JsonNode files = JSON.readTree(r.out()).get("files");
    assertThat(files.get(0).get("error").get("code").asText()).isEqualTo("unknown_format");
    assertThat(files.get(1).get("error").get("code").asText()).isEqualTo("file_not_found");
    assertThat(files.get(2).get("inserted").asLong()).isEqualTo(3);
    assertThat(r.err()).contains("notes.txt: unknown format").doesNotContain("\tat ");
  }

  @Test
  void textReportSaysWhatHappened() throws Exception {
    CliRun r =
        CliRun.of("ingest", "--store", dir.resolve("s.duckdb").toString(), fixture().toString());

    assertThat(r.code()).isZero();
    assertThat(r.out())
        .contains("4 rows read: 3 inserted, 0 updated, 0 unchanged, 0 merged, 1 quarantined")
        .contains("harmattan quarantine");
  }
}
