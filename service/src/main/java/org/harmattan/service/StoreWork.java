package org.harmattan.service;

import java.util.function.Function;
import org.harmattan.engine.Store;

/**
 * How a job reaches the store: the command line hands the store over directly, the server through
 * its lock, so that a job's writes never run beside the server's own.
 */
@FunctionalInterface
public interface StoreWork {

  /** Runs {@code work} on the store, alone. */
  <T> T write(Function<Store, T> work);

  /** The store itself, for a watcher that owns it. */
  static StoreWork of(Store store) {
    return new StoreWork() {
      @Override
      public <T> T write(Function<Store, T> work) {
        return work.apply(store);
      }
    };
  }
}
