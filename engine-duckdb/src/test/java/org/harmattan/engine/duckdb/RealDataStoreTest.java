package org.harmattan.engine.duckdb;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.harmattan.ingest.EventIngest;
import org.harmattan.ingest.IngestReport;
import org.harmattan.ingest.SourceFile;
import org.harmattan.testsupport.PlainCsv;
import org.harmattan.testsupport.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The store on the real ACLED Mali files in ../shared/data. Expected figures are computed in the
 * test from the raw files with an independent minimal CSV reader, not with the code under test.
 */
class RealDataStoreTest {
  private static final String AC0519 = "acled/acled_mali_2017-01-01_2019-02-27__AC0519.csv";
  private static final String HDX = "acled_hdx_hxl/conflict_data_mli.csv";

  @TempDir Path dir;

  private static Path data(String relative) {
    return SharedData.require(relative);
  }

  /** Rows of a CSV as id -> timestamp, read with a deliberately separate, minimal parser. */
  private static Map<String, Long> idsWithTimestamps(Path file, boolean hxlRow) throws IOException {
    List<List<String>> rows = PlainCsv.readAll(file);
    List<String> header = rows.get(0);
    int id = header.indexOf("event_id_cnty");
    int ts = header.indexOf("timestamp");
    Map<String, Long> out = new HashMap<>();
    for (List<String> r : rows.subList(hxlRow ? 2 : 1, rows.size())) {
      out.put(r.get(id), Long.parseLong(r.get(ts)));
    }
    return out;
  }

  @Test
  void theMaliExportThenTheHdxFileAccountForEveryEventAndRevision() throws IOException {
    Path export = data(AC0519);
    Path hdx = data(HDX);
    Map<String, Long> a = idsWithTimestamps(export, false);
    Map<String, Long> b = idsWithTimestamps(hdx, true);
    Set<String> both = new HashSet<>(a.keySet());
    both.retainAll(b.keySet());
    long newer = both.stream().filter(k -> b.get(k) > a.get(k)).count();
    Set<String> union = new HashSet<>(a.keySet());
    union.addAll(b.keySet());

    try (DuckDbStore store = DuckDbStore.open(dir.resolve("s.duckdb"))) {
      IngestReport first =
          new EventIngest(LocalDate.of(2026, 11, 26))
              .ingest(SourceFile.inspect(export), Optional.empty(), store.events(), x -> {});
      IngestReport second =
          new EventIngest(LocalDate.of(2026, 11, 26))
              .ingest(SourceFile.inspect(hdx), Optional.empty(), store.events(), x -> {});

      assertThat(first.inserted()).isEqualTo(a.size()).isEqualTo(1339);
      assertThat(second.inserted()).isEqualTo(b.size() - both.size()).isEqualTo(1944);
      assertThat(second.updated()).isEqualTo(newer).isEqualTo(1325);
      assertThat(second.unchanged()).isEqualTo(both.size() - newer);
      assertThat(store.status().events()).isEqualTo(union.size()).isEqualTo(3283);
      assertThat(store.status().history()).isEqualTo(newer);
      assertThat(store.status().quarantined()).isZero();
    }
  }
}
