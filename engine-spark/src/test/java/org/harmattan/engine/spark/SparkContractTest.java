package org.harmattan.engine.spark;

import java.nio.file.Path;
import org.harmattan.engine.Store;
import org.harmattan.engine.contract.EngineBehavior;
import org.harmattan.engine.contract.EngineContractTest;

/**
 * The Spark store passes the contract in local mode; it does not hold humanitarian observations
 * (the suite checks that it says so).
 */
class SparkContractTest extends EngineContractTest {
  @Override
  protected Store openStore(Path folder) {
    return SparkStore.open(folder, "local[2]");
  }

  @Override
  protected boolean supports(EngineBehavior behavior) {
    return behavior != EngineBehavior.SUPPORTS_HUMANITARIAN;
  }
}
