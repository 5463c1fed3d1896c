package org.harmattan.engine.duckdb;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.harmattan.domain.event.Event;
import org.harmattan.engine.write.RejectedRow;
import org.harmattan.ingest.EventIngest;
import org.harmattan.ingest.IngestReport;
import org.harmattan.ingest.SourceFile;
import org.harmattan.testsupport.acled.AcledCsv;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A file larger than the reader's batches, through the ingest pipeline into the store. */
class LargeFileIngestTest {
  private static final LocalDate TODAY = LocalDate.of(2026, 11, 26);

  /** Rows that fill several of the reader's batches. */
  private static final int ROWS = 2048 * 3 + 17;

  @TempDir Path dir;

  /**
   * An ACLED file of {@link #ROWS} events; every 500th has a bad date (quarantined), every 300th a
   * note over two lines, so line numbers drift from row numbers.
   */
  private Path file() throws IOException {
    StringBuilder sb = new StringBuilder(AcledCsv.HEADER).append('\n');
    for (int i = 1; i <= ROWS; i++) {
      String date = i % 500 == 0 ? "2025-02-30" : "2025-05-10";
      String notes =
          i % 300 == 0 ? "\"Soldiers killed\ncivilians.\"" : "Soldiers killed civilians.";
      sb.append("MLI")
          .append(i)
          .append(',')
          .append(date)
          .append(",2025,1,Political violence,Violence against civilians,Attack,")
          .append("Military Forces of Mali (2021-),,1,Civilians (Mali),,7,17,Civilian targeting,")
          .append("466,Western Africa,Mali,Segou,Macina,Kolongo,Kolongo,13.95,-5.33,2,")
          .append("Local source,Subnational,")
          .append(notes)
          .append(",3,,1747000000\n");
    }
    Path p = dir.resolve("many.csv");
    Files.writeString(p, sb.toString(), StandardCharsets.UTF_8);
    return p;
  }

  @Test
  void storesRowsOfEveryBatchWithTheirLineNumbersAndQuarantinesTheBadOnes() throws Exception {
    Path file = file();
    try (DuckDbStore store = DuckDbStore.open(dir.resolve("s.duckdb"))) {
      IngestReport r =
          new EventIngest(TODAY)
              .ingest(SourceFile.inspect(file), Optional.empty(), store.events(), b -> {});

      assertThat(r.rowsRead()).isEqualTo(ROWS);
      assertThat(r.inserted()).isEqualTo(ROWS - ROWS / 500);
      assertThat(r.quarantined()).isEqualTo(ROWS / 500);
      // Row n starts on line n + 1 plus one for every two-line note before it.
      for (int n : new int[] {1, 299, 301, 2049, 4097, ROWS}) {
        Event e = store.findEvent("acled:MLI" + n).orElseThrow();
        assertThat(e.provenance().lineNumber()).as("row %d", n).isEqualTo(n + 1 + (n - 1) / 300);
      }
      List<RejectedRow> q = store.listQuarantine(100);
      assertThat(q).extracting(RejectedRow::lineNumber).contains(501L + 1, 6000L + 1 + 19);
      assertThat(q.get(0).raw()).startsWith("MLI500,2025-02-30");
      assertThat(q.get(q.size() - 1).raw()).startsWith("MLI6000,2025-02-30").contains("\n");
    }
  }
}
