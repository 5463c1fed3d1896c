package org.harmattan.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
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
  void aCommandThatReadsAStoreThatDoesNotExistSaysSoAndCreatesNothing() {
    Path missing = dir.resolve("typo").resolve("store.duckdb");
    for (String[] args :
        List.of(
            new String[] {"status", "--store", missing.toString()},
            new String[] {"quarantine", "--store", missing.toString()},
            new String[] {
              "brief",
              "--store",
              missing.toString(),
              "--country",
              "MLI",
              "--from",
              "2018-01-01",
              "--to",
              "2018-12-31",
              "--out",
              dir.resolve("brief").toString()
            })) {
      CliRun r = CliRun.of(args);

      assertThat(r.code()).as(r.err()).isEqualTo(2);
      assertThat(r.err().strip())
          .isEqualTo(
              "harmattan: "
                  + missing
                  + ": no store there (expected the file that harmattan ingest --store writes;"
                  + " check the path, or ingest files into it first)");
      assertThat(missing.getParent()).doesNotExist();
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
    // The dates the store covers: the fixture's three good rows, 10 to 12 May 2025.
    assertThat(s.get("coverage")).hasSize(1);
    JsonNode span = s.get("coverage").get(0);
    assertThat(List.of(span.get("country").asText(), span.get("source").asText()))
        .containsExactly("MLI", "ACLED");
    assertThat(span.get("events").asLong()).isEqualTo(3);
    assertThat(List.of(span.get("first").asText(), span.get("last").asText()))
        .containsExactly("2025-05-10", "2025-05-12");
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    // Read in just now (the day before, when the test ran across midnight).
    assertThat(span.get("accessed").asText()).isIn(today.toString(), today.minusDays(1).toString());
    CliRun text = CliRun.of("status", "--store", store);
    assertThat(text.out())
        .contains("  MLI  ACLED           3  2025-05-10 – 2025-05-12; read in on ");
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

  /** A population table without its year: the file fails alone, asking for --year. */
  private Path populationWithoutYear() throws Exception {
    return Files.writeString(
        dir.resolve("population.csv"),
        "\"ADM0_PCODE\",\"alpha_3\",\"ADM0_REF\",\"ADM_LEVEL\",\"ADM_PCODE\",\"ADM_REF\","
            + "\"ADM1_PCODE\",\"ADM1_REF\",\"ADM2_PCODE\",\"ADM2_REF\",\"Population\"\n"
            + "\"ML\",\"MLI\",\"Mali\",\"1\",\"ML01\",\"Kayes\",\"ML01\",\"Kayes\",\"\",\"\","
            + "\"2457204\"\n");
  }

  @Test
  void aFileThatNeedsItsYearFailsAloneAndEveryFileIsReportedInJson() throws Exception {
    Path pop = populationWithoutYear();
    Path first = dir.resolve("first.csv");
    Files.copy(fixture(), first);
    String store = dir.resolve("s.duckdb").toString();

    CliRun r =
        CliRun.of(
            "ingest",
            "--store",
            store,
            "--json",
            first.toString(),
            pop.toString(),
            fixture().toString());

    // The exit code says a file failed; every file has its entry, the failed one its error.
    assertThat(r.code()).isEqualTo(1);
    JsonNode report = JSON.readTree(r.out());
    JsonNode files = report.get("files");
    assertThat(files).hasSize(3);
    assertThat(files.get(0).get("path").asText()).isEqualTo(first.toString());
    assertThat(files.get(0).get("inserted").asLong()).isEqualTo(3);
    assertThat(files.get(1).get("path").asText()).isEqualTo(pop.toString());
    assertThat(files.get(1).get("error").get("code").asText()).isEqualTo("year_needed");
    assertThat(files.get(1).get("error").get("message").asText()).contains("--year");
    // The third file is the first one's bytes under another name: read, every row unchanged.
    assertThat(files.get(2).get("unchanged").asLong()).isEqualTo(3);
    assertThat(files.get(2).get("quarantined").asLong()).isEqualTo(1);
    assertThat(report.get("read").asInt()).isEqualTo(2);
    assertThat(report.get("failed").asInt()).isEqualTo(1);
    assertThat(report.get("notRead")).isEmpty();
    assertThat(r.err()).contains("population.csv", "--year").doesNotContain("\tat ");
  }

  @Test
  void aFileThatNeedsItsYearFailsAloneAndEveryFileIsReportedAsText() throws Exception {
    Path pop = populationWithoutYear();
    String store = dir.resolve("s.duckdb").toString();

    CliRun r = CliRun.of("ingest", "--store", store, pop.toString(), fixture().toString());

    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).contains("harmattan: " + pop + ": a population");
    assertThat(r.out())
        .contains("4 rows read: 3 inserted, 0 updated, 0 unchanged, 0 merged, 1 quarantined")
        .contains("1 of 2 files read; failed: " + pop);
  }

  @Test
  void quarantinedTextIsEscapedOnTheTerminalAndKeptAsReadInJson() throws Exception {
    // A row whose bad date, quoted, carries an escape that would clear the screen, a carriage
    // return and a bell.
    List<String> lines = Files.readAllLines(fixture());
    String hostile = lines.get(4).replace("2025-13-12", "\"2025-13-12\u001b[2J\r\u0007\"");
    Path file = dir.resolve("hostile.csv");
    Files.writeString(file, lines.get(0) + "\n" + hostile + "\n");
    String store = dir.resolve("s.duckdb").toString();

    CliRun ingest = CliRun.of("ingest", "--store", store, file.toString());
    CliRun text = CliRun.of("quarantine", "--store", store);
    CliRun json = CliRun.of("quarantine", "--store", store, "--json");

    assertThat(ingest.code()).isZero();
    assertThat(text.out()).contains("\\x1b[2J").contains("\\r\\x07");
    for (CliRun r : List.of(ingest, text)) {
      assertThat(r.out() + r.err())
          .doesNotContain("\u001b")
          .doesNotContain("\r")
          .doesNotContain("\u0007");
    }
    // JSON keeps the text as read (the carriage return inside the quotes is a line break of the
    // file, which the raw text keeps as a line feed).
    JsonNode row = JSON.readTree(json.out()).get("rows").get(0);
    assertThat(row.get("raw").asText()).isEqualTo(hostile.replace('\r', '\n'));
    assertThat(json.out()).contains("\\u001B[2J").doesNotContain("\u001b");
  }
}
