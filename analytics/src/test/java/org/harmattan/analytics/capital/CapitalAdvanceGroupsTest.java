package org.harmattan.analytics.capital;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.harmattan.analytics.actors.ActorRegistry;
import org.harmattan.analytics.indicators.SecurityRequest;
import org.harmattan.domain.event.ActorRole;
import org.harmattan.domain.event.Event;
import org.harmattan.domain.event.EventType;
import org.harmattan.domain.event.Provenance;
import org.harmattan.domain.event.SourceSystem;
import org.harmattan.domain.figure.Figure;
import org.harmattan.domain.figure.Period;
import org.harmattan.domain.figure.SourceRef;
import org.harmattan.engine.memory.InMemoryStore;
import org.harmattan.engine.write.FileRef;
import org.harmattan.engine.write.FileWrite;
import org.harmattan.engine.write.LineRange;
import org.harmattan.engine.write.StagedEvent;
import org.harmattan.reference.profile.CountryProfiles;
import org.junit.jupiter.api.Test;

/**
 * The capital advance over many events read as groups (point, month, actors, file): when no event
 * comes within the rings, the nearest approach is the first event, by date then id, of those
 * nearest; counts and medians weigh each group by its events; a citation names its files in the
 * order their first events come. Distances are worked out by hand: Bamako lies at 12.65 N, 8.0 W in
 * the country profile, and a degree of latitude due north is 111.195 km.
 */
class CapitalAdvanceGroupsTest {
  private static final String JNIM = "JNIM: Group for Support of Islam and Muslims";
  private static final String FAMA = "Military Forces of Mali (2021-)";
  private static final String FILE_A = "a1".repeat(32);
  private static final String FILE_B = "b2".repeat(32);

  private static Event battle(String id, LocalDate day, double lat, String sha, long line) {
    return Event.builder(SourceSystem.ACLED, id)
        .date(day)
        .eventType(EventType.BATTLES)
        .countryIso3("MLI")
        .actor(ActorRole.ACTOR_1, JNIM, 2)
        .actor(ActorRole.ACTOR_2, FAMA, 1)
        .point(lat, -8.0)
        .provenance(new Provenance(sha + ".csv", sha, line, null, Instant.now()))
        .build();
  }

  private static void write(InMemoryStore store, String sha, List<Event> events) {
    try (FileWrite w = store.events().begin(new FileRef(sha + ".csv", sha + ".csv", sha))) {
      long line = 2;
      for (Event e : events) {
        w.accepted(StagedEvent.of(e), new LineRange(line, line));
        line++;
      }
      w.commit("acled", events.size(), ranges -> java.util.Map.of());
    }
  }

  @Test
  void farEventsAreCountedCitedAndApproachedAsEachWouldBe() {
    InMemoryStore store = new InMemoryStore();
    // Three degrees north (333.585 km): two events at one point, in February and March; four
    // degrees north (444.78 km) in January; from another file, 4.35 degrees north (483.7 km) on
    // the year's second day.
    write(
        store,
        FILE_A,
        List.of(
            battle("MLI6001", LocalDate.of(2025, 3, 10), 15.65, FILE_A, 2),
            battle("MLI6002", LocalDate.of(2025, 2, 20), 15.65, FILE_A, 3),
            battle("MLI6003", LocalDate.of(2025, 1, 5), 16.65, FILE_A, 4)));
    write(store, FILE_B, List.of(battle("MLI6004", LocalDate.of(2025, 1, 2), 17.0, FILE_B, 2)));
    SecurityRequest request =
        new SecurityRequest(
            "MLI",
            new Period(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31)),
            null,
            Set.of(SourceSystem.ACLED),
            LocalDate.of(2026, 1, 15));

    CapitalAdvance advance =
        CapitalAdvance.compute(
            store.analytics(),
            ActorRegistry.shipped(),
            request,
            CountryProfiles.shipped().find("MLI").orElseThrow());

    CapitalAdvance.ActorAdvance jnim = advance.actors().get(0);
    Figure nearest = figure(advance, jnim.nearest());
    assertThat(nearest.value()).isCloseTo(333.585, within(0.01));
    // 6001 and 6002 are as near; 6002 comes first by date.
    assertThat(nearest.citation().eventIds()).containsExactly("acled:MLI6002");
    assertThat(nearest.citation().sources())
        .containsExactly(new SourceRef("ACLED", FILE_A + ".csv", FILE_A));
    assertThat(figure(advance, advance.nearest()).citation().eventIds())
        .containsExactly("acled:MLI6002");
    Figure events = figure(advance, jnim.events());
    assertThat(events.value()).isEqualTo(4.0);
    assertThat(events.citation().eventIds())
        .containsExactly("acled:MLI6001", "acled:MLI6002", "acled:MLI6003", "acled:MLI6004");
    // 6004 (the other file) is the first event of the year.
    assertThat(events.citation().sources())
        .containsExactly(
            new SourceRef("ACLED", FILE_B + ".csv", FILE_B),
            new SourceRef("ACLED", FILE_A + ".csv", FILE_A));
    // The median of 333.585, 333.585, 444.78 and 483.7: the mean of the middle two.
    assertThat(figure(advance, jnim.median()).value())
        .isCloseTo((333.585 + 444.78) / 2, within(0.01));
    // January: 6003 and 6004; the median of 444.78 and 483.7.
    assertThat(figure(advance, jnim.monthlyMedian().get(java.time.YearMonth.of(2025, 1))).value())
        .isCloseTo((444.78 + 4.35 * 111.195) / 2, within(0.01));
    for (String ring : jnim.within()) {
      assertThat(figure(advance, ring).value()).isZero();
    }
    assertThat(jnim.incursions()).isEmpty();
  }

  private static Figure figure(CapitalAdvance advance, String id) {
    return advance.listFigures().stream().filter(f -> f.id().equals(id)).findFirst().orElseThrow();
  }
}
