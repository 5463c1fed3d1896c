package org.harmattan.engine.duckdb;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.harmattan.domain.event.ActorRole;
import org.harmattan.domain.event.Event;
import org.harmattan.domain.event.EventType;
import org.harmattan.domain.event.Fatalities;
import org.harmattan.domain.event.Provenance;
import org.harmattan.domain.event.SourceSystem;
import org.harmattan.domain.figure.Period;
import org.harmattan.domain.problem.Problem;
import org.harmattan.domain.problem.ProblemCode;
import org.harmattan.engine.Store;
import org.harmattan.engine.memory.InMemoryStore;
import org.harmattan.engine.query.CountQuery;
import org.harmattan.engine.query.Dimension;
import org.harmattan.engine.query.EventFilter;
import org.harmattan.engine.query.EventListing;
import org.harmattan.engine.write.FileRef;
import org.harmattan.engine.write.FileWrite;
import org.harmattan.engine.write.LineRange;
import org.harmattan.engine.write.RejectedRow;
import org.harmattan.engine.write.StagedEvent;
import org.harmattan.engine.write.WithdrawOutcome;
import org.harmattan.engine.write.Withdrawal;
import org.harmattan.engine.write.WriteOutcome;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The DuckDB store against the in-memory reference engine on random files (seeded): the same rows
 * written to both must give the same outcomes, status, quarantine, events and answers to every
 * query. The contract suite pins chosen cases; this looks for the ones nobody thought of: repeated
 * ids with random actors and timestamps, names outside the basic plane, missing values, one file's
 * bytes read again under another name, random lists of withdrawals between the files.
 */
class DuckDbMatchesTheReferenceTest {
  private static final String[] ADMIN1 = {"Mopti", "Ségou", "Gao", null, "Tombouctou", "Zégoua"};
  private static final String[] ACTORS = {
    "JNIM", "FAMa", "Wagner Group", "Ağa", "Ēlan", "Katiba Serma – Ansaroul", "\uD835\uDD10ath", "a"
  };
  private static final String[] SUB_EVENT_TYPES = {null, "Armed clash", "Attack", "Ämbush", "zeta"};
  private static final Instant[] TIMESTAMPS = {
    null,
    Instant.ofEpochSecond(1_700_000_000),
    Instant.ofEpochSecond(1_700_000_001),
    Instant.ofEpochSecond(1_800_000_000)
  };
  private static final String[] COUNTRIES = {"MLI", "BFA", "NER"};

  /** The source of each file (4 and 6 are copies): two UCDP files revise each other. */
  private static final List<SourceSystem> FILE_SOURCES =
      List.of(
          SourceSystem.UCDP,
          SourceSystem.ACLED,
          SourceSystem.UCDP,
          SourceSystem.ACLED,
          SourceSystem.UCDP,
          SourceSystem.GDELT,
          SourceSystem.ACLED);

  private static final List<EventType> TYPES = List.of(EventType.values());
  private static final int IDS = 40;

  @TempDir Path dir;

  /** One file as written: its reference and the calls made on the write. */
  private record File(FileRef ref, SourceSystem source, List<Object> rows, long rowsRead) {}

  @ParameterizedTest
  @ValueSource(ints = {1, 2})
  void bothEnginesGiveTheSameAnswers(int seed) {
    Random random = new Random(seed);
    // Withdrawals draw from a stream of their own, so that the files are those of the seed.
    Random withdrawing = new Random(seed + 1000L);
    try (Store duck = DuckDbStore.open(dir.resolve("store.duckdb"));
        Store reference = new InMemoryStore()) {
      List<File> files = new ArrayList<>();
      Instant ingestedAt = Instant.ofEpochSecond(1_764_000_000L);
      List<WithdrawOutcome> withdrawn = new ArrayList<>();
      for (int f = 0; f < 7; f++) {
        // Files 4 and 6 are the bytes of files 0 and 1 read again under another name.
        File file =
            f == 4 || f == 6
                ? copy(files.get(f == 4 ? 0 : 1), "copy-" + f + ".csv", ingestedAt)
                : file(random, f, FILE_SOURCES.get(f), ingestedAt);
        files.add(file);
        assertThat(write(duck, file)).as("file %s", f).isEqualTo(write(reference, file));
        ingestedAt = ingestedAt.plusSeconds(100_000);
        if (f == 1 || f == 3 || f == 4) {
          // Withdrawn before the files that read their events again, copies included.
          List<Withdrawal> list = withdrawals(withdrawing);
          WithdrawOutcome o = duck.events().withdraw(list);
          assertThat(o)
              .as("withdrawals after file %s", f)
              .isEqualTo(reference.events().withdraw(list));
          withdrawn.add(o);
        }
      }

      // The lists took events out of the view, and some found nothing to take out.
      assertThat(withdrawn.stream().mapToLong(WithdrawOutcome::withdrawn).sum()).isPositive();
      assertThat(withdrawn.stream().mapToLong(o -> o.notHeld() + o.alreadyWithdrawn()).sum())
          .isPositive();
      assertThat(duck.status()).isEqualTo(reference.status());
      assertThat(duck.status().withdrawn()).isPositive();
      assertThat(duck.listQuarantine(1000)).isEqualTo(reference.listQuarantine(1000));
      for (SourceSystem s : SourceSystem.values()) {
        for (int i = 0; i < IDS; i++) {
          String id = Event.idFor(s, "E" + i);
          assertThat(duck.findEvent(id)).as(id).isEqualTo(reference.findEvent(id));
          assertThat(duck.countHistory(id)).as(id).isEqualTo(reference.countHistory(id));
        }
        assertThat(duck.events().findLatestWithdrawal(s))
            .isEqualTo(reference.events().findLatestWithdrawal(s));
        for (String country : COUNTRIES) {
          assertThat(duck.events().findLatestSourceTimestamp(s, country))
              .isEqualTo(reference.events().findLatestSourceTimestamp(s, country));
        }
      }
      for (EventFilter filter : filters()) {
        assertSameAnswers(duck, reference, filter);
      }
    }
  }

  /**
   * A list of withdrawals of random ids of every source, at the times rows are stamped with and
   * between them; an id may come twice, and an entry again.
   */
  private static List<Withdrawal> withdrawals(Random random) {
    List<Withdrawal> out = new ArrayList<>();
    int n = 5 + random.nextInt(10);
    for (int i = 0; i < n; i++) {
      if (!out.isEmpty() && random.nextInt(6) == 0) {
        out.add(out.get(random.nextInt(out.size())));
        continue;
      }
      SourceSystem source = FILE_SOURCES.get(random.nextInt(FILE_SOURCES.size()));
      Instant stamped = TIMESTAMPS[1 + random.nextInt(TIMESTAMPS.length - 1)];
      Instant at = random.nextBoolean() ? stamped : stamped.minusSeconds(random.nextInt(2));
      out.add(new Withdrawal(source, "E" + random.nextInt(IDS), at, "withdrawn (test)"));
    }
    return out;
  }

  private static List<EventFilter> filters() {
    Period p = new Period(LocalDate.of(2024, 3, 1), LocalDate.of(2025, 6, 30));
    EventFilter all = EventFilter.of(null, p);
    return List.of(
        EventFilter.of("MLI", p),
        all,
        all.withAdmin1(Set.of("Ségou", "Zégoua")),
        all.withAnyActorNames(Set.of("Ağa", "\uD835\uDD10ath")),
        all.withActor1Names(Set.of("a", "JNIM")),
        all.withInter1(Set.of(1, 2, 3)),
        all.withEventTypes(Set.of(EventType.BATTLES, EventType.OTHER)),
        all.withNear(new EventFilter.Near(14, -4, 60)),
        all.withSubEventTypes(Set.of("Ämbush", "zeta")),
        all.withBbox(new EventFilter.Box(13.5, -4.5, 14.5, -3.5)),
        all.withMinFatalities(1L).withMaxFatalities(3L),
        EventFilter.of("BFA", p).withSources(Set.of(SourceSystem.UCDP, SourceSystem.GDELT)));
  }

  private static void assertSameAnswers(Store duck, Store reference, EventFilter filter) {
    List<List<Dimension>> groupings = new ArrayList<>();
    groupings.add(List.of());
    for (Dimension d : Dimension.values()) {
      groupings.add(List.of(d));
    }
    groupings.add(List.of(Dimension.ADMIN1, Dimension.ACTOR2));
    groupings.add(List.of(Dimension.SOURCE, Dimension.INTER1, Dimension.MONTH));
    for (List<Dimension> by : groupings) {
      CountQuery q = new CountQuery(filter, by);
      assertThat(duck.analytics().count(q))
          .as("%s by %s", filter, by)
          .isEqualTo(reference.analytics().count(q));
    }
    assertThat(duck.analytics().listActorNames(filter))
        .isEqualTo(reference.analytics().listActorNames(filter));
    assertThat(duck.analytics().listEventPoints(filter, true))
        .isEqualTo(reference.analytics().listEventPoints(filter, true));
    assertThat(duck.analytics().coverage(filter)).isEqualTo(reference.analytics().coverage(filter));
    // Every order whole; pages of the orders where missing values and ties abound.
    List<EventListing> listings = new ArrayList<>();
    for (EventListing.Sort.Field field : EventListing.Sort.Field.values()) {
      for (EventListing.Sort.Direction direction : EventListing.Sort.Direction.values()) {
        listings.add(
            EventListing.first(
                filter, new EventListing.Sort(field, direction), EventListing.MAX_LIMIT));
      }
    }
    listings.add(
        new EventListing(
            filter, EventListing.Sort.descending(EventListing.Sort.Field.ADMIN1), 7, 3));
    listings.add(
        new EventListing(
            filter, EventListing.Sort.ascending(EventListing.Sort.Field.FATALITIES), 7, 10));
    for (EventListing listing : listings) {
      assertThat(duck.analytics().listEvents(listing))
          .as("%s", listing)
          .isEqualTo(reference.analytics().listEvents(listing));
    }
  }

  /**
   * A random file of one source: events of a small pool of ids, so that files revise each other and
   * repeat ids (with other actors only, or with other content); now and then a rejected row.
   */
  private static File file(Random random, int n, SourceSystem source, Instant ingestedAt) {
    String sha = String.format(Locale.ROOT, "%064x", n + 1);
    String name = "file-" + n + ".csv";
    List<Object> rows = new ArrayList<>();
    Map<String, Event> earlier = new HashMap<>();
    long line = 2;
    int count = 20 + random.nextInt(60);
    for (int i = 0; i < count; i++) {
      if (random.nextInt(10) == 0) {
        rows.add(
            new RejectedRow(
                name,
                name,
                sha,
                line,
                List.of(Problem.ofRow(ProblemCode.BAD_DATE, "bad")),
                "raw " + line));
        line++;
        continue;
      }
      String sourceId = "E" + random.nextInt(IDS);
      Event before = earlier.get(Event.idFor(source, sourceId));
      Event e;
      Provenance p =
          new Provenance(
              name,
              sha,
              line,
              source == SourceSystem.UCDP
                  ? null
                  : before != null && random.nextBoolean()
                      ? before.provenance().sourceTimestamp()
                      : TIMESTAMPS[random.nextInt(TIMESTAMPS.length)],
              ingestedAt);
      if (before != null && random.nextBoolean()) {
        // Another row of the same event, as a monadic export gives it: other actors only.
        e =
            actors(
                    random,
                    before.toBuilder()
                        .provenance(
                            new Provenance(
                                name,
                                sha,
                                line,
                                before.provenance().sourceTimestamp(),
                                ingestedAt)))
                .build();
      } else {
        e = event(random, source, sourceId, p);
      }
      earlier.put(e.id(), e);
      long last = line + random.nextInt(2);
      rows.add(new Row(StagedEvent.of(e), new LineRange(line, last)));
      line = last + 1;
    }
    return new File(new FileRef(name, name, sha), source, rows, count);
  }

  /** The same bytes read again under another name. */
  private static File copy(File original, String name, Instant ingestedAt) {
    List<Object> rows = new ArrayList<>();
    for (Object o : original.rows()) {
      if (o instanceof Row r) {
        Event e = r.staged().event();
        Provenance p = e.provenance();
        rows.add(
            new Row(
                StagedEvent.of(
                    e.toBuilder()
                        .provenance(
                            new Provenance(
                                name,
                                p.fileSha256(),
                                p.lineNumber(),
                                p.sourceTimestamp(),
                                ingestedAt))
                        .build()),
                r.lines()));
      } else {
        RejectedRow r = (RejectedRow) o;
        rows.add(
            new RejectedRow(name, name, r.fileSha256(), r.lineNumber(), r.problems(), r.raw()));
      }
    }
    FileRef ref = new FileRef(name, name, original.ref().sha256());
    return new File(ref, original.source(), rows, original.rowsRead());
  }

  /** An accepted row. */
  private record Row(StagedEvent staged, LineRange lines) {}

  private static Event event(Random random, SourceSystem source, String id, Provenance p) {
    Event.Builder b =
        Event.builder(source, id)
            .date(LocalDate.of(2024, 1, 1).plusDays(random.nextInt(700)))
            .eventType(TYPES.get(random.nextInt(TYPES.size())))
            .subEventType(SUB_EVENT_TYPES[random.nextInt(SUB_EVENT_TYPES.length)])
            .countryIso3(COUNTRIES[random.nextInt(COUNTRIES.length)])
            .admin1(ADMIN1[random.nextInt(ADMIN1.length)])
            .civilianTargeting(random.nextBoolean())
            .fatalities(Fatalities.exactly(random.nextInt(5)))
            .notes(random.nextInt(4) == 0 ? null : "note " + random.nextInt(3))
            .location(random.nextBoolean() ? null : "place " + random.nextInt(3))
            .provenance(p);
    if (random.nextInt(5) > 0) {
      b.point(13 + random.nextDouble() * 2, -5 + random.nextDouble() * 2);
    }
    return actors(random, b).build();
  }

  /** Random actors, names sometimes repeated, roles sometimes missing. */
  private static Event.Builder actors(Random random, Event.Builder b) {
    b.actors(List.of());
    if (random.nextInt(6) > 0) {
      b.actor(ActorRole.ACTOR_1, actor(random), random.nextBoolean() ? null : random.nextInt(9));
    }
    for (int i = random.nextInt(3); i > 0; i--) {
      b.actor(ActorRole.ASSOCIATED_1, actor(random), null);
    }
    if (random.nextBoolean()) {
      b.actor(ActorRole.ACTOR_2, actor(random), random.nextBoolean() ? null : random.nextInt(9));
    }
    for (int i = random.nextInt(2); i > 0; i--) {
      b.actor(ActorRole.ASSOCIATED_2, actor(random), null);
    }
    return b.interaction(random.nextBoolean() ? null : random.nextInt(90));
  }

  private static String actor(Random random) {
    return ACTORS[random.nextInt(ACTORS.length)];
  }

  private static WriteOutcome write(Store store, File file) {
    try (FileWrite w = store.events().begin(file.ref())) {
      for (Object o : file.rows()) {
        if (o instanceof Row r) {
          w.accepted(r.staged(), r.lines());
        } else {
          w.rejected((RejectedRow) o);
        }
      }
      return w.commit(
          "acled",
          file.rowsRead(),
          ranges -> {
            Map<Long, String> text = new HashMap<>();
            for (LineRange r : ranges) {
              text.put(r.first(), "raw " + r.first() + ".." + r.last());
            }
            return text;
          });
    }
  }
}
