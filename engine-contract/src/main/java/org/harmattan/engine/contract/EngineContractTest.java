package org.harmattan.engine.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.harmattan.domain.error.ErrorCategory;
import org.harmattan.domain.error.HarmattanException;
import org.harmattan.domain.event.ActorRole;
import org.harmattan.domain.event.Event;
import org.harmattan.domain.event.EventActor;
import org.harmattan.domain.event.EventFlag;
import org.harmattan.domain.event.EventType;
import org.harmattan.domain.event.Fatalities;
import org.harmattan.domain.event.Provenance;
import org.harmattan.domain.event.SourceSystem;
import org.harmattan.domain.figure.Period;
import org.harmattan.domain.figure.SourceRef;
import org.harmattan.domain.humanitarian.AdminUnit;
import org.harmattan.domain.humanitarian.Observation;
import org.harmattan.domain.problem.Problem;
import org.harmattan.domain.problem.ProblemCode;
import org.harmattan.engine.Store;
import org.harmattan.engine.Unsupported;
import org.harmattan.engine.accounts.Account;
import org.harmattan.engine.accounts.Accounts;
import org.harmattan.engine.accounts.ApiToken;
import org.harmattan.engine.accounts.Role;
import org.harmattan.engine.alerts.AlertLog;
import org.harmattan.engine.alerts.AlertRecord;
import org.harmattan.engine.alerts.DeliveryRecord;
import org.harmattan.engine.query.AnalyticsEngine;
import org.harmattan.engine.query.CountQuery;
import org.harmattan.engine.query.CountResult;
import org.harmattan.engine.query.CountRow;
import org.harmattan.engine.query.Coverage;
import org.harmattan.engine.query.DayGroup;
import org.harmattan.engine.query.Dimension;
import org.harmattan.engine.query.EventFilter;
import org.harmattan.engine.query.EventListing;
import org.harmattan.engine.query.EventListing.Sort.Field;
import org.harmattan.engine.query.EventPage;
import org.harmattan.engine.query.EventPoint;
import org.harmattan.engine.query.NameCount;
import org.harmattan.engine.query.PointGroup;
import org.harmattan.engine.query.StoreStatus;
import org.harmattan.engine.series.SeriesOutcome;
import org.harmattan.engine.series.SeriesPoint;
import org.harmattan.engine.series.SeriesWrite;
import org.harmattan.engine.write.FileRef;
import org.harmattan.engine.write.FileWrite;
import org.harmattan.engine.write.KeptTable;
import org.harmattan.engine.write.LineRange;
import org.harmattan.engine.write.ObservationRecord;
import org.harmattan.engine.write.ObservationRow;
import org.harmattan.engine.write.ObservationWrite;
import org.harmattan.engine.write.RejectedRow;
import org.harmattan.engine.write.Revisions;
import org.harmattan.engine.write.StagedEvent;
import org.harmattan.engine.write.WithdrawOutcome;
import org.harmattan.engine.write.Withdrawal;
import org.harmattan.engine.write.WriteOutcome;
import org.harmattan.ingest.EventIngest;
import org.harmattan.ingest.IngestReport;
import org.harmattan.ingest.SourceFile;
import org.harmattan.ingest.humanitarian.HumanitarianIngest;
import org.harmattan.ingest.humanitarian.HumanitarianIngestReport;
import org.harmattan.ingest.hxl.HxlReader;
import org.harmattan.ingest.series.SeriesIngest;
import org.harmattan.ingest.series.SeriesIngestReport;
import org.harmattan.testsupport.PlainCsv;
import org.harmattan.testsupport.SharedData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The behaviour every engine must show, in the manner of Trino's shared connector tests: an
 * engine's test class extends this one, says how to open its store ({@link #openStore}) and what it
 * does not support ({@link #supports}); every case below then runs against it.
 *
 * <p>Engines are fed real files through the ingest pipeline ({@link EventIngest}, {@link
 * HumanitarianIngest}, {@link SeriesIngest}): the small fixture files in this module's {@code
 * fixtures} folder, each named after the case it holds, and the real ACLED Mali files and VIEWS
 * country-month file of {@code ../shared/data} (skipped when absent). A few cases write hand-made
 * events through the write port instead (the listing set, whose table is in {@code
 * writeListingSet}). Every expected value is worked out by hand from the fixtures and those events
 * (the comments show how) or, for the real files, computed in the test from the raw CSV with {@link
 * PlainCsv}.
 */
public abstract class EngineContractTest {
  /** The day ingest takes as today: events dated after it are rejected. */
  protected static final LocalDate TODAY = LocalDate.of(2026, 11, 26);

  private static final String FIXTURES = "/org/harmattan/engine/contract/fixtures/";
  private static final String QUERY_ACLED = "acled-query-mix.csv";
  private static final String QUERY_UCDP = "ucdp-query-mix.csv";
  private static final String QUERY_GDELT = "gdelt2-placed-and-unplaced.tsv";

  private static final String FAMA = "Military Forces of Mali (2021-)";
  private static final String JNIM = "JNIM: Group for Support of Islam and Muslims";
  private static final String CIVILIANS = "Civilians (Mali)";
  private static final String WAGNER = "Wagner Group";
  private static final String ISSP = "Islamic State (Sahel)";

  /** Mopti town, where the query mix places two events (and a third, out of the window). */
  private static final double MOPTI_LAT = 14.4843;

  private static final double MOPTI_LON = -4.1827;

  /** The first quarter of 2025: the window of the query mix. */
  private static final Period Q1_2025 =
      new Period(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 3, 31));

  /** Every source's events in Mali in the first quarter of 2025. */
  private static final EventFilter MALI_Q1 = EventFilter.of("MLI", Q1_2025);

  @TempDir Path dir;

  private Store store;

  /**
   * Opens (creating it when needed) the engine's store in {@code folder}, an existing empty folder
   * the first time. Opening the same folder again must give the same store when the engine {@link
   * EngineBehavior#SUPPORTS_PERSISTENCE supports persistence}.
   */
  protected abstract Store openStore(Path folder);

  /**
   * Whether the engine shows {@code behavior}. Every engine supports everything unless it says
   * otherwise here; for what it does not support, the suite checks that it fails with {@link
   * Unsupported}'s error.
   */
  protected boolean supports(EngineBehavior behavior) {
    return true;
  }

  @BeforeEach
  final void openTheStore() throws IOException {
    Files.createDirectories(storeFolder());
    store = openStore(storeFolder());
  }

  @AfterEach
  final void closeTheStore() {
    if (store != null) {
      store.close();
    }
  }

  private Path storeFolder() {
    return dir.resolve("store");
  }

  /** The store under test. */
  protected final Store store() {
    return store;
  }

  private AnalyticsEngine analytics() {
    return store.analytics();
  }

  // ---------------------------------------------------------------------------------------------
  // Fixtures and ingest

  /** A fixture file of this module, copied to the test's folder (resources may sit in a jar). */
  protected final Path fixture(String name) {
    Path target = dir.resolve("fixtures").resolve(name);
    if (Files.exists(target)) {
      return target;
    }
    try (InputStream in = EngineContractTest.class.getResourceAsStream(FIXTURES + name)) {
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

  /** Ingests an event fixture through the ingest pipeline into the store. */
  protected final IngestReport ingest(String name) {
    return ingestFile(fixture(name), new Recorded());
  }

  /** Ingests an event fixture into another store than the one under test. */
  private IngestReport ingestInto(Store other, String name) {
    IngestReport r =
        new EventIngest(TODAY)
            .ingest(SourceFile.inspect(fixture(name)), Optional.empty(), other.events(), b -> {});
    assertThat(r.inserted() + r.updated() + r.unchanged() + r.merged() + r.quarantined())
        .isEqualTo(r.rowsRead());
    return r;
  }

  private IngestReport ingestFile(Path file, Recorded recorded) {
    IngestReport r =
        new EventIngest(TODAY)
            .ingest(
                SourceFile.inspect(file),
                Optional.empty(),
                recorded.events(store.events()),
                bytes -> {});
    // Every row read is accounted for exactly once, by every engine.
    assertThat(r.inserted() + r.updated() + r.unchanged() + r.merged() + r.quarantined())
        .as("rows of %s accounted for", file.getFileName())
        .isEqualTo(r.rowsRead());
    return r;
  }

  private HumanitarianIngestReport ingestHumanitarian(String name, Recorded recorded) {
    HumanitarianIngestReport r =
        HumanitarianIngest.ingest(
            HxlReader.inspect(fixture(name)),
            OptionalInt.empty(),
            recorded.observations(store.humanitarian()));
    assertThat(r.inserted() + r.unchanged() + r.quarantined()).isEqualTo(r.rowsRead());
    return r;
  }

  private SeriesIngestReport ingestSeries(String name, Recorded recorded) {
    return ingestSeriesFile(fixture(name), recorded);
  }

  private SeriesIngestReport ingestSeriesFile(Path file, Recorded recorded) {
    SeriesIngestReport r =
        SeriesIngest.ingest(SourceFile.inspect(file), recorded.series(store.seriesWriter()));
    assertThat(r.inserted() + r.updated() + r.unchanged() + r.quarantined())
        .as("rows of %s accounted for", file.getFileName())
        .isEqualTo(r.rowsRead());
    return r;
  }

  /** The files of the query mix, and the days around their ingest. */
  private record QueryMix(
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
  private QueryMix loadQueryMix() {
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

  private CountResult count(EventFilter filter, Dimension... groupBy) {
    return analytics().count(new CountQuery(filter, List.of(groupBy)));
  }

  /** A group key; null stands for "the events have no value here". */
  private static List<String> key(String... values) {
    return Arrays.asList(values);
  }

  /** A group as the cases state it: key, events and fatalities. */
  private record Group(List<String> key, long events, long fatalities) {}

  private static Group group(List<String> key, long events, long fatalities) {
    return new Group(key, events, fatalities);
  }

  private static List<Group> groups(CountResult r) {
    List<Group> out = new ArrayList<>();
    for (CountRow row : r.rows()) {
      out.add(new Group(row.key(), row.events(), row.fatalities()));
    }
    return out;
  }

  /** The check for an operation the engine declared unsupported. */
  protected static void assertUnsupported(ThrowingCallable operation) {
    assertThatThrownBy(operation)
        .isInstanceOfSatisfying(
            HarmattanException.class,
            e -> {
              assertThat(e.code()).isEqualTo(Unsupported.CODE);
              assertThat(e.category()).isEqualTo(ErrorCategory.USER_INPUT);
              assertThat(e.getMessage()).contains("does not support");
            });
  }

  // ---------------------------------------------------------------------------------------------
  // Alert log

  @Test
  void anAlertIsRecordedOnceListedNewestFirstWithItsDeliveries() {
    AlertLog log = store().alerts();
    Instant raised = Instant.parse("2026-11-26T10:15:30Z");
    AlertRecord may3 =
        new AlertRecord(
            "surge/MLI/mopti/2018-05-03",
            "surge",
            "acled-surge",
            LocalDate.of(2018, 5, 3),
            "MLI",
            "Mopti",
            "severe",
            "{\"id\":\"surge/MLI/mopti/2018-05-03\"}",
            raised);
    AlertRecord may9 =
        new AlertRecord(
            "hdx/MLI/2018-05-09",
            "hdx",
            "hdx-signals",
            LocalDate.of(2018, 5, 9),
            "MLI",
            null,
            "extreme",
            "{}",
            raised);
    assertThat(log.add(may3)).isTrue();
    assertThat(log.add(may9)).isTrue();
    assertThat(log.add(may3)).isFalse();
    assertThat(log.list(LocalDate.of(2018, 1, 1), LocalDate.of(2018, 12, 31), 10))
        .extracting(AlertRecord::id)
        .containsExactly("hdx/MLI/2018-05-09", "surge/MLI/mopti/2018-05-03");
    assertThat(log.list(LocalDate.of(2018, 5, 4), LocalDate.of(2018, 12, 31), 10))
        .extracting(AlertRecord::id)
        .containsExactly("hdx/MLI/2018-05-09");
    assertThat(log.list(LocalDate.of(2018, 1, 1), LocalDate.of(2018, 12, 31), 1)).hasSize(1);
    assertThat(log.find(may3.id())).contains(may3);
    assertThat(log.find("nothing")).isEmpty();

    Instant at = Instant.parse("2026-11-26T10:16:00Z");
    log.addDelivery(
        new DeliveryRecord(
            may3.id(), "WEBHOOK", "https://example.org/hook", 3, "DELIVERED", 200, null, at));
    log.addDelivery(
        new DeliveryRecord(
            may3.id(), "EMAIL", "desk@example.org", 5, "DEAD_LETTER", null, "cannot connect", at));
    log.addDelivery(
        new DeliveryRecord(may9.id(), "EMAIL", "desk@example.org", 1, "DELIVERED", 250, null, at));
    assertThat(log.listDeliveries(may3.id()))
        .extracting(DeliveryRecord::channel, DeliveryRecord::outcome, DeliveryRecord::lastStatus)
        .containsExactly(tuple("WEBHOOK", "DELIVERED", 200), tuple("EMAIL", "DEAD_LETTER", null));
    assertThat(log.listDeliveries(may3.id()).get(1).lastError()).isEqualTo("cannot connect");
  }

  @Test
  void eachRuleRemembersTheDayItWasEvaluatedThrough() {
    AlertLog log = store().alerts();
    assertThat(log.findEvaluatedThrough("surge")).isEmpty();
    log.setEvaluatedThrough("surge", LocalDate.of(2018, 5, 3));
    log.setEvaluatedThrough("hdx", LocalDate.of(2018, 5, 1));
    log.setEvaluatedThrough("surge", LocalDate.of(2018, 5, 10));
    assertThat(log.findEvaluatedThrough("surge")).contains(LocalDate.of(2018, 5, 10));
    assertThat(log.findEvaluatedThrough("hdx")).contains(LocalDate.of(2018, 5, 1));
  }

  // ---------------------------------------------------------------------------------------------
  // Accounts

  @Test
  void accountsAreAddedOnceFoundListedByNameAndUpdated() {
    Accounts a = store().accounts();
    Instant made = Instant.parse("2026-11-26T10:15:30Z");
    assertThat(a.add(new Account("zoe", Role.VIEWER, null, false, made))).isTrue();
    assertThat(a.add(new Account("amadou", Role.ADMIN, "$argon2id$x", false, made))).isTrue();
    assertThat(a.add(new Account("zoe", Role.ADMIN, null, false, made))).isFalse();
    assertThat(a.list())
        .extracting(Account::name, Account::role)
        .containsExactly(tuple("amadou", Role.ADMIN), tuple("zoe", Role.VIEWER));
    assertThat(a.find("amadou"))
        .get()
        .extracting(Account::passwordHash, Account::created)
        .containsExactly("$argon2id$x", made);
    assertThat(a.update(a.find("zoe").orElseThrow().withDisabled(true).withRole(Role.ANALYST)))
        .isTrue();
    assertThat(a.find("zoe"))
        .get()
        .extracting(Account::disabled, Account::role)
        .containsExactly(true, Role.ANALYST);
    assertThat(a.update(new Account("nobody", Role.VIEWER, null, false, made))).isFalse();
    assertThat(a.find("nobody")).isEmpty();
  }

  @Test
  void tokensAreFoundByIdListedPerUserAndRevoked() {
    Accounts a = store().accounts();
    Instant first = Instant.parse("2026-11-26T10:00:00Z");
    Instant second = Instant.parse("2026-11-26T11:00:00Z");
    a.addToken(new ApiToken("t2", "zoe", "$hash2", second, null));
    a.addToken(new ApiToken("t1", "zoe", "$hash1", first, null));
    a.addToken(new ApiToken("t3", "amadou", "$hash3", first, null));
    assertThat(a.listTokens("zoe")).extracting(ApiToken::id).containsExactly("t1", "t2");
    assertThat(a.findToken("t3"))
        .get()
        .extracting(ApiToken::user, ApiToken::secretHash)
        .containsExactly("amadou", "$hash3");
    Instant revoked = Instant.parse("2026-11-27T08:00:00Z");
    assertThat(a.updateToken(a.findToken("t1").orElseThrow().withRevoked(revoked))).isTrue();
    assertThat(a.findToken("t1")).get().extracting(ApiToken::revoked).isEqualTo(revoked);
    assertThat(a.findToken("t9")).isEmpty();
  }

  // ---------------------------------------------------------------------------------------------
  // Counts and groupings

  @Test
  void aTotalCountsTheEventsAndFatalitiesOfTheFilterWithTheirIdsAndFiles() {
    QueryMix mix = loadQueryMix();

    CountResult r = count(MALI_Q1);

    // Eight ACLED events (4 + 3 + 2 + 10 + 6 + 0 + 0 + 1 = 26 dead), UCDP's (7), GDELT's two (0).
    assertThat(r.events()).isEqualTo(11);
    assertThat(r.fatalities()).isEqualTo(33);
    assertThat(r.rows()).isEmpty();
    assertThat(r.eventIds())
        .containsExactly(
            "acled:MLI9301",
            "acled:MLI9302",
            "acled:MLI9303",
            "acled:MLI9304",
            "acled:MLI9305",
            "acled:MLI9306",
            "acled:MLI9307",
            "acled:MLI9310",
            "gdelt:1100000001",
            "gdelt:1100000002",
            "ucdp:990001");
    assertThat(r.sources()).containsExactly(mix.acled(), mix.gdelt(), mix.ucdp());
    assertThat(mix.accessedOn(r.accessed())).as("accessed %s", r.accessed()).isTrue();
    assertThat(r.query().filter()).isEqualTo(MALI_Q1);
  }

  @Test
  void aCountOfNothingIsZeroWithNoIdsFilesOrAccessDay() {
    loadQueryMix();
    EventFilter none = EventFilter.of("MLI", new Period(LocalDate.of(2026, 1, 1), TODAY));

    CountResult total = count(none);
    CountResult grouped = count(none, Dimension.EVENT_TYPE);

    assertThat(total.events()).isZero();
    assertThat(total.fatalities()).isZero();
    assertThat(total.eventIds()).isEmpty();
    assertThat(total.sources()).isEmpty();
    assertThat(total.accessed()).isNull();
    assertThat(grouped.rows()).isEmpty();
    assertThat(grouped.events()).isZero();
    assertThat(grouped.accessed()).isNull();
  }

  /**
   * Every dimension, groups largest first, then by key in code-point order with a missing value
   * after every other; the groups add up to the total.
   */
  @ParameterizedTest
  @EnumSource(Dimension.class)
  void countsGroupByEveryDimension(Dimension dimension) {
    loadQueryMix();

    CountResult r = count(MALI_Q1, dimension);

    List<Group> expected =
        switch (dimension) {
          case EVENT_TYPE ->
              List.of(
                  group(key("Battles"), 4, 21), // 9301 (4), 9304 (10), UCDP (7), GDELT 1 (0)
                  group(key("Protests"), 2, 0), // 9306, GDELT 2
                  group(key("Violence against civilians"), 2, 9), // 9302 (3), 9305 (6)
                  group(key("Explosions/Remote violence"), 1, 2),
                  group(key("Riots"), 1, 1),
                  group(key("Strategic developments"), 1, 0));
          case SUB_EVENT_TYPE ->
              List.of(
                  group(key((String) null), 3, 7), // UCDP and GDELT have no sub-event type
                  group(key("Armed clash"), 2, 14),
                  group(key("Attack"), 2, 9),
                  group(key("Looting/property destruction"), 1, 0),
                  group(key("Mob violence"), 1, 1),
                  group(key("Peaceful protest"), 1, 0),
                  group(key("Remote explosive/landmine/IED"), 1, 2));
          case ADMIN1 ->
              List.of(
                  group(key("Mopti"), 3, 7), // 9301, 9302, 9307
                  group(key("Segou"), 2, 8),
                  group(key((String) null), 2, 0), // GDELT names no admin 1
                  group(key("Bamako"), 1, 0),
                  group(key("Gao"), 1, 10),
                  group(key("Kayes"), 1, 1),
                  group(key("Mopti region"), 1, 7)); // UCDP's own name
          case ACTOR1 ->
              List.of(
                  group(key(JNIM), 3, 5), // 9302, 9303, 9307
                  group(key("MALI"), 2, 0), // GDELT's actor name; 'A' sorts before 'i'
                  group(key(FAMA), 2, 10),
                  group(key("Government of Mali"), 1, 7),
                  group(key(ISSP), 1, 10),
                  group(key("Protesters (Mali)"), 1, 0),
                  group(key("Rioters (Mali)"), 1, 1));
          case ACTOR2 ->
              List.of(
                  group(key(CIVILIANS), 4, 10), // 9302, 9305, 9307, 9310
                  group(key(FAMA), 2, 12), // 9303, 9304
                  group(key((String) null), 2, 0), // 9306 and GDELT 2 have no actor 2
                  group(key("INSURGENT"), 1, 0),
                  group(key("JNIM"), 1, 7), // UCDP's name, a prefix of ACLED's: sorts first
                  group(key(JNIM), 1, 4));
          case INTER1 ->
              List.of(
                  group(key("2"), 4, 15),
                  group(key("1"), 3, 17), // 9301, 9305 and UCDP's government side
                  group(key((String) null), 2, 0), // GDELT has no inter codes
                  group(key("5"), 1, 1),
                  group(key("6"), 1, 0));
          case MONTH ->
              List.of(
                  group(key("2025-02-01"), 6, 25),
                  group(key("2025-03-01"), 3, 1),
                  group(key("2025-01-01"), 2, 7));
          case DAY ->
              List.of(
                  group(key("2025-02-03"), 2, 12),
                  group(key("2025-01-05"), 1, 4),
                  group(key("2025-01-20"), 1, 3),
                  group(key("2025-02-10"), 1, 7),
                  group(key("2025-02-15"), 1, 0),
                  group(key("2025-02-16"), 1, 0),
                  group(key("2025-02-17"), 1, 6),
                  group(key("2025-03-01"), 1, 0),
                  group(key("2025-03-09"), 1, 0),
                  group(key("2025-03-31"), 1, 1));
          case SOURCE ->
              List.of(
                  group(key("ACLED"), 8, 26), group(key("GDELT"), 2, 0), group(key("UCDP"), 1, 7));
        };
    assertThat(groups(r)).containsExactlyElementsOf(expected);
    assertThat(r.events()).isEqualTo(11);
    assertThat(r.fatalities()).isEqualTo(33);
    assertThat(r.eventIds()).isEqualTo(count(MALI_Q1).eventIds());
    assertThat(r.sources()).isEqualTo(count(MALI_Q1).sources());
  }

  /**
   * Counts asked together are answered in their order, each as it is when asked alone: a total,
   * every grouping, two groupings at once, another filter, a count of nothing, all countries and
   * another period.
   */
  @Test
  void countsAskedTogetherAreAnsweredEachAsAlone() {
    loadQueryMix();
    List<CountQuery> asked = new ArrayList<>();
    asked.add(CountQuery.total(MALI_Q1));
    for (Dimension d : Dimension.values()) {
      asked.add(new CountQuery(MALI_Q1, List.of(d)));
    }
    asked.add(
        new CountQuery(
            MALI_Q1.restrictEventTypes(Set.of(EventType.BATTLES)),
            List.of(Dimension.ADMIN1, Dimension.MONTH)));
    asked.add(
        new CountQuery(
            EventFilter.of("MLI", new Period(LocalDate.of(2026, 1, 1), TODAY)),
            List.of(Dimension.EVENT_TYPE)));
    asked.add(CountQuery.total(EventFilter.of(null, Q1_2025)));
    asked.add(
        new CountQuery(
            MALI_Q1.withPeriod(new Period(LocalDate.of(2024, 12, 31), LocalDate.of(2024, 12, 31))),
            List.of(Dimension.DAY)));

    List<CountResult> together = analytics().countAll(asked);

    assertThat(together).hasSize(asked.size());
    for (int i = 0; i < asked.size(); i++) {
      assertThat(together.get(i))
          .as("query %d: %s", i, asked.get(i))
          .isEqualTo(analytics().count(asked.get(i)));
    }
    int n = asked.size();
    // The quarter's total: 11 events, 33 dead (see the total's case); nothing in 2026; 12 events
    // of every country; New Year's Eve 2024 holds ACLED's MLI9308 alone.
    assertThat(together.get(0).events()).isEqualTo(11);
    assertThat(together.get(0).fatalities()).isEqualTo(33);
    assertThat(together.get(n - 3).rows()).isEmpty();
    assertThat(together.get(n - 2).events()).isEqualTo(12);
    assertThat(together.get(n - 1).rows()).hasSize(1);
    assertThat(together.get(n - 1).eventIds()).containsExactly("acled:MLI9308");
    assertThat(analytics().countAll(List.of())).isEmpty();
  }

  @Test
  void eachGroupCarriesItsEventIdsFilesAndAccessDay() {
    QueryMix mix = loadQueryMix();

    CountResult r = count(MALI_Q1, Dimension.EVENT_TYPE);

    CountRow battles = r.rows().get(0);
    assertThat(battles.key()).containsExactly("Battles");
    assertThat(battles.eventIds())
        .containsExactly("acled:MLI9301", "acled:MLI9304", "gdelt:1100000001", "ucdp:990001");
    assertThat(battles.sources()).containsExactly(mix.acled(), mix.gdelt(), mix.ucdp());
    assertThat(mix.accessedOn(battles.accessed())).isTrue();
    CountRow protests = r.rows().get(1);
    assertThat(protests.eventIds()).containsExactly("acled:MLI9306", "gdelt:1100000002");
    assertThat(protests.sources()).containsExactly(mix.acled(), mix.gdelt());
    CountRow riots = r.rows().get(4);
    assertThat(riots.eventIds()).containsExactly("acled:MLI9310");
    assertThat(riots.sources()).containsExactly(mix.acled());
  }

  /**
   * An id may hold any character a source file gives it, the unit separator too (which an engine
   * might use to pack ids): each id is still counted and cited whole.
   */
  @Test
  void anIdHoldingAControlCharacterIsCitedWhole() {
    IngestReport report = ingest("acled-id-with-separator.csv");
    EventFilter march =
        EventFilter.of("MLI", new Period(LocalDate.of(2023, 3, 1), LocalDate.of(2023, 3, 31)));

    CountResult total = count(march);
    CountResult byDay = count(march, Dimension.DAY);

    assertThat(report.inserted()).isEqualTo(2);
    assertThat(total.events()).isEqualTo(2);
    assertThat(total.eventIds()).containsExactly("acled:MLI9401\u001fA", "acled:MLI9402");
    assertThat(byDay.rows()).hasSize(2);
    assertThat(byDay.rows().get(0).eventIds()).containsExactly("acled:MLI9401\u001fA");
    assertThat(byDay.eventIds()).isEqualTo(total.eventIds());
    // Both lie at one point, in one month, with the same actors: one group, each id whole.
    List<PointGroup> groups = analytics().listPointGroups(march);
    assertThat(groups)
        .extracting(PointGroup::ids, PointGroup::first)
        .containsExactly(
            tuple(
                List.of("acled:MLI9401\u001fA", "acled:MLI9402"),
                "2023-03-05\u001facled:MLI9401\u001fA"));
    assertThat(groups).isEqualTo(PointGroup.of(analytics().listEventPoints(march)));
  }

  @Test
  void countsGroupByTwoDimensionsAtOnce() {
    loadQueryMix();

    CountResult r = count(MALI_Q1, Dimension.SOURCE, Dimension.MONTH);

    assertThat(groups(r))
        .containsExactly(
            group(key("ACLED", "2025-02-01"), 3, 18), // 9303 (2), 9304 (10), 9305 (6)
            group(key("ACLED", "2025-03-01"), 3, 1),
            group(key("ACLED", "2025-01-01"), 2, 7),
            group(key("GDELT", "2025-02-01"), 2, 0),
            group(key("UCDP", "2025-02-01"), 1, 7));
    assertThat(r.events()).isEqualTo(11);
  }

  // ---------------------------------------------------------------------------------------------
  // Filters

  @Test
  void theDateWindowIncludesBothEnds() {
    loadQueryMix();

    CountResult feb =
        count(MALI_Q1.withPeriod(new Period(LocalDate.of(2025, 2, 3), LocalDate.of(2025, 2, 17))));
    CountResult newYearsEve =
        count(
            MALI_Q1.withPeriod(new Period(LocalDate.of(2024, 12, 31), LocalDate.of(2024, 12, 31))));

    assertThat(feb.eventIds())
        .containsExactly(
            "acled:MLI9303",
            "acled:MLI9304",
            "acled:MLI9305",
            "gdelt:1100000001",
            "gdelt:1100000002",
            "ucdp:990001");
    assertThat(feb.fatalities()).isEqualTo(25);
    assertThat(newYearsEve.eventIds()).containsExactly("acled:MLI9308");
    assertThat(newYearsEve.fatalities()).isEqualTo(1);
  }

  @Test
  void aCountryRestrictsAndNoCountryMeansAll() {
    loadQueryMix();

    assertThat(count(EventFilter.of(null, Q1_2025)).events()).isEqualTo(12);
    assertThat(count(EventFilter.of(null, Q1_2025)).fatalities()).isEqualTo(38);
    assertThat(count(EventFilter.of("BFA", Q1_2025)).eventIds()).containsExactly("acled:BFA9309");
    assertThat(count(EventFilter.of("NER", Q1_2025)).events()).isZero();
  }

  @Test
  void admin1NamesRestrictToThoseRegions() {
    loadQueryMix();

    CountResult r = count(MALI_Q1.withAdmin1(Set.of("Mopti", "Gao")));

    assertThat(r.eventIds())
        .containsExactly("acled:MLI9301", "acled:MLI9302", "acled:MLI9304", "acled:MLI9307");
    assertThat(r.fatalities()).isEqualTo(17);
  }

  @Test
  void eventTypesRestrictAndAnEmptySetSelectsNothing() {
    loadQueryMix();

    CountResult r =
        count(
            MALI_Q1.withEventTypes(Set.of(EventType.VIOLENCE_AGAINST_CIVILIANS, EventType.RIOTS)));
    CountResult none = count(MALI_Q1.withEventTypes(Set.of()));
    CountResult intersected =
        count(
            MALI_Q1
                .withEventTypes(Set.of(EventType.BATTLES))
                .restrictEventTypes(Set.of(EventType.PROTESTS)));

    assertThat(r.eventIds()).containsExactly("acled:MLI9302", "acled:MLI9305", "acled:MLI9310");
    assertThat(r.fatalities()).isEqualTo(10);
    assertThat(none.events()).isZero();
    assertThat(intersected.events()).isZero();
  }

  @Test
  void actorNamesRestrictByActorOneOrByAnyRole() {
    loadQueryMix();

    CountResult first = count(MALI_Q1.withActor1Names(Set.of(JNIM)));
    CountResult wagner = count(MALI_Q1.withAnyActorNames(Set.of(WAGNER)));
    CountResult ucdpName = count(MALI_Q1.withAnyActorNames(Set.of("JNIM")));
    CountResult either = count(MALI_Q1.withAnyActorNames(Set.of(CIVILIANS, "INSURGENT")));

    assertThat(first.eventIds()).containsExactly("acled:MLI9302", "acled:MLI9303", "acled:MLI9307");
    // Wagner is associated with actor 1 in 9301 and 9305, with actor 2 in 9304.
    assertThat(wagner.eventIds())
        .containsExactly("acled:MLI9301", "acled:MLI9304", "acled:MLI9305");
    assertThat(wagner.fatalities()).isEqualTo(20);
    // Names are raw: UCDP's "JNIM" is not ACLED's full name.
    assertThat(ucdpName.eventIds()).containsExactly("ucdp:990001");
    assertThat(either.eventIds())
        .containsExactly(
            "acled:MLI9302", "acled:MLI9305", "acled:MLI9307", "acled:MLI9310", "gdelt:1100000001");
  }

  @Test
  void interCodesAndCivilianTargetingRestrict() {
    loadQueryMix();

    assertThat(count(MALI_Q1.withInter1(Set.of(1))).eventIds())
        .containsExactly("acled:MLI9301", "acled:MLI9305", "ucdp:990001");
    assertThat(count(MALI_Q1.withInter1(Set.of(5, 6))).eventIds())
        .containsExactly("acled:MLI9306", "acled:MLI9310");
    EventFilter targeting =
        new EventFilter(
            "MLI", Q1_2025, Set.of(), null, Set.of(), Set.of(), Set.of(), Set.of(), true, null,
            Set.of(), null, null, null);
    EventFilter notTargeting =
        new EventFilter(
            "MLI", Q1_2025, Set.of(), null, Set.of(), Set.of(), Set.of(), Set.of(), false, null,
            Set.of(), null, null, null);
    assertThat(count(targeting).eventIds()).containsExactly("acled:MLI9302", "acled:MLI9305");
    assertThat(count(notTargeting).events()).isEqualTo(9);
    assertThat(count(notTargeting).fatalities()).isEqualTo(24);
  }

  @Test
  void sourcesRestrict() {
    loadQueryMix();

    CountResult others = count(MALI_Q1.withSources(Set.of(SourceSystem.UCDP, SourceSystem.GDELT)));
    CountResult acled = count(MALI_Q1.withSources(Set.of(SourceSystem.ACLED)));

    assertThat(others.eventIds())
        .containsExactly("gdelt:1100000001", "gdelt:1100000002", "ucdp:990001");
    assertThat(acled.events()).isEqualTo(8);
    assertThat(acled.fatalities()).isEqualTo(26);
  }

  @Test
  void filtersCombine() {
    loadQueryMix();

    CountResult r =
        count(
            MALI_Q1
                .withSources(Set.of(SourceSystem.ACLED))
                .withAdmin1(Set.of("Mopti"))
                .withEventTypes(Set.of(EventType.BATTLES, EventType.VIOLENCE_AGAINST_CIVILIANS)));

    // Mopti holds 9301, 9302 and 9307 in the window; 9307 is a strategic development.
    assertThat(r.eventIds()).containsExactly("acled:MLI9301", "acled:MLI9302");
    assertThat(r.fatalities()).isEqualTo(7);
  }

  @Test
  void aDistanceCircleKeepsTheEventsWithinIt() {
    loadQueryMix();
    EventFilter near100 = MALI_Q1.withNear(new EventFilter.Near(MOPTI_LAT, MOPTI_LON, 100));
    EventFilter near10 = MALI_Q1.withNear(new EventFilter.Near(MOPTI_LAT, MOPTI_LON, 10));
    if (!supports(EngineBehavior.SUPPORTS_DISTANCE_FILTER)) {
      assertUnsupported(() -> count(near100));
      assertUnsupported(() -> analytics().listEventPoints(near10));
      assertUnsupported(() -> analytics().listEvents(EventListing.first(near10, BY_ID, 10)));
      return;
    }

    // By hand, in km from Mopti (14.4843, -4.1827): 9301 and GDELT 1 lie on it (0); UCDP's event
    // at (14.0, -4.0) about 57; 9302 at Bandiagara (14.35, -3.61) about 63; 9308 at Sevare about
    // 12 but in 2024; Dogofry about 175, Segou and Boni about 250; GDELT 2 has no point.
    assertThat(count(near100).eventIds())
        .containsExactly("acled:MLI9301", "acled:MLI9302", "gdelt:1100000001", "ucdp:990001");
    assertThat(count(near100).fatalities()).isEqualTo(14);
    assertThat(count(near10).eventIds()).containsExactly("acled:MLI9301", "gdelt:1100000001");
    assertThat(count(near10.withSources(Set.of(SourceSystem.ACLED))).eventIds())
        .containsExactly("acled:MLI9301");
    assertThat(analytics().listEventPoints(near10))
        .extracting(EventPoint::id)
        .containsExactly("acled:MLI9301", "gdelt:1100000001");
    assertThat(ids(listEvents(near100, EventListing.Sort.descending(Field.FATALITIES))))
        // UCDP's 7 dead, 9301's 4, 9302's 3, GDELT's none.
        .containsExactly("ucdp:990001", "acled:MLI9301", "acled:MLI9302", "gdelt:1100000001");
    assertThat(groups(count(near100, Dimension.SOURCE)))
        .containsExactly(
            group(key("ACLED"), 2, 7), group(key("GDELT"), 1, 0), group(key("UCDP"), 1, 7));
  }

  // ---------------------------------------------------------------------------------------------
  // Coverage, event points, actor names

  @Test
  void coverageIgnoresThePeriodButNotTheOtherRestrictions() {
    QueryMix mix = loadQueryMix();
    EventFilter elsewhen = MALI_Q1.withPeriod(new Period(LocalDate.of(2026, 1, 1), TODAY));

    Coverage all = analytics().coverage(elsewhen);
    Coverage ucdp = analytics().coverage(elsewhen.withSources(Set.of(SourceSystem.UCDP)));
    Coverage riots = analytics().coverage(elsewhen.withEventTypes(Set.of(EventType.RIOTS)));
    Coverage niger = analytics().coverage(EventFilter.of("NER", Q1_2025));

    // Nine ACLED events in Mali (9308 on 31 December 2024 the first), UCDP's and GDELT's.
    assertThat(all.first()).isEqualTo(LocalDate.of(2024, 12, 31));
    assertThat(all.last()).isEqualTo(LocalDate.of(2025, 3, 31));
    assertThat(all.events()).isEqualTo(12);
    assertThat(mix.accessedOn(all.accessed())).isTrue();
    assertThat(all.covers(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 3, 31))).isTrue();
    assertThat(all.covers(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 4, 1))).isFalse();
    assertThat(ucdp)
        .isEqualTo(
            new Coverage(LocalDate.of(2025, 2, 10), LocalDate.of(2025, 2, 10), 1, ucdp.accessed()));
    assertThat(mix.accessedOn(ucdp.accessed())).isTrue();
    assertThat(riots.first()).isEqualTo(LocalDate.of(2025, 3, 31));
    assertThat(riots.events()).isEqualTo(1);
    assertThat(niger).isEqualTo(new Coverage(null, null, 0, null));
    assertThat(niger.covers(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 1, 2))).isFalse();
  }

  @Test
  void eventPointsAreTheLocatedEventsOldestFirstThenById() {
    QueryMix mix = loadQueryMix();

    List<EventPoint> points = analytics().listEventPoints(MALI_Q1);

    // GDELT 2 has no point; 9303 and 9304 share a day.
    assertThat(points)
        .extracting(EventPoint::id)
        .containsExactly(
            "acled:MLI9301",
            "acled:MLI9302",
            "acled:MLI9303",
            "acled:MLI9304",
            "ucdp:990001",
            "gdelt:1100000001",
            "acled:MLI9305",
            "acled:MLI9306",
            "acled:MLI9307",
            "acled:MLI9310");
    EventPoint gao = points.get(3);
    assertThat(gao)
        .isEqualTo(
            new EventPoint(
                "acled:MLI9304",
                LocalDate.of(2025, 2, 3),
                EventType.BATTLES,
                "Armed clash",
                16.2717,
                -0.0447,
                // Actor 1, actor 2, then the associates.
                List.of(ISSP, FAMA, WAGNER),
                10,
                "Gao",
                null,
                mix.acled(),
                gao.accessed()));
    assertThat(mix.accessedOn(gao.accessed())).isTrue();
    assertThat(points.get(0).actorNames()).containsExactly(FAMA, JNIM, WAGNER);
    EventPoint ucdp = points.get(4);
    assertThat(ucdp.actorNames()).containsExactly("Government of Mali", "JNIM");
    assertThat(ucdp.subEventType()).isNull();
    assertThat(ucdp.location()).isEqualTo("Mopti town");
    assertThat(ucdp.fatalities()).isEqualTo(7);
    assertThat(ucdp.source()).isEqualTo(mix.ucdp());
    EventPoint gdelt = points.get(5);
    assertThat(gdelt.actorNames()).containsExactly("MALI", "INSURGENT");
    assertThat(gdelt.latitude()).isEqualTo(14.4843);
    assertThat(gdelt.longitude()).isEqualTo(-4.1827);
    assertThat(gdelt.source()).isEqualTo(mix.gdelt());
    assertThat(points).extracting(EventPoint::notes).containsOnlyNulls();
    assertThat(analytics().listEventPoints(MALI_Q1, false)).isEqualTo(points);
  }

  @Test
  void aPointCitesTheFileItsVersionCameFromNotALaterCopyOfTheSameBytes() throws IOException {
    ingest("ucdp-revision-2.csv");
    // UCDP states no revision time: 990101's first release has the greater fingerprint and
    // replaces the second.
    IngestReport first = ingest("ucdp-revision-1.csv");
    assertThat(first.updated()).isEqualTo(1);
    Path copy = dir.resolve("fixtures").resolve("ucdp-revision-2-copy.csv");
    Files.copy(fixture("ucdp-revision-2.csv"), copy);

    IngestReport again = ingestFile(copy, new Recorded());

    // The copy's bytes are the second file's: 990101's older version and 990102's stored one are
    // unchanged, and 990102 keeps citing the name it was first read under.
    assertThat(List.of(again.updated(), again.unchanged())).containsExactly(0L, 2L);
    Period april = new Period(LocalDate.of(2025, 4, 1), LocalDate.of(2025, 4, 30));
    String sha = again.sha256();
    assertThat(analytics().listEventPoints(EventFilter.of("MLI", april)))
        .extracting(EventPoint::id, EventPoint::source)
        .containsExactly(
            tuple("ucdp:990101", new SourceRef("UCDP", "ucdp-revision-1.csv", first.sha256())),
            tuple("ucdp:990102", new SourceRef("UCDP", "ucdp-revision-2.csv", sha)));
    assertThat(count(EventFilter.of("MLI", april)).sources())
        .containsExactly(
            new SourceRef("UCDP", "ucdp-revision-1.csv", first.sha256()),
            new SourceRef("UCDP", "ucdp-revision-2.csv", sha));
  }

  @Test
  void eventPointsCarryTheirNotesWhenAsked() {
    loadQueryMix();
    if (!supports(EngineBehavior.SUPPORTS_EVENT_NOTES)) {
      assertUnsupported(() -> analytics().listEventPoints(MALI_Q1, true));
      return;
    }

    List<EventPoint> points = analytics().listEventPoints(MALI_Q1, true);

    assertThat(points)
        .extracting(EventPoint::id, EventPoint::notes)
        .contains(
            tuple("acled:MLI9304", "Clash near Gao."),
            tuple("ucdp:990001", "Accrochage pres de Mopti"),
            tuple("gdelt:1100000001", null));
    List<EventPoint> without = analytics().listEventPoints(MALI_Q1);
    for (int i = 0; i < points.size(); i++) {
      EventPoint p = points.get(i);
      assertThat(without.get(i))
          .isEqualTo(
              new EventPoint(
                  p.id(),
                  p.date(),
                  p.eventType(),
                  p.subEventType(),
                  p.latitude(),
                  p.longitude(),
                  p.actorNames(),
                  p.fatalities(),
                  p.location(),
                  null,
                  p.source(),
                  p.accessed()));
    }
  }

  @Test
  void actorNamesAreCountedOncePerEventMostFrequentFirst() {
    loadQueryMix();

    List<NameCount> all = analytics().listActorNames(MALI_Q1);
    List<NameCount> withWagner =
        analytics().listActorNames(MALI_Q1.withAnyActorNames(Set.of(WAGNER)));

    // Civilians: 9302, 9305, 9307, 9310; JNIM: 9301, 9302, 9303, 9307; FAMa: 9301, 9303, 9304,
    // 9305; Wagner: 9301, 9304, 9305; GDELT's MALI: both GDELT events; the rest once.
    assertThat(all)
        .containsExactly(
            new NameCount(CIVILIANS, 4),
            new NameCount(JNIM, 4),
            new NameCount(FAMA, 4),
            new NameCount(WAGNER, 3),
            new NameCount("MALI", 2),
            new NameCount("Government of Mali", 1),
            new NameCount("INSURGENT", 1),
            new NameCount(ISSP, 1),
            new NameCount("JNIM", 1),
            new NameCount("Protesters (Mali)", 1),
            new NameCount("Rioters (Mali)", 1));
    assertThat(withWagner)
        .containsExactly(
            new NameCount(FAMA, 3),
            new NameCount(WAGNER, 3),
            new NameCount(CIVILIANS, 1),
            new NameCount(ISSP, 1),
            new NameCount(JNIM, 1));
  }

  @Test
  void eventsComeBackAsIngestRead() {
    Recorded recorded = new Recorded();
    for (String name : List.of(QUERY_ACLED, QUERY_UCDP, QUERY_GDELT)) {
      ingestFile(fixture(name), recorded);
    }

    assertThat(recorded.events).hasSize(13);
    for (StagedEvent staged : recorded.events) {
      Event read = staged.event();
      Event stored = store.findEvent(read.id()).orElseThrow();
      assertThat(stored)
          .as(read.id())
          .usingRecursiveComparison()
          .ignoringFields("provenance.ingestedAt")
          .isEqualTo(read);
      assertThat(stored.provenance().ingestedAt())
          .isCloseTo(read.provenance().ingestedAt(), within(1, ChronoUnit.MILLIS));
    }
    assertThat(store.findEvent("acled:MLI0000")).isEmpty();
    assertThat(store.countHistory("acled:MLI0000")).isZero();
  }

  // ---------------------------------------------------------------------------------------------
  // Event listings

  /** May 2025: the window of the listing set. */
  private static final Period MAY_2025 =
      new Period(LocalDate.of(2025, 5, 1), LocalDate.of(2025, 5, 31));

  /** Every event of the listing set in May 2025, whatever its country. */
  private static final EventFilter MAY = EventFilter.of(null, MAY_2025);

  private static final EventListing.Sort BY_ID = EventListing.Sort.ascending(Field.ID);

  /**
   * The listing set, written through the write port: eight events in May 2025 and one in June. 8001
   * comes first with 3 dead, then revised by a second file with a later timestamp to 5 dead.
   *
   * <pre>
   * id             date   country admin1 type          sub-event    point          dead
   * acled:MLI8001  05-01  MLI     Mopti  Battles       Armed clash  14.0, -4.0     5 (was 3)
   * acled:MLI8002  05-01  MLI     Gao    Violence (1)  Attack       16.0, -0.5     0
   * acled:MLI8003  05-03  MLI     -      Explosions(2) IED (3)      15.0, -2.0     12
   * acled:MLI8004  05-04  MLI     Segou  Battles       Armed clash  -              2
   * acled:BFA8005  05-02  BFA     Sahel  Battles       Armed clash  14.1, -1.6     10
   * acled:MLI8006  05-04  MLI     Gao    Violence (1)  Attack       15.0001, -2.0  5
   * acled:MLI8007  06-01  MLI     Mopti  Battles       Armed clash  14.0, -4.0     1
   * ucdp:880001    05-02  MLI     Mopti  Battles       -            14.5, -3.0     5
   * gdelt:770001   05-03  MLI     -      Protests      -            -              0
   *
   * (1) Violence against civilians  (2) Explosions/Remote violence
   * (3) Remote explosive/landmine/IED
   * </pre>
   *
   * In code-point order the ids of May are acled:BFA8005, acled:MLI8001, 8002, 8003, 8004, 8006,
   * gdelt:770001, ucdp:880001; the type labels Battles, Explosions/Remote violence, Protests,
   * Violence against civilians (not the order of the {@code EventType} constants).
   */
  private void writeListingSet() {
    String first = "e1".repeat(32);
    String second = "e2".repeat(32);
    Instant stamped = Instant.ofEpochSecond(1746000000);
    Instant revised = Instant.ofEpochSecond(1747000000);
    Event m8001 =
        listed(SourceSystem.ACLED, "MLI8001", 1, "MLI", "Mopti", EventType.BATTLES)
            .subEventType("Armed clash")
            .actor(ActorRole.ACTOR_1, FAMA, 1)
            .actor(ActorRole.ASSOCIATED_1, WAGNER, null)
            .actor(ActorRole.ACTOR_2, JNIM, 2)
            .point(14.0, -4.0)
            .fatalities(Fatalities.exactly(3))
            .notes("Soldiers and militants clashed.")
            .provenance(new Provenance("listing-1.csv", first, 2, stamped, Instant.now()))
            .build();
    List<Event> events =
        List.of(
            m8001,
            listed(
                    SourceSystem.ACLED,
                    "MLI8002",
                    1,
                    "MLI",
                    "Gao",
                    EventType.VIOLENCE_AGAINST_CIVILIANS)
                .subEventType("Attack")
                .actor(ActorRole.ACTOR_1, ISSP, 2)
                .actor(ActorRole.ACTOR_2, CIVILIANS, 7)
                .civilianTargeting(true)
                .point(16.0, -0.5)
                .provenance(new Provenance("listing-1.csv", first, 3, stamped, Instant.now()))
                .build(),
            listed(
                    SourceSystem.ACLED,
                    "MLI8003",
                    3,
                    "MLI",
                    null,
                    EventType.EXPLOSIONS_REMOTE_VIOLENCE)
                .subEventType("Remote explosive/landmine/IED")
                .actor(ActorRole.ACTOR_1, JNIM, 2)
                .actor(ActorRole.ACTOR_2, FAMA, 1)
                .point(15.0, -2.0)
                .fatalities(Fatalities.exactly(12))
                .provenance(new Provenance("listing-1.csv", first, 4, stamped, Instant.now()))
                .build(),
            listed(SourceSystem.ACLED, "MLI8004", 4, "MLI", "Segou", EventType.BATTLES)
                .subEventType("Armed clash")
                .actor(ActorRole.ACTOR_1, FAMA, 1)
                .fatalities(Fatalities.exactly(2))
                .provenance(new Provenance("listing-1.csv", first, 5, stamped, Instant.now()))
                .build(),
            listed(SourceSystem.ACLED, "BFA8005", 2, "BFA", "Sahel", EventType.BATTLES)
                .subEventType("Armed clash")
                .actor(ActorRole.ACTOR_1, JNIM, 2)
                .point(14.1, -1.6)
                .fatalities(Fatalities.exactly(10))
                .provenance(new Provenance("listing-1.csv", first, 6, stamped, Instant.now()))
                .build(),
            listed(
                    SourceSystem.ACLED,
                    "MLI8006",
                    4,
                    "MLI",
                    "Gao",
                    EventType.VIOLENCE_AGAINST_CIVILIANS)
                .subEventType("Attack")
                .actor(ActorRole.ACTOR_1, ISSP, 2)
                .actor(ActorRole.ACTOR_2, CIVILIANS, 7)
                .point(15.0001, -2.0)
                .fatalities(Fatalities.exactly(5))
                .provenance(new Provenance("listing-1.csv", first, 7, stamped, Instant.now()))
                .build(),
            listed(SourceSystem.ACLED, "MLI8007", 32, "MLI", "Mopti", EventType.BATTLES)
                .subEventType("Armed clash")
                .point(14.0, -4.0)
                .fatalities(Fatalities.exactly(1))
                .provenance(new Provenance("listing-1.csv", first, 8, stamped, Instant.now()))
                .build(),
            listed(SourceSystem.UCDP, "880001", 2, "MLI", "Mopti", EventType.BATTLES)
                .actor(ActorRole.ACTOR_1, "Government of Mali", 1)
                .actor(ActorRole.ACTOR_2, "JNIM", 2)
                .point(14.5, -3.0)
                .fatalities(new Fatalities(5, 4, 9))
                .provenance(new Provenance("listing-1.csv", first, 9, null, Instant.now()))
                .build(),
            listed(SourceSystem.GDELT, "770001", 3, "MLI", null, EventType.PROTESTS)
                .actor(ActorRole.ACTOR_1, "MALI", null)
                .provenance(new Provenance("listing-1.csv", first, 10, null, Instant.now()))
                .build());
    writeEvents(new FileRef("listing-1.csv", "listing-1.csv", first), events);
    Event m8001Revised =
        m8001.toBuilder()
            .fatalities(Fatalities.exactly(5))
            .notes("Soldiers and militants clashed; toll revised.")
            .provenance(new Provenance("listing-2.csv", second, 2, revised, Instant.now()))
            .build();
    writeEvents(new FileRef("listing-2.csv", "listing-2.csv", second), List.of(m8001Revised));
    assertThat(store.countHistory("acled:MLI8001")).isEqualTo(1);
  }

  /** The common part of an event of the listing set, on {@code day} of May 2025 (32: 1 June). */
  private static Event.Builder listed(
      SourceSystem source,
      String sourceId,
      int day,
      String country,
      String admin1,
      EventType type) {
    return Event.builder(source, sourceId)
        .date(LocalDate.of(2025, 5, 1).plusDays(day - 1L))
        .eventType(type)
        .countryIso3(country)
        .admin1(admin1)
        .location(admin1 == null ? null : admin1 + " town");
  }

  @Test
  void locatedEventsComeInGroupsOfPointMonthActorsAndFile() {
    String sha = "a7".repeat(32);
    Instant read = Instant.now();
    record Row(String id, int day, double lon, String actor2, boolean located) {}
    List<Row> rows =
        List.of(
            new Row("MLI7008", 25, -4.0, null, true),
            new Row("MLI7001", 3, -4.0, JNIM, true),
            new Row("MLI7002", 1, -4.0, JNIM, true),
            new Row("MLI7003", 20, -4.0, JNIM, true),
            new Row("MLI7004", 33, -4.0, JNIM, true),
            new Row("MLI7005", 10, -4.0, null, true),
            new Row("MLI7006", 5, -4.5, JNIM, true),
            new Row("MLI7007", 6, -4.0, JNIM, false));
    List<Event> events = new ArrayList<>();
    long line = 2;
    for (Row r : rows) {
      Event.Builder b =
          listed(SourceSystem.ACLED, r.id(), r.day(), "MLI", "Mopti", EventType.BATTLES)
              .actor(ActorRole.ACTOR_1, FAMA, 1)
              .provenance(new Provenance("groups.csv", sha, line++, null, read));
      if (r.actor2() != null) {
        b.actor(ActorRole.ACTOR_2, r.actor2(), 2);
      }
      if (r.id().equals("MLI7008")) {
        // The same names as 7001's, JNIM named as an associated actor instead of actor 2.
        b.actor(ActorRole.ASSOCIATED_1, JNIM, null);
      }
      if (r.located()) {
        b.point(14.0, r.lon());
      }
      events.add(b.build());
    }
    writeEvents(new FileRef("groups.csv", "groups.csv", sha), events);
    EventFilter mayJune =
        EventFilter.of("MLI", new Period(LocalDate.of(2025, 5, 1), LocalDate.of(2025, 6, 30)));

    List<PointGroup> groups = analytics().listPointGroups(mayJune);

    // 7001, 7002, 7003 and 7008 share point, month, actor names (7008's JNIM is an associated
    // actor) and file; 7004 is in June, 7005 names one actor, 7006 lies elsewhere; 7007 has no
    // point. In the order of each group's first event.
    assertThat(groups)
        .extracting(PointGroup::ids, PointGroup::first, PointGroup::month, PointGroup::longitude)
        .containsExactly(
            tuple(
                List.of("acled:MLI7001", "acled:MLI7002", "acled:MLI7003", "acled:MLI7008"),
                "2025-05-01\u001facled:MLI7002",
                YearMonth.of(2025, 5),
                -4.0),
            tuple(
                List.of("acled:MLI7006"),
                "2025-05-05\u001facled:MLI7006",
                YearMonth.of(2025, 5),
                -4.5),
            tuple(
                List.of("acled:MLI7005"),
                "2025-05-10\u001facled:MLI7005",
                YearMonth.of(2025, 5),
                -4.0),
            tuple(
                List.of("acled:MLI7004"),
                "2025-06-02\u001facled:MLI7004",
                YearMonth.of(2025, 6),
                -4.0));
    assertThat(groups.get(0).actorNames()).containsExactly(FAMA, JNIM);
    assertThat(groups.get(2).actorNames()).containsExactly(FAMA);
    assertThat(groups)
        .allSatisfy(
            g -> assertThat(g.source()).isEqualTo(new SourceRef("ACLED", "groups.csv", sha)));
    // The groups are those of the points, whatever the engine.
    assertThat(groups).isEqualTo(PointGroup.of(analytics().listEventPoints(mayJune)));
  }

  @Test
  void locatedEventsComeInGroupsOfPointDayTypeActorsAndFile() {
    String sha = "d4".repeat(32);
    Instant read = Instant.now();
    record Row(String id, int day, EventType type, String sub, double lon, int dead) {}
    List<Row> rows =
        List.of(
            new Row("MLI9003", 4, EventType.BATTLES, "Armed clash", -4.0, 3),
            new Row("MLI9001", 4, EventType.BATTLES, "Armed clash", -4.0, 2),
            new Row("MLI9002", 4, EventType.BATTLES, "Government regains territory", -4.0, 0),
            new Row("MLI9004", 4, EventType.VIOLENCE_AGAINST_CIVILIANS, null, -4.0, 5),
            new Row("MLI9005", 4, EventType.VIOLENCE_AGAINST_CIVILIANS, null, -4.0, 1),
            new Row("MLI9006", 5, EventType.BATTLES, "Armed clash", -4.0, 7),
            new Row("MLI9000", 5, EventType.BATTLES, "Armed clash", -4.5, 0),
            new Row("MLI9007", 5, EventType.BATTLES, "Armed clash", -4.0, 1));
    List<Event> events = new ArrayList<>();
    long line = 2;
    for (Row r : rows) {
      events.add(
          listed(SourceSystem.ACLED, r.id(), r.day(), "MLI", "Mopti", r.type())
              // 9007 shares 9006's point but the source names the place otherwise.
              .location(r.id().equals("MLI9007") ? "Sévaré" : "Mopti town")
              .subEventType(r.sub())
              .actor(ActorRole.ACTOR_1, JNIM, 2)
              .fatalities(Fatalities.exactly(r.dead()))
              .point(14.0, r.lon())
              .provenance(new Provenance("days.csv", sha, line++, null, read))
              .build());
    }
    writeEvents(new FileRef("days.csv", "days.csv", sha), events);
    EventFilter may =
        EventFilter.of("MLI", new Period(LocalDate.of(2025, 5, 1), LocalDate.of(2025, 5, 31)));

    List<DayGroup> groups = analytics().listDayGroups(may);

    // Day 4 at -4.0: the two clashes together (5 dead), the territory regained alone, the two
    // attacks on civilians without sub-type together (6 dead); day 5: 9000 elsewhere comes before
    // 9006 by its id, and 9007, named another place, after it. By date, then least id.
    assertThat(groups)
        .extracting(DayGroup::ids, DayGroup::fatalities, DayGroup::subEventType, DayGroup::first)
        .containsExactly(
            tuple(List.of("acled:MLI9001", "acled:MLI9003"), 5L, "Armed clash", "acled:MLI9001"),
            tuple(List.of("acled:MLI9002"), 0L, "Government regains territory", "acled:MLI9002"),
            tuple(List.of("acled:MLI9004", "acled:MLI9005"), 6L, null, "acled:MLI9004"),
            tuple(List.of("acled:MLI9000"), 0L, "Armed clash", "acled:MLI9000"),
            tuple(List.of("acled:MLI9006"), 7L, "Armed clash", "acled:MLI9006"),
            tuple(List.of("acled:MLI9007"), 1L, "Armed clash", "acled:MLI9007"));
    assertThat(groups).extracting(DayGroup::location).endsWith("Mopti town", "Sévaré");
    assertThat(groups.get(2).eventType()).isEqualTo(EventType.VIOLENCE_AGAINST_CIVILIANS);
    assertThat(groups.get(3).date()).isEqualTo(LocalDate.of(2025, 5, 5));
    assertThat(groups.get(0).actorNames()).containsExactly(JNIM);
    // The groups are those of the points, whatever the engine.
    assertThat(groups).isEqualTo(DayGroup.of(analytics().listEventPoints(may)));
  }

  @Test
  void listsOfNamesAndTagsComeBackAsWritten() {
    String sha = "e5".repeat(32);
    List<String> odd =
        List.of(
            "Militia \"Dan Na Ambassagou\"",
            "back\\slash",
            "tab\there",
            "unit\u001fseparator",
            "",
            "Groupe armé 🛡",
            "[\"not\", \"a list\"]");
    Event named =
        listed(SourceSystem.ACLED, "MLI9501", 3, "MLI", "Mopti", EventType.BATTLES)
            .actor(ActorRole.ACTOR_1, FAMA, 1)
            .actor(ActorRole.ASSOCIATED_1, odd.get(0), null)
            .actor(ActorRole.ASSOCIATED_1, odd.get(1), null)
            .actor(ActorRole.ASSOCIATED_2, odd.get(2), null)
            .actor(ActorRole.ASSOCIATED_2, odd.get(3), null)
            .actor(ActorRole.ASSOCIATED_2, odd.get(5), null)
            .tags(odd)
            .provenance(new Provenance("names.csv", sha, 2, null, Instant.now()))
            .build();
    Event bare =
        listed(SourceSystem.ACLED, "MLI9502", 4, "MLI", "Mopti", EventType.BATTLES)
            .actor(ActorRole.ACTOR_1, FAMA, 1)
            .provenance(new Provenance("names.csv", sha, 3, null, Instant.now()))
            .build();
    writeEvents(new FileRef("names.csv", "names.csv", sha), List.of(named, bare));

    List<Event> read =
        listEvents(
                EventFilter.of(
                    "MLI", new Period(LocalDate.of(2025, 5, 1), LocalDate.of(2025, 5, 31))),
                BY_ID)
            .events();

    assertThat(read).extracting(Event::sourceEventId).containsExactly("MLI9501", "MLI9502");
    assertThat(read.get(0).tags()).isEqualTo(odd);
    assertThat(read.get(0).actors()).isEqualTo(named.actors());
    assertThat(read.get(1).tags()).isEmpty();
    assertThat(read.get(1).actors()).isEqualTo(bare.actors());
  }

  @Test
  void pointsInBoxesAndTheFilesSearchedComeInTheOrderOfTheirEvents() {
    Instant read = Instant.now();
    record Row(String file, String id, int day, Double lat, Double lon) {}
    List<Row> rows =
        List.of(
            new Row("a.csv", "MLI8001", 5, 14.0, -4.0),
            new Row("a.csv", "MLI8002", 2, 15.5, -2.0),
            new Row("a.csv", "MLI8003", 7, null, null),
            new Row("b.csv", "MLI8004", 1, 14.0, -8.0),
            new Row("c.csv", "MLI8000", 2, 12.0, -9.0),
            new Row("d.csv", "MLI8005", 1, null, null),
            new Row("e.csv", "MLI8006", 40, 14.0, -4.0));
    Map<String, List<Event>> byFile = new LinkedHashMap<>();
    long line = 2;
    for (Row r : rows) {
      String sha = (r.file().charAt(0) + "9").repeat(32);
      Event.Builder b =
          listed(SourceSystem.ACLED, r.id(), r.day(), "MLI", "Mopti", EventType.BATTLES)
              .actor(ActorRole.ACTOR_1, FAMA, 1)
              .provenance(new Provenance(r.file(), sha, line++, null, read));
      if (r.lat() != null) {
        b.point(r.lat(), r.lon());
      }
      byFile.computeIfAbsent(r.file(), f -> new ArrayList<>()).add(b.build());
    }
    byFile.forEach(
        (f, events) -> writeEvents(new FileRef(f, f, (f.charAt(0) + "9").repeat(32)), events));
    EventFilter may =
        EventFilter.of("MLI", new Period(LocalDate.of(2025, 5, 1), LocalDate.of(2025, 5, 31)));
    EventFilter.Box aroundFirst = new EventFilter.Box(13.5, -4.5, 14.5, -3.5);
    EventFilter.Box overlapping = new EventFilter.Box(13.9, -4.1, 14.1, -3.9);
    // 8004 lies on this box's south-west corner: edges are inside.
    EventFilter.Box cornered = new EventFilter.Box(14.0, -8.0, 14.2, -7.9);

    assertThat(
            analytics()
                .listEventPointsInBoxes(may, List.of(aroundFirst, overlapping, cornered), false))
        .extracting(EventPoint::id)
        .containsExactly("acled:MLI8004", "acled:MLI8001");
    assertThat(analytics().listEventPointsInBoxes(may, List.of(), false)).isEmpty();
    assertThat(
            analytics()
                .listEventPointsInBoxes(
                    may.withEventTypes(Set.of(EventType.PROTESTS)), List.of(aroundFirst), false))
        .isEmpty();

    // The files of located events by their first event (date, then id): b's 8004 on day 1, then
    // c's 8000 and a's 8002 on day 2; d holds no located event, e none in May.
    assertThat(analytics().listSources(may))
        .extracting(SourceRef::dataset)
        .containsExactly("b.csv", "c.csv", "a.csv");
    assertThat(analytics().listSources(may.withAdmin1(Set.of("Gao")))).isEmpty();
  }

  /** Writes and commits events as one file, one line each. */
  private void writeEvents(FileRef file, List<Event> events) {
    try (FileWrite w = store.events().begin(file)) {
      long line = 2;
      for (Event e : events) {
        w.accepted(StagedEvent.of(e), new LineRange(line, line));
        line++;
      }
      w.commit("acled", events.size(), ranges -> Map.of());
    }
  }

  private EventPage listEvents(EventFilter filter, EventListing.Sort sort) {
    return analytics().listEvents(EventListing.first(filter, sort, EventListing.MAX_LIMIT));
  }

  /** The ids of a page, in its order. */
  private static List<String> ids(EventPage page) {
    List<String> out = new ArrayList<>();
    for (Event e : page.events()) {
      out.add(e.id());
    }
    return out;
  }

  @Test
  void aListingGivesWholeEventsAsTheStoreHoldsThemWithTheTotal() {
    writeListingSet();

    EventPage page = listEvents(MAY, BY_ID);

    assertThat(ids(page))
        .containsExactly(
            "acled:BFA8005",
            "acled:MLI8001",
            "acled:MLI8002",
            "acled:MLI8003",
            "acled:MLI8004",
            "acled:MLI8006",
            "gdelt:770001",
            "ucdp:880001");
    assertThat(page.total()).isEqualTo(8);
    for (Event e : page.events()) {
      assertThat(e).as(e.id()).isEqualTo(store.findEvent(e.id()).orElseThrow());
    }
    // The revised event comes once, in its latest version, with everything it holds.
    Event m8001 = page.events().get(1);
    assertThat(m8001.fatalities()).isEqualTo(Fatalities.exactly(5));
    assertThat(m8001.notes()).isEqualTo("Soldiers and militants clashed; toll revised.");
    assertThat(m8001.provenance().dataset()).isEqualTo("listing-2.csv");
    assertThat(m8001.provenance().sourceTimestamp()).isEqualTo(Instant.ofEpochSecond(1747000000));
    assertThat(m8001.actors())
        .containsExactly(
            new EventActor(ActorRole.ACTOR_1, FAMA, 1),
            new EventActor(ActorRole.ASSOCIATED_1, WAGNER, null),
            new EventActor(ActorRole.ACTOR_2, JNIM, 2));
    assertThat(m8001.location()).isEqualTo("Mopti town");
    assertThat(m8001.latitude()).isEqualTo(14.0);
    assertThat(m8001.longitude()).isEqualTo(-4.0);
    Event ucdp = page.events().get(7);
    assertThat(ucdp.fatalities()).isEqualTo(new Fatalities(5, 4, 9));
    assertThat(ucdp.subEventType()).isNull();
    Event gdelt = page.events().get(6);
    assertThat(gdelt.latitude()).isNull();
    assertThat(gdelt.admin1()).isNull();
    // The filter's other restrictions apply as in every query.
    assertThat(ids(listEvents(EventFilter.of("BFA", MAY_2025), BY_ID)))
        .containsExactly("acled:BFA8005");
    assertThat(
            ids(
                listEvents(
                    EventFilter.of("MLI", new Period(LocalDate.of(2025, 6, 1), TODAY)), BY_ID)))
        .containsExactly("acled:MLI8007");
    EventPage none = listEvents(EventFilter.of("NER", MAY_2025), BY_ID);
    assertThat(none.events()).isEmpty();
    assertThat(none.total()).isZero();
  }

  @Test
  void subEventTypesMatchExactlyAndEventsWithoutOneNever() {
    writeListingSet();

    EventPage attacks = listEvents(MAY.withSubEventTypes(Set.of("Attack")), BY_ID);
    EventPage two =
        listEvents(
            MAY.withSubEventTypes(Set.of("Armed clash", "Remote explosive/landmine/IED")), BY_ID);

    assertThat(ids(attacks)).containsExactly("acled:MLI8002", "acled:MLI8006");
    assertThat(attacks.total()).isEqualTo(2);
    // 8007 is an armed clash in June; UCDP's and GDELT's events have no sub-event type.
    assertThat(ids(two))
        .containsExactly("acled:BFA8005", "acled:MLI8001", "acled:MLI8003", "acled:MLI8004");
    assertThat(listEvents(MAY.withSubEventTypes(Set.of("attack")), BY_ID).total()).isZero();
    assertThat(count(MAY.withSubEventTypes(Set.of("Attack"))).eventIds())
        .containsExactly("acled:MLI8002", "acled:MLI8006");
    assertThat(count(MAY.withSubEventTypes(Set.of("Attack"))).fatalities()).isEqualTo(5);
  }

  @Test
  void aBoxKeepsTheLocatedEventsInsideItEdgesIncluded() {
    writeListingSet();
    EventFilter box = MAY.withBbox(new EventFilter.Box(14.5, -3.0, 15.0, -1.5));
    EventFilter globe = MAY.withBbox(new EventFilter.Box(-90, -180, 90, 180));

    // 8003 lies on the north edge, UCDP's event on the south-west corner; 8006 is 0.0001 degrees
    // north of the box, 8001 and BFA8005 south of it, 8002 north-east; 8004 and GDELT's event
    // have no point.
    assertThat(ids(listEvents(box, BY_ID))).containsExactly("acled:MLI8003", "ucdp:880001");
    assertThat(listEvents(box, BY_ID).total()).isEqualTo(2);
    assertThat(count(box).fatalities()).isEqualTo(17);
    // Not even the whole globe holds an event without a point.
    assertThat(ids(listEvents(globe, BY_ID)))
        .containsExactly(
            "acled:BFA8005",
            "acled:MLI8001",
            "acled:MLI8002",
            "acled:MLI8003",
            "acled:MLI8006",
            "ucdp:880001");
    assertThat(analytics().listEventPoints(box))
        .extracting(EventPoint::id)
        .containsExactly("ucdp:880001", "acled:MLI8003");
    // A box of one point holds the events on it.
    assertThat(ids(listEvents(MAY.withBbox(new EventFilter.Box(14.5, -3, 14.5, -3)), BY_ID)))
        .containsExactly("ucdp:880001");
  }

  @Test
  void aFatalityRangeIncludesItsBoundsAndReadsTheLatestVersion() {
    writeListingSet();

    // Best estimates: 8002 and GDELT 0, 8004 2, 8001 (revised), 8006 and UCDP 5, BFA8005 10,
    // 8003 12.
    EventPage fiveToTen = listEvents(MAY.withMinFatalities(5L).withMaxFatalities(10L), BY_ID);
    assertThat(ids(fiveToTen))
        .containsExactly("acled:BFA8005", "acled:MLI8001", "acled:MLI8006", "ucdp:880001");
    assertThat(fiveToTen.total()).isEqualTo(4);
    assertThat(ids(listEvents(MAY.withMinFatalities(5L), BY_ID)))
        .containsExactly(
            "acled:BFA8005", "acled:MLI8001", "acled:MLI8003", "acled:MLI8006", "ucdp:880001");
    assertThat(ids(listEvents(MAY.withMaxFatalities(0L), BY_ID)))
        .containsExactly("acled:MLI8002", "gdelt:770001");
    assertThat(ids(listEvents(MAY.withMinFatalities(12L).withMaxFatalities(12L), BY_ID)))
        .containsExactly("acled:MLI8003");
    assertThat(listEvents(MAY.withMinFatalities(13L), BY_ID).total()).isZero();
    // 8001 had 3 dead before its revision: the superseded version is never listed.
    assertThat(listEvents(MAY.withMinFatalities(3L).withMaxFatalities(3L), BY_ID).total()).isZero();
    assertThat(count(MAY.withMinFatalities(5L).withMaxFatalities(10L)).fatalities()).isEqualTo(25);
  }

  @ParameterizedTest
  @EnumSource(Field.class)
  void everySortOrdersBothWaysWithTiesByIdAscending(Field field) {
    writeListingSet();
    String b5 = "acled:BFA8005";
    String m1 = "acled:MLI8001";
    String m2 = "acled:MLI8002";
    String m3 = "acled:MLI8003";
    String m4 = "acled:MLI8004";
    String m6 = "acled:MLI8006";
    String g = "gdelt:770001";
    String u = "ucdp:880001";

    List<String> ascending = ids(listEvents(MAY, EventListing.Sort.ascending(field)));
    List<String> descending = ids(listEvents(MAY, EventListing.Sort.descending(field)));

    // Each field's order ascending, then descending.
    List<List<String>> expected =
        switch (field) {
          case DATE ->
              // 1 May: 8001, 8002; 2 May: BFA8005, UCDP; 3 May: 8003, GDELT; 4 May: 8004, 8006.
              List.of(List.of(m1, m2, b5, u, m3, g, m4, m6), List.of(m4, m6, m3, g, b5, u, m1, m2));
          case FATALITIES ->
              // 0: 8002, GDELT; 2: 8004; 5: 8001, 8006, UCDP; 10: BFA8005; 12: 8003.
              List.of(List.of(m2, g, m4, m1, m6, u, b5, m3), List.of(m3, b5, m1, m6, u, m4, m2, g));
          case ID ->
              List.of(List.of(b5, m1, m2, m3, m4, m6, g, u), List.of(u, g, m6, m4, m3, m2, m1, b5));
          case COUNTRY ->
              List.of(List.of(b5, m1, m2, m3, m4, m6, g, u), List.of(m1, m2, m3, m4, m6, g, u, b5));
          case ADMIN1 ->
              // Gao: 8002, 8006; Mopti: 8001, UCDP; Sahel: BFA8005; Segou: 8004; none (last both
              // ways): 8003, GDELT.
              List.of(List.of(m2, m6, m1, u, b5, m4, m3, g), List.of(m4, b5, m1, u, m2, m6, m3, g));
          case EVENT_TYPE ->
              // Battles: BFA8005, 8001, 8004, UCDP; Explosions/Remote violence: 8003; Protests:
              // GDELT; Violence against civilians: 8002, 8006.
              List.of(List.of(b5, m1, m4, u, m3, g, m2, m6), List.of(m2, m6, g, m3, b5, m1, m4, u));
        };
    assertThat(ascending).as("%s ascending", field).containsExactlyElementsOf(expected.get(0));
    assertThat(descending).as("%s descending", field).containsExactlyElementsOf(expected.get(1));
  }

  @Test
  void pagesConcatenateToTheWholeOrderWithTheSameTotal() {
    writeListingSet();
    EventListing.Sort newest = EventListing.Sort.descending(Field.DATE);
    EventListing firstPage = EventListing.first(MAY, newest, 3);

    EventPage p1 = analytics().listEvents(firstPage);
    EventPage p2 = analytics().listEvents(firstPage.next());
    EventPage p3 = analytics().listEvents(firstPage.next().next());
    EventPage past = analytics().listEvents(firstPage.next().next().next());
    EventPage farPast = analytics().listEvents(new EventListing(MAY, newest, 3, 1_000_000));

    assertThat(ids(p1)).containsExactly("acled:MLI8004", "acled:MLI8006", "acled:MLI8003");
    assertThat(ids(p2)).containsExactly("gdelt:770001", "acled:BFA8005", "ucdp:880001");
    assertThat(ids(p3)).containsExactly("acled:MLI8001", "acled:MLI8002");
    List<String> all = new ArrayList<>(ids(p1));
    all.addAll(ids(p2));
    all.addAll(ids(p3));
    assertThat(all).isEqualTo(ids(listEvents(MAY, newest)));
    assertThat(List.of(p1.total(), p2.total(), p3.total(), past.total(), farPast.total()))
        .containsOnly(8L);
    assertThat(past.events()).isEmpty();
    assertThat(farPast.events()).isEmpty();
    // A page of one, mid-way; a page reaching past the end stops there.
    assertThat(ids(analytics().listEvents(new EventListing(MAY, newest, 1, 4))))
        .containsExactly("acled:BFA8005");
    assertThat(ids(analytics().listEvents(new EventListing(MAY, newest, 5, 6))))
        .containsExactly("acled:MLI8001", "acled:MLI8002");
    // Paging a filtered listing, by fatalities, two at a time. In the box: 8001 (5), 8003 (12),
    // BFA8005 (10), 8006 (5), UCDP (5); 8002 lies north of it, 8004 and GDELT's have no point.
    EventListing boxed =
        EventListing.first(
            MAY.withBbox(new EventFilter.Box(14, -5, 15.5, 0)),
            EventListing.Sort.descending(Field.FATALITIES),
            2);
    assertThat(ids(analytics().listEvents(boxed)))
        .containsExactly("acled:MLI8003", "acled:BFA8005");
    assertThat(ids(analytics().listEvents(boxed.next())))
        .containsExactly("acled:MLI8001", "acled:MLI8006");
    assertThat(ids(analytics().listEvents(boxed.next().next()))).containsExactly("ucdp:880001");
    assertThat(analytics().listEvents(boxed.next().next()).total()).isEqualTo(5);
  }

  @Test
  void aListingAsksForOneToTenThousandEventsFromAnOffsetOfZeroOrMore() {
    EventListing.Sort sort = BY_ID;

    assertThatThrownBy(() -> new EventListing(MAY, sort, 0, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("limit must be 1 to 10000: 0");
    assertThatThrownBy(() -> new EventListing(MAY, sort, 10_001, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("limit must be 1 to 10000: 10001");
    assertThatThrownBy(() -> new EventListing(MAY, sort, -5, 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new EventListing(MAY, sort, 10, -1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("offset must not be negative: -1");

    EventPage empty = analytics().listEvents(new EventListing(MAY, sort, 10_000, 0));
    assertThat(empty.events()).isEmpty();
    assertThat(empty.total()).isZero();
    writeListingSet();
    assertThat(analytics().listEvents(new EventListing(MAY, sort, 1, 0)).events()).hasSize(1);
    assertThat(analytics().listEvents(new EventListing(MAY, sort, 1, 7)).events())
        .extracting(Event::id)
        .containsExactly("ucdp:880001");
  }

  // ---------------------------------------------------------------------------------------------
  // Revisions, monadic merges, duplicates, quarantine

  @Test
  void aLaterTimestampReplacesAndAnOlderOneGoesToHistory() {
    IngestReport first = ingest("acled-revision-1.csv");
    IngestReport second = ingest("acled-revision-2.csv");

    assertThat(first.inserted()).isEqualTo(4);
    // 9201 later (updated); 9202 older, 9205 the same timestamp with other notes and a smaller
    // fingerprint (1880441839563427346 against 8825400182180322011), 9206 the same row
    // (unchanged); 9203 new; 9204 an impossible date.
    assertThat(second.rowsRead()).isEqualTo(6);
    assertThat(second.inserted()).isEqualTo(1);
    assertThat(second.updated()).isEqualTo(1);
    assertThat(second.unchanged()).isEqualTo(3);
    assertThat(second.merged()).isZero();
    assertThat(second.quarantined()).isEqualTo(1);

    Event revised = store.findEvent("acled:MLI9201").orElseThrow();
    assertThat(revised.fatalities()).isEqualTo(Fatalities.exactly(7));
    assertThat(revised.notes()).isEqualTo("Soldiers killed civilians; toll revised.");
    assertThat(revised.provenance().sourceTimestamp()).isEqualTo(Instant.ofEpochSecond(1748000000));
    assertThat(revised.provenance().dataset()).isEqualTo("acled-revision-2.csv");
    assertThat(revised.provenance().fileSha256()).isEqualTo(second.sha256());
    assertThat(revised.provenance().lineNumber()).isEqualTo(2);
    assertThat(store.findEvent("acled:MLI9202").orElseThrow().notes())
        .isEqualTo("Residents protested fuel shortages.");
    assertThat(store.findEvent("acled:MLI9205").orElseThrow().notes())
        .isEqualTo("Original report.");
    // The same content read from another file is the stored version: it keeps its provenance.
    assertThat(store.findEvent("acled:MLI9206").orElseThrow().provenance().dataset())
        .isEqualTo("acled-revision-1.csv");
    assertThat(store.findEvent("acled:MLI9203")).isPresent();
    // History holds every version read but the current one: 9201's first, 9202's older copy and
    // 9205's edit that lost; the same content read again (9206) is no other version.
    for (String id : List.of("acled:MLI9201", "acled:MLI9202", "acled:MLI9205")) {
      assertThat(store.countHistory(id)).as(id).isEqualTo(1);
    }
    for (String id : List.of("acled:MLI9203", "acled:MLI9206")) {
      assertThat(store.countHistory(id)).as(id).isZero();
    }
    StoreStatus status = store.status();
    assertThat(status.events()).isEqualTo(5);
    assertThat(status.history()).isEqualTo(3);
    assertThat(status.quarantined()).isEqualTo(1);
    assertThat(status.files()).isEqualTo(2);
    // A figure over these events cites the file each current version came from.
    CountResult may = count(EventFilter.of("MLI", new Period(LocalDate.of(2025, 5, 1), TODAY)));
    assertThat(may.sources())
        .containsExactly(
            new SourceRef("ACLED", "acled-revision-1.csv", first.sha256()),
            new SourceRef("ACLED", "acled-revision-2.csv", second.sha256()));
    assertThat(may.fatalities()).isEqualTo(7 + 0 + 2 + 2 + 5);
    RejectedRow bad = store.listQuarantine(10).get(0);
    assertThat(bad.lineNumber()).isEqualTo(5);
    assertThat(bad.problems()).extracting(Problem::code).contains("bad_date");
    assertThat(bad.raw()).isEqualTo(line(fixture("acled-revision-2.csv"), 5));
  }

  @Test
  void aGdeltExportKeepsEveryRowsAccountWhereverItIsRead() throws IOException {
    // Engines that read files of one row per line in pieces apart (Spark's executors) must give
    // the numbers, history, quarantine and notes of a reading of the whole file.
    IngestReport first = ingest("gdelt2-export-1.tsv");
    IngestReport second = ingest("gdelt2-export-2.tsv");
    IngestReport again = ingest("gdelt2-export-1.tsv");

    // Lines 1 A, 2 blank, 3 B, 4 sixty columns, 5 root code 99, 6 B again (same row, CRLF), 7 and
    // 8 D twice with other places (line 8 added later wins), 9 E with a Windows-1252 byte.
    assertThat(
            List.of(
                first.rowsRead(),
                first.inserted(),
                first.updated(),
                first.unchanged(),
                first.merged(),
                first.quarantined()))
        .containsExactly(8L, 4L, 0L, 0L, 1L, 3L);
    assertThat(first.notes())
        .containsExactly("line 9 is not valid UTF-8; decoded as Windows-1252 (Latin-1)");
    // A revised (added later), B the same, D an older version (added before line 8's), F new.
    assertThat(
            List.of(
                second.rowsRead(),
                second.inserted(),
                second.updated(),
                second.unchanged(),
                second.merged(),
                second.quarantined()))
        .containsExactly(4L, 1L, 1L, 2L, 0L, 0L);
    // Read again: A's first version is older than the stored one (and in history already), the
    // rest unchanged; B merges and D's losing row and the two bad rows are quarantined again.
    assertThat(
            List.of(
                again.rowsRead(),
                again.inserted(),
                again.updated(),
                again.unchanged(),
                again.merged(),
                again.quarantined()))
        .containsExactly(8L, 0L, 0L, 4L, 1L, 3L);

    Event d = store.findEvent("gdelt:1200000004").orElseThrow();
    assertThat(d.location()).isEqualTo("Tessalit, Kidal, Mali");
    assertThat(d.provenance().lineNumber()).isEqualTo(8);
    assertThat(d.provenance().fileSha256()).isEqualTo(first.sha256());
    Event a = store.findEvent("gdelt:1200000001").orElseThrow();
    assertThat(a.sourceNames()).isEqualTo("https://example.org/a-revised");
    assertThat(a.provenance().dataset()).isEqualTo("gdelt2-export-2.tsv");
    assertThat(a.provenance().lineNumber()).isEqualTo(1);
    assertThat(a.provenance().sourceTimestamp()).isEqualTo(Instant.parse("2025-03-10T12:00:00Z"));
    Event e = store.findEvent("gdelt:1200000005").orElseThrow();
    assertThat(e.location()).isEqualTo("S\u00e9gou, S\u00e9gou, Mali");
    assertThat(e.provenance().lineNumber()).isEqualTo(9);
    assertThat(store.findEvent("gdelt:1200000003")).isEmpty();
    assertThat(store.countHistory("gdelt:1200000001")).isEqualTo(1);
    assertThat(store.countHistory("gdelt:1200000004")).isEqualTo(1);
    assertThat(store.countHistory("gdelt:1200000002")).isZero();
    StoreStatus status = store.status();
    assertThat(status.events()).isEqualTo(5);
    assertThat(status.history()).isEqualTo(2);
    assertThat(status.quarantined()).isEqualTo(3);
    assertThat(status.files()).isEqualTo(3);
    // Lines 4, 5 and 7 are ASCII; line 9 is not UTF-8, so the file is read as bytes here.
    List<String> lines =
        Files.readAllLines(fixture("gdelt2-export-1.tsv"), StandardCharsets.ISO_8859_1);
    assertThat(
            store.listQuarantine(10).stream()
                .sorted(Comparator.comparingLong(RejectedRow::lineNumber))
                .toList())
        .extracting(RejectedRow::lineNumber, r -> r.problems().get(0).code(), RejectedRow::raw)
        .containsExactly(
            tuple(4L, "wrong_column_count", lines.get(3)),
            tuple(5L, "unknown_event_type", lines.get(4)),
            tuple(7L, "duplicate_event_id", lines.get(6)));
  }

  @Test
  void missingTimestampsFollowTheRules() {
    ingest("acled-timestamp-missing-1.csv");
    IngestReport second = ingest("acled-timestamp-missing-2.csv");

    // 9401: stored stamped, incoming unstamped (unchanged); 9402: stored unstamped, incoming
    // stamped (updated); 9403: neither stamped, the greater fingerprint stays: the first release's
    // 6992694063424985295 against the second's 5722251675026253696 (unchanged).
    assertThat(second.updated()).isEqualTo(1);
    assertThat(second.unchanged()).isEqualTo(2);
    Event stamped = store.findEvent("acled:MLI9401").orElseThrow();
    assertThat(stamped.notes()).isEqualTo("Stamped.");
    assertThat(stamped.provenance().sourceTimestamp()).isEqualTo(Instant.ofEpochSecond(1749000000));
    Event nowStamped = store.findEvent("acled:MLI9402").orElseThrow();
    assertThat(nowStamped.notes()).isEqualTo("Now stamped.");
    assertThat(nowStamped.provenance().sourceTimestamp())
        .isEqualTo(Instant.ofEpochSecond(1750000000));
    Event unstamped = store.findEvent("acled:MLI9403").orElseThrow();
    assertThat(unstamped.notes()).isEqualTo("First unstamped release.");
    assertThat(unstamped.fatalities().best()).isEqualTo(1);
    assertThat(unstamped.provenance().sourceTimestamp()).isNull();
    // The version that lost, each time, is in history.
    assertThat(store.countHistory("acled:MLI9401")).isEqualTo(1);
    assertThat(store.countHistory("acled:MLI9402")).isEqualTo(1);
    assertThat(store.countHistory("acled:MLI9403")).isEqualTo(1);
  }

  @Test
  void aSourceWithoutTimestampsKeepsTheGreaterFingerprintInAnyOrder() throws IOException {
    // UCDP states no revision time. 990101's first release has the greater fingerprint
    // (7875216640203709727 against -1408750408331741559), so it stays whichever is read last.
    IngestReport first = ingest("ucdp-revision-1.csv");
    IngestReport second = ingest("ucdp-revision-2.csv");

    assertThat(first.inserted()).isEqualTo(1);
    assertThat(List.of(second.inserted(), second.updated(), second.unchanged()))
        .containsExactly(1L, 0L, 1L);
    assertThat(store.findEvent("ucdp:990101").orElseThrow().fatalities())
        .isEqualTo(new Fatalities(3, 3, 4));
    assertThat(store.countHistory("ucdp:990101")).isEqualTo(1);

    // Both files again, in either order, change nothing: no swap of versions on every pass.
    for (String f : List.of("ucdp-revision-2.csv", "ucdp-revision-1.csv", "ucdp-revision-2.csv")) {
      IngestReport again = ingest(f);
      assertThat(again.unchanged()).as(f).isEqualTo(again.rowsRead());
    }
    StoreStatus status = store.status();
    assertThat(List.of(status.events(), status.history())).containsExactly(2L, 1L);

    // Another store reading them the other way round holds the same versions and history.
    Path folder = dir.resolve("reversed");
    Files.createDirectories(folder);
    try (Store reversed = openStore(folder)) {
      IngestReport r2 = ingestInto(reversed, "ucdp-revision-2.csv");
      IngestReport r1 = ingestInto(reversed, "ucdp-revision-1.csv");
      assertThat(List.of(r2.inserted(), r1.updated(), r1.unchanged())).containsExactly(2L, 1L, 0L);
      for (String id : List.of("ucdp:990101", "ucdp:990102")) {
        assertThat(reversed.findEvent(id).orElseThrow().fatalities())
            .as(id)
            .isEqualTo(store.findEvent(id).orElseThrow().fatalities());
        assertThat(reversed.countHistory(id)).as(id).isEqualTo(store.countHistory(id));
      }
      StoreStatus other = reversed.status();
      assertThat(List.of(other.events(), other.history())).containsExactly(2L, 1L);
    }
  }

  @Test
  void monadicRowsOfOneEventMergeIntoOneEventWithEveryActor() {
    IngestReport r = ingest("acled-monadic.csv");

    // 9001 has two rows, 9002 three, 9003 one.
    assertThat(r.rowsRead()).isEqualTo(6);
    assertThat(r.inserted()).isEqualTo(3);
    assertThat(r.merged()).isEqualTo(3);
    assertThat(r.quarantined()).isZero();
    Event two = store.findEvent("acled:MLI9001").orElseThrow();
    // The second row names the same two actors the other way round, and Wagner with FAMa.
    assertThat(two.actors())
        .containsExactly(
            new EventActor(ActorRole.ACTOR_1, FAMA, 1),
            new EventActor(ActorRole.ASSOCIATED_1, WAGNER, null),
            new EventActor(ActorRole.ACTOR_2, JNIM, 2));
    assertThat(two.interaction()).isEqualTo(12);
    assertThat(two.provenance().lineNumber()).isEqualTo(2);
    Event three = store.findEvent("acled:MLI9002").orElseThrow();
    // Worked out in RevisionsTest: JNIM fills actor 2; Katiba Macina, Dan Na Ambassagou and the
    // Dozo join its side; Wagner joins FAMa's.
    assertThat(three.actors())
        .containsExactly(
            new EventActor(ActorRole.ACTOR_1, FAMA, 1),
            new EventActor(ActorRole.ASSOCIATED_1, WAGNER, null),
            new EventActor(ActorRole.ACTOR_2, JNIM, 2),
            new EventActor(ActorRole.ASSOCIATED_2, "Katiba Macina", null),
            new EventActor(ActorRole.ASSOCIATED_2, "Dan Na Ambassagou", null),
            new EventActor(ActorRole.ASSOCIATED_2, "Dozo Militia", null));
    assertThat(three.interaction()).isEqualTo(10);
    assertThat(three.provenance().lineNumber()).isEqualTo(4);
    assertThat(three.fatalities().best()).isEqualTo(9);
    assertThat(store.status().events()).isEqualTo(3);

    EventFilter march = EventFilter.of("MLI", new Period(LocalDate.of(2025, 3, 1), TODAY));
    assertThat(count(march.withAnyActorNames(Set.of("Dozo Militia"))).eventIds())
        .containsExactly("acled:MLI9002");
    assertThat(groups(count(march, Dimension.ACTOR2)))
        .containsExactly(group(key(JNIM), 2, 13), group(key(CIVILIANS), 1, 2));
    assertThat(analytics().listActorNames(march))
        .extracting(NameCount::name, NameCount::events)
        .startsWith(tuple(JNIM, 2L), tuple(FAMA, 2L), tuple(WAGNER, 2L));

    IngestReport again = ingest("acled-monadic.csv");
    assertThat(again.inserted()).isZero();
    assertThat(again.unchanged()).isEqualTo(3);
    assertThat(again.merged()).isEqualTo(3);
    assertThat(store.status().history()).isZero();
  }

  @Test
  void conflictingRowsOfOneIdKeepOneVersionAndQuarantineTheOthersWithTheirRawText() {
    IngestReport r = ingest("acled-duplicate-ids.csv");
    Path file = fixture("acled-duplicate-ids.csv");

    assertThat(r.rowsRead()).isEqualTo(10);
    assertThat(r.inserted()).isEqualTo(5);
    assertThat(r.merged()).isZero();
    assertThat(r.quarantined()).isEqualTo(5);
    // 9101: the later timestamp on the earlier line; 9102: equal timestamps, the last row; 9103:
    // a timestamp beats none; 9104: the last of the two latest, over a two-line row and an older.
    assertThat(store.findEvent("acled:MLI9101").orElseThrow())
        .extracting(e -> e.notes(), e -> e.fatalities().best(), e -> e.provenance().lineNumber())
        .containsExactly("Revised report.", 5, 2L);
    assertThat(store.findEvent("acled:MLI9102").orElseThrow().provenance().lineNumber())
        .isEqualTo(5);
    assertThat(store.findEvent("acled:MLI9103").orElseThrow().notes()).isEqualTo("Stamped.");
    assertThat(store.findEvent("acled:MLI9104").orElseThrow())
        .extracting(e -> e.notes(), e -> e.provenance().lineNumber())
        .containsExactly("Second version.", 10L);
    assertThat(store.findEvent("acled:MLI9105")).isPresent();

    List<RejectedRow> q = store.listQuarantine(10);
    assertThat(q)
        .extracting(RejectedRow::lineNumber, row -> row.problems().get(0))
        .containsExactly(
            tuple(3L, Revisions.conflict("MLI9101", 2)),
            tuple(4L, Revisions.conflict("MLI9102", 5)),
            tuple(7L, Revisions.conflict("MLI9103", 6)),
            tuple(8L, Revisions.conflict("MLI9104", 10)),
            tuple(11L, Revisions.conflict("MLI9104", 10)));
    assertThat(q)
        .allSatisfy(
            row -> {
              assertThat(row.dataset()).isEqualTo("acled-duplicate-ids.csv");
              assertThat(row.path()).isEqualTo(file.toString());
              assertThat(row.fileSha256()).isEqualTo(r.sha256());
              assertThat(row.problems()).hasSize(1);
            });
    assertThat(q.get(0).raw()).isEqualTo(line(file, 3));
    assertThat(q.get(0).raw()).contains("First report.");
    // A quoted note over two lines: the record's two lines, joined with a newline.
    assertThat(q.get(3).raw()).isEqualTo(line(file, 8) + "\n" + line(file, 9));
    assertThat(q.get(4).raw()).isEqualTo(line(file, 11));
    assertThat(q.get(0).message()).startsWith("acled-duplicate-ids.csv line 3, column event_id:");
    assertThat(store.listQuarantine(2)).isEqualTo(q.subList(0, 2));
    assertThat(store.status().quarantined()).isEqualTo(5);
  }

  @Test
  void everyRowReadIsInsertedUpdatedUnchangedMergedOrQuarantined() {
    ingest("acled-revision-1.csv");
    IngestReport r = ingest("acled-every-outcome.csv");
    Path file = fixture("acled-every-outcome.csv");

    // 9201 revised, 9202 the same row again, 9601 two monadic rows, 9602 two conflicting rows,
    // 9603 a latitude off the globe.
    assertThat(r.rowsRead()).isEqualTo(7);
    assertThat(List.of(r.inserted(), r.updated(), r.unchanged(), r.merged(), r.quarantined()))
        .containsExactly(2L, 1L, 1L, 1L, 2L);
    StoreStatus status = store.status();
    assertThat(status.events()).isEqualTo(4 + 2);
    assertThat(status.history()).isEqualTo(1);
    assertThat(status.quarantined()).isEqualTo(2);
    List<RejectedRow> q = store.listQuarantine(10);
    assertThat(q).extracting(RejectedRow::lineNumber).containsExactly(6L, 8L);
    assertThat(q.get(0).problems()).containsExactly(Revisions.conflict("MLI9602", 7));
    assertThat(q.get(0).raw()).isEqualTo(line(file, 6));
    assertThat(q.get(1).problems()).extracting(Problem::code).contains("coordinates_out_of_range");
    assertThat(q.get(1).raw()).isEqualTo(line(file, 8) + "\n" + line(file, 9));
  }

  @Test
  void ingestingTheSameFilesAgainChangesNothing() {
    List<String> files =
        List.of(
            "acled-revision-1.csv",
            "acled-revision-2.csv",
            "acled-monadic.csv",
            "acled-duplicate-ids.csv",
            "acled-every-outcome.csv");
    for (String f : files) {
      ingest(f);
    }
    StoreStatus before = store.status();
    List<RejectedRow> quarantine = store.listQuarantine(100);
    EventFilter everything = EventFilter.of(null, new Period(LocalDate.of(2000, 1, 1), TODAY));
    CountResult counted = count(everything, Dimension.DAY);
    Map<String, Event> events = new TreeMap<>();
    for (String id : counted.eventIds()) {
      events.put(id, store.findEvent(id).orElseThrow());
    }

    List<List<Long>> outcomes = new ArrayList<>();
    for (String f : files) {
      IngestReport r = ingest(f);
      outcomes.add(List.of(r.inserted(), r.updated(), r.unchanged(), r.merged(), r.quarantined()));
    }

    // Each id once unchanged; monadic rows merged and bad rows quarantined as the first time.
    assertThat(outcomes)
        .containsExactly(
            List.of(0L, 0L, 4L, 0L, 0L),
            List.of(0L, 0L, 5L, 0L, 1L),
            List.of(0L, 0L, 3L, 3L, 0L),
            List.of(0L, 0L, 5L, 0L, 5L),
            List.of(0L, 0L, 4L, 1L, 2L));
    StoreStatus after = store.status();
    assertThat(after.events()).isEqualTo(before.events()).isEqualTo(15);
    // 9201's first version; 9202's older copy and 9205's losing edit, read after the current.
    assertThat(after.history()).isEqualTo(before.history()).isEqualTo(3);
    assertThat(after.quarantined()).isEqualTo(before.quarantined()).isEqualTo(8);
    assertThat(after.files()).isEqualTo(before.files() + files.size());
    assertThat(store.listQuarantine(100)).isEqualTo(quarantine);
    assertThat(count(everything, Dimension.DAY)).isEqualTo(counted);
    for (Map.Entry<String, Event> e : events.entrySet()) {
      assertThat(store.findEvent(e.getKey())).contains(e.getValue());
    }
  }

  @Test
  void aWriteClosedWithoutCommitLeavesTheStoreAsItWas() {
    ingest("acled-revision-1.csv");
    StoreStatus before = store.status();
    Event stored = store.findEvent("acled:MLI9201").orElseThrow();
    String sha = "ab".repeat(32);
    Event fresh = handMade("MLI9901", 2, Instant.ofEpochSecond(1749000000), sha, 2);
    Event newer =
        stored.toBuilder()
            .fatalities(Fatalities.exactly(40))
            .provenance(
                new Provenance(
                    "hand-made.csv", sha, 3, Instant.ofEpochSecond(1760000000), Instant.now()))
            .build();

    try (FileWrite w = store.events().begin(new FileRef("hand-made.csv", "hand-made.csv", sha))) {
      w.accepted(StagedEvent.of(fresh), new LineRange(2, 2));
      w.accepted(StagedEvent.of(newer), new LineRange(3, 3));
      w.rejected(
          new RejectedRow(
              "hand-made.csv",
              "hand-made.csv",
              sha,
              4,
              List.of(Problem.ofRow(ProblemCode.BAD_DATE, "a bad row")),
              "MLI9902,bad"));
      // Nothing is visible before the commit either.
      assertThat(store.findEvent("acled:MLI9901")).isEmpty();
      assertThat(store.status()).isEqualTo(before);
    }

    assertThat(store.status()).isEqualTo(before);
    assertThat(store.findEvent("acled:MLI9901")).isEmpty();
    assertThat(store.findEvent("acled:MLI9201")).contains(stored);
    assertThat(store.countHistory("acled:MLI9201")).isZero();
    assertThat(store.listQuarantine(10)).isEmpty();

    // The store takes the next write as usual.
    WriteOutcome o;
    try (FileWrite w = store.events().begin(new FileRef("hand-made.csv", "hand-made.csv", sha))) {
      w.accepted(StagedEvent.of(fresh), new LineRange(2, 2));
      o = w.commit("acled", 1, ranges -> Map.of());
    }
    assertThat(o).isEqualTo(new WriteOutcome(1, 0, 0, 0, 0));
    assertThat(store.findEvent("acled:MLI9901")).isPresent();
    assertThat(store.status().files()).isEqualTo(before.files() + 1);

    if (supports(EngineBehavior.SUPPORTS_HUMANITARIAN)) {
      StoreStatus beforeObservations = store.status();
      try (ObservationWrite w =
          store.humanitarian().begin(new FileRef("dtm.csv", "dtm.csv", "cd".repeat(32)))) {
        w.accepted(
            new ObservationRow(
                List.of(), List.of(new AdminUnit("MLI", 1, "ML05", "Mopti", "MLI", null, 3))));
      }
      assertThat(store.status()).isEqualTo(beforeObservations);
      assertThat(store.humanitarian().listAdminUnits()).isEmpty();
    }
  }

  @Test
  void anEventsFlagsComeBackThroughTheReadPortAndAReadingOfTheSameContentRenewsThem() {
    // MLI9951 gives Mopti's point with latitude and longitude swapped (4.18 S, 14.48 E, far south
    // of Mali), flagged as ingest flags it, the point kept as given; MLI9952 gives the right point.
    Instant stamped = Instant.ofEpochSecond(1749000000);
    String first = "f1".repeat(32);
    Event swapped =
        handMade("MLI9951", 2, stamped, first, 2).toBuilder()
            .point(MOPTI_LON, MOPTI_LAT)
            .flag(EventFlag.POINT_OUTSIDE_COUNTRY)
            .build();
    Event right = handMade("MLI9952", 3, stamped, first, 3);
    EventFilter day =
        EventFilter.of("MLI", new Period(LocalDate.of(2025, 6, 1), LocalDate.of(2025, 6, 1)));

    assertThat(writeFile(first, List.of(swapped, right)))
        .isEqualTo(new WriteOutcome(2, 0, 0, 0, 0));

    Event stored = store.findEvent("acled:MLI9951").orElseThrow();
    assertThat(stored.flags()).containsExactly(EventFlag.POINT_OUTSIDE_COUNTRY);
    assertThat(stored.latitude()).isEqualTo(MOPTI_LON);
    assertThat(stored.longitude()).isEqualTo(MOPTI_LAT);
    assertThat(store.findEvent("acled:MLI9952").orElseThrow().flags()).isEmpty();
    EventPage page = listEvents(day, BY_ID);
    assertThat(page.events())
        .extracting(Event::id, Event::flags)
        .containsExactly(
            tuple("acled:MLI9951", Set.of(EventFlag.POINT_OUTSIDE_COUNTRY)),
            tuple("acled:MLI9952", Set.of()));
    // A flag is no filter: the flagged event is counted as every other.
    assertThat(count(day).events()).isEqualTo(2);

    // The same rows read again from another file are unchanged (flags are derived from the point
    // and take no part in the fingerprint), and the stored version stays as it was.
    String second = "f2".repeat(32);
    List<Event> flagged = new ArrayList<>();
    List<Event> unflagged = new ArrayList<>();
    for (Event e : List.of(swapped, right)) {
      Event read =
          e.toBuilder()
              .provenance(
                  new Provenance(
                      "hand-made.csv", second, e.provenance().lineNumber(), stamped, Instant.now()))
              .build();
      flagged.add(read);
      unflagged.add(read.toBuilder().flags(Set.of()).build());
    }
    assertThat(writeFile(second, flagged)).isEqualTo(new WriteOutcome(0, 0, 2, 0, 0));
    assertThat(store.findEvent("acled:MLI9951").orElseThrow()).isEqualTo(stored);
    // Read without its flag (an ingest without country boxes), the same content is still
    // unchanged but carries the flags of that reading: none. Read with it, it has it again. So a
    // store made before a flag existed gets it by reading its files again.
    assertThat(writeFile(second, unflagged)).isEqualTo(new WriteOutcome(0, 0, 2, 0, 0));
    assertThat(listEvents(day, BY_ID).events()).extracting(Event::flags).containsOnly(Set.of());
    assertThat(store.findEvent("acled:MLI9951").orElseThrow())
        .isEqualTo(stored.toBuilder().flags(Set.of()).build());
    assertThat(writeFile(second, flagged)).isEqualTo(new WriteOutcome(0, 0, 2, 0, 0));
    assertThat(store.findEvent("acled:MLI9951").orElseThrow()).isEqualTo(stored);
    assertThat(store.countHistory("acled:MLI9951")).isZero();
    assertThat(store.countHistory("acled:MLI9952")).isZero();
    assertThat(listEvents(day, BY_ID).events())
        .extracting(Event::flags)
        .containsExactly(Set.of(EventFlag.POINT_OUTSIDE_COUNTRY), Set.of());
  }

  /**
   * Writes hand-made events as the file {@code sha}, one line each, and what the store made of it.
   */
  private WriteOutcome writeFile(String sha, List<Event> events) {
    try (FileWrite w = store.events().begin(new FileRef("hand-made.csv", "hand-made.csv", sha))) {
      for (Event e : events) {
        long line = e.provenance().lineNumber();
        w.accepted(StagedEvent.of(e), new LineRange(line, line));
      }
      return w.commit("acled", events.size(), ranges -> Map.of());
    }
  }

  /** An ACLED event made by hand, as a mapper would make it from a row of {@code sha}. */
  private static Event handMade(
      String id, int fatalities, Instant timestamp, String sha, long line) {
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

  // ---------------------------------------------------------------------------------------------
  // Withdrawals: events a source withdrew (ACLED's deleted endpoint)

  /** The timestamp of every row of acled-revision-1.csv. */
  private static final Instant REVISION_1 = Instant.ofEpochSecond(1747000000);

  /** The later timestamp of acled-revision-2.csv (9201 revised, 9203 new). */
  private static final Instant REVISION_2 = Instant.ofEpochSecond(1748000000);

  /** A withdrawal between the two files' timestamps. */
  private static final Instant WITHDRAWN = Instant.ofEpochSecond(1747500000);

  private static Withdrawal withdrawal(String acledId, Instant at) {
    return new Withdrawal(SourceSystem.ACLED, acledId, at, Withdrawal.ACLED_DELETED);
  }

  private WithdrawOutcome withdraw(Withdrawal... withdrawals) {
    WithdrawOutcome o = store.events().withdraw(List.of(withdrawals));
    assertThat(o.total()).as("withdrawals accounted for").isEqualTo(withdrawals.length);
    return o;
  }

  /** Writes one hand-made event as a file of one row, and what the store made of it. */
  private WriteOutcome writeOne(Event e) {
    String sha = e.provenance().fileSha256();
    try (FileWrite w = store.events().begin(new FileRef("hand-made.csv", "hand-made.csv", sha))) {
      w.accepted(StagedEvent.of(e), new LineRange(2, 2));
      return w.commit("acled", 1, ranges -> Map.of());
    }
  }

  @Test
  void aWithdrawnEventLeavesEveryCountListingAndLookupAndItsVersionGoesToHistory() {
    ingest("acled-revision-1.csv");
    EventFilter may = EventFilter.of("MLI", MAY_2025);
    assertThat(count(may).events()).isEqualTo(4);

    // 9205 (Mopti, 2 dead, JNIM against FAMa) stamped before the withdrawal.
    assertThat(withdraw(withdrawal("MLI9205", WITHDRAWN)))
        .isEqualTo(new WithdrawOutcome(1, 0, 0, 0));

    assertThat(store.findEvent("acled:MLI9205")).isEmpty();
    assertThat(store.countHistory("acled:MLI9205")).isEqualTo(1);
    CountResult counted = count(may);
    assertThat(counted.eventIds())
        .containsExactlyInAnyOrder("acled:MLI9201", "acled:MLI9202", "acled:MLI9206");
    assertThat(counted.fatalities()).isEqualTo(3 + 0 + 5);
    assertThat(groups(count(may, Dimension.EVENT_TYPE)))
        .extracting(Group::key)
        .doesNotContain(key("Battles"));
    assertThat(ids(listEvents(MAY, BY_ID)))
        .containsExactly("acled:MLI9201", "acled:MLI9202", "acled:MLI9206");
    assertThat(listEvents(MAY, BY_ID).total()).isEqualTo(3);
    assertThat(analytics().listEventPoints(may, false))
        .extracting(EventPoint::id)
        .doesNotContain("acled:MLI9205")
        .hasSize(3);
    assertThat(analytics().listActorNames(may))
        .contains(new NameCount(JNIM, 1))
        .doesNotContain(new NameCount(JNIM, 2));
    assertThat(analytics().coverage(may).events()).isEqualTo(3);
    StoreStatus status = store.status();
    assertThat(status.events()).isEqualTo(3);
    assertThat(status.bySource()).isEqualTo(Map.of("ACLED", 3L));
    assertThat(status.byCountry()).isEqualTo(Map.of("MLI", 3L));
    assertThat(status.history()).isEqualTo(1);
    assertThat(status.withdrawn()).isEqualTo(1);
    assertThat(status.files()).isEqualTo(1);
  }

  @Test
  void withdrawingAgainChangesNothingAndAnEventNeverHeldIsRecorded() {
    ingest("acled-revision-1.csv");
    Withdrawal held = withdrawal("MLI9205", WITHDRAWN);
    Withdrawal neverHeld = withdrawal("MLI9999", WITHDRAWN);

    assertThat(withdraw(held, neverHeld)).isEqualTo(new WithdrawOutcome(1, 0, 1, 0));
    StoreStatus once = store.status();
    assertThat(once.withdrawn()).isEqualTo(2);
    assertThat(once.history()).isEqualTo(1);
    assertThat(store.countHistory("acled:MLI9999")).isZero();

    assertThat(withdraw(held, neverHeld)).isEqualTo(new WithdrawOutcome(0, 2, 0, 0));
    assertThat(store.status()).isEqualTo(once);
    assertThat(store.countHistory("acled:MLI9205")).isEqualTo(1);

    // The event never held, read later from a file older than its withdrawal, stays out...
    String sha = "a1".repeat(32);
    assertThat(writeOne(handMade("MLI9999", 4, REVISION_1, sha, 2)))
        .isEqualTo(new WriteOutcome(0, 0, 1, 0, 0));
    assertThat(store.findEvent("acled:MLI9999")).isEmpty();
    // ...and one stamped after it comes in.
    assertThat(writeOne(handMade("MLI9999", 4, REVISION_2, "a2".repeat(32), 2)))
        .isEqualTo(new WriteOutcome(1, 0, 0, 0, 0));
    assertThat(store.findEvent("acled:MLI9999")).isPresent();
    assertThat(store.countHistory("acled:MLI9999")).isZero();
    assertThat(store.status().withdrawn()).isEqualTo(1);
  }

  @Test
  void aLaterIngestOfAnOlderRowKeepsAWithdrawnEventOutAsUnchanged() {
    ingest("acled-revision-1.csv");
    withdraw(withdrawal("MLI9202", WITHDRAWN));

    // The same file again: 9202's row, stamped before the withdrawal, stays out.
    IngestReport again = ingest("acled-revision-1.csv");
    assertThat(List.of(again.inserted(), again.updated(), again.unchanged()))
        .containsExactly(0L, 0L, 4L);
    assertThat(store.findEvent("acled:MLI9202")).isEmpty();

    // The second file: 9202 older still; the other rows as without the withdrawal.
    IngestReport second = ingest("acled-revision-2.csv");
    assertThat(
            List.of(
                second.inserted(),
                second.updated(),
                second.unchanged(),
                second.merged(),
                second.quarantined()))
        .containsExactly(1L, 1L, 3L, 0L, 1L);
    assertThat(store.findEvent("acled:MLI9202")).isEmpty();
    StoreStatus status = store.status();
    assertThat(status.events()).isEqualTo(4);
    // 9201's first version, replaced; 9202's, withdrawn; 9205's edit, which lost the tie (its
    // fingerprint is the smaller). 9202's older row stays out and is not kept.
    assertThat(status.history()).isEqualTo(3);
    assertThat(status.withdrawn()).isEqualTo(1);
    assertThat(store.countHistory("acled:MLI9202")).isEqualTo(1);

    // A row stamped at the withdrawal's time, or not stamped, is no newer than the withdrawal.
    assertThat(writeOne(handMade("MLI9202", 1, WITHDRAWN, "b1".repeat(32), 2)))
        .isEqualTo(new WriteOutcome(0, 0, 1, 0, 0));
    assertThat(writeOne(handMade("MLI9202", 1, null, "b2".repeat(32), 2)))
        .isEqualTo(new WriteOutcome(0, 0, 1, 0, 0));
    assertThat(store.findEvent("acled:MLI9202")).isEmpty();
    StoreStatus after = store.status();
    assertThat(List.of(after.events(), after.history(), after.withdrawn(), after.files()))
        .containsExactly(4L, 3L, 1L, status.files() + 2);
  }

  @Test
  void aRowStampedAfterTheWithdrawalReinstatesTheEvent() {
    ingest("acled-revision-1.csv");
    Withdrawal first = withdrawal("MLI9202", WITHDRAWN);
    withdraw(first);

    Instant republished = WITHDRAWN.plusSeconds(1);
    assertThat(writeOne(handMade("MLI9202", 1, republished, "c1".repeat(32), 2)))
        .isEqualTo(new WriteOutcome(1, 0, 0, 0, 0));
    Event back = store.findEvent("acled:MLI9202").orElseThrow();
    assertThat(back.provenance().sourceTimestamp()).isEqualTo(republished);
    assertThat(back.fatalities()).isEqualTo(Fatalities.exactly(1));
    // The withdrawn version stays in history, the withdrawal on record.
    assertThat(store.countHistory("acled:MLI9202")).isEqualTo(1);
    assertThat(store.events().findLatestWithdrawal(SourceSystem.ACLED)).contains(WITHDRAWN);
    assertThat(store.status().withdrawn()).isZero();
    assertThat(store.status().events()).isEqualTo(4);

    // The same withdrawal again leaves the reinstated version in the view...
    assertThat(withdraw(first)).isEqualTo(new WithdrawOutcome(0, 1, 0, 0));
    assertThat(store.findEvent("acled:MLI9202")).contains(back);
    // ...a later one takes it out again.
    assertThat(withdraw(withdrawal("MLI9202", REVISION_2)))
        .isEqualTo(new WithdrawOutcome(1, 0, 0, 0));
    assertThat(store.findEvent("acled:MLI9202")).isEmpty();
    assertThat(store.countHistory("acled:MLI9202")).isEqualTo(2);
  }

  @Test
  void aWithdrawalOlderThanTheCurrentVersionLeavesTheEventInTheView() {
    ingest("acled-revision-1.csv");
    ingest("acled-revision-2.csv");
    Event current = store.findEvent("acled:MLI9201").orElseThrow();
    assertThat(current.provenance().sourceTimestamp()).isEqualTo(REVISION_2);

    // 9201 stamped after the withdrawal: the source published it again since.
    assertThat(withdraw(withdrawal("MLI9201", WITHDRAWN)))
        .isEqualTo(new WithdrawOutcome(0, 0, 0, 1));
    assertThat(store.findEvent("acled:MLI9201")).contains(current);
    assertThat(store.countHistory("acled:MLI9201")).isEqualTo(1);
    assertThat(store.status().withdrawn()).isZero();
    // Recorded: the sync resumes after it, and applying it again changes nothing.
    assertThat(store.events().findLatestWithdrawal(SourceSystem.ACLED)).contains(WITHDRAWN);
    assertThat(withdraw(withdrawal("MLI9201", WITHDRAWN)))
        .isEqualTo(new WithdrawOutcome(0, 1, 0, 0));
    assertThat(store.findEvent("acled:MLI9201")).contains(current);
  }

  @Test
  void aSourceWithoutTimestampsCannotBringAWithdrawnEventBack() {
    ingest("ucdp-revision-1.csv");
    assertThat(
            store
                .events()
                .withdraw(
                    List.of(
                        new Withdrawal(
                            SourceSystem.UCDP, "990101", WITHDRAWN, "withdrawn by UCDP"))))
        .isEqualTo(new WithdrawOutcome(1, 0, 0, 0));

    // The next release, without revision times: 990101 stays out, 990102 is new.
    IngestReport next = ingest("ucdp-revision-2.csv");
    assertThat(List.of(next.inserted(), next.updated(), next.unchanged()))
        .containsExactly(1L, 0L, 1L);
    assertThat(store.findEvent("ucdp:990101")).isEmpty();
    assertThat(store.findEvent("ucdp:990102")).isPresent();
    // An ACLED event of the same source id is another event.
    assertThat(store.events().findLatestWithdrawal(SourceSystem.ACLED)).isEmpty();
    assertThat(store.events().findLatestWithdrawal(SourceSystem.UCDP)).contains(WITHDRAWN);
  }

  @Test
  void aSyncResumesFromTheLatestWithdrawalAndTheLatestTimestampOfTheCurrentEvents() {
    var events = store.events();
    assertThat(events.findLatestWithdrawal(SourceSystem.ACLED)).isEmpty();
    assertThat(events.findLatestSourceTimestamp(SourceSystem.ACLED, "MLI")).isEmpty();

    loadQueryMix();
    ingest("acled-revision-1.csv");
    assertThat(events.findLatestSourceTimestamp(SourceSystem.ACLED, "MLI")).contains(REVISION_1);
    ingest("acled-revision-2.csv");
    assertThat(events.findLatestSourceTimestamp(SourceSystem.ACLED, "MLI")).contains(REVISION_2);
    // Burkina Faso's one event of the query mix; GDELT's latest DATEADDED (the second of its two
    // rows); UCDP states no revision time.
    assertThat(events.findLatestSourceTimestamp(SourceSystem.ACLED, "BFA"))
        .contains(Instant.ofEpochSecond(1741000000));
    assertThat(events.findLatestSourceTimestamp(SourceSystem.GDELT, "MLI"))
        .contains(Instant.parse("2025-02-16T09:00:00Z"));
    assertThat(events.findLatestSourceTimestamp(SourceSystem.UCDP, "MLI")).isEmpty();
    assertThat(events.findLatestSourceTimestamp(SourceSystem.ACLED, "NER")).isEmpty();

    // The two events stamped REVISION_2 withdrawn: only current events count.
    Instant later = REVISION_2.plusSeconds(3600);
    withdraw(withdrawal("MLI9201", later), withdrawal("MLI9203", REVISION_2));
    assertThat(events.findLatestSourceTimestamp(SourceSystem.ACLED, "MLI")).contains(REVISION_1);
    assertThat(events.findLatestWithdrawal(SourceSystem.ACLED)).contains(later);
    // An earlier withdrawal recorded afterwards does not move it back.
    withdraw(withdrawal("MLI9999", WITHDRAWN));
    assertThat(events.findLatestWithdrawal(SourceSystem.ACLED)).contains(later);
    assertThat(events.findLatestWithdrawal(SourceSystem.UCDP)).isEmpty();
  }

  @Test
  void aWithdrawalIsAllOrNothing() {
    ingest("acled-revision-1.csv");
    StoreStatus before = store.status();

    // A list with a hole: nothing of it is applied.
    assertThatThrownBy(
            () -> store.events().withdraw(Arrays.asList(withdrawal("MLI9201", WITHDRAWN), null)))
        .isInstanceOf(NullPointerException.class);
    assertThat(store.status()).isEqualTo(before);
    assertThat(store.findEvent("acled:MLI9201")).isPresent();
    assertThat(store.events().findLatestWithdrawal(SourceSystem.ACLED)).isEmpty();

    // An empty list changes nothing; the store takes the next list as usual.
    assertThat(withdraw()).isEqualTo(new WithdrawOutcome(0, 0, 0, 0));
    assertThat(store.status()).isEqualTo(before);
    assertThat(withdraw(withdrawal("MLI9201", WITHDRAWN)))
        .isEqualTo(new WithdrawOutcome(1, 0, 0, 0));
    // 9201 stamped after the withdrawal in the second file: reinstated, so inserted.
    IngestReport second = ingest("acled-revision-2.csv");
    assertThat(List.of(second.inserted(), second.updated())).containsExactly(2L, 0L);
  }

  @Test
  void withdrawalsAreKeptWhenTheStoreIsOpenedAgain() {
    ingest("acled-revision-1.csv");
    withdraw(withdrawal("MLI9202", WITHDRAWN), withdrawal("MLI9999", WITHDRAWN));
    StoreStatus before = store.status();
    store.close();
    store = null;
    store = openStore(storeFolder());

    if (!supports(EngineBehavior.SUPPORTS_PERSISTENCE)) {
      assertThat(store.events().findLatestWithdrawal(SourceSystem.ACLED)).isEmpty();
      return;
    }
    assertThat(store.status()).isEqualTo(before);
    assertThat(store.findEvent("acled:MLI9202")).isEmpty();
    assertThat(store.countHistory("acled:MLI9202")).isEqualTo(1);
    assertThat(store.events().findLatestWithdrawal(SourceSystem.ACLED)).contains(WITHDRAWN);
    assertThat(ingest("acled-revision-1.csv").unchanged()).isEqualTo(4);
    assertThat(store.findEvent("acled:MLI9202")).isEmpty();
    assertThat(withdraw(withdrawal("MLI9202", WITHDRAWN), withdrawal("MLI9999", WITHDRAWN)))
        .isEqualTo(new WithdrawOutcome(0, 2, 0, 0));
  }

  // ---------------------------------------------------------------------------------------------
  // Humanitarian observations and the admin reference

  @Test
  void humanitarianObservationsAndAdminUnitsComeBackAsIngestGaveThem() {
    if (!supports(EngineBehavior.SUPPORTS_HUMANITARIAN)) {
      assertUnsupported(() -> ingestHumanitarian("hdx-pcodes-mopti.csv", new Recorded()));
      assertUnsupported(() -> store.observations().listObservations("MLI", null));
      assertUnsupported(() -> store.observations().listAdminUnits("MLI"));
      return;
    }
    assertThat(store.observations().listAdminUnits("MLI")).isEmpty();
    Recorded units = new Recorded();
    HumanitarianIngestReport ref = ingestHumanitarian("hdx-pcodes-mopti.csv", units);
    assertThat(ref.dataset()).isEqualTo("hdx-pcodes");
    assertThat(List.of(ref.rowsRead(), ref.inserted(), ref.unchanged(), ref.quarantined()))
        .containsExactly(3L, 3L, 0L, 0L);
    List<AdminUnit> given = new ArrayList<>();
    for (ObservationRow row : units.observationRows) {
      given.addAll(row.units());
    }
    assertThat(store.humanitarian().listAdminUnits()).containsExactlyInAnyOrderElementsOf(given);
    // The read port gives the same reference, per country: what names a place no row names.
    assertThat(store.observations().listAdminUnits("MLI"))
        .containsExactlyInAnyOrderElementsOf(given);
    assertThat(store.observations().listAdminUnits("BFA")).isEmpty();
    assertThat(store.humanitarian().listAdminUnits())
        .extracting(AdminUnit::level, AdminUnit::pcode, AdminUnit::name, AdminUnit::line)
        .containsExactlyInAnyOrder(
            tuple(1, "ML05", "Mopti", 3L),
            tuple(2, "ML0501", "Bandiagara", 4L),
            tuple(2, "ML0502", "Bankass", 5L));

    Recorded dtm = new Recorded();
    HumanitarianIngestReport r = ingestHumanitarian("dtm-bad-number-and-date.csv", dtm);
    // Bandiagara's 4,214 IDPs; Bankass's "many" and a 31st month quarantined; a blank line.
    assertThat(List.of(r.rowsRead(), r.inserted(), r.unchanged(), r.quarantined(), r.blankRows()))
        .containsExactly(3L, 1L, 0L, 2L, 1L);
    List<Observation> given2 = new ArrayList<>();
    for (ObservationRow row : dtm.observationRows) {
      for (ObservationRecord o : row.observations()) {
        given2.add(o.observation());
      }
    }
    List<Observation> idps = store.observations().listObservations("MLI", "idps");
    assertThat(idps).isEqualTo(given2);
    assertThat(idps)
        .singleElement()
        .satisfies(
            o -> {
              assertThat(o.value()).isEqualTo(4214.0);
              assertThat(o.pcode()).isEqualTo("ML050101");
              assertThat(o.adminLevel()).isEqualTo(3);
              assertThat(o.vintage()).isEqualTo(LocalDate.of(2021, 9, 30));
              assertThat(o.line()).isEqualTo(3);
              assertThat(o.source().sha256()).isEqualTo(r.sha256());
            });
    assertThat(store.observations().listObservations("MLI", null)).isEqualTo(idps);
    // The day each file was read (UTC) is what its observations' citations give as accessed.
    LocalDate readOn = LocalDate.now(java.time.ZoneOffset.UTC);
    assertThat(store.observations().listReadDays())
        .containsKeys(ref.sha256(), r.sha256())
        .allSatisfy(
            (sha, day) -> assertThat(day).isBetween(readOn.minusDays(1), readOn.plusDays(1)));
    assertThat(store.observations().listObservations("MLI", "people_in_need")).isEmpty();
    assertThat(store.observations().listObservations("BFA", null)).isEmpty();
    List<RejectedRow> q = store.listQuarantine(10);
    assertThat(q).extracting(RejectedRow::lineNumber).containsExactly(4L, 6L);
    assertThat(q.get(0).problems().get(0).code()).isEqualTo("not_a_number");
    assertThat(q.get(0).raw()).isEqualTo(line(fixture("dtm-bad-number-and-date.csv"), 4));
    assertThat(q.get(1).problems().get(0).code()).isEqualTo("bad_date");

    // The same file again adds nothing; a renamed unit replaces the unit of its P-code.
    HumanitarianIngestReport again = ingestHumanitarian("dtm-bad-number-and-date.csv", dtm);
    assertThat(List.of(again.inserted(), again.unchanged(), again.quarantined()))
        .containsExactly(0L, 1L, 2L);
    HumanitarianIngestReport renamed =
        ingestHumanitarian("hdx-pcodes-mopti-renamed.csv", new Recorded());
    assertThat(List.of(renamed.inserted(), renamed.unchanged())).containsExactly(1L, 2L);
    assertThat(store.humanitarian().listAdminUnits())
        .extracting(AdminUnit::pcode, AdminUnit::name, AdminUnit::validFrom)
        .containsExactlyInAnyOrder(
            tuple("ML05", "Mopti", LocalDate.of(2021, 12, 20)),
            tuple("ML0501", "Bandiagara", LocalDate.of(2021, 12, 20)),
            tuple("ML0502", "Bankass Cercle", LocalDate.of(2023, 1, 1)));
    StoreStatus status = store.status();
    assertThat(status.observations()).isEqualTo(1);
    assertThat(status.adminUnits()).isEqualTo(3);
    assertThat(status.quarantined()).isEqualTo(2);
    assertThat(status.files()).isEqualTo(4);
    assertThat(status.events()).isZero();
  }

  /** What a store holds of humanitarian tables, to compare stores filled in different orders. */
  private record HumanitarianState(
      List<Observation> observations,
      List<AdminUnit> reference,
      Set<String> quarantine,
      long observationCount,
      long adminUnits,
      long quarantined) {
    static HumanitarianState of(Store s) {
      Set<String> q = new TreeSet<>();
      for (RejectedRow r : s.listQuarantine(100)) {
        q.add(r.fileSha256() + ":" + r.lineNumber() + ":" + r.problems().get(0).code());
      }
      StoreStatus st = s.status();
      return new HumanitarianState(
          s.observations().listObservations("MLI", null),
          s.humanitarian().listAdminUnits(),
          q,
          st.observations(),
          st.adminUnits(),
          st.quarantined());
    }
  }

  private HumanitarianIngestReport ingestHumanitarian(Store into, String name) {
    HumanitarianIngestReport r =
        HumanitarianIngest.ingest(
            HxlReader.inspect(fixture(name)), OptionalInt.empty(), into.humanitarian());
    assertThat(r.inserted() + r.updated() + r.unchanged() + r.quarantined())
        .isEqualTo(r.rowsRead());
    return r;
  }

  private Store secondStore() throws IOException {
    Path folder = dir.resolve("store-b");
    Files.createDirectories(folder);
    return openStore(folder);
  }

  @Test
  void aTableReadBeforeItsReferenceIsPlacedAgainWhenTheReferenceArrives() throws IOException {
    if (!supports(EngineBehavior.SUPPORTS_HUMANITARIAN)) {
      return;
    }
    String dtm = "dtm-placed-by-the-reference.csv";
    // The reference first: Bankass placed by name, Douentza refused.
    ingestHumanitarian(store, "hdx-pcodes-mopti.csv");
    HumanitarianIngestReport placed = ingestHumanitarian(store, dtm);
    assertThat(
            List.of(placed.rowsRead(), placed.inserted(), placed.updated(), placed.quarantined()))
        .containsExactly(3L, 2L, 0L, 1L);
    assertThat(placed.placedAgain()).isEmpty();
    HumanitarianState referenceFirst = HumanitarianState.of(store);
    assertThat(referenceFirst.observations())
        .extracting(Observation::adminName, Observation::pcode)
        .containsExactlyInAnyOrder(tuple("Bandiagara", "ML0501"), tuple("Bankass", "ML0502"));
    assertThat(referenceFirst.quarantine()).singleElement().asString().endsWith(":5:unknown_admin");

    try (Store other = secondStore()) {
      // The table first: its codes kept unchecked, Douentza stored.
      HumanitarianIngestReport unchecked = ingestHumanitarian(other, dtm);
      assertThat(List.of(unchecked.inserted(), unchecked.quarantined())).containsExactly(3L, 0L);
      assertThat(other.observations().listObservations("MLI", null))
          .extracting(Observation::pcode)
          .containsExactlyInAnyOrder("ML0501", "ML0599", null);

      // Then the reference: the table is read again from the store's copy and placed anew.
      HumanitarianIngestReport reference = ingestHumanitarian(other, "hdx-pcodes-mopti.csv");
      assertThat(reference.placedAgain())
          .singleElement()
          .satisfies(
              a -> {
                assertThat(a.path()).isEqualTo(placed.path());
                assertThat(a.sha256()).isEqualTo(placed.sha256());
                assertThat(List.of(a.rowsRead(), a.inserted(), a.updated(), a.unchanged()))
                    .containsExactly(3L, 0L, 1L, 1L);
                assertThat(a.quarantined()).isEqualTo(1L);
              });
      assertThat(HumanitarianState.of(other)).isEqualTo(referenceFirst);

      // Reading either file again, in either store, changes nothing.
      HumanitarianIngestReport again = ingestHumanitarian(other, dtm);
      assertThat(List.of(again.inserted(), again.updated(), again.unchanged(), again.quarantined()))
          .containsExactly(0L, 0L, 2L, 1L);
      assertThat(again.placedAgain()).isEmpty();
      assertThat(ingestHumanitarian(other, "hdx-pcodes-mopti.csv").placedAgain()).isEmpty();
      assertThat(ingestHumanitarian(store, dtm).unchanged()).isEqualTo(2L);
      assertThat(HumanitarianState.of(other)).isEqualTo(referenceFirst);
      assertThat(HumanitarianState.of(store)).isEqualTo(referenceFirst);
    }
  }

  @Test
  void aTablePlacedAgainKeepsTheYearItWasGiven() {
    if (!supports(EngineBehavior.SUPPORTS_HUMANITARIAN)) {
      return;
    }
    HumanitarianIngest.ingest(
        HxlReader.inspect(fixture("pin-without-a-year.csv")),
        OptionalInt.of(2022),
        store.humanitarian());
    HumanitarianIngest.ingest(
        HxlReader.inspect(fixture("dtm-placed-by-the-reference.csv")),
        OptionalInt.empty(),
        store.humanitarian());
    List<Observation> before = store.observations().listObservations("MLI", "people_in_need");
    assertThat(before)
        .singleElement()
        .satisfies(
            o -> {
              assertThat(o.edition()).isEqualTo("HRP 2022");
              assertThat(o.vintage()).isEqualTo(LocalDate.of(2022, 1, 1));
            });

    HumanitarianIngestReport reference = ingestHumanitarian(store, "hdx-pcodes-mopti.csv");
    assertThat(reference.placedAgain()).hasSize(2);
    assertThat(store.humanitarian().listKeptTables())
        .extracting(t -> t.file().dataset(), KeptTable::year)
        .containsExactlyInAnyOrder(
            tuple("pin-without-a-year.csv", OptionalInt.of(2022)),
            tuple("dtm-placed-by-the-reference.csv", OptionalInt.empty()));
    assertThat(store.observations().listObservations("MLI", "people_in_need")).isEqualTo(before);
    assertThat(
            HumanitarianIngest.ingest(
                    HxlReader.inspect(fixture("pin-without-a-year.csv")),
                    OptionalInt.of(2022),
                    store.humanitarian())
                .unchanged())
        .isEqualTo(1);
  }

  @Test
  void aKeptTableThatCannotBeReadAgainIsLeftAsItWasWithANote() {
    if (!supports(EngineBehavior.SUPPORTS_HUMANITARIAN)) {
      return;
    }
    // A copy no reader takes any more (as after a reader changed): nothing but a line of text.
    FileRef old = new FileRef("old-table.csv", "old-table.csv", "ab".repeat(32));
    try (ObservationWrite w = store.humanitarian().begin(old)) {
      w.keep("not a table\n".getBytes(StandardCharsets.UTF_8), OptionalInt.empty(), "stale");
      w.commit("iom-dtm", 0);
    }

    HumanitarianIngestReport reference = ingestHumanitarian(store, "hdx-pcodes-mopti.csv");

    assertThat(reference.inserted()).isEqualTo(3);
    assertThat(reference.placedAgain()).isEmpty();
    assertThat(reference.notes())
        .anySatisfy(
            n ->
                assertThat(n)
                    .startsWith(
                        "not placed again against the changed admin reference: old-table.csv (")
                    .endsWith("); its rows stay as they were placed"));
    assertThat(store.humanitarian().listAdminUnits()).hasSize(3);
  }

  @Test
  void twoReferencesThatDisagreeGiveOneReferenceWhateverTheOrder() throws IOException {
    if (!supports(EngineBehavior.SUPPORTS_HUMANITARIAN)) {
      return;
    }
    String older = "hdx-pcodes-mopti.csv";
    String newer = "hdx-pcodes-mopti-renamed.csv";
    String dtm = "dtm-placed-by-the-reference.csv";
    ingestHumanitarian(store, dtm);
    ingestHumanitarian(store, older);
    ingestHumanitarian(store, newer);
    try (Store other = secondStore()) {
      ingestHumanitarian(other, newer);
      ingestHumanitarian(other, dtm);
      ingestHumanitarian(other, older);
      HumanitarianState state = HumanitarianState.of(store);
      assertThat(HumanitarianState.of(other)).isEqualTo(state);
      // The unit valid from the later date names the P-code, whichever table came last.
      assertThat(state.reference())
          .extracting(AdminUnit::pcode, AdminUnit::name)
          .containsExactly(
              tuple("ML05", "Mopti"),
              tuple("ML0501", "Bandiagara"),
              tuple("ML0502", "Bankass Cercle"));
      assertThat(state.adminUnits()).isEqualTo(3);
      // Every further pass, in any order, changes nothing.
      for (String name : List.of(older, newer, dtm, older)) {
        HumanitarianIngestReport r = ingestHumanitarian(store, name);
        assertThat(List.of(r.inserted(), r.updated())).as(name).containsExactly(0L, 0L);
        assertThat(r.placedAgain()).as(name).isEmpty();
      }
      assertThat(HumanitarianState.of(store)).isEqualTo(state);
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Monthly series: the VIEWS country-month file

  private static final String VIEWS_Q1 = "views-cm-2019q1.csv";
  private static final String VIEWS_REVISED = "views-cm-2019q1-rereleased.csv";
  private static final String VIEWS_BAD = "views-cm-bad-rows.csv";

  /** Every point of the VIEWS fatalities series by country. */
  private List<SeriesPoint> gedSb() {
    return store.series().listSeries("ged_sb", "country");
  }

  private static YearMonth month2019(int month) {
    return YearMonth.of(2019, month);
  }

  private static List<Long> outcome(SeriesIngestReport r) {
    return List.of(r.inserted(), r.updated(), r.unchanged(), r.quarantined());
  }

  @Test
  void seriesPointsComeBackAsIngestGaveThemByUnitIdAsTextThenMonth() {
    Recorded recorded = new Recorded();
    SeriesIngestReport r = ingestSeries(VIEWS_Q1, recorded);

    assertThat(r.format().id()).isEqualTo("views-cm");
    assertThat(r.rowsRead()).isEqualTo(12);
    assertThat(outcome(r)).containsExactly(12L, 0L, 0L, 0L);
    assertThat(r.units()).isEqualTo(4);
    assertThat(List.of(r.first(), r.last())).containsExactly(month2019(1), month2019(3));
    assertThat(r.gaps()).isEmpty();
    List<SeriesPoint> points = gedSb();
    assertThat(points).containsExactlyInAnyOrderElementsOf(recorded.seriesPoints);
    // Unit ids compare as text: "167" < "232" < "47" < "50".
    assertThat(points)
        .extracting(SeriesPoint::unitId, SeriesPoint::month, SeriesPoint::value)
        .containsExactly(
            tuple("167", month2019(1), 7.0),
            tuple("167", month2019(2), 21.0),
            tuple("167", month2019(3), 3.0),
            tuple("232", month2019(1), 0.0),
            tuple("232", month2019(2), 0.0),
            tuple("232", month2019(3), 0.0),
            tuple("47", month2019(1), 15.0),
            tuple("47", month2019(2), 0.0),
            tuple("47", month2019(3), 44.0),
            tuple("50", month2019(1), 32.0),
            tuple("50", month2019(2), 12.0),
            tuple("50", month2019(3), 5.0));
    assertThat(points.get(0))
        .isEqualTo(
            new SeriesPoint(
                "ged_sb",
                "country",
                "167",
                "Congo, DRC",
                "COD",
                month2019(1),
                7,
                new SourceRef("views", VIEWS_Q1, r.sha256()),
                4));
    // VIEWS writes no isoab for Kosovo: the row is placed by its name, and the report says so.
    assertThat(points.get(3).countryIso3()).isEqualTo("XKX");
    assertThat(points.get(3).unitName()).isEqualTo("Kosovo");
    assertThat(r.notes()).anySatisfy(n -> assertThat(n).contains("country_id 232", "XKX"));
    assertThat(points).extracting(SeriesPoint::line).doesNotHaveDuplicates();
    assertThat(store.series().listSeries("ged_sb", "priogrid")).isEmpty();
    assertThat(store.series().listSeries("ged_ns", "country")).isEmpty();
    StoreStatus status = store.status();
    assertThat(status.seriesPoints()).isEqualTo(12);
    assertThat(status.files()).isEqualTo(1);
    assertThat(status.events()).isZero();
    assertThat(status.quarantined()).isZero();
  }

  @Test
  void aSeriesFileReadAgainChangesNothing() {
    ingestSeries(VIEWS_Q1, new Recorded());
    ingestSeries(VIEWS_BAD, new Recorded());
    List<SeriesPoint> before = gedSb();
    StoreStatus status = store.status();
    List<RejectedRow> quarantine = store.listQuarantine(100);

    SeriesIngestReport again = ingestSeries(VIEWS_Q1, new Recorded());
    SeriesIngestReport badAgain = ingestSeries(VIEWS_BAD, new Recorded());

    // Every point unchanged; the bad rows quarantined as the first time, and kept once.
    assertThat(outcome(again)).containsExactly(0L, 0L, 12L, 0L);
    assertThat(outcome(badAgain)).containsExactly(0L, 0L, 1L, 5L);
    assertThat(gedSb()).isEqualTo(before);
    assertThat(store.listQuarantine(100)).isEqualTo(quarantine);
    StoreStatus after = store.status();
    assertThat(after.seriesPoints()).isEqualTo(status.seriesPoints()).isEqualTo(13);
    assertThat(after.quarantined()).isEqualTo(status.quarantined()).isEqualTo(5);
    assertThat(after.files()).isEqualTo(status.files() + 2);
  }

  @Test
  void aFileReachingFurtherOutranksAnEarlierOneWhateverTheOrder() throws IOException {
    SeriesIngestReport first = ingestSeries(VIEWS_Q1, new Recorded());
    SeriesIngestReport later = ingestSeries(VIEWS_REVISED, new Recorded());

    // The re-release reaches April, Q1 only March: its points replace Q1's. Mali February
    // 12 -> 14 (updated); Mali January and March and Burkina Faso January the same values, now
    // citing the re-release (unchanged); Mali April new. It has its columns in another order and
    // no source column.
    assertThat(later.rowsRead()).isEqualTo(5);
    assertThat(outcome(later)).containsExactly(1L, 1L, 3L, 0L);
    SourceRef q1 = new SourceRef("views", VIEWS_Q1, first.sha256());
    SourceRef revised = new SourceRef("views", VIEWS_REVISED, later.sha256());
    List<SeriesPoint> mali = gedSb().stream().filter(p -> p.unitId().equals("50")).toList();
    assertThat(mali)
        .extracting(SeriesPoint::month, SeriesPoint::value, SeriesPoint::source, SeriesPoint::line)
        .containsExactly(
            tuple(month2019(1), 32.0, revised, 2L),
            tuple(month2019(2), 14.0, revised, 3L),
            tuple(month2019(3), 5.0, revised, 4L),
            tuple(month2019(4), 9.0, revised, 5L));
    assertThat(gedSb())
        .filteredOn(p -> p.unitId().equals("47") && p.month().equals(month2019(1)))
        .extracting(SeriesPoint::source)
        .containsExactly(revised);
    assertThat(gedSb()).filteredOn(p -> p.source().equals(q1)).hasSize(8);
    assertThat(gedSb()).hasSize(13);
    assertThat(store.status().seriesPoints()).isEqualTo(13);

    // Q1 again changes nothing: February keeps the re-release's 14.
    SeriesIngestReport back = ingestSeries(VIEWS_Q1, new Recorded());
    assertThat(outcome(back)).containsExactly(0L, 0L, 12L, 0L);
    List<SeriesPoint> state = gedSb();
    assertThat(state)
        .filteredOn(p -> p.unitId().equals("50") && p.month().equals(month2019(2)))
        .singleElement()
        .satisfies(p -> assertThat(p.value()).isEqualTo(14.0));

    // The other order gives the same points, each citing the same file.
    try (Store other = secondStore()) {
      SeriesIngest.ingest(SourceFile.inspect(fixture(VIEWS_REVISED)), other.seriesWriter());
      SeriesIngest.ingest(SourceFile.inspect(fixture(VIEWS_Q1)), other.seriesWriter());
      assertThat(other.series().listSeries("ged_sb", "country")).isEqualTo(state);
    }
  }

  @Test
  void badSeriesRowsAreQuarantinedWithTheirRawTextAndEveryRowAccountedFor() {
    SeriesIngestReport r = ingestSeries(VIEWS_BAD, new Recorded());
    Path file = fixture(VIEWS_BAD);

    assertThat(r.rowsRead()).isEqualTo(6);
    assertThat(outcome(r)).containsExactly(1L, 0L, 0L, 5L);
    assertThat(gedSb())
        .extracting(SeriesPoint::unitId, SeriesPoint::month, SeriesPoint::value, SeriesPoint::line)
        .containsExactly(tuple("50", YearMonth.of(2020, 1), 20.0, 2L));
    List<RejectedRow> q = store.listQuarantine(10);
    assertThat(q).extracting(RejectedRow::lineNumber).containsExactly(3L, 4L, 5L, 6L, 7L);
    assertThat(q)
        .extracting(row -> row.problems().get(0).code(), row -> row.problems().get(0).column())
        .containsExactly(
            tuple("bad_fatalities", "ged_sb"),
            tuple("bad_month_id", "month_id"),
            tuple("unknown_country", "isoab"),
            tuple("duplicate_point", ""),
            tuple("bad_fatalities", "ged_sb"));
    assertThat(q.get(3).problems().get(0).message()).contains("the first is on line 2");
    for (RejectedRow row : q) {
      assertThat(row.raw()).isEqualTo(line(file, (int) row.lineNumber()));
      assertThat(row.fileSha256()).isEqualTo(r.sha256());
      assertThat(row.dataset()).isEqualTo(VIEWS_BAD);
    }
    assertThat(r.quarantinedRows()).isEqualTo(q);
    StoreStatus status = store.status();
    assertThat(status.seriesPoints()).isEqualTo(1);
    assertThat(status.quarantined()).isEqualTo(5);
    assertThat(status.files()).isEqualTo(1);
  }

  @Test
  void aSeriesWriteClosedWithoutCommitLeavesTheStoreAsItWasAndARepeatedKeyIsRefused() {
    ingestSeries(VIEWS_Q1, new Recorded());
    StoreStatus before = store.status();
    List<SeriesPoint> points = gedSb();
    String sha = "ef".repeat(32);
    FileRef file = new FileRef("hand-made.csv", "hand-made.csv", sha);
    SourceRef source = new SourceRef("views", "hand-made.csv", sha);
    // Niger in April: the file reaches further than Q1, so its value for Mali replaces Q1's.
    SeriesPoint fresh =
        new SeriesPoint("ged_sb", "country", "78", "Niger", "NER", month2019(4), 4, source, 2);
    SeriesPoint revised =
        new SeriesPoint("ged_sb", "country", "50", "Mali", "MLI", month2019(1), 99, source, 3);

    try (SeriesWrite w = store.seriesWriter().begin(file)) {
      w.accepted(fresh);
      w.accepted(revised);
      w.rejected(
          new RejectedRow(
              "hand-made.csv",
              "hand-made.csv",
              sha,
              4,
              List.of(Problem.ofRow(ProblemCode.BAD_MONTH, "a bad row")),
              "472,2019,13,78"));
      assertThatThrownBy(() -> w.accepted(fresh)).isInstanceOf(IllegalArgumentException.class);
      // Nothing is visible before the commit either.
      assertThat(gedSb()).isEqualTo(points);
    }

    assertThat(store.status()).isEqualTo(before);
    assertThat(gedSb()).isEqualTo(points);
    assertThat(store.listQuarantine(10)).isEmpty();

    // The store takes the next write as usual.
    SeriesOutcome o;
    try (SeriesWrite w = store.seriesWriter().begin(file)) {
      w.accepted(fresh);
      w.accepted(revised);
      o = w.commit("views-cm", 2);
    }
    assertThat(o).isEqualTo(new SeriesOutcome(1, 1, 0, 0));
    assertThat(gedSb()).contains(fresh, revised).hasSize(13);
    assertThat(store.status().files()).isEqualTo(before.files() + 1);
  }

  // ---------------------------------------------------------------------------------------------
  // Status and persistence

  @Test
  void statusCountsWhatTheStoreHolds() {
    loadQueryMix();
    ingest("acled-revision-1.csv");
    ingest("acled-revision-2.csv");
    boolean humanitarian = supports(EngineBehavior.SUPPORTS_HUMANITARIAN);
    if (humanitarian) {
      ingestHumanitarian("hdx-pcodes-mopti.csv", new Recorded());
      ingestHumanitarian("dtm-bad-number-and-date.csv", new Recorded());
    }

    StoreStatus s = store.status();

    // Ten ACLED events of the mix and five of the revisions; one UCDP, two GDELT.
    assertThat(s.events()).isEqualTo(18);
    assertThat(s.bySource()).isEqualTo(Map.of("ACLED", 15L, "UCDP", 1L, "GDELT", 2L));
    assertThat(s.byCountry()).isEqualTo(Map.of("MLI", 17L, "BFA", 1L));
    // 9201's first version; 9202's older copy and 9205's losing edit (see the revision case).
    assertThat(s.history()).isEqualTo(3);
    assertThat(s.quarantined()).isEqualTo(humanitarian ? 3 : 1);
    assertThat(s.files()).isEqualTo(humanitarian ? 7 : 5);
    assertThat(s.observations()).isEqualTo(humanitarian ? 1 : 0);
    assertThat(s.adminUnits()).isEqualTo(humanitarian ? 3 : 0);
    // The quarantine lists the oldest file first, then by line.
    List<RejectedRow> q = store.listQuarantine(10);
    assertThat(q)
        .extracting(RejectedRow::dataset, RejectedRow::lineNumber)
        .containsExactlyElementsOf(
            humanitarian
                ? List.of(
                    tuple("acled-revision-2.csv", 5L),
                    tuple("dtm-bad-number-and-date.csv", 4L),
                    tuple("dtm-bad-number-and-date.csv", 6L))
                : List.of(tuple("acled-revision-2.csv", 5L)));
    assertThat(store.listQuarantine(1)).isEqualTo(q.subList(0, 1));
    assertThat(store.listQuarantine(0)).isEmpty();
  }

  @Test
  void aStoreOpenedAgainHoldsWhatWasWritten() {
    ingest("acled-revision-1.csv");
    ingest("acled-revision-2.csv");
    ingestSeries(VIEWS_Q1, new Recorded());
    StoreStatus before = store.status();
    List<SeriesPoint> points = gedSb();
    store.close();
    store = null;
    store = openStore(storeFolder());

    if (!supports(EngineBehavior.SUPPORTS_PERSISTENCE)) {
      // Declared: the engine keeps nothing between opens.
      assertThat(store.status().events()).isZero();
      assertThat(store.status().files()).isZero();
      return;
    }
    assertThat(store.status()).isEqualTo(before);
    assertThat(gedSb()).isEqualTo(points).hasSize(12);
    assertThat(store.findEvent("acled:MLI9201").orElseThrow().fatalities().best()).isEqualTo(7);
    assertThat(store.countHistory("acled:MLI9201")).isEqualTo(1);
    assertThat(ingest("acled-revision-2.csv").unchanged()).isEqualTo(5);
  }

  // ---------------------------------------------------------------------------------------------
  // Real data: the ACLED Mali files of ../shared/data

  private static final String AC0519 = "acled/acled_mali_2017-01-01_2019-02-27__AC0519.csv";
  private static final String HDX = "acled_hdx_hxl/conflict_data_mli.csv";
  private static final DateTimeFormatter LONG_DATE =
      DateTimeFormatter.ofPattern("d MMMM uuuu", Locale.ENGLISH);

  /**
   * The export and then HDX's file: the store keeps, per event id, the version with the later
   * timestamp (the two files never give one id the same timestamp), and its figures are those of
   * these versions, computed here from the raw rows with a separate CSV reader.
   */
  @Test
  void theMaliFilesGiveTheFiguresOfTheirRawRows() {
    Path export = SharedData.require(AC0519);
    Path hdx = SharedData.require(HDX);
    Map<String, Map<String, String>> newest = new HashMap<>();
    Set<String> both = new HashSet<>();
    long revised = 0;
    int hdxRows = 0;
    for (Path file : List.of(export, hdx)) {
      boolean hxl = file.equals(hdx);
      List<List<String>> rows = PlainCsv.readAll(file);
      List<String> header = rows.get(0);
      for (List<String> r : rows.subList(hxl ? 2 : 1, rows.size())) {
        Map<String, String> m = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
          m.put(header.get(i), r.get(i));
        }
        Map<String, String> old = newest.get(m.get("event_id_cnty"));
        if (old == null) {
          newest.put(m.get("event_id_cnty"), m);
        } else {
          both.add(m.get("event_id_cnty"));
          if (Long.parseLong(m.get("timestamp")) > Long.parseLong(old.get("timestamp"))) {
            newest.put(m.get("event_id_cnty"), m);
            revised++;
          }
        }
        if (hxl) {
          hdxRows++;
        }
      }
    }
    Period y2018 = new Period(LocalDate.of(2018, 1, 1), LocalDate.of(2018, 12, 31));
    long events2018 = 0;
    long deaths2018 = 0;
    long civilians2018 = 0;
    Map<String, long[]> byRegion = new TreeMap<>();
    Map<String, Long> byMonth = new TreeMap<>();
    LocalDate first = null;
    LocalDate last = null;
    for (Map<String, String> r : newest.values()) {
      LocalDate d = rawDate(r.get("event_date"));
      first = first == null || d.isBefore(first) ? d : first;
      last = last == null || d.isAfter(last) ? d : last;
      if (!y2018.contains(d)) {
        continue;
      }
      long dead = Long.parseLong(r.get("fatalities"));
      events2018++;
      deaths2018 += dead;
      if ("Violence against civilians".equals(r.get("event_type"))) {
        civilians2018++;
      }
      long[] region = byRegion.computeIfAbsent(r.get("admin1"), k -> new long[2]);
      region[0]++;
      region[1] += dead;
      byMonth.merge(d.withDayOfMonth(1).toString(), 1L, Long::sum);
    }

    IngestReport a = ingestFile(export, new Recorded());
    IngestReport b = ingestFile(hdx, new Recorded());

    assertThat(a.inserted()).isEqualTo(a.rowsRead()).isEqualTo(1339);
    assertThat(b.inserted()).isEqualTo(hdxRows - both.size());
    assertThat(b.updated()).isEqualTo(revised);
    assertThat(b.unchanged()).isEqualTo(both.size() - revised);
    assertThat(store.status().events()).isEqualTo(newest.size()).isEqualTo(3283);
    assertThat(store.status().history()).isEqualTo(revised);
    assertThat(store.status().quarantined()).isZero();

    EventFilter mali2018 = EventFilter.of("MLI", y2018).withSources(Set.of(SourceSystem.ACLED));
    CountResult total = count(mali2018);
    assertThat(total.events()).isEqualTo(events2018).isEqualTo(757);
    assertThat(total.fatalities()).isEqualTo(deaths2018).isEqualTo(1762);
    assertThat(
            count(mali2018.withEventTypes(Set.of(EventType.VIOLENCE_AGAINST_CIVILIANS))).events())
        .isEqualTo(civilians2018);
    Map<String, long[]> regions = new TreeMap<>();
    for (CountRow row : count(mali2018, Dimension.ADMIN1).rows()) {
      regions.put(row.key().get(0), new long[] {row.events(), row.fatalities()});
    }
    assertThat(regions.keySet()).isEqualTo(byRegion.keySet());
    for (Map.Entry<String, long[]> e : byRegion.entrySet()) {
      assertThat(regions.get(e.getKey())).as(e.getKey()).containsExactly(e.getValue());
    }
    Map<String, Long> months = new TreeMap<>();
    for (CountRow row : count(mali2018, Dimension.MONTH).rows()) {
      months.put(row.key().get(0), row.events());
    }
    assertThat(months).isEqualTo(byMonth);
    Coverage coverage = analytics().coverage(mali2018);
    assertThat(coverage.first()).isEqualTo(first);
    assertThat(coverage.last()).isEqualTo(last);
    assertThat(coverage.events()).isEqualTo(newest.size());

    // Reading HDX's file again changes nothing.
    IngestReport again = ingestFile(hdx, new Recorded());
    assertThat(again.unchanged()).isEqualTo(hdxRows);
    assertThat(store.status().events()).isEqualTo(newest.size());
    assertThat(store.status().history()).isEqualTo(revised);
  }

  private static final String UCDP_V19 = "ucdp/ged191_MMR_BGD_subset__hdx-scraper-ucdp.csv";
  private static final String UCDP_V23 = "ucdp/ucdpged_sample_v23_1__uncertainUCDP.csv";

  /**
   * UCDP GED v19.1 (Myanmar and Bangladesh) and a v23.1 sample share three event ids, each with
   * other values (the v23.1 rows spell "Shan state" where v19.1 has "Shan State", and so on), and
   * UCDP states no revision time. Read A, B, A, B into the store and B, A into another: both hold
   * the same versions, history holds the other version of each shared id once, and every pass after
   * the first changes nothing. Ids and their counts are computed here from the raw rows.
   */
  @Test
  void twoUcdpReleasesInAnyOrderAnyNumberOfTimesGiveOneState() throws IOException {
    Path v19 = SharedData.require(UCDP_V19);
    Path v23 = SharedData.require(UCDP_V23);
    Set<String> a = rawIds(v19, "id");
    Set<String> b = rawIds(v23, "id");
    Set<String> shared = new HashSet<>(a);
    shared.retainAll(b);
    Set<String> union = new HashSet<>(a);
    union.addAll(b);
    assertThat(shared).containsExactlyInAnyOrder("211307", "49251", "50912");

    List<IngestReport> passes = new ArrayList<>();
    for (Path f : List.of(v19, v23, v19, v23)) {
      passes.add(ingestFile(f, new Recorded()));
    }
    assertThat(passes.get(0).inserted()).isEqualTo(a.size());
    assertThat(passes.get(1).inserted()).isEqualTo(b.size() - shared.size());
    assertThat(passes.get(1).updated() + passes.get(1).unchanged()).isEqualTo(shared.size());
    for (IngestReport again : passes.subList(2, 4)) {
      assertThat(again.unchanged()).isEqualTo(again.rowsRead());
    }
    StoreStatus status = store.status();
    assertThat(status.events()).isEqualTo(union.size()).isEqualTo(4191);
    assertThat(status.history()).isEqualTo(shared.size());

    Path folder = dir.resolve("reversed");
    Files.createDirectories(folder);
    try (Store reversed = openStore(folder)) {
      for (Path f : List.of(v23, v19)) {
        new EventIngest(TODAY)
            .ingest(SourceFile.inspect(f), Optional.empty(), reversed.events(), x -> {});
      }
      StoreStatus other = reversed.status();
      assertThat(List.of(other.events(), other.history(), other.quarantined()))
          .containsExactly(status.events(), status.history(), status.quarantined());
      assertThat(other.byCountry()).isEqualTo(status.byCountry());
      for (String id : shared) {
        Event here = store.findEvent("ucdp:" + id).orElseThrow();
        Event there = reversed.findEvent("ucdp:" + id).orElseThrow();
        assertThat(StagedEvent.of(there).contentHash())
            .as(id)
            .isEqualTo(StagedEvent.of(here).contentHash());
        assertThat(reversed.countHistory("ucdp:" + id)).as(id).isEqualTo(1);
      }
    }
  }

  /** The values of one column of a CSV file with a header, read with the separate reader. */
  private static Set<String> rawIds(Path file, String column) {
    List<List<String>> rows = PlainCsv.readAll(file);
    int at = rows.get(0).indexOf(column);
    Set<String> ids = new HashSet<>();
    for (List<String> r : rows.subList(1, rows.size())) {
      ids.add(r.get(at));
    }
    return ids;
  }

  private static final String VIEWS_CM = "views_cm/cm_ged_sb_1990-01_2022-12.csv";

  /**
   * The VIEWS country-month file: every row a point whose value is the raw row's, and Mali's
   * (country_id 50) yearly totals as the raw rows give them, computed here with a separate CSV
   * reader.
   */
  @Test
  void theViewsFileGivesTheSeriesOfItsRawRows() {
    Path file = SharedData.require(VIEWS_CM);
    List<List<String>> raw = PlainCsv.readAll(file);
    List<String> header = raw.get(0);
    int year = header.indexOf("year");
    int month = header.indexOf("month");
    int country = header.indexOf("country_id");
    int value = header.indexOf("ged_sb");
    int iso = header.indexOf("isoab");
    Map<String, Double> expected = new HashMap<>();
    long noIso = 0;
    Set<String> countries = new HashSet<>();
    long mali2018 = 0;
    long mali2021 = 0;
    for (List<String> r : raw.subList(1, raw.size())) {
      YearMonth m = YearMonth.of(Integer.parseInt(r.get(year)), Integer.parseInt(r.get(month)));
      long dead = Long.parseLong(r.get(value));
      expected.put(r.get(country) + " " + m, (double) dead);
      countries.add(r.get(country));
      if (r.get(iso).isEmpty()) {
        noIso++;
      }
      if (r.get(country).equals("50") && m.getYear() == 2018) {
        mali2018 += dead;
      }
      if (r.get(country).equals("50") && m.getYear() == 2021) {
        mali2021 += dead;
      }
    }

    SeriesIngestReport r = ingestSeriesFile(file, new Recorded());

    assertThat(r.rowsRead()).isEqualTo(raw.size() - 1).isEqualTo(73_231);
    assertThat(outcome(r)).containsExactly(73_231L, 0L, 0L, 0L);
    assertThat(r.units()).isEqualTo(countries.size()).isEqualTo(191);
    assertThat(List.of(r.first(), r.last()))
        .containsExactly(YearMonth.of(1990, 1), YearMonth.of(2022, 12));
    assertThat(r.gaps()).isEmpty();
    // Kosovo's rows, with no isoab, placed by their name.
    String kosovo = noIso + " rows of country_id 232";
    assertThat(r.notes()).anySatisfy(n -> assertThat(n).startsWith(kosovo).contains("XKX"));
    List<SeriesPoint> points = gedSb();
    assertThat(points).hasSize(73_231);
    Map<String, Double> stored = new HashMap<>();
    for (SeriesPoint p : points) {
      stored.put(p.unitId() + " " + p.month(), p.value());
    }
    assertThat(stored).isEqualTo(expected);
    double storedMali2018 =
        points.stream()
            .filter(p -> p.unitId().equals("50") && p.month().getYear() == 2018)
            .mapToDouble(SeriesPoint::value)
            .sum();
    double storedMali2021 =
        points.stream()
            .filter(p -> p.unitId().equals("50") && p.month().getYear() == 2021)
            .mapToDouble(SeriesPoint::value)
            .sum();
    assertThat(storedMali2018).isEqualTo((double) mali2018).isEqualTo(521.0);
    assertThat(storedMali2021).isEqualTo((double) mali2021).isEqualTo(726.0);
    assertThat(points)
        .filteredOn(p -> p.unitId().equals("50"))
        .extracting(SeriesPoint::countryIso3)
        .containsOnly("MLI");
    assertThat(store.status().seriesPoints()).isEqualTo(73_231);
    assertThat(store.status().quarantined()).isZero();
  }

  /** An ACLED date as the two files write it: {@code 2018-03-01} or {@code 1 March 2018}. */
  private static LocalDate rawDate(String v) {
    return v.matches("\\d{4}-\\d\\d-\\d\\d") ? LocalDate.parse(v) : LocalDate.parse(v, LONG_DATE);
  }

  /** Line {@code n} (1-based) of a fixture, without its line break. */
  private static String line(Path file, int n) {
    try {
      return Files.readAllLines(file, StandardCharsets.UTF_8).get(n - 1);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
