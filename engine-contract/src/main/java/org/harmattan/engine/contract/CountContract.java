package org.harmattan.engine.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.harmattan.domain.event.EventType;
import org.harmattan.domain.figure.Period;
import org.harmattan.engine.query.CountQuery;
import org.harmattan.engine.query.CountResult;
import org.harmattan.engine.query.CountRow;
import org.harmattan.engine.query.Dimension;
import org.harmattan.engine.query.EventFilter;
import org.harmattan.engine.query.PointGroup;
import org.harmattan.ingest.IngestReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The contract suite's cases on counts and every grouping of the analytics port. */
interface CountContract extends EngineCase {
  @Test
  default void aTotalCountsTheEventsAndFatalitiesOfTheFilterWithTheirIdsAndFiles() {
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
  default void aCountOfNothingIsZeroWithNoIdsFilesOrAccessDay() {
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
  default void countsGroupByEveryDimension(Dimension dimension) {
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
  default void countsAskedTogetherAreAnsweredEachAsAlone() {
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
  default void eachGroupCarriesItsEventIdsFilesAndAccessDay() {
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
  default void anIdHoldingAControlCharacterIsCitedWhole() {
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
  default void countsGroupByTwoDimensionsAtOnce() {
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
}
