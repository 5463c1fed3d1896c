package org.harmattan.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.harmattan.engine.Store;
import org.harmattan.engine.query.StoreStatus;
import org.harmattan.service.Stores;
import org.harmattan.testsupport.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The store when things go wrong around it, as a user meets them: a full disk, a read-only store, a
 * store another process is writing, an ingest killed half-way. Files are generated from the real
 * ACLED sample (9,000 rows, every one accepted) with new event ids.
 */
class StoreFailuresTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** The real sample: 9,000 ACLED rows of 2022, one line each, all accepted by the mapper. */
  private static final String SAMPLE = "acled/acled_global_2022H1_sample9000__acledR.csv";

  private static final int SAMPLE_ROWS = 9000;

  @TempDir Path dir;

  /**
   * The sample's first {@code rows} rows, repeated as needed with the copy number appended to each
   * event id ("UGA7752" becomes "UGA7752c2"), so that every row is a new event.
   */
  private Path acled(String name, int rows) throws IOException {
    List<String> lines = Files.readAllLines(SharedData.require(SAMPLE), StandardCharsets.UTF_8);
    assertThat(lines).hasSize(SAMPLE_ROWS + 1);
    StringBuilder sb = new StringBuilder(lines.get(0)).append('\n');
    for (int i = 0; i < rows; i++) {
      String line = lines.get(1 + i % SAMPLE_ROWS);
      // The id is the first field, quoted: "UGA7752",...
      int close = line.indexOf('"', 1);
      sb.append(line, 0, close).append('c').append(i / SAMPLE_ROWS).append(line.substring(close));
      sb.append('\n');
    }
    Path p = dir.resolve(name);
    Files.writeString(p, sb.toString(), StandardCharsets.UTF_8);
    return p;
  }

  /** The store's status; a store an ingest never created is empty, as a new store would be. */
  private static StoreStatus status(Path store) {
    try (Store s = Files.exists(store) ? Stores.openReadOnly(store) : Stores.open(store)) {
      return s.status();
    }
  }

  /** What a failed command printed: one line naming the problem, no Java in it. */
  private static void assertOneClearLine(CliRun run) {
    assertThat(run.err().strip().lines()).as(run.err()).hasSize(1);
    assertThat(run.err())
        .doesNotContain("transaction")
        .doesNotContain("Exception")
        .doesNotContain("internal error")
        .doesNotContain("\tat ");
  }

  @Test
  void aFullDiskIsSaidAsSuchAndTheFileThatDidNotFitLeavesTheStoreAsItWas() throws Exception {
    Path small = acled("small.csv", 300);
    Path whole = acled("whole.csv", SAMPLE_ROWS);
    Path series = SharedData.require("views_cm/cm_ged_sb_1990-01_2022-12.csv");
    Path humanitarian =
        SharedData.require("cadre_harmonise/cadre_harmonise_caf_ipc__alegalli.converted.csv");
    try (SmallDisk disk = SmallDisk.mount(dir.resolve("disk"), "1m")) {
      Path store = disk.path().resolve("store.duckdb");
      assertThat(CliRun.of("ingest", "--store", store.toString(), small.toString()).code())
          .isZero();

      for (Path file : List.of(whole, series, humanitarian)) {
        CliRun full = CliRun.of("ingest", "--store", store.toString(), file.toString());

        assertThat(full.code()).as(full.err()).isEqualTo(Main.EXIT_UNAVAILABLE);
        assertThat(full.err())
            .as(file.toString())
            .startsWith("harmattan: storing " + file + " failed: the disk holding the store ")
            .contains(store + " is full (no space left on device)")
            .contains("nothing of it was stored, the store is as it was");
        assertOneClearLine(full);
        StoreStatus after = status(store);
        assertThat(after.events()).isEqualTo(300);
        assertThat(after.files()).isEqualTo(1);
        assertThat(after.seriesPoints()).isZero();
        assertThat(after.observations()).isZero();
        assertThat(after.quarantined()).isZero();
      }
    }
  }

  @Test
  void aReadOnlyStoreRefusesWritesInOneLineAndCanStillBeRead() throws Exception {
    // The Mali export's first 300 rows (one line each), 22 October 2018 to 22 February 2019: too
    // short a history for the brief's outlook, which keeps the brief quick.
    List<String> export =
        Files.readAllLines(
            SharedData.require("acled/acled_mali_2017-01-01_2019-02-27__AC0519.csv"),
            StandardCharsets.UTF_8);
    Path mali =
        Files.write(dir.resolve("mali-300.csv"), export.subList(0, 301), StandardCharsets.UTF_8);
    Path more = acled("more.csv", 10);
    try (SmallDisk disk = SmallDisk.mount(dir.resolve("disk"), "8m")) {
      Path store = disk.path().resolve("store.duckdb");
      CliRun first = CliRun.of("ingest", "--store", store.toString(), mali.toString());
      assertThat(first.code()).as(first.err()).isZero();
      StoreStatus before = status(store);
      disk.remountReadOnly();

      CliRun write = CliRun.of("ingest", "--store", store.toString(), more.toString());

      assertThat(write.code()).as(write.err()).isEqualTo(Main.EXIT_UNAVAILABLE);
      assertThat(write.err())
          .startsWith("harmattan: opening the store failed: the store " + store)
          .contains("cannot be written (its file or folder is read-only)");
      assertOneClearLine(write);

      CliRun status = CliRun.of("status", "--store", store.toString(), "--json");
      assertThat(status.code()).as(status.err()).isZero();
      assertThat(JSON.readTree(status.out()).get("events").asLong())
          .isEqualTo(before.events())
          .isPositive();
      Path out = dir.resolve("brief");
      CliRun brief =
          CliRun.of(
              "brief",
              "--store",
              store.toString(),
              "--country",
              "MLI",
              "--from",
              "2018-11-01",
              "--to",
              "2018-12-31",
              "--out",
              out.toString());
      assertThat(brief.code()).as(brief.err()).isZero();
      assertThat(out.resolve("figures.json")).isNotEmptyFile();
    }
  }

  @Test
  void aSecondIngestIntoAStoreInUseIsToldSoAndTheFirstCompletes() throws Exception {
    int rows = SAMPLE_ROWS * 2;
    Path big = acled("big.csv", rows);
    Path small = acled("small.csv", 10);
    Path store = dir.resolve("store.duckdb");
    ChildHarmattan first =
        ChildHarmattan.start(
            dir.resolve("first.log"), "ingest", "--store", store.toString(), big.toString());
    // The progress bar is drawn once the store is open.
    assertThat(first.awaitOutput(" MB", Duration.ofSeconds(60))).as(first.output()).isTrue();

    CliRun second = CliRun.of("ingest", "--store", store.toString(), small.toString());
    CliRun reader = CliRun.of("status", "--store", store.toString());

    assertThat(second.code()).as(second.err()).isEqualTo(Main.EXIT_UNAVAILABLE);
    assertThat(second.err())
        .isEqualTo(
            "harmattan: the store "
                + store
                + " is in use by another process; wait for it to finish or use --store\n");
    assertThat(reader.code()).as(reader.err()).isEqualTo(Main.EXIT_UNAVAILABLE);
    assertThat(reader.err()).isEqualTo(second.err());
    assertThat(first.waitFor()).as(first.output()).isZero();
    StoreStatus after = status(store);
    assertThat(after.events()).isEqualTo(rows);
    assertThat(after.files()).isEqualTo(1);
  }

  /**
   * An ingest killed (SIGKILL) before the store is open, while rows are staged, and while they are
   * merged and committed: the store opens after each, holding none of the file or all of it, and
   * ingesting the file again completes with every row accounted for.
   */
  @Test
  void anIngestKilledAtAnyPointLeavesTheStoreWithNoneOrAllOfTheFile() throws Exception {
    int rows = SAMPLE_ROWS * 3;
    Path big = acled("big.csv", rows);
    Path store = dir.resolve("store.duckdb");
    List<String> seen = new ArrayList<>();
    int run = 0;
    for (String when : List.of("0.5 s", "1.5 s", " MB", "100%")) {
      run++;
      ChildHarmattan child =
          ChildHarmattan.start(
              dir.resolve("run" + run + ".log"),
              "ingest",
              "--store",
              store.toString(),
              big.toString());
      if (when.endsWith(" s")) {
        Thread.sleep((long) (Double.parseDouble(when.replace(" s", "")) * 1000));
      } else {
        child.awaitOutput(when, Duration.ofMinutes(2));
      }
      child.kill();

      StoreStatus after = status(store);
      seen.add(when + ": " + after.events());
      assertThat(after.events()).as("killed after %s", when).isIn(0L, (long) rows);
      assertThat(after.files()).as("killed after %s", when).isEqualTo(after.events() == 0 ? 0 : 1);
      assertThat(after.quarantined()).isZero();
    }
    boolean stored = status(store).events() == rows;

    CliRun again = CliRun.of("ingest", "--store", store.toString(), "--json", big.toString());

    assertThat(again.code()).as(again.err()).isZero();
    JsonNode report = JSON.readTree(again.out()).get("files").get(0);
    long read = report.get("rowsRead").asLong();
    assertThat(read).isEqualTo(rows);
    assertThat(
            report.get("inserted").asLong()
                + report.get("updated").asLong()
                + report.get("unchanged").asLong()
                + report.get("merged").asLong()
                + report.get("quarantined").asLong())
        .isEqualTo(read);
    assertThat(report.get(stored ? "unchanged" : "inserted").asLong())
        .as("%s", seen)
        .isEqualTo(rows);
    assertThat(status(store).events()).isEqualTo(rows);
  }
}
