package org.harmattan.server.api;

import org.harmattan.domain.cache.LastUsed;

/**
 * Values computed from the store, each kept for the store generation it was computed at and at most
 * {@code capacity} of them: the least recently used goes first, so that a server asked for many
 * distinct views keeps its memory bounded.
 */
final class GenerationCache<K, V> {
  private record Kept<V>(long generation, V value) {}

  private final LastUsed<K, Kept<V>> kept;

  GenerationCache(int capacity) {
    this.kept = new LastUsed<>(capacity);
  }

  /** The value of {@code key} computed at {@code generation}, or null. */
  V find(K key, long generation) {
    Kept<V> k = kept.find(key);
    return k != null && k.generation() == generation ? k.value() : null;
  }

  /** Keeps {@code value} as that of {@code key} at {@code generation}. */
  void put(K key, long generation, V value) {
    kept.put(key, new Kept<>(generation, value));
  }

  /** How many values are kept. */
  int size() {
    return kept.size();
  }
}
