package org.harmattan.engine.duckdb;

import java.nio.file.Path;
import org.harmattan.engine.Store;
import org.harmattan.engine.contract.EngineContractTest;

/** The embedded DuckDB store passes the whole contract. */
class DuckDbContractTest extends EngineContractTest {
  @Override
  protected Store openStore(Path folder) {
    return DuckDbStore.open(folder.resolve("store.duckdb"));
  }
}
