package org.harmattan.server.api;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Values computed from the store, each kept for the store generation it was computed at and at most
 * {@code capacity} of them: the least recently used goes first, so that a server asked for many
 * distinct views keeps its memory bounded.
 */
final class GenerationCache<K, V> {
  private record Kept<V>(long generation, V value) {}

  private final Map<K, Kept<V>> kept;

  GenerationCache(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be at least 1: " + capacity);
    }
    this.kept =
        new LinkedHashMap<>(16, 0.75f, true) {
          private static final long serialVersionUID = 1L;

          @Override
          protected boolean removeEldestEntry(Map.Entry<K, Kept<V>> eldest) {
            return size() > capacity;
          }
        };
  }

  /** The value of {@code key} computed at {@code generation}, or null. */
  synchronized V find(K key, long generation) {
    Kept<V> k = kept.get(key);
    return k != null && k.generation() == generation ? k.value() : null;
  }

  /** Keeps {@code value} as that of {@code key} at {@code generation}. */
  synchronized void put(K key, long generation, V value) {
    kept.put(key, new Kept<>(generation, value));
  }

  /** How many values are kept. */
  synchronized int size() {
    return kept.size();
  }
}
