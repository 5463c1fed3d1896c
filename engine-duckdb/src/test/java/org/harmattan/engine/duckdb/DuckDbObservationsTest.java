package org.harmattan.engine.duckdb;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.harmattan.domain.humanitarian.Observation;
import org.harmattan.engine.write.RejectedRow;
import org.harmattan.ingest.humanitarian.HumanitarianIngest;
import org.harmattan.ingest.humanitarian.HumanitarianIngestReport;
import org.harmattan.ingest.hxl.HxlReader;
import org.harmattan.testsupport.PlainCsv;
import org.harmattan.testsupport.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DuckDbObservationsTest {
  @TempDir Path dir;

  @Test
  void dtmRound72IsStoredOnceAndListedForAnalytics() {
    Path xlsx = SharedData.require("iom_dtm_mali/dtm_mali_baseline_assessment_round_72__hxl.xlsx");
    Path csv =
        SharedData.require("iom_dtm_mali/dtm_mali_baseline_assessment_round_72__hxl.converted.csv");
    long rawTotal =
        PlainCsv.readMaps(csv, 1).stream()
            .mapToLong(m -> Long.parseLong(m.get("Total No# of IDPs Ind#")))
            .sum();
    try (DuckDbStore store = DuckDbStore.open(dir.resolve("s.duckdb"))) {
      HumanitarianIngestReport first =
          HumanitarianIngest.ingest(
              HxlReader.inspect(xlsx), OptionalInt.empty(), store.humanitarian());
      assertThat(first.dataset()).isEqualTo("iom-dtm");
      assertThat(first.rowsRead()).isEqualTo(56);
      assertThat(first.inserted()).isEqualTo(56);
      assertThat(first.quarantined()).isZero();
      List<Observation> idps = store.observations().listObservations("MLI", "idps");
      assertThat(idps).hasSize(56);
      assertThat(idps.stream().mapToDouble(Observation::value).sum())
          .isEqualTo(401_736)
          .isEqualTo((double) rawTotal);
      assertThat(idps.get(0).source().sha256()).isEqualTo(first.sha256());

      HumanitarianIngestReport again =
          HumanitarianIngest.ingest(
              HxlReader.inspect(xlsx), OptionalInt.empty(), store.humanitarian());
      assertThat(again.inserted()).isZero();
      assertThat(again.unchanged()).isEqualTo(56);
      assertThat(store.observations().listObservations("MLI", null)).hasSize(56);
      assertThat(store.status().observations()).isEqualTo(56);
      assertThat(store.status().files()).isEqualTo(2);
    }
  }

  @Test
  void theReferenceInTheStorePlacesLaterFilesAndBadRowsGoToTheQuarantine() {
    Path pcodes = SharedData.require("hdx_pcodes/global_pcodes_adm_1_2__hxl.MALI.csv");
    List<Map<String, String>> rawUnits = PlainCsv.readMaps(pcodes, 1);
    Path bad = SharedData.fixture("hxl/dtm-bad-number-and-date.csv");
    try (DuckDbStore store = DuckDbStore.open(dir.resolve("s.duckdb"))) {
      HumanitarianIngestReport ref =
          HumanitarianIngest.ingest(
              HxlReader.inspect(pcodes), OptionalInt.empty(), store.humanitarian());
      assertThat(ref.adminUnits()).isEqualTo(rawUnits.size());
      assertThat(store.status().adminUnits()).isEqualTo(rawUnits.size());

      HumanitarianIngestReport r =
          HumanitarianIngest.ingest(
              HxlReader.inspect(bad), OptionalInt.empty(), store.humanitarian());
      assertThat(r.rowsRead()).isEqualTo(3);
      assertThat(r.inserted()).isEqualTo(1);
      assertThat(r.quarantined()).isEqualTo(2);
      assertThat(r.blankRows()).isEqualTo(1);
      assertThat(r.notes()).anyMatch(n -> n.contains("checked against the admin reference"));
      List<Observation> stored = store.observations().listObservations("MLI", "idps");
      assertThat(stored)
          .singleElement()
          .satisfies(
              o -> {
                assertThat(o.value()).isEqualTo(4214);
                assertThat(o.pcode()).isEqualTo("ML050101");
              });
      List<RejectedRow> q = store.listQuarantine(10);
      assertThat(q).hasSize(2);
      assertThat(q.get(0).lineNumber()).isEqualTo(4);
      assertThat(q.get(0).raw()).contains("Bankass").contains("many");
      assertThat(q.get(0).problems().get(0).code()).isEqualTo("not_a_number");
      assertThat(q.get(0).message()).contains("Total No# of IDPs Ind#").contains("\"many\"");
      assertThat(q.get(1).lineNumber()).isEqualTo(6);
      assertThat(q.get(1).problems().get(0).code()).isEqualTo("bad_date");

      // Idempotent: the same file again adds neither observations nor quarantine rows.
      HumanitarianIngest.ingest(HxlReader.inspect(bad), OptionalInt.empty(), store.humanitarian());
      assertThat(store.listQuarantine(10)).hasSize(2);
      assertThat(store.observations().listObservations("MLI", "idps")).hasSize(1);
    }
  }
}
