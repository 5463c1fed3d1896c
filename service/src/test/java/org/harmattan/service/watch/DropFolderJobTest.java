package org.harmattan.service.watch;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import org.harmattan.engine.Store;
import org.harmattan.service.StoreWork;
import org.harmattan.service.Stores;
import org.harmattan.testsupport.MovingClock;
import org.harmattan.testsupport.acled.AcledCsv;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The drop folder on a real store: each file read once, moved with its report beside it. */
class DropFolderJobTest {
  private static final Instant NOW = Instant.parse("2026-12-03T10:00:00Z");
  private static final String ACLED_HEADER = AcledCsv.HEADER + "\n";
  private static final String ROW =
      ",2025,1,Political violence,Violence against civilians,Attack,"
          + "Military Forces of Mali (2021-),,1,Civilians (Mali),,7,17,Civilian targeting,"
          + "466,Western Africa,Mali,Segou,Macina,Kolongo,Kolongo,13.95,-5.33,2,"
          + "Local source,Subnational,Soldiers killed civilians.,3,,1747000000\n";
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  private Path drop(String name, String text, Instant modified) throws IOException {
    Path p = dir.resolve("incoming").resolve(name);
    Files.createDirectories(p.getParent());
    Files.writeString(p, text, StandardCharsets.UTF_8);
    Files.setLastModifiedTime(p, FileTime.from(modified));
    return p;
  }

  private DropFolderJob job() {
    return new DropFolderJob(
        "incoming", Duration.ofMinutes(5), dir.resolve("incoming"), Duration.ofSeconds(10));
  }

  @Test
  void readsEachSettledFileOnceAndMovesItWithItsReport() throws IOException {
    Instant old = NOW.minusSeconds(60);
    drop("acled.csv", ACLED_HEADER + "MLI1,2025-05-10" + ROW + "MLI2,2025-02-30" + ROW, old);
    drop("notes.csv", "a,b,c\n1,2,3\n", old);
    drop("half.csv.part", ACLED_HEADER, old);
    drop(".hidden.csv", ACLED_HEADER, old);
    drop("fresh.csv", ACLED_HEADER + "MLI3,2025-05-12" + ROW, NOW.minusSeconds(2));
    Path incoming = dir.resolve("incoming");

    try (Store store = Stores.open(dir.resolve("s.duckdb"))) {
      WatchJob.Outcome o = job().run(StoreWork.of(store), new MovingClock(NOW));

      assertThat(o.counts())
          .containsEntry("ingested", 1L)
          .containsEntry("failed", 1L)
          .containsEntry("waiting", 1L);
      assertThat(o.summary()).startsWith("1 file ingested, 1 failed, 1 still being written");
      assertThat(o.summary()).contains("notes.csv: ");
      assertThat(store.status().events()).isEqualTo(1);
      assertThat(store.status().quarantined()).isEqualTo(1);
    }
    assertThat(incoming.resolve("done/acled.csv")).exists();
    assertThat(incoming.resolve("failed/notes.csv")).exists();
    assertThat(incoming.resolve("acled.csv")).doesNotExist();
    assertThat(incoming.resolve("fresh.csv")).exists();
    assertThat(incoming.resolve("half.csv.part")).exists();
    assertThat(incoming.resolve(".hidden.csv")).exists();

    JsonNode done = JSON.readTree(incoming.resolve("done/acled.csv.report.json").toFile());
    assertThat(done.path("movedTo").asText()).isEqualTo("done/acled.csv");
    assertThat(done.path("outcome").path("inserted").asLong()).isEqualTo(1);
    assertThat(done.path("outcome").path("quarantined").asLong()).isEqualTo(1);
    JsonNode failed = JSON.readTree(incoming.resolve("failed/notes.csv.report.json").toFile());
    assertThat(failed.path("outcome").toString()).contains("notes.csv");
    assertThat(failed.path("movedTo").asText()).isEqualTo("failed/notes.csv");
  }

  @Test
  void theSameNameDroppedAgainKeepsBothFilesAndAReReadChangesNothing() throws IOException {
    String text = ACLED_HEADER + "MLI1,2025-05-10" + ROW;
    try (Store store = Stores.open(dir.resolve("s.duckdb"))) {
      drop("acled.csv", text, NOW.minusSeconds(60));
      job().run(StoreWork.of(store), new MovingClock(NOW));
      // The same file again, as after a stop between the ingest and the move.
      drop("acled.csv", text, NOW.minusSeconds(30));
      WatchJob.Outcome second =
          job().run(StoreWork.of(store), new MovingClock(NOW.plusSeconds(300)));

      assertThat(second.counts()).containsEntry("ingested", 1L);
      assertThat(store.status().events()).isEqualTo(1);
    }
    Path done = dir.resolve("incoming").resolve("done");
    assertThat(done.resolve("acled.csv")).exists();
    assertThat(done.resolve("acled-20261203T100500Z.csv")).exists();
    JsonNode again = JSON.readTree(done.resolve("acled-20261203T100500Z.csv.report.json").toFile());
    assertThat(again.path("outcome").path("inserted").asLong()).isZero();
    assertThat(again.path("outcome").path("unchanged").asLong()).isEqualTo(1);
  }
}
