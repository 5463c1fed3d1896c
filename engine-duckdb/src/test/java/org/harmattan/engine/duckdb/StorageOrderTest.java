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
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.harmattan.ingest.EventIngest;
import org.harmattan.ingest.IngestReport;
import org.harmattan.ingest.SourceFile;
import org.harmattan.testsupport.acled.AcledCsv;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A file's events are stored by country, then date ({@link DuckDbFileWrite#CLUSTER_ORDER}),
 * whatever their order in the file, on each path of the write: a first load, a file of new and
 * known events, a file whose rows repeat an id. What is stored is what was read.
 */
class StorageOrderTest {
  private static final LocalDate TODAY = LocalDate.of(2026, 12, 5);

  /** Code, ISO numeric, name and a point inside, of the countries the files mix. */
  private static final String[][] COUNTRIES = {
    {"NER", "562", "Niger", "13.51", "2.11"},
    {"BFA", "854", "Burkina Faso", "12.37", "-1.52"},
    {"MLI", "466", "Mali", "13.95", "-5.33"},
  };

  @TempDir Path dir;

  /** The stored rows' country and date, in the order they are stored. */
  private record Stored(String country, LocalDate date, String id) {}

  private static final Comparator<Stored> CLUSTER =
      Comparator.comparing(Stored::country).thenComparing(Stored::date);

  /**
   * A file of {@code rows} events numbered from {@code first}, the countries taken in turn and the
   * dates going back and forth, so that neither is in order in the file.
   */
  private Path file(String name, int first, int rows, String extra) throws IOException {
    StringBuilder sb = new StringBuilder(AcledCsv.HEADER).append('\n');
    for (int i = first; i < first + rows; i++) {
      sb.append(row(i, (i * 7) % 23 + 1, ""));
    }
    sb.append(extra);
    Path p = dir.resolve(name);
    Files.writeString(p, sb.toString(), StandardCharsets.UTF_8);
    return p;
  }

  /** Event {@code i}, on day {@code day} of May 2025, its note ending in {@code note}. */
  private static String row(int i, int day, String note) {
    String[] c = COUNTRIES[i % COUNTRIES.length];
    return c[0]
        + i
        + ",2025-05-"
        + String.format(java.util.Locale.ROOT, "%02d", day)
        + ",2025,1,Political violence,Violence against civilians,Attack,"
        + "Unidentified Armed Group ("
        + c[2]
        + "),,3,Civilians ("
        + c[2]
        + "),,7,37,Civilian targeting,"
        + c[1]
        + ",Western Africa,"
        + c[2]
        + ",Region,District,,Place "
        + i
        + ","
        + c[3]
        + ","
        + c[4]
        + ",2,Local source,Subnational,Note "
        + i
        + note
        + ",1,,1747000000\n";
  }

  private static IngestReport ingest(DuckDbStore store, Path file) {
    return new EventIngest(TODAY)
        .ingest(SourceFile.inspect(file), Optional.empty(), store.events(), b -> {});
  }

  private static List<Stored> stored(Path storeFile) throws Exception {
    List<Stored> out = new ArrayList<>();
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + storeFile);
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery("SELECT country_iso3, event_date, id FROM events ORDER BY rowid")) {
      while (rs.next()) {
        out.add(new Stored(rs.getString(1), rs.getObject(2, LocalDate.class), rs.getString(3)));
      }
    }
    return out;
  }

  @Test
  void aFirstLoadIsStoredByCountryThenDate() throws Exception {
    Path storeFile = dir.resolve("s.duckdb");
    try (DuckDbStore store = DuckDbStore.open(storeFile)) {
      assertThat(ingest(store, file("a.csv", 1, 300, "")).inserted()).isEqualTo(300);
    }
    List<Stored> rows = stored(storeFile);
    assertThat(rows).hasSize(300).isSortedAccordingTo(CLUSTER);
    assertThat(rows).extracting(Stored::country).containsOnly("NER", "BFA", "MLI");
    // Each event is the row the file gave: its id's country code is its country.
    assertThat(rows).allMatch(r -> r.id().startsWith("acled:" + r.country()));
    assertThat(rows.stream().map(Stored::id).distinct().count()).isEqualTo(300);
  }

  @Test
  void newEventsBesideKnownOnesAreStoredByCountryThenDate() throws Exception {
    Path storeFile = dir.resolve("s.duckdb");
    try (DuckDbStore store = DuckDbStore.open(storeFile)) {
      ingest(store, file("a.csv", 1, 90, ""));
      // Events 61-90 again, unchanged, and 91-240 new: the merge that compares with the store.
      IngestReport second = ingest(store, file("b.csv", 61, 180, ""));
      assertThat(second.inserted()).isEqualTo(150);
      assertThat(second.unchanged()).isEqualTo(30);
    }
    List<Stored> rows = stored(storeFile);
    assertThat(rows).hasSize(240);
    assertThat(rows.subList(0, 90)).isSortedAccordingTo(CLUSTER);
    assertThat(rows.subList(90, 240)).isSortedAccordingTo(CLUSTER);
  }

  @Test
  void aFileThatRepeatsAnIdIsStoredByCountryThenDate() throws Exception {
    Path storeFile = dir.resolve("s.duckdb");
    try (DuckDbStore store = DuckDbStore.open(storeFile)) {
      // Event 5 again at the end, on another day: a conflicting row; the file's last is kept.
      IngestReport r = ingest(store, file("a.csv", 1, 120, row(5, 9, " (again)")));
      assertThat(r.inserted()).isEqualTo(120);
      assertThat(r.quarantined()).isEqualTo(1);
    }
    List<Stored> rows = stored(storeFile);
    assertThat(rows).hasSize(120).isSortedAccordingTo(CLUSTER);
    assertThat(rows)
        .filteredOn(e -> e.id().equals("acled:MLI5"))
        .extracting(Stored::date)
        .containsExactly(LocalDate.of(2025, 5, 9));
  }
}
