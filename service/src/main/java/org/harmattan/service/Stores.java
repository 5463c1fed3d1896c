package org.harmattan.service;

import java.nio.file.Files;
import java.nio.file.Path;
import org.harmattan.domain.error.HarmattanException;
import org.harmattan.domain.problem.ProblemCode;
import org.harmattan.engine.Store;
import org.harmattan.engine.duckdb.DuckDbStore;

/** The one place that opens a store: every front door asks here. */
public final class Stores {
  /** The environment variable naming the store file. */
  public static final String STORE_VARIABLE = "HARMATTAN_STORE";

  private Stores() {}

  /** Opens (creating if needed) the embedded store at {@code path}. */
  public static Store open(Path path) {
    return DuckDbStore.open(path);
  }

  /**
   * Opens the embedded store at {@code path} for a command that only reads it: a store whose file
   * or folder cannot be written can still be read, and several readers may have it open at once.
   *
   * @throws HarmattanException (USER_INPUT, {@code store_not_found}) when there is no store at
   *     {@code path}: a mistyped path must not give an empty store's answers, nor leave one behind
   */
  public static Store openReadOnly(Path path) {
    if (!Files.exists(path)) {
      throw HarmattanException.userInput(
          ProblemCode.STORE_NOT_FOUND,
          path
              + ": no store there (expected the file that harmattan ingest --store writes; check"
              + " the path, or ingest files into it first)");
    }
    return DuckDbStore.openReadOnly(path);
  }

  /** Where the store lives unless a front door names another: $HARMATTAN_STORE, else home. */
  public static Path defaultPath() {
    String env = System.getenv(STORE_VARIABLE);
    if (env != null && !env.isBlank()) {
      return Path.of(env);
    }
    return Path.of(System.getProperty("user.home"), ".harmattan", "store.duckdb");
  }
}
