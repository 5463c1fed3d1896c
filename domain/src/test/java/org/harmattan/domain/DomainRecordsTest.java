package org.harmattan.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.harmattan.domain.event.ActorRole;
import org.harmattan.domain.event.Event;
import org.harmattan.domain.event.EventFlag;
import org.harmattan.domain.event.EventType;
import org.harmattan.domain.event.Fatalities;
import org.harmattan.domain.event.Provenance;
import org.harmattan.domain.event.SourceSystem;
import org.harmattan.domain.figure.Citation;
import org.harmattan.domain.figure.Figure;
import org.harmattan.domain.figure.Period;
import org.junit.jupiter.api.Test;

/** The domain records refuse impossible values with a message saying which. */
class DomainRecordsTest {
  private static final Provenance PROVENANCE =
      new Provenance("a.csv", "a".repeat(64), 2, null, Instant.parse("2026-11-26T00:00:00Z"));

  private static Event.Builder event() {
    return Event.builder(SourceSystem.ACLED, "MLI1")
        .date(LocalDate.of(2018, 3, 1))
        .eventType(EventType.BATTLES)
        .countryIso3("MLI")
        .point(12.65, -8.0)
        .actor(ActorRole.ACTOR_1, "JNIM: Group for Support of Islam and Muslims", 2)
        .provenance(PROVENANCE);
  }

  @Test
  void anEventHasAStableIdAndItsActorsByRole() {
    Event e = event().build();

    assertThat(e.id()).isEqualTo("acled:MLI1");
    assertThat(e.endDate()).isEqualTo(e.date());
    assertThat(e.findActor(ActorRole.ACTOR_1)).isPresent();
    assertThat(e.findActor(ActorRole.ACTOR_2)).isEmpty();
    assertThat(e.machineCoded()).isFalse();
    assertThat(
            Event.builder(SourceSystem.GDELT, "1")
                .date(LocalDate.of(2016, 7, 28))
                .eventType(EventType.OTHER)
                .countryIso3("USA")
                .provenance(PROVENANCE)
                .build()
                .machineCoded())
        .isTrue();
  }

  @Test
  void aFlagTravelsWithTheEventAndChangesNoValue() {
    Event plain = event().build();
    Event flagged = plain.withFlag(EventFlag.POINT_OUTSIDE_COUNTRY);

    assertThat(plain.flags()).isEmpty();
    assertThat(plain.hasFlag(EventFlag.POINT_OUTSIDE_COUNTRY)).isFalse();
    assertThat(flagged.flags()).containsExactly(EventFlag.POINT_OUTSIDE_COUNTRY);
    assertThat(flagged.withFlag(EventFlag.POINT_OUTSIDE_COUNTRY)).isSameAs(flagged);
    assertThat(flagged.toBuilder().flags(List.of()).build()).isEqualTo(plain);
    assertThat(flagged.withActors(List.of()).flags())
        .containsExactly(EventFlag.POINT_OUTSIDE_COUNTRY);
    assertThat(flagged.latitude()).isEqualTo(plain.latitude());
    assertThatThrownBy(() -> flagged.flags().add(EventFlag.POINT_OUTSIDE_COUNTRY))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThat(EventFlag.POINT_OUTSIDE_COUNTRY.code()).isEqualTo("point_outside_country");
    assertThat(EventFlag.findByCode("point_outside_country"))
        .contains(EventFlag.POINT_OUTSIDE_COUNTRY);
    assertThat(EventFlag.findByCode("POINT_OUTSIDE_COUNTRY")).isEmpty();
  }

  @Test
  void impossibleEventsAreRefused() {
    assertThatThrownBy(() -> event().point(95.0, 0.0).build()).hasMessageContaining("latitude");
    assertThatThrownBy(() -> event().point(12.0, null).build()).hasMessageContaining("together");
    assertThatThrownBy(() -> event().countryIso3("Mali").build())
        .hasMessageContaining("three capitals");
    assertThatThrownBy(() -> event().endDate(LocalDate.of(2018, 2, 1)).build())
        .hasMessageContaining("before");
    assertThatThrownBy(() -> new Provenance("a.csv", "XYZ", 1, null, Instant.EPOCH))
        .hasMessageContaining("64 lower-case hex");
  }

  @Test
  void fatalitiesKeepLowBestHighInOrder() {
    assertThat(Fatalities.exactly(3)).isEqualTo(new Fatalities(3, 3, 3));
    assertThatThrownBy(() -> new Fatalities(5, 6, 4)).hasMessageContaining("low <= best <= high");
    assertThatThrownBy(() -> new Fatalities(-1, -1, 0)).hasMessageContaining("negative");
  }

  @Test
  void aMatchedWindowKeepsTheMonthsAndClampsLeapDays() {
    Period p = new Period(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 2, 29));

    assertThat(p.inYear(2023))
        .isEqualTo(new Period(LocalDate.of(2023, 1, 1), LocalDate.of(2023, 2, 28)));
    assertThat(p.lengthDays()).isEqualTo(60);
    assertThatThrownBy(() -> new Period(LocalDate.of(2024, 2, 1), LocalDate.of(2024, 1, 1)))
        .hasMessageContaining("before it starts");
  }

  @Test
  void aFigureWithoutAValueMustSayWhy() {
    Citation none = new Citation(List.of(), 0, List.of(), LocalDate.of(2026, 11, 26));
    Period p = new Period(LocalDate.of(2018, 1, 1), LocalDate.of(2018, 12, 31));

    assertThatThrownBy(
            () -> new Figure("x", "x", null, "percent", p, null, Map.of(), "q", none, null))
        .hasMessageContaining("no value and no note");
    assertThatThrownBy(
            () -> new Figure("x", "x", Double.NaN, "percent", p, null, Map.of(), "q", none, null))
        .hasMessageContaining("no finite value");
    assertThat(
            new Figure("x", "x", null, "percent", p, null, Map.of(), "q", none, "no base")
                .findValue())
        .isEmpty();
  }
}
