package org.harmattan.engine.duckdb;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.Optional;
import org.harmattan.ingest.EventIngest;
import org.harmattan.ingest.IngestReport;
import org.harmattan.ingest.SourceFile;
import org.harmattan.testsupport.acled.AcledCsv;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A file whose place names are more than a staged column remembers ({@link
 * StagingCodes#REMEMBERED}): each comes back as written, those seen again after the column started
 * afresh too.
 */
class ManyDistinctTextsTest {
  private static final LocalDate TODAY = LocalDate.of(2026, 12, 5);

  /** How many place names the file cycles through: more than a column remembers. */
  private static final int PLACES = StagingCodes.REMEMBERED + 50;

  /** Rows: every place twice and some a third time, across the column's fresh start. */
  private static final int ROWS = 2 * PLACES + 100;

  @TempDir Path dir;

  private Path file() throws IOException {
    StringBuilder sb = new StringBuilder(AcledCsv.HEADER).append('\n');
    for (int i = 1; i <= ROWS; i++) {
      sb.append("MLI")
          .append(i)
          .append(",2025-05-10,2025,1,Political violence,Violence against civilians,Attack,")
          .append("Military Forces of Mali (2021-),\"Militia (")
          .append(i % 7)
          .append("); Civilians\",1,Civilians (Mali),,7,17,Civilian targeting,")
          .append("466,Western Africa,Mali,Segou,Macina,Kolongo,Place ")
          .append(i % PLACES)
          .append(",13.95,-5.33,2,Local source,Subnational,Note ")
          .append(i)
          .append(",3,,1747000000\n");
    }
    Path p = dir.resolve("places.csv");
    Files.writeString(p, sb.toString(), StandardCharsets.UTF_8);
    return p;
  }

  @Test
  void everyTextComesBackAsWrittenPastWhatAColumnRemembers() throws Exception {
    Path file = file();
    Path storeFile = dir.resolve("s.duckdb");
    try (DuckDbStore store = DuckDbStore.open(storeFile)) {
      IngestReport r =
          new EventIngest(TODAY)
              .ingest(SourceFile.inspect(file), Optional.empty(), store.events(), b -> {});
      assertThat(r.inserted()).isEqualTo(ROWS);
    }
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + storeFile);
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT count(*), count(*) FILTER (WHERE location = 'Place ' || (CAST(substr("
                    + "source_event_id, 4) AS INTEGER) % "
                    + PLACES
                    + ") AND notes = 'Note ' || substr(source_event_id, 4) AND assoc_actor_1 ="
                    + " ['Militia (' || (CAST(substr(source_event_id, 4) AS INTEGER) % 7) || ')',"
                    + " 'Civilians'] AND admin2 = 'Macina' AND source_names = 'Local source'),"
                    + " count(DISTINCT location) FROM events")) {
      rs.next();
      assertThat(rs.getLong(1)).isEqualTo(ROWS);
      assertThat(rs.getLong(2)).as("rows whose texts came back as written").isEqualTo(ROWS);
      assertThat(rs.getLong(3)).isEqualTo(PLACES);
    }
  }
}
