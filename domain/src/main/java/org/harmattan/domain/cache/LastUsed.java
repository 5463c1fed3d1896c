package org.harmattan.domain.cache;

import static java.util.Objects.requireNonNull;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * A bounded map that keeps its {@code capacity} most recently used values: the least recently used
 * goes first when a new one comes. Safe to share between threads; a value is computed under the
 * map's lock, so that two threads asking for the same key compute it once. Holds values that do not
 * change (outlines drawn, cells covered, briefs of a store generation).
 */
public final class LastUsed<K, V> {
  private final Map<K, V> kept;

  /** Keeps at most {@code capacity} values. */
  public LastUsed(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be at least 1: " + capacity);
    }
    this.kept =
        new LinkedHashMap<>(16, 0.75f, true) {
          private static final long serialVersionUID = 1L;

          @Override
          protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
            return size() > capacity;
          }
        };
  }

  /** The value of {@code key}, computed by {@code compute} when it is not kept. */
  public synchronized V computeIfAbsent(K key, Function<? super K, ? extends V> compute) {
    requireNonNull(compute, "compute");
    return kept.computeIfAbsent(key, compute);
  }

  /** The value kept for {@code key}, or null. */
  public synchronized V find(K key) {
    return kept.get(key);
  }

  /** Keeps {@code value} for {@code key}. */
  public synchronized void put(K key, V value) {
    kept.put(key, requireNonNull(value, "value"));
  }

  /** How many values are kept. */
  public synchronized int size() {
    return kept.size();
  }
}
