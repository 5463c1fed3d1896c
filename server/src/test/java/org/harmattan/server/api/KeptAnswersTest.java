package org.harmattan.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.harmattan.domain.event.EventType;
import org.harmattan.domain.figure.Period;
import org.harmattan.engine.Store;
import org.harmattan.engine.query.AnalyticsEngine;
import org.harmattan.engine.query.CountQuery;
import org.harmattan.engine.query.CountResult;
import org.harmattan.engine.query.Coverage;
import org.harmattan.engine.query.Dimension;
import org.harmattan.engine.query.EventFilter;
import org.harmattan.engine.query.EventListing;
import org.harmattan.engine.query.EventPage;
import org.harmattan.engine.query.EventPoint;
import org.harmattan.engine.query.NameCount;
import org.harmattan.service.Stores;
import org.harmattan.service.ingest.FileOutcome;
import org.harmattan.service.ingest.IngestService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The engine's answers kept for a store generation: asked again, a question is answered without the
 * engine; at another generation, or when its answer is too large to keep, the engine answers. Over
 * a real DuckDB store holding the contract suite's ACLED fixture (8 Mali events in 2025-01 to
 * 2025-03: 5 battles, 2 of violence against civilians, 1 riot).
 */
class KeptAnswersTest {
  private static final String FIXTURE =
      "/org/harmattan/engine/contract/fixtures/acled-query-mix.csv";
  private static final EventFilter MALI =
      EventFilter.of("MLI", new Period(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 3, 31)));

  @TempDir Path folder;
  private Store store;

  @BeforeEach
  void open() throws IOException {
    store = Stores.open(folder.resolve("store.duckdb"));
    Path file = folder.resolve("acled.csv");
    try (InputStream in = KeptAnswersTest.class.getResourceAsStream(FIXTURE)) {
      Files.copy(in, file);
    }
    FileOutcome o =
        new IngestService(store, LocalDate.of(2026, 11, 26))
            .ingest(file, IngestService.Options.detect(), b -> {});
    assertThat(o).isNotInstanceOf(FileOutcome.Failed.class);
  }

  @AfterEach
  void close() {
    store.close();
  }

  @Test
  void aQuestionAskedAgainAtTheSameGenerationIsNotAskedOfTheEngine() {
    Asked engine = new Asked(store.analytics());
    KeptAnswers kept = new KeptAnswers();
    CountQuery byType = new CountQuery(MALI, List.of(Dimension.EVENT_TYPE));

    CountResult first = kept.over(engine, 7).count(byType);
    CountResult again = kept.over(engine, 7).count(byType);
    Coverage coverage = kept.over(engine, 7).coverage(MALI);
    Coverage coverageAgain = kept.over(engine, 7).coverage(MALI);
    List<EventPoint> points = kept.over(engine, 7).listEventPoints(MALI);
    List<EventPoint> pointsAgain = kept.over(engine, 7).listEventPoints(MALI);

    assertThat(first.events()).isEqualTo(8);
    assertThat(again).isSameAs(first);
    assertThat(coverage.events()).isEqualTo(9); // coverage spans the whole store: 2024-12-31 too
    assertThat(coverageAgain).isSameAs(coverage);
    assertThat(pointsAgain).isSameAs(points);
    assertThat(engine.calls).containsExactly("count", "coverage", "points");
  }

  @Test
  void anotherGenerationOrAnotherQuestionIsAskedOfTheEngine() {
    Asked engine = new Asked(store.analytics());
    KeptAnswers kept = new KeptAnswers();
    EventFilter battles = MALI.restrictEventTypes(Set.of(EventType.BATTLES));

    long before = kept.over(engine, 1).count(CountQuery.total(MALI)).events();
    long afterWrite = kept.over(engine, 2).count(CountQuery.total(MALI)).events();
    long onlyBattles = kept.over(engine, 2).count(CountQuery.total(battles)).events();
    // Points with notes are another question than points without.
    kept.over(engine, 2).listEventPoints(MALI, false);
    kept.over(engine, 2).listEventPoints(MALI, true);

    assertThat(before).isEqualTo(8);
    assertThat(afterWrite).isEqualTo(8);
    assertThat(onlyBattles).isEqualTo(2);
    assertThat(engine.calls).containsExactly("count", "count", "count", "points", "points");
  }

  @Test
  void anAnswerOfMoreEventsThanTheLimitIsNotKept() {
    Asked engine = new Asked(store.analytics());
    KeptAnswers kept = new KeptAnswers(16, 5);
    EventListing threeFirst =
        EventListing.first(MALI, EventListing.Sort.ascending(EventListing.Sort.Field.DATE), 3);

    // 8 events counted: over the limit of 5, asked of the engine each time.
    kept.over(engine, 1).count(CountQuery.total(MALI));
    kept.over(engine, 1).count(CountQuery.total(MALI));
    // A page of 3 events: kept.
    EventPage page = kept.over(engine, 1).listEvents(threeFirst);
    EventPage again = kept.over(engine, 1).listEvents(threeFirst);

    assertThat(page.events()).hasSize(3);
    assertThat(page.total()).isEqualTo(8);
    assertThat(again).isSameAs(page);
    assertThat(engine.calls).containsExactly("count", "count", "events");
    assertThat(kept.size()).isEqualTo(1);
  }

  @Test
  void theDefaultBoundsKeepTheMemorySmall() {
    // At most 256 answers of at most 10,000 events each: a few hundred megabytes at worst.
    assertThat((long) KeptAnswers.CAPACITY * KeptAnswers.MOST_RECORDS).isEqualTo(2_560_000L);
  }

  /** The store's engine, recording which calls reached it. */
  private static final class Asked implements AnalyticsEngine {
    private final AnalyticsEngine engine;
    final List<String> calls = new ArrayList<>();

    Asked(AnalyticsEngine engine) {
      this.engine = engine;
    }

    @Override
    public CountResult count(CountQuery query) {
      calls.add("count");
      return engine.count(query);
    }

    @Override
    public List<NameCount> listActorNames(EventFilter filter) {
      calls.add("actors");
      return engine.listActorNames(filter);
    }

    @Override
    public List<EventPoint> listEventPoints(EventFilter filter, boolean withNotes) {
      calls.add("points");
      return engine.listEventPoints(filter, withNotes);
    }

    @Override
    public Coverage coverage(EventFilter filter) {
      calls.add("coverage");
      return engine.coverage(filter);
    }

    @Override
    public EventPage listEvents(EventListing listing) {
      calls.add("events");
      return engine.listEvents(listing);
    }
  }
}
