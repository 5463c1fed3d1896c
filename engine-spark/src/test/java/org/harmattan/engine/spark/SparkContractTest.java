package org.harmattan.engine.spark;

import java.nio.file.Path;
import org.harmattan.engine.Store;
import org.harmattan.engine.contract.EngineContractTest;

/** The Spark store passes the whole contract, in local mode. */
class SparkContractTest extends EngineContractTest {
  @Override
  protected Store openStore(Path folder) {
    return SparkStore.open(folder, "local[2]");
  }
}
