package org.harmattan.briefs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Optional;
import org.harmattan.engine.duckdb.DuckDbStore;
import org.harmattan.ingest.EventIngest;
import org.harmattan.ingest.SourceFile;
import org.harmattan.testsupport.SharedData;

/**
 * A store holding the two real ACLED Mali files of ../shared/data, built once per test run. Tests
 * using it skip with a message when the data is absent (fail when it is required).
 */
public final class MaliStore {
  public static final LocalDate TODAY = LocalDate.of(2026, 11, 26);
  public static final String AC0519 = "acled/acled_mali_2017-01-01_2019-02-27__AC0519.csv";
  public static final String HDX = "acled_hdx_hxl/conflict_data_mli.csv";

  private static Path built;

  private MaliStore() {}

  /** The data folder, or the test is skipped (fails when the data is required). */
  public static Path data() {
    return SharedData.requireRoot();
  }

  /** Opens the store with both Mali files ingested (building it on first use). */
  public static synchronized DuckDbStore open() throws IOException {
    Path data = data();
    if (built == null) {
      Path dir = Files.createTempDirectory("harmattan-mali");
      Path db = dir.resolve("mali.duckdb");
      try (DuckDbStore store = DuckDbStore.open(db)) {
        new EventIngest(TODAY)
            .ingest(
                SourceFile.inspect(data.resolve(AC0519)),
                Optional.empty(),
                store.events(),
                b -> {});
        new EventIngest(TODAY)
            .ingest(
                SourceFile.inspect(data.resolve(HDX)), Optional.empty(), store.events(), b -> {});
      }
      built = db;
    }
    return DuckDbStore.open(built);
  }
}
