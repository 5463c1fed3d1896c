package org.harmattan.service.actors;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.harmattan.analytics.actors.ActorMatch;
import org.harmattan.analytics.actors.ActorRegistry;
import org.harmattan.domain.actor.CanonicalActor;
import org.harmattan.engine.query.AnalyticsEngine;
import org.harmattan.engine.query.EventFilter;
import org.harmattan.engine.query.NameCount;

/** Raw actor names with their event counts and registry matches. */
public final class ActorNames {
  private ActorNames() {}

  /**
   * One raw name.
   *
   * @param name the raw name and its events
   * @param match the registry actor it matches, or null
   */
  public record Row(NameCount name, ActorMatch match) {}

  /** Every raw name of {@code filter}'s events, or only those no registry actor matches. */
  public static List<Row> list(
      AnalyticsEngine engine, ActorRegistry registry, EventFilter filter, boolean unmatchedOnly) {
    List<Row> rows = new ArrayList<>();
    for (NameCount n : engine.listActorNames(filter)) {
      Optional<ActorMatch> m = registry.match(n.name());
      if (!unmatchedOnly || m.isEmpty()) {
        rows.add(new Row(n, m.orElse(null)));
      }
    }
    return rows;
  }

  /** {@code {"actors":[{"name","events","match":{"id","name","type","kind"}|null}]}}. */
  public static Map<String, Object> toMap(List<Row> rows) {
    List<Map<String, Object>> actors = new ArrayList<>();
    for (Row r : rows) {
      Map<String, Object> a = new LinkedHashMap<>();
      a.put("name", r.name().name());
      a.put("events", r.name().events());
      a.put("match", r.match() == null ? null : matchMap(r.match()));
      actors.add(a);
    }
    return Map.of("actors", actors);
  }

  /** The registry's actors as {@code {"actors":[{"id","name","type","country","aliases"}]}}. */
  public static Map<String, Object> registry(ActorRegistry registry) {
    List<Map<String, Object>> actors = new ArrayList<>();
    for (CanonicalActor a : registry.listActors()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("id", a.id());
      m.put("name", a.name());
      m.put("type", a.type().name());
      m.put("country", a.countryIso3());
      m.put("aliases", a.aliases());
      actors.add(m);
    }
    return Map.of("actors", actors);
  }

  private static Map<String, Object> matchMap(ActorMatch m) {
    Map<String, Object> j = new LinkedHashMap<>();
    j.put("id", m.actor().id());
    j.put("name", m.actor().name());
    j.put("type", m.actor().type().name());
    j.put("kind", m.kind().name());
    return j;
  }
}
