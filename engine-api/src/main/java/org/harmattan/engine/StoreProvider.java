package org.harmattan.engine;

import java.nio.file.Path;

/**
 * An engine that lives in a module of its own (Spark, with its hundreds of libraries) and is found
 * on the class path through {@link java.util.ServiceLoader}: the front doors open its stores by
 * name, without a compile-time dependency on it.
 */
public interface StoreProvider {
  /** The engine's name as a user gives it ({@code --engine spark}). */
  String engine();

  /**
   * Opens the store at {@code location}, creating it unless {@code readOnly}.
   *
   * @param master where the engine runs (for Spark: {@code local[*]} or {@code spark://host:port});
   *     null for the engine's default
   * @param readOnly whether the caller only reads: the store is neither created nor tidied
   */
  Store open(Path location, String master, boolean readOnly);
}
