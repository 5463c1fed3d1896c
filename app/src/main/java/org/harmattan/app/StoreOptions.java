package org.harmattan.app;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The options every command that uses the store shares. */
final class StoreOptions {
  /** Where the store lives unless --store or HARMATTAN_STORE says otherwise. */
  static Path defaultStore() {
    String env = System.getenv("HARMATTAN_STORE");
    if (env != null && !env.isBlank()) {
      return Path.of(env);
    }
    return Path.of(System.getProperty("user.home"), ".harmattan", "store.duckdb");
  }

  @Option(
      names = "--store",
      paramLabel = "FILE",
      description =
          "DuckDB store file (default: $HARMATTAN_STORE, else ~/.harmattan/store.duckdb).")
  Path store;

  @Option(names = "--json", description = "Print JSON instead of text.")
  boolean json;

  Path storePath() {
    return store != null ? store : defaultStore();
  }
}
