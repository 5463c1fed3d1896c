package org.harmattan.app;

import java.nio.file.Path;
import org.harmattan.engine.Store;
import org.harmattan.service.Stores;
import picocli.CommandLine.Option;

/** The options every command that uses the store shares: where it is and which engine runs it. */
final class StoreOptions {
  @Option(
      names = "--store",
      paramLabel = "PATH",
      description =
          "The store: a DuckDB file, or with --engine spark a warehouse folder (default:"
              + " $HARMATTAN_STORE, else ~/.harmattan/store.duckdb or ~/.harmattan/warehouse).")
  Path store;

  @Option(
      names = "--engine",
      paramLabel = "ENGINE",
      description =
          "duckdb (the embedded store, default) or spark (Apache Spark over a warehouse of Parquet"
              + " files); default: $HARMATTAN_ENGINE, else duckdb.")
  String engine;

  @Option(
      names = "--spark-master",
      paramLabel = "URL",
      description =
          "With --engine spark: where Spark runs, local[*] (default: $HARMATTAN_SPARK_MASTER, else"
              + " local[*]) or the spark://host:port of a standalone cluster whose workers all see"
              + " the warehouse folder.")
  String sparkMaster;

  @Option(names = "--json", description = "Print JSON instead of text.")
  boolean json;

  /** The engine asked for: --engine, else $HARMATTAN_ENGINE, else duckdb. */
  String engineName() {
    String e = engine != null ? engine : System.getenv(Stores.ENGINE_VARIABLE);
    return e == null || e.isBlank() ? Stores.DUCKDB : e;
  }

  Path storePath() {
    return store != null ? store : Stores.defaultPath(engineName());
  }

  /** The store, engine and master these options name. */
  Stores.Config config() {
    String master = sparkMaster != null ? sparkMaster : System.getenv(Stores.SPARK_MASTER_VARIABLE);
    return new Stores.Config(storePath(), engineName(), master);
  }

  /** Opens (creating if needed) the store. */
  Store open() {
    return Stores.open(config());
  }

  /** Opens the store to read it: it must exist. */
  Store openReadOnly() {
    return Stores.openReadOnly(config());
  }
}
