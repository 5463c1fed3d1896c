package org.harmattan.service.brief;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.harmattan.analytics.actors.ActorRegistry;
import org.harmattan.analytics.indicators.Scope;
import org.harmattan.domain.actor.CanonicalActor;
import org.harmattan.domain.error.HarmattanException;
import org.harmattan.domain.event.EventType;
import org.harmattan.domain.figure.Period;
import org.harmattan.domain.problem.ProblemCode;
import org.harmattan.engine.query.AnalyticsEngine;
import org.harmattan.engine.query.EventFilter;
import org.harmattan.engine.query.NameCount;

/** Turns what a user names (regions, event types, a registry actor) into a brief's scope. */
public final class Scopes {
  private Scopes() {}

  /**
   * The scope of a brief of {@code iso3}.
   *
   * @param admin1 first-level regions (empty: all)
   * @param eventTypes ACLED event type labels (empty: all)
   * @param subEventTypes sub-event types as the source names them (empty: all)
   * @param actorId a registry actor id, or null
   * @throws HarmattanException (USER_INPUT) for an unknown event type or actor, or an actor that
   *     names no event of the country
   */
  public static Scope resolve(
      AnalyticsEngine engine,
      ActorRegistry registry,
      String iso3,
      Collection<String> admin1,
      Collection<String> eventTypes,
      Collection<String> subEventTypes,
      String actorId) {
    Set<EventType> types = null;
    if (!eventTypes.isEmpty()) {
      types = new HashSet<>();
      for (String t : eventTypes) {
        types.add(
            EventType.findByLabel(t)
                .orElseThrow(
                    () ->
                        HarmattanException.userInput(
                            ProblemCode.UNKNOWN_EVENT_TYPE,
                            "--event-type '"
                                + t
                                + "' is not an ACLED event type (expected Battles,"
                                + " Explosions/Remote violence, Violence against civilians,"
                                + " Protests, Riots or Strategic developments)")));
      }
    }
    String label = null;
    Set<String> names = Set.of();
    if (actorId != null) {
      CanonicalActor a =
          registry
              .findActor(actorId.strip())
              .orElseThrow(
                  () ->
                      HarmattanException.userInput(
                          ProblemCode.UNKNOWN_ACTOR,
                          "--actor '"
                              + actorId
                              + "' is not a registry id (see harmattan actors; e.g. jnim)"));
      List<String> raw = new ArrayList<>();
      for (NameCount n :
          engine.listActorNames(EventFilter.of(iso3, Period.upTo(LocalDate.now(ZoneOffset.UTC))))) {
        raw.add(n.name());
      }
      names = registry.rawNamesOf(a.id(), raw);
      if (names.isEmpty()) {
        throw HarmattanException.userInput(
            ProblemCode.ACTOR_NOT_IN_STORE,
            "--actor '" + actorId + "' (" + a.name() + ") names no event in the store for " + iso3);
      }
      label = a.name();
    }
    return new Scope(new HashSet<>(admin1), types, new HashSet<>(subEventTypes), label, names);
  }
}
