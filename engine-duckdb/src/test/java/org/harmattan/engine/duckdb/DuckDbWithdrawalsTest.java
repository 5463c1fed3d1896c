package org.harmattan.engine.duckdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.harmattan.domain.error.HarmattanException;
import org.harmattan.domain.event.SourceSystem;
import org.harmattan.engine.write.FileRef;
import org.harmattan.engine.write.FileWrite;
import org.harmattan.engine.write.WithdrawOutcome;
import org.harmattan.engine.write.Withdrawal;
import org.harmattan.ingest.EventIngest;
import org.harmattan.ingest.IngestReport;
import org.harmattan.ingest.SourceFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the DuckDB store keeps of a withdrawal beyond the contract: the rows of {@code withdrawals}
 * and of {@code events_history}, a store made before withdrawals opened again, and one write at a
 * time. The behaviour every engine shows is in the contract suite.
 */
class DuckDbWithdrawalsTest {
  private static final LocalDate TODAY = LocalDate.of(2026, 11, 26);
  private static final Instant WITHDRAWN = Instant.ofEpochSecond(1747500000);

  @TempDir Path dir;

  private static IngestReport ingest(DuckDbStore store, String name) throws URISyntaxException {
    Path file = Path.of(DuckDbWithdrawalsTest.class.getResource("/fixtures/" + name).toURI());
    return new EventIngest(TODAY)
        .ingest(SourceFile.inspect(file), Optional.empty(), store.events(), b -> {});
  }

  private static Withdrawal withdrawal(String id) {
    return new Withdrawal(SourceSystem.ACLED, id, WITHDRAWN, Withdrawal.ACLED_DELETED);
  }

  /** The rows a query gives, each as a list of its values (TIMESTAMPs as UTC instants). */
  private static List<List<Object>> rows(Path db, String sql) throws SQLException {
    List<List<Object>> out = new ArrayList<>();
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + db.toAbsolutePath());
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      int n = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        List<Object> row = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
          Object v = rs.getObject(i);
          if (v instanceof java.sql.Timestamp) {
            v = rs.getObject(i, LocalDateTime.class).toInstant(ZoneOffset.UTC);
          }
          row.add(v);
        }
        out.add(row);
      }
    }
    return out;
  }

  private static void execute(Path db, String... sql) throws SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + db.toAbsolutePath());
        Statement s = c.createStatement()) {
      for (String q : sql) {
        s.execute(q);
      }
    }
  }

  @Test
  void theWithdrawnVersionIsKeptInHistoryWithTheWithdrawalsTimeAndReason() throws Exception {
    Path db = dir.resolve("s.duckdb");
    Instant before = Instant.now();
    try (DuckDbStore store = DuckDbStore.open(db)) {
      ingest(store, "acled-revision-1.csv");
      ingest(store, "acled-revision-2.csv");
      assertThat(store.events().withdraw(List.of(withdrawal("MLI9202"), withdrawal("MLI9999"))))
          .isEqualTo(new WithdrawOutcome(1, 0, 1, 0));
    }

    // A revision names the file that replaced the version (9202's older copy, read second, the
    // file of the version that stayed); a withdrawal is marked and gives its time and reason.
    assertThat(
            rows(
                db,
                "SELECT id, superseded_by_sha256 = 'withdrawn', withdrawn_at, withdrawal_reason,"
                    + " source_timestamp FROM events_history ORDER BY id, source_timestamp"))
        .containsExactly(
            Arrays.asList("acled:MLI9201", false, null, null, Instant.ofEpochSecond(1747000000)),
            Arrays.asList("acled:MLI9202", false, null, null, Instant.ofEpochSecond(1746000000)),
            Arrays.asList(
                "acled:MLI9202",
                true,
                WITHDRAWN,
                Withdrawal.ACLED_DELETED,
                Instant.ofEpochSecond(1747000000)));
    List<List<Object>> recorded =
        rows(
            db,
            "SELECT id, source, source_event_id, withdrawn_at, reason, recorded_at FROM withdrawals"
                + " ORDER BY id");
    assertThat(recorded)
        .extracting(r -> r.subList(0, 5))
        .containsExactly(
            List.of("acled:MLI9202", "ACLED", "MLI9202", WITHDRAWN, Withdrawal.ACLED_DELETED),
            List.of("acled:MLI9999", "ACLED", "MLI9999", WITHDRAWN, Withdrawal.ACLED_DELETED));
    assertThat(recorded)
        .allSatisfy(r -> assertThat((Instant) r.get(5)).isAfterOrEqualTo(before.minusSeconds(1)));
  }

  @Test
  void aStoreMadeBeforeWithdrawalsIsGivenTheirTableAndColumnsWhenOpened() throws Exception {
    Path db = dir.resolve("s.duckdb");
    try (DuckDbStore store = DuckDbStore.open(db)) {
      ingest(store, "acled-revision-1.csv");
      ingest(store, "acled-revision-2.csv");
    }
    // The store as the code before withdrawals made it.
    execute(
        db,
        "DROP TABLE withdrawals",
        "ALTER TABLE events_history DROP COLUMN withdrawal_reason",
        "ALTER TABLE events_history DROP COLUMN withdrawn_at");
    assertThat(
            rows(
                db,
                "SELECT count(*) FROM information_schema.columns WHERE table_name ="
                    + " 'events_history' AND column_name LIKE 'withdraw%'"))
        .containsExactly(List.of(0L));

    try (DuckDbStore store = DuckDbStore.open(db)) {
      // 9201's first version and 9202's older copy.
      assertThat(store.status().history()).isEqualTo(2);
      assertThat(store.status().withdrawn()).isZero();
      assertThat(
              store
                  .events()
                  .withdraw(
                      List.of(
                          new Withdrawal(
                              SourceSystem.ACLED,
                              "MLI9203",
                              Instant.ofEpochSecond(1749000000),
                              Withdrawal.ACLED_DELETED))))
          .isEqualTo(new WithdrawOutcome(1, 0, 0, 0));
      assertThat(ingest(store, "acled-revision-2.csv").unchanged()).isEqualTo(3);
      assertThat(store.findEvent("acled:MLI9203")).isEmpty();
      assertThat(store.countHistory("acled:MLI9203")).isEqualTo(1);
    }
    assertThat(rows(db, "SELECT id, withdrawn_at IS NULL FROM events_history ORDER BY id"))
        .containsExactly(
            List.of("acled:MLI9201", true),
            List.of("acled:MLI9202", true),
            List.of("acled:MLI9203", false));
  }

  @Test
  void aWithdrawalWaitsForTheWriteOfAFileToEnd() throws Exception {
    try (DuckDbStore store = DuckDbStore.open(dir.resolve("s.duckdb"))) {
      ingest(store, "acled-revision-1.csv");
      try (FileWrite w =
          store.events().begin(new FileRef("open.csv", "open.csv", "ab".repeat(32)))) {
        assertThatThrownBy(() -> store.events().withdraw(List.of(withdrawal("MLI9201"))))
            .isInstanceOf(HarmattanException.class)
            .hasMessageContaining("one write at a time");
        w.commit("acled", 0, ranges -> Map.of());
      }
      assertThat(store.findEvent("acled:MLI9201")).isPresent();
      assertThat(store.status().files()).isEqualTo(2);
      assertThat(store.events().withdraw(List.of(withdrawal("MLI9201"))).withdrawn()).isEqualTo(1);
    }
  }
}
