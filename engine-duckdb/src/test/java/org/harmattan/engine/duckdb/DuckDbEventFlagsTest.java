package org.harmattan.engine.duckdb;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.harmattan.domain.event.EventFlag;
import org.harmattan.domain.figure.Period;
import org.harmattan.engine.query.EventFilter;
import org.harmattan.engine.query.EventListing;
import org.harmattan.ingest.CountryBoxes;
import org.harmattan.ingest.EventIngest;
import org.harmattan.ingest.IngestReport;
import org.harmattan.ingest.SourceFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the DuckDB store does with event flags beyond the contract: the {@code flags} column given
 * to a store made before it, whose events then read as without flags until their files are read
 * again. The flags' round trip is in the contract suite.
 */
class DuckDbEventFlagsTest {
  private static final LocalDate TODAY = LocalDate.of(2026, 11, 26);

  /**
   * A box for Mali cut short in the west at 9 W (9.5 W with the margin): Kolongo (5.33 W) and
   * Bamako (8.0 W) lie inside, Nioro du Sahel (9.59 W, MLI9203 of acled-revision-2.csv) outside.
   */
  private static final CountryBoxes SHORT_MALI =
      CountryBoxes.of(Map.of("MLI", new CountryBoxes.Box(-9.0, 10.0, 4.3, 25.0)));

  @TempDir Path dir;

  private static Path fixture(String name) throws URISyntaxException {
    return Path.of(DuckDbEventFlagsTest.class.getResource("/fixtures/" + name).toURI());
  }

  private static IngestReport ingest(DuckDbStore store, String name) throws URISyntaxException {
    return new EventIngest(TODAY)
        .ingest(SourceFile.inspect(fixture(name)), Optional.empty(), store.events(), b -> {});
  }

  private static long count(Path db, String sql) throws SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + db.toAbsolutePath());
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
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
  void aStoreMadeBeforeFlagsIsGivenTheirColumnWhenOpenedAndItsEventsTheirFlagsWhenReadAgain()
      throws Exception {
    Path db = dir.resolve("s.duckdb");
    try (DuckDbStore store = DuckDbStore.open(db)) {
      ingest(store, "acled-revision-1.csv");
      ingest(store, "acled-revision-2.csv");
    }
    // The store as the code before flags made it.
    execute(
        db, "ALTER TABLE events DROP COLUMN flags", "ALTER TABLE events_history DROP COLUMN flags");
    String flagColumns =
        "SELECT count(*) FROM information_schema.columns WHERE table_name IN ('events',"
            + " 'events_history') AND column_name = 'flags'";
    assertThat(count(db, flagColumns)).isZero();

    // A command that only reads opens it, which brings it up to date first.
    try (DuckDbStore store = DuckDbStore.openReadOnly(db)) {
      assertThat(store.findEvent("acled:MLI9201").orElseThrow().flags()).isEmpty();
      assertThat(
              store
                  .analytics()
                  .listEvents(
                      EventListing.first(
                          EventFilter.of(
                              "MLI",
                              new Period(LocalDate.of(2025, 5, 1), LocalDate.of(2025, 5, 31))),
                          EventListing.Sort.ascending(EventListing.Sort.Field.ID),
                          10))
                  .events())
          .extracting(e -> e.id(), e -> e.flags())
          .containsExactly(
              org.assertj.core.groups.Tuple.tuple("acled:MLI9201", Set.of()),
              org.assertj.core.groups.Tuple.tuple("acled:MLI9202", Set.of()),
              org.assertj.core.groups.Tuple.tuple("acled:MLI9203", Set.of()));
    }
    assertThat(count(db, flagColumns)).isEqualTo(2);
    // Events stored before the column have no flags (NULL), not an empty list.
    assertThat(count(db, "SELECT count(*) FROM events WHERE flags IS NULL")).isEqualTo(3);

    // Read again with the boxes, the events are unchanged (and 9202's older copy too); Nioro's
    // is flagged as the reading found it, the others keep their column as it was.
    try (DuckDbStore store = DuckDbStore.open(db)) {
      IngestReport r =
          new EventIngest(TODAY, SHORT_MALI)
              .ingest(
                  SourceFile.inspect(fixture("acled-revision-2.csv")),
                  Optional.empty(),
                  store.events(),
                  b -> {});
      assertThat(List.of(r.inserted(), r.updated(), r.unchanged(), r.quarantined()))
          .containsExactly(0L, 0L, 3L, 1L);
      assertThat(store.findEvent("acled:MLI9203").orElseThrow().flags())
          .containsExactly(EventFlag.POINT_OUTSIDE_COUNTRY);
      assertThat(store.findEvent("acled:MLI9201").orElseThrow().flags()).isEmpty();
      assertThat(store.countHistory("acled:MLI9203")).isZero();
    }
    assertThat(count(db, "SELECT count(*) FROM events WHERE flags IS NULL")).isEqualTo(2);
    assertThat(
            count(
                db,
                "SELECT count(*) FROM events WHERE flags = ['point_outside_country']"
                    + " AND id = 'acled:MLI9203'"))
        .isEqualTo(1);
  }
}
