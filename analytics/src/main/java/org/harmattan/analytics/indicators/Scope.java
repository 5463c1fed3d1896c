package org.harmattan.analytics.indicators;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.harmattan.analytics.text.AnalyticsTexts;
import org.harmattan.domain.event.EventType;
import org.harmattan.domain.text.Language;
import org.harmattan.domain.text.Vocabulary;
import org.harmattan.engine.query.EventFilter;

/**
 * Optional narrowing of every indicator: regions, event types and sub-types, one actor.
 *
 * @param admin1 first-level regions, empty for all
 * @param eventTypes event types, null for all
 * @param subEventTypes sub-event types as the source names them (e.g. "Armed clash"), empty for all
 * @param actorLabel the actor's name as the brief shows it, or null for all actors
 * @param actorNames the raw names that actor goes by in the store (any role)
 */
public record Scope(
    Set<String> admin1,
    Set<EventType> eventTypes,
    Set<String> subEventTypes,
    String actorLabel,
    Set<String> actorNames) {
  public Scope {
    admin1 = Set.copyOf(admin1);
    eventTypes = eventTypes == null ? null : Set.copyOf(eventTypes);
    subEventTypes = Set.copyOf(subEventTypes);
    actorNames = Set.copyOf(actorNames);
    if (actorLabel != null && actorNames.isEmpty()) {
      throw new IllegalArgumentException("actor " + actorLabel + " needs at least one raw name");
    }
  }

  /** No narrowing. */
  public static final Scope ALL = new Scope(Set.of(), null, Set.of(), null, Set.of());

  /** Applies the scope to a filter. */
  public EventFilter apply(EventFilter f) {
    EventFilter out = f;
    if (!admin1.isEmpty()) {
      out = out.withAdmin1(admin1);
    }
    if (eventTypes != null) {
      out = out.restrictEventTypes(eventTypes);
    }
    if (!subEventTypes.isEmpty()) {
      out = out.withSubEventTypes(subEventTypes);
    }
    if (!actorNames.isEmpty()) {
      out = out.withAnyActorNames(actorNames);
    }
    return out;
  }

  /**
   * Words for a title in {@code language}: "Mopti; Battles; JNIM" ("Mopti ; Combats ; JNIM"), or
   * empty. Event and sub-event types are written in the language; places and actors as named.
   */
  public String describe(Language language) {
    List<String> parts = new ArrayList<>();
    if (!admin1.isEmpty()) {
      parts.add(String.join(", ", new TreeSet<>(admin1)));
    }
    if (eventTypes != null) {
      List<String> labels = new ArrayList<>();
      for (EventType t : eventTypes) {
        labels.add(Vocabulary.eventType(language, t));
      }
      parts.add(String.join(", ", new TreeSet<>(labels)));
    }
    if (!subEventTypes.isEmpty()) {
      List<String> labels = new ArrayList<>();
      for (String t : subEventTypes) {
        labels.add(Vocabulary.subEventType(language, t));
      }
      parts.add(String.join(", ", new TreeSet<>(labels)));
    }
    if (actorLabel != null) {
      parts.add(actorLabel);
    }
    return String.join(AnalyticsTexts.of(language).t("indicators.scope.separator"), parts);
  }
}
