package org.harmattan.engine.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.harmattan.domain.error.ErrorCategory;
import org.harmattan.domain.error.HarmattanException;
import org.harmattan.domain.event.ActorRole;
import org.harmattan.domain.event.Event;
import org.harmattan.domain.event.EventType;
import org.harmattan.domain.event.Fatalities;
import org.harmattan.domain.event.Provenance;
import org.harmattan.domain.event.SourceSystem;
import org.harmattan.domain.figure.Period;
import org.harmattan.domain.figure.SourceRef;
import org.harmattan.engine.Store;
import org.harmattan.engine.Unsupported;
import org.harmattan.engine.query.AnalyticsEngine;
import org.harmattan.engine.query.CountQuery;
import org.harmattan.engine.query.CountResult;
import org.harmattan.engine.query.CountRow;
import org.harmattan.engine.query.Dimension;
import org.harmattan.engine.query.EventFilter;
import org.harmattan.engine.query.EventListing;
import org.harmattan.engine.query.EventListing.Sort.Field;
import org.harmattan.engine.query.EventPage;
import org.harmattan.engine.series.SeriesPoint;
import org.harmattan.ingest.EventIngest;
import org.harmattan.ingest.IngestReport;
import org.harmattan.ingest.SourceFile;
import org.harmattan.ingest.humanitarian.HumanitarianIngest;
import org.harmattan.ingest.humanitarian.HumanitarianIngestReport;
import org.harmattan.ingest.hxl.HxlReader;
import org.harmattan.ingest.series.SeriesIngest;
import org.harmattan.ingest.series.SeriesIngestReport;

/**
 * What every part of the contract suite shares: the store under test (which {@link
 * EngineContractTest} opens and closes around each case), the fixture files and their ingest, the
 * query mix and the names and places its cases use.
 */
interface EngineCase {
  /** The day ingest takes as today: events dated after it are rejected. */
  LocalDate TODAY = LocalDate.of(2026, 11, 26);

  String FIXTURES = "/org/harmattan/engine/contract/fixtures/";
  String QUERY_ACLED = "acled-query-mix.csv";
  String QUERY_UCDP = "ucdp-query-mix.csv";
  String QUERY_GDELT = "gdelt2-placed-and-unplaced.tsv";

  String FAMA = "Military Forces of Mali (2021-)";
  String JNIM = "JNIM: Group for Support of Islam and Muslims";
  String CIVILIANS = "Civilians (Mali)";
  String WAGNER = "Wagner Group";
  String ISSP = "Islamic State (Sahel)";

  /** Mopti town, where the query mix places two events (and a third, out of the window). */
  double MOPTI_LAT = 14.4843;

  double MOPTI_LON = -4.1827;

  /** The first quarter of 2025: the window of the query mix. */
  Period Q1_2025 = new Period(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 3, 31));

  /** Every source's events in Mali in the first quarter of 2025. */
  EventFilter MALI_Q1 = EventFilter.of("MLI", Q1_2025);

  /** The store under test. */
  Store store();

  /** The test's own folder (the store's is in it). */
  Path dir();

  /**
   * Whether the engine shows {@code behavior} ({@link EngineContractTest#supports}, which an engine
   * overrides).
   */
  boolean supports(EngineBehavior behavior);

  /** Another store of the engine, opened (created when needed) in {@code folder}. */
  Store openAnother(Path folder);

  /** Closes the store under test and opens its folder again, as a new process would. */
  void reopenStore();

  /** The analytics of the store under test. */
  default AnalyticsEngine analytics() {
    return store().analytics();
  }

  /** A fixture file of this module, copied to the test's folder (resources may sit in a jar). */
  default Path fixture(String name) {
    Path target = dir().resolve("fixtures").resolve(name);
    if (Files.exists(target)) {
      return target;
    }
    try (InputStream in = EngineCase.class.getResourceAsStream(FIXTURES + name)) {
      if (in == null) {
        throw new IllegalStateException("no contract fixture " + name + " on the class path");
      }
      Files.createDirectories(target.getParent());
      Files.copy(in, target);
      return target;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Ingests an event fixture through the ingest pipeline into the store(). */
  default IngestReport ingest(String name) {
    return ingestFile(fixture(name), new Recorded());
  }

  /** Ingests an event fixture into another store than the one under test. */
  default IngestReport ingestInto(Store other, String name) {
    IngestReport r =
        new EventIngest(TODAY)
            .ingest(SourceFile.inspect(fixture(name)), Optional.empty(), other.events(), b -> {});
    assertThat(r.inserted() + r.updated() + r.unchanged() + r.merged() + r.quarantined())
        .isEqualTo(r.rowsRead());
    return r;
  }

  default IngestReport ingestFile(Path file, Recorded recorded) {
    IngestReport r =
        new EventIngest(TODAY)
            .ingest(
                SourceFile.inspect(file),
                Optional.empty(),
                recorded.events(store().events()),
                bytes -> {});
    // Every row read is accounted for exactly once, by every engine.
    assertThat(r.inserted() + r.updated() + r.unchanged() + r.merged() + r.quarantined())
        .as("rows of %s accounted for", file.getFileName())
        .isEqualTo(r.rowsRead());
    return r;
  }

  default HumanitarianIngestReport ingestHumanitarian(String name, Recorded recorded) {
    HumanitarianIngestReport r =
        HumanitarianIngest.ingest(
            HxlReader.inspect(fixture(name)),
            OptionalInt.empty(),
            recorded.observations(store().humanitarian()));
    assertThat(r.inserted() + r.unchanged() + r.quarantined()).isEqualTo(r.rowsRead());
    return r;
  }

  default SeriesIngestReport ingestSeries(String name, Recorded recorded) {
    return ingestSeriesFile(fixture(name), recorded);
  }

  default SeriesIngestReport ingestSeriesFile(Path file, Recorded recorded) {
    SeriesIngestReport r =
        SeriesIngest.ingest(SourceFile.inspect(file), recorded.series(store().seriesWriter()));
    assertThat(r.inserted() + r.updated() + r.unchanged() + r.quarantined())
        .as("rows of %s accounted for", file.getFileName())
        .isEqualTo(r.rowsRead());
    return r;
  }

  /** The files of the query mix, and the days around their ingest. */
  record QueryMix(
      SourceRef acled, SourceRef ucdp, SourceRef gdelt, LocalDate before, LocalDate after) {
    boolean accessedOn(LocalDate day) {
      return day != null && !day.isBefore(before) && !day.isAfter(after);
    }
  }

  /**
   * The query mix: ten ACLED events (eight in Mali in the first quarter of 2025, one in Mali on the
   * last day of 2024, one in Burkina Faso), one UCDP event and two GDELT events (one with no point)
   * in Mali in February 2025. See the fixtures' README for the table the expectations come from.
   */
  default QueryMix loadQueryMix() {
    LocalDate before = LocalDate.now(ZoneOffset.UTC);
    IngestReport a = ingest(QUERY_ACLED);
    IngestReport u = ingest(QUERY_UCDP);
    IngestReport g = ingest(QUERY_GDELT);
    LocalDate after = LocalDate.now(ZoneOffset.UTC);
    assertThat(List.of(a.inserted(), u.inserted(), g.inserted())).containsExactly(10L, 1L, 2L);
    return new QueryMix(
        new SourceRef("ACLED", QUERY_ACLED, a.sha256()),
        new SourceRef("UCDP", QUERY_UCDP, u.sha256()),
        new SourceRef("GDELT", QUERY_GDELT, g.sha256()),
        before,
        after);
  }

  default CountResult count(EventFilter filter, Dimension... groupBy) {
    return analytics().count(new CountQuery(filter, List.of(groupBy)));
  }

  /** A group key; null stands for "the events have no value here". */
  default List<String> key(String... values) {
    return Arrays.asList(values);
  }

  /** A group as the cases state it: key, events and fatalities. */
  record Group(List<String> key, long events, long fatalities) {}

  default Group group(List<String> key, long events, long fatalities) {
    return new Group(key, events, fatalities);
  }

  default List<Group> groups(CountResult r) {
    List<Group> out = new ArrayList<>();
    for (CountRow row : r.rows()) {
      out.add(new Group(row.key(), row.events(), row.fatalities()));
    }
    return out;
  }

  /** The check for an operation the engine declared unsupported. */
  default void assertUnsupported(ThrowingCallable operation) {
    assertThatThrownBy(operation)
        .isInstanceOfSatisfying(
            HarmattanException.class,
            e -> {
              assertThat(e.code()).isEqualTo(Unsupported.CODE);
              assertThat(e.category()).isEqualTo(ErrorCategory.USER_INPUT);
              assertThat(e.getMessage()).contains("does not support");
            });
  }

  /** Line {@code n} (1-based) of a fixture, without its line break. */
  default String line(Path file, int n) {
    try {
      return Files.readAllLines(file, StandardCharsets.UTF_8).get(n - 1);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** An ACLED event made by hand, as a mapper would make it from a row of {@code sha}. */
  default Event handMade(String id, int fatalities, Instant timestamp, String sha, long line) {
    return Event.builder(SourceSystem.ACLED, id)
        .date(LocalDate.of(2025, 6, 1))
        .eventType(EventType.BATTLES)
        .subEventType("Armed clash")
        .actor(ActorRole.ACTOR_1, FAMA, 1)
        .actor(ActorRole.ACTOR_2, JNIM, 2)
        .interaction(12)
        .countryIso3("MLI")
        .admin1("Mopti")
        .location("Mopti")
        .point(MOPTI_LAT, MOPTI_LON)
        .fatalities(Fatalities.exactly(fatalities))
        .provenance(new Provenance("hand-made.csv", sha, line, timestamp, Instant.now()))
        .build();
  }

  /** May 2025: the window of the listing set. */
  Period MAY_2025 = new Period(LocalDate.of(2025, 5, 1), LocalDate.of(2025, 5, 31));

  /** Every event of the listing set in May 2025, whatever its country. */
  EventFilter MAY = EventFilter.of(null, MAY_2025);

  EventListing.Sort BY_ID = EventListing.Sort.ascending(Field.ID);

  default EventPage listEvents(EventFilter filter, EventListing.Sort sort) {
    return analytics().listEvents(EventListing.first(filter, sort, EventListing.MAX_LIMIT));
  }

  String VIEWS_Q1 = "views-cm-2019q1.csv";

  /** Every point of the VIEWS fatalities series by country. */
  default List<SeriesPoint> gedSb() {
    return store().series().listSeries("ged_sb", "country");
  }

  default List<Long> outcome(SeriesIngestReport r) {
    return List.of(r.inserted(), r.updated(), r.unchanged(), r.quarantined());
  }

  default Store secondStore() throws IOException {
    Path folder = dir().resolve("store-b");
    Files.createDirectories(folder);
    return openAnother(folder);
  }

  /** The ids of a page, in its order. */
  default List<String> ids(EventPage page) {
    List<String> out = new ArrayList<>();
    for (Event e : page.events()) {
      out.add(e.id());
    }
    return out;
  }
}
