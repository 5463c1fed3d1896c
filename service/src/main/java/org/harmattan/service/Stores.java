package org.harmattan.service;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ServiceLoader;
import org.harmattan.domain.error.HarmattanException;
import org.harmattan.domain.problem.ProblemCode;
import org.harmattan.engine.Store;
import org.harmattan.engine.StoreProvider;
import org.harmattan.engine.duckdb.DuckDbStore;

/**
 * The one place that opens a store: every front door asks here. The embedded DuckDB store is built
 * in; another engine (Spark) is found on the class path by name ({@link StoreProvider}).
 */
public final class Stores {
  /** The environment variable naming the store file (or a Spark warehouse folder). */
  public static final String STORE_VARIABLE = "HARMATTAN_STORE";

  /** The environment variable naming the engine when no {@code --engine} is given. */
  public static final String ENGINE_VARIABLE = "HARMATTAN_ENGINE";

  /** The environment variable naming the Spark master when no {@code --spark-master} is given. */
  public static final String SPARK_MASTER_VARIABLE = "HARMATTAN_SPARK_MASTER";

  /** The embedded engine's name. */
  public static final String DUCKDB = "duckdb";

  /** The distributed engine's name. */
  public static final String SPARK = "spark";

  private Stores() {}

  /**
   * Which store to open, on which engine.
   *
   * @param location the store's file (DuckDB) or warehouse folder (Spark)
   * @param engine {@link #DUCKDB} or the name of an engine on the class path ({@link #SPARK})
   * @param master where the engine runs (Spark's master), or null for its default
   */
  public record Config(Path location, String engine, String master) {
    public Config {
      java.util.Objects.requireNonNull(location, "location");
      engine = engine == null ? DUCKDB : engine.strip().toLowerCase(Locale.ROOT);
    }

    /** The embedded store at {@code location}. */
    public static Config embedded(Path location) {
      return new Config(location, DUCKDB, null);
    }
  }

  /** Opens (creating if needed) the embedded store at {@code path}. */
  public static Store open(Path path) {
    return open(Config.embedded(path));
  }

  /** Opens (creating if needed) the store {@code config} names. */
  public static Store open(Config config) {
    if (config.engine().equals(DUCKDB)) {
      return DuckDbStore.open(config.location());
    }
    return provider(config.engine()).open(config.location(), config.master(), false);
  }

  /**
   * Opens the embedded store at {@code path} for a command that only reads it: a store whose file
   * or folder cannot be written can still be read, and several readers may have it open at once.
   *
   * @throws HarmattanException (USER_INPUT, {@code store_not_found}) when there is no store at
   *     {@code path}: a mistyped path must not give an empty store's answers, nor leave one behind
   */
  public static Store openReadOnly(Path path) {
    return openReadOnly(Config.embedded(path));
  }

  /** Opens the store {@code config} names for a command that only reads it. */
  public static Store openReadOnly(Config config) {
    Path path = config.location();
    if (!Files.exists(path)) {
      throw HarmattanException.userInput(
          ProblemCode.STORE_NOT_FOUND,
          path
              + ": no store there (expected the "
              + (config.engine().equals(DUCKDB) ? "file" : "warehouse folder")
              + " that harmattan ingest --store writes; check the path, or ingest files into it"
              + " first)");
    }
    if (config.engine().equals(DUCKDB)) {
      return DuckDbStore.openReadOnly(path);
    }
    return provider(config.engine()).open(path, config.master(), true);
  }

  private static StoreProvider provider(String engine) {
    List<String> found = new ArrayList<>();
    for (StoreProvider p : ServiceLoader.load(StoreProvider.class)) {
      if (p.engine().equals(engine)) {
        return p;
      }
      found.add(p.engine());
    }
    found.add(0, DUCKDB);
    if (engine.equals(SPARK)) {
      throw HarmattanException.userInput(
          ProblemCode.UNKNOWN_ENGINE,
          "the Spark engine is not on the class path (the harmattan script adds it when the"
              + " command names --engine spark; otherwise put engine-spark/target/lib/* and its"
              + " jar on the class path)");
    }
    throw HarmattanException.userInput(
        ProblemCode.UNKNOWN_ENGINE,
        "unknown engine '" + engine + "' (expected one of: " + String.join(", ", found) + ")");
  }

  /** Where the store lives unless a front door names another: $HARMATTAN_STORE, else home. */
  public static Path defaultPath() {
    return defaultPath(DUCKDB);
  }

  /**
   * Where the store of {@code engine} lives unless a front door names another: $HARMATTAN_STORE,
   * else {@code ~/.harmattan/store.duckdb} (DuckDB) or {@code ~/.harmattan/warehouse} (Spark).
   */
  public static Path defaultPath(String engine) {
    String env = System.getenv(STORE_VARIABLE);
    if (env != null && !env.isBlank()) {
      return Path.of(env);
    }
    return Path.of(
        System.getProperty("user.home"),
        ".harmattan",
        DUCKDB.equals(engine.strip().toLowerCase(Locale.ROOT)) ? "store.duckdb" : "warehouse");
  }
}
