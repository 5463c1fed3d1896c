package org.harmattan.analytics.indicators;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.harmattan.domain.event.SourceSystem;
import org.harmattan.domain.figure.Figure;
import org.harmattan.domain.figure.Period;
import org.harmattan.engine.memory.InMemoryStore;
import org.harmattan.ingest.EventIngest;
import org.harmattan.ingest.SourceFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The deadliest incidents of a window on hand-counted fixtures, read through the ingest pipeline
 * into the in-memory reference engine.
 *
 * <p>acled-deadliest-ties.csv, Mali in 2025: MLI7002 12 deaths, MLI7005 9, MLI7003 and MLI7004 7
 * each (a tie, broken by event id), MLI7001 4, MLI7007 3, MLI7010 1, MLI7006 none; MLI7008 (40
 * deaths) is dated 2024-12-31, before the window, and BFA7009 (30) is in Burkina Faso.
 */
class DeadliestIncidentsTest {
  private static final Period YEAR_2025 =
      new Period(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31));
  private static final LocalDate TODAY = LocalDate.of(2026, 1, 15);

  @TempDir Path dir;

  private DeadliestIncidents compute(String fixture, int count) throws IOException {
    Path file = dir.resolve(fixture);
    try (InputStream in = DeadliestIncidentsTest.class.getResourceAsStream(fixture)) {
      Files.copy(in, file);
    }
    try (InMemoryStore store = new InMemoryStore()) {
      new EventIngest(TODAY)
          .ingest(SourceFile.inspect(file), Optional.empty(), store.events(), x -> {});
      return DeadliestIncidents.compute(
          store.analytics(),
          new SecurityRequest("MLI", YEAR_2025, null, Set.of(SourceSystem.ACLED), TODAY),
          count);
    }
  }

  @Test
  void theFiveDeadliestOfTheWindowAndCountryTiesByEventId() throws IOException {
    DeadliestIncidents d = compute("acled-deadliest-ties.csv", 5);

    assertThat(d.incidents().stream().map(i -> i.event().id()))
        .containsExactly(
            "acled:MLI7002", "acled:MLI7005", "acled:MLI7003", "acled:MLI7004", "acled:MLI7001");
    assertThat(d.listFigures().stream().map(Figure::getValue))
        .containsExactly(12.0, 9.0, 7.0, 7.0, 4.0);
    assertThat(d.listFigures().stream().map(Figure::id))
        .containsExactly(
            "incidents.deadliest.1",
            "incidents.deadliest.2",
            "incidents.deadliest.3",
            "incidents.deadliest.4",
            "incidents.deadliest.5");
  }

  @Test
  void eachDeathTollCitesItsOneEventAndFile() throws IOException {
    DeadliestIncidents d = compute("acled-deadliest-ties.csv", 5);
    Figure first = d.listFigures().get(0);

    assertThat(first.unit()).isEqualTo("deaths");
    assertThat(first.period()).isEqualTo(YEAR_2025);
    assertThat(first.citation().recordCount()).isEqualTo(1);
    assertThat(first.citation().eventIds()).containsExactly("acled:MLI7002");
    assertThat(first.citation().sources()).hasSize(1);
    assertThat(first.citation().sources().get(0).dataset()).isEqualTo("acled-deadliest-ties.csv");
    assertThat(first.citation().sources().get(0).sha256()).hasSize(64);
    assertThat(first.filters()).containsEntry("rank", "1").containsEntry("country", "MLI");
    assertThat(first.query())
        .contains("ordered by best fatality estimate descending, then event id")
        .endsWith("rank 1: acled:MLI7002");
  }

  @Test
  void namesThePlaceAndTheActors() throws IOException {
    List<DeadliestIncidents.Incident> incidents =
        compute("acled-deadliest-ties.csv", 5).incidents();

    assertThat(incidents.get(0).place()).isEqualTo("Bandiagara, Mopti");
    assertThat(incidents.get(0).actors())
        .containsExactly("JNIM: Group for Support of Islam and Muslims", "Civilians (Mali)");
    assertThat(incidents.get(0).event().date()).isEqualTo(LocalDate.of(2025, 1, 20));
    // Location and region share a name: said once.
    assertThat(incidents.get(4).place()).isEqualTo("Mopti");
  }

  @Test
  void fewerThanAskedWhenFewerEventsHadDeaths() throws IOException {
    assertThat(compute("acled-deadliest-ties.csv", 10).incidents()).hasSize(7);
    DeadliestIncidents none = compute("acled-no-deaths.csv", 5);
    assertThat(none.incidents()).isEmpty();
    assertThat(none.listFigures()).isEmpty();
  }
}
