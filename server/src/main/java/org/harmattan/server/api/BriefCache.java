package org.harmattan.server.api;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.harmattan.analytics.indicators.Scope;
import org.harmattan.briefs.model.Brief;
import org.harmattan.engine.query.AnalyticsEngine;
import org.harmattan.service.brief.BriefService;

/**
 * The assembled brief of a window, computed once per window and store version and shared by the
 * resources that show it (figures, the dashboard's overview). Computing it takes the brief's whole
 * analysis; it does not change between ingests.
 */
final class BriefCache {
  /** A brief assembled at one store generation, with bodies made from it on first use. */
  static final class Computed {
    private final long generation;
    private final Brief brief;
    private final Map<String, byte[]> bodies = new ConcurrentHashMap<>();

    Computed(long generation, Brief brief) {
      this.generation = generation;
      this.brief = brief;
    }

    long generation() {
      return generation;
    }

    Brief brief() {
      return brief;
    }

    /** The response body named {@code name}, made once from the brief by {@code make}. */
    byte[] body(String name, Function<Brief, byte[]> make) {
      return bodies.computeIfAbsent(name, n -> make.apply(brief));
    }
  }

  /**
   * How many windows' briefs are kept: a brief with its bodies takes about a megabyte for a
   * country-year of a few thousand events.
   */
  static final int CAPACITY = 64;

  private final Api api;
  private final GenerationCache<FiguresResource.Key, Computed> cache =
      new GenerationCache<>(CAPACITY);
  private final Map<FiguresResource.Key, Object> computing = new ConcurrentHashMap<>();

  /**
   * The engine's answers shared by the briefs: a filtered view's brief asks again what its window's
   * brief asked of the whole country.
   */
  private final KeptAnswers answers = new KeptAnswers();

  BriefCache(Api api) {
    this.api = api;
  }

  /** The brief of {@code key} at the store's current generation. */
  Computed get(FiguresResource.Key key) {
    Computed known = cache.find(key, api.store().generation());
    if (known != null) {
      return known;
    }
    // One computation per window at a time: callers arriving together wait for the first.
    Object lock = computing.computeIfAbsent(key, k -> new Object());
    synchronized (lock) {
      try {
        return compute(key);
      } finally {
        // Callers waiting on this lock find the brief kept; later ones take a new lock.
        computing.remove(key, lock);
      }
    }
  }

  private Computed compute(FiguresResource.Key key) {
    long generation = api.store().generation();
    Computed known = cache.find(key, generation);
    if (known != null) {
      return known;
    }
    Brief brief =
        api.store()
            .read(
                store -> {
                  AnalyticsEngine engine =
                      answers.over(store.analytics(), api.store().generation());
                  Scope scope = FiguresResource.scope(api, engine, key);
                  return BriefService.assemble(
                      engine,
                      store.observations(),
                      api.registry(),
                      FiguresResource.request(api, key, scope, null, false),
                      api.today());
                });
    Computed c = new Computed(generation, brief);
    cache.put(key, generation, c);
    return c;
  }
}
