package org.harmattan.server.api;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Function;
import org.harmattan.engine.Store;
import org.harmattan.service.StoreWork;

/**
 * The server's way to the store: queries run side by side (the store gives each thread its own read
 * connection), a write runs alone, and a generation that each write advances lets caches of what
 * the store held tell that they are stale.
 */
public final class StoreAccess implements StoreWork {
  private final Store store;
  private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock(true);
  private final AtomicLong generation = new AtomicLong();
  private final List<Runnable> onWrite = new CopyOnWriteArrayList<>();

  /**
   * Queries at once: as many as the machine has cores. Each query already uses every core, so more
   * at once only makes all of them slower, and starves the answers that need no query.
   */
  private final Semaphore queries =
      new Semaphore(Math.max(1, Runtime.getRuntime().availableProcessors()), true);

  public StoreAccess(Store store) {
    this.store = store;
  }

  /** Runs a query, beside a bounded number of other queries. */
  public <T> T read(Function<Store, T> f) {
    queries.acquireUninterruptibly();
    try {
      lock.readLock().lock();
      try {
        return f.apply(store);
      } finally {
        lock.readLock().unlock();
      }
    } finally {
      queries.release();
    }
  }

  /** Runs a change of the events or observations alone; caches keyed by the generation expire. */
  @Override
  public <T> T write(Function<Store, T> f) {
    lock.writeLock().lock();
    try {
      return f.apply(store);
    } finally {
      generation.incrementAndGet();
      lock.writeLock().unlock();
      onWrite.forEach(Runnable::run);
    }
  }

  /** Calls {@code listener} after every write (on the writer's thread: it must return at once). */
  public void onWrite(Runnable listener) {
    onWrite.add(listener);
  }

  /**
   * Runs a call alone without expiring caches: the accounts, which share the store's write
   * connection but change no figure.
   */
  public <T> T alone(Function<Store, T> f) {
    lock.writeLock().lock();
    try {
      return f.apply(store);
    } finally {
      lock.writeLock().unlock();
    }
  }

  /** Advances at every write. */
  public long generation() {
    return generation.get();
  }
}
