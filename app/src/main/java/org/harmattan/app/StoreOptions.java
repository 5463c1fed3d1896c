package org.harmattan.app;

import java.nio.file.Path;
import org.harmattan.service.Stores;
import picocli.CommandLine.Option;

/** The options every command that uses the store shares. */
final class StoreOptions {
  @Option(
      names = "--store",
      paramLabel = "FILE",
      description =
          "DuckDB store file (default: $HARMATTAN_STORE, else ~/.harmattan/store.duckdb).")
  Path store;

  @Option(names = "--json", description = "Print JSON instead of text.")
  boolean json;

  Path storePath() {
    return store != null ? store : Stores.defaultPath();
  }
}
