package org.harmattan.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import org.harmattan.service.watch.WatchJournal;
import org.harmattan.testsupport.acled.AcledCsv;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code harmattan watch CONFIG --once}, as a cron job or a script calls it. */
class WatchCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String ACLED =
      AcledCsv.HEADER
          + "\n"
          + "MLI1,2025-05-10,2025,1,Political violence,Violence against civilians,Attack,"
          + "Military Forces of Mali (2021-),,1,Civilians (Mali),,7,17,Civilian targeting,"
          + "466,Western Africa,Mali,Segou,Macina,Kolongo,Kolongo,13.95,-5.33,2,"
          + "Local source,Subnational,Soldiers killed civilians.,3,,1747000000\n";

  @TempDir Path dir;

  private Path config(String jobs) throws Exception {
    Files.createDirectories(dir.resolve("incoming"));
    Files.writeString(
        dir.resolve("rules.yaml"),
        "rules:\n  - {id: mali-surge, kind: acled-surge, countries: [MLI], severity: severe}\n");
    Path c = dir.resolve("watch.yaml");
    Files.writeString(c, "retry: {attempts: 2, delay: 1s}\njobs:\n" + jobs);
    return c;
  }

  @Test
  void onceRunsEveryJobInOrderAndJournalsIt() throws Exception {
    Path c =
        config(
            "  - {id: incoming, kind: drop-folder, every: 5m, folder: incoming, settle: 1s}\n"
                + "  - {id: rules, kind: alerts, every: 1h, rules: rules.yaml, outbox: out}\n");
    Path dropped = dir.resolve("incoming").resolve("acled-may.csv");
    Files.writeString(dropped, ACLED);
    Files.setLastModifiedTime(dropped, FileTime.fromMillis(System.currentTimeMillis() - 60_000));
    String store = dir.resolve("store.duckdb").toString();

    CliRun run = CliRun.of("watch", c.toString(), "--store", store, "--once");

    assertThat(run.code()).as(run.err()).isZero();
    assertThat(run.out())
        .contains("incoming     ok     1 file ingested, 0 failed, 0 still being written")
        .contains("rules        ok     0 new alerts, 0 deliveries (0 dead letters)")
        // The store's one event is of May 2025: the week before today cannot be evaluated, and
        // the run says so rather than reading it as quiet.
        .contains("; rule mali-surge, MLI: not evaluated");
    assertThat(dir.resolve("incoming/done/acled-may.csv")).exists();
    assertThat(dir.resolve("incoming/done/acled-may.csv.report.json")).exists();
    List<Map<String, Object>> journal = WatchJournal.list(dir.resolve("watch.journal.jsonl"));
    assertThat(journal).extracting(m -> m.get("job")).containsExactly("incoming", "rules");
    assertThat(journal).extracting(m -> m.get("outcome")).containsOnly("ok");

    CliRun status = CliRun.of("status", "--store", store, "--json");
    assertThat(JSON.readTree(status.out()).path("events").asLong()).isEqualTo(1);
  }

  @Test
  void aJobThatFailsIsRetriedReportedAndTheExitCodeSaysSo() throws Exception {
    Path c =
        config(
            "  - {id: gone, kind: drop-folder, every: 5m, folder: nowhere}\n"
                + "  - {id: rules, kind: alerts, every: 1h, rules: rules.yaml}\n");

    CliRun run =
        CliRun.of(
            "watch",
            c.toString(),
            "--store",
            dir.resolve("s.duckdb").toString(),
            "--once",
            "--json");

    assertThat(run.code()).isEqualTo(1);
    String[] lines = run.out().strip().split("\n");
    assertThat(lines).hasSize(2);
    JsonNode gone = JSON.readTree(lines[0]);
    assertThat(gone.path("outcome").asText()).isEqualTo("failed");
    assertThat(gone.path("attempts").asInt()).isEqualTo(2);
    assertThat(gone.path("summary").asText())
        .startsWith("bad_watch_config: drop folder ")
        .contains("of job 'gone' does not exist");
    // The failure of one job does not keep the next from running.
    assertThat(JSON.readTree(lines[1]).path("outcome").asText()).isEqualTo("ok");
  }

  @Test
  void aMistakeInTheConfigurationIsOneLineAndNoStackTrace() throws Exception {
    Path c = config("  - {id: a, kind: drop-folder, every: often, folder: incoming}\n");

    CliRun run = CliRun.of("watch", c.toString(), "--once");

    assertThat(run.code()).isEqualTo(2);
    assertThat(run.err())
        .contains("watch.yaml: job 1 (a): 'every' is \"often\"")
        .doesNotContain("Exception")
        .doesNotContain("\tat ");
  }
}
