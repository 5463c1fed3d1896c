package org.harmattan.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code harmattan case-file init} and {@code check}. */
class CaseFileCommandTest {
  @TempDir Path dir;

  private static final Path MALI =
      Path.of(
          "..",
          "reference/src/main/resources/org/harmattan/reference/timeline/mali-2017-2025.yaml");

  @Test
  void aStartedCaseFileIsValidAndNeverOverwritten() throws Exception {
    Path f = dir.resolve("bfa.yaml");
    CliRun init = CliRun.of("case-file", "init", f.toString(), "--country", "bfa");

    assertThat(init.code()).as(init.err()).isZero();
    assertThat(Files.readString(f, StandardCharsets.UTF_8))
        .contains("country: BFA", "entries: []", "# kind: coup, election,")
        .contains(
            "# fr (optional): a block with the entry's title and summary in French", "#    fr:");
    CliRun check = CliRun.of("case-file", "check", f.toString());
    assertThat(check.code()).as(check.err()).isZero();
    assertThat(check.out()).contains("a valid case file for BFA, with no entries yet");
    CliRun again = CliRun.of("case-file", "init", f.toString(), "--country", "BFA");
    assertThat(again.code()).isEqualTo(2);
    assertThat(again.err()).contains("exists already");
  }

  @Test
  void theShippedMaliCaseFileCovers2017To2025() throws Exception {
    long ids =
        Files.readAllLines(MALI, StandardCharsets.UTF_8).stream()
            .filter(l -> l.startsWith("  - id: "))
            .count();
    long unconfirmed =
        Files.readAllLines(MALI, StandardCharsets.UTF_8).stream()
            .filter(l -> l.strip().equals("source_checked: false"))
            .count();
    CliRun check = CliRun.of("case-file", "check", "--json", MALI.toString());

    assertThat(check.code()).as(check.err()).isZero();
    JsonNode r = new ObjectMapper().readTree(check.out());
    assertThat(r.get("entries").asLong()).isEqualTo(ids);
    assertThat(r.get("unconfirmed").asLong()).isEqualTo(unconfirmed);
    assertThat(r.get("first").asText()).isEqualTo("2017-01-18");
    assertThat(r.get("last").asText()).startsWith("2025-");
    assertThat(r.get("translated").get("fr").asLong()).isEqualTo(ids);
    CliRun text = CliRun.of("case-file", "check", MALI.toString());
    assertThat(text.out())
        .contains(ids + " of " + ids + " with a title and summary in French (fr:)");
  }

  @Test
  void aFrenchBlockWithoutTitleIsReportedWithItsEntry() throws Exception {
    Path f = dir.resolve("fr.yaml");
    Files.writeString(
        f,
        "country: MLI\nentries:\n"
            + "  - id: coup-2021-05\n    date: 2021-05-24\n    kind: coup\n"
            + "    title: Second coup\n    summary: The army takes power.\n"
            + "    fr:\n      summary: L’armée prend le pouvoir.\n"
            + "    es:\n      title: Segundo golpe\n      summary: El ejército toma el poder.\n"
            + "    sources: [https://example.org/a]\n",
        StandardCharsets.UTF_8);
    CliRun check = CliRun.of("case-file", "check", f.toString());

    assertThat(check.code()).isEqualTo(2);
    assertThat(check.err())
        .contains("2 problems in case file fr.yaml:")
        .contains(
            "\n  fr.yaml line 3, entry 1 (id 'coup-2021-05'), field es: 'es' is not a language"
                + " Harmattan writes (expected a block named fr)")
        .contains(
            "\n  fr.yaml line 3, entry 1 (id 'coup-2021-05'), field fr.title: missing"
                + " (expected non-empty text: the French title)");
  }

  @Test
  void everyProblemIsListedOnItsOwnLine() throws Exception {
    Path f = dir.resolve("bad.yaml");
    Files.writeString(
        f,
        "country: MLI\nentries:\n  - id: Bad\n    date: 2018-13-01\n    kind: party\n",
        StandardCharsets.UTF_8);
    CliRun check = CliRun.of("case-file", "check", f.toString());

    assertThat(check.code()).isEqualTo(2);
    assertThat(check.err())
        .contains(
            "problems in case file bad.yaml:\n  bad.yaml line 3, entry 1 (id 'Bad'), field id")
        .contains("\n  bad.yaml line 3, entry 1 (id 'Bad'), field date: '2018-13-01' is not a date")
        .doesNotContain("\\n")
        .doesNotContain("\tat ");
  }
}
