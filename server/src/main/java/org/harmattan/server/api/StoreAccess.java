package org.harmattan.server.api;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import org.harmattan.engine.Store;

/**
 * The server's way to the store: one call at a time (the embedded store has one connection), and a
 * generation that each write advances, so that caches of what the store held can tell they are
 * stale.
 */
public final class StoreAccess {
  private final Store store;
  private final ReentrantLock lock = new ReentrantLock(true);
  private final AtomicLong generation = new AtomicLong();

  public StoreAccess(Store store) {
    this.store = store;
  }

  /** Runs a read. */
  public <T> T read(Function<Store, T> f) {
    lock.lock();
    try {
      return f.apply(store);
    } finally {
      lock.unlock();
    }
  }

  /** Runs a write; caches keyed by the generation expire. */
  public <T> T write(Function<Store, T> f) {
    lock.lock();
    try {
      return f.apply(store);
    } finally {
      generation.incrementAndGet();
      lock.unlock();
    }
  }

  /** Advances at every write. */
  public long generation() {
    return generation.get();
  }
}
