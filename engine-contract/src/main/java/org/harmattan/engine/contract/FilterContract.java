package org.harmattan.engine.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Set;
import org.harmattan.domain.event.EventType;
import org.harmattan.domain.event.SourceSystem;
import org.harmattan.domain.figure.Period;
import org.harmattan.engine.query.CountResult;
import org.harmattan.engine.query.Dimension;
import org.harmattan.engine.query.EventFilter;
import org.harmattan.engine.query.EventListing;
import org.harmattan.engine.query.EventListing.Sort.Field;
import org.harmattan.engine.query.EventPoint;
import org.junit.jupiter.api.Test;

/**
 * The contract suite's cases on the filters of the analytics port: dates, places, types, actors,
 * distance.
 */
interface FilterContract extends EngineCase {
  @Test
  default void theDateWindowIncludesBothEnds() {
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
  default void aCountryRestrictsAndNoCountryMeansAll() {
    loadQueryMix();

    assertThat(count(EventFilter.of(null, Q1_2025)).events()).isEqualTo(12);
    assertThat(count(EventFilter.of(null, Q1_2025)).fatalities()).isEqualTo(38);
    assertThat(count(EventFilter.of("BFA", Q1_2025)).eventIds()).containsExactly("acled:BFA9309");
    assertThat(count(EventFilter.of("NER", Q1_2025)).events()).isZero();
  }

  @Test
  default void admin1NamesRestrictToThoseRegions() {
    loadQueryMix();

    CountResult r = count(MALI_Q1.withAdmin1(Set.of("Mopti", "Gao")));

    assertThat(r.eventIds())
        .containsExactly("acled:MLI9301", "acled:MLI9302", "acled:MLI9304", "acled:MLI9307");
    assertThat(r.fatalities()).isEqualTo(17);
  }

  @Test
  default void eventTypesRestrictAndAnEmptySetSelectsNothing() {
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
  default void actorNamesRestrictByActorOneOrByAnyRole() {
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
  default void interCodesAndCivilianTargetingRestrict() {
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
  default void sourcesRestrict() {
    loadQueryMix();

    CountResult others = count(MALI_Q1.withSources(Set.of(SourceSystem.UCDP, SourceSystem.GDELT)));
    CountResult acled = count(MALI_Q1.withSources(Set.of(SourceSystem.ACLED)));

    assertThat(others.eventIds())
        .containsExactly("gdelt:1100000001", "gdelt:1100000002", "ucdp:990001");
    assertThat(acled.events()).isEqualTo(8);
    assertThat(acled.fatalities()).isEqualTo(26);
  }

  @Test
  default void filtersCombine() {
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
  default void aDistanceCircleKeepsTheEventsWithinIt() {
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
}
