package org.harmattan.engine.spark;

import java.nio.file.Path;
import org.harmattan.engine.Store;
import org.harmattan.engine.StoreProvider;

/** Opens Spark stores for the front doors ({@code --engine spark}). */
public final class SparkStoreProvider implements StoreProvider {
  @Override
  public String engine() {
    return "spark";
  }

  @Override
  public Store open(Path location, String master, boolean readOnly) {
    return SparkStore.open(location, master, readOnly);
  }
}
