package org.harmattan.engine.memory;

import java.nio.file.Path;
import org.harmattan.engine.Store;
import org.harmattan.engine.contract.EngineBehavior;
import org.harmattan.engine.contract.EngineContractTest;

/** The reference engine passes the contract; it keeps nothing between opens. */
class InMemoryContractTest extends EngineContractTest {
  @Override
  protected Store openStore(Path folder) {
    return new InMemoryStore();
  }

  @Override
  public boolean supports(EngineBehavior behavior) {
    return behavior != EngineBehavior.SUPPORTS_PERSISTENCE;
  }
}
