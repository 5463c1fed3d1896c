package org.harmattan.engine.spark;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.harmattan.domain.event.SourceSystem;
import org.harmattan.domain.figure.Period;
import org.harmattan.engine.duckdb.DuckDbStore;
import org.harmattan.engine.query.CountQuery;
import org.harmattan.engine.query.CountResult;
import org.harmattan.engine.query.CountRow;
import org.harmattan.engine.query.Dimension;
import org.harmattan.engine.query.EventFilter;
import org.harmattan.engine.write.Withdrawal;
import org.harmattan.ingest.EventIngest;
import org.harmattan.ingest.IngestReport;
import org.harmattan.ingest.SourceFile;
import org.harmattan.testsupport.PlainCsv;
import org.harmattan.testsupport.SharedData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Spark store on a real cluster: a standalone master and two workers started on loopback
 * ({@link StandaloneCluster}), the store's key cases run there by the executors, a GDELT export
 * read in pieces by the workers as the embedded store reads it whole, and the Mali 2018 brief made
 * on the cluster through the command line equal to the embedded store's.
 */
class SparkClusterTest {
  @TempDir static Path dir;

  private static StandaloneCluster cluster;

  @BeforeAll
  static void startTheCluster() throws IOException, InterruptedException {
    SharedData.require(SparkCommandLineTest.MALI);
    SparkStore.stopSpark();
    cluster = StandaloneCluster.start(dir, 2);
  }

  @AfterAll
  static void stopTheCluster() {
    SparkStore.stopSpark();
    if (cluster != null) {
      cluster.close();
    }
  }

  @Test
  void theStoresKeyCasesRunOnTheWorkers() throws IOException {
    Path acled = SharedData.require(SparkCommandLineTest.MALI);
    Path warehouse = dir.resolve("warehouse-cases");
    LocalDate today = LocalDate.of(2026, 11, 26);
    try (SparkStore store = SparkStore.open(warehouse, cluster.master())) {
      IngestReport first =
          new EventIngest(today)
              .ingest(SourceFile.inspect(acled), Optional.empty(), store.events(), x -> {});
      // Mali's rows of the raw file dated 2018, each id once, and their deaths.
      long deaths = 0;
      Set<String> ids = new HashSet<>();
      DateTimeFormatter acledDate = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);
      for (Map<String, String> r : PlainCsv.readMaps(acled, 0)) {
        LocalDate d = LocalDate.parse(r.get("event_date"), acledDate);
        if (r.get("iso3").equals("MLI") && d.getYear() == 2018 && ids.add(r.get("event_id_cnty"))) {
          deaths += Long.parseLong(r.get("fatalities"));
        }
      }
      Period y2018 = new Period(LocalDate.of(2018, 1, 1), LocalDate.of(2018, 12, 31));
      CountResult total = store.analytics().count(CountQuery.total(EventFilter.of("MLI", y2018)));
      assertThat(total.events()).isEqualTo(ids.size());
      assertThat(total.fatalities()).isEqualTo(deaths);
      CountResult grouped =
          store
              .analytics()
              .count(
                  new CountQuery(EventFilter.of("MLI", y2018), List.of(Dimension.SUB_EVENT_TYPE)));
      assertThat(grouped.rows().stream().mapToLong(CountRow::events).sum()).isEqualTo(ids.size());
      assertThat(grouped.eventIds()).hasSize(ids.size());

      // Reading the file again changes nothing.
      IngestReport again =
          new EventIngest(today)
              .ingest(SourceFile.inspect(acled), Optional.empty(), store.events(), x -> {});
      assertThat(again.unchanged()).isEqualTo(first.inserted() + first.updated());
      assertThat(again.inserted() + again.updated()).isZero();

      // A withdrawal takes an event out of every count and keeps its version in history.
      String withdrawnId = total.eventIds().get(0);
      String sourceId = withdrawnId.substring(withdrawnId.indexOf(':') + 1);
      store
          .events()
          .withdraw(
              List.of(
                  new Withdrawal(
                      SourceSystem.ACLED,
                      sourceId,
                      Instant.parse("2026-11-01T00:00:00Z"),
                      "test")));
      assertThat(store.analytics().count(CountQuery.total(EventFilter.of("MLI", y2018))).events())
          .isEqualTo(ids.size() - 1);
      assertThat(store.findEvent(withdrawnId)).isEmpty();
      assertThat(store.countHistory(withdrawnId)).isEqualTo(1);
      // The work ran on the two workers' executors (the driver is listed too).
      assertThat(store.spark().sparkContext().statusTracker().getExecutorInfos()).hasSize(3);
    }
  }

  @Test
  void theWorkersReadAGdeltExportInPiecesAsTheEmbeddedStoreReadsItWhole() {
    Path export =
        GdeltExport.write(dir.resolve("gdelt-export.tsv"), 2000, 1_400_000_000L, "20251101");
    try (SparkStore store = SparkStore.open(dir.resolve("warehouse-gdelt"), cluster.master());
        DuckDbStore duckdb = DuckDbStore.open(dir.resolve("gdelt.duckdb"))) {
      List<IngestReport> onCluster =
          SparkSplitIngestTest.ingest(List.of(export, export), store.events());
      List<IngestReport> embedded =
          SparkSplitIngestTest.ingest(List.of(export, export), duckdb.events());

      assertThat(onCluster).isEqualTo(embedded);
      assertThat(onCluster.get(0).inserted()).isGreaterThan(1900);
      assertThat(onCluster.get(1).unchanged()).isEqualTo(onCluster.get(0).inserted());
      SparkSplitIngestTest.assertSameContent(store, duckdb);
      // The pieces were read by the two workers' executors (the driver is listed too).
      assertThat(store.spark().sparkContext().statusTracker().getExecutorInfos()).hasSize(3);
    }
  }

  @Test
  void theMali2018BriefOnTheClusterEqualsTheEmbeddedOne() throws IOException {
    Path acled = SharedData.require(SparkCommandLineTest.MALI);
    Path warehouse = dir.resolve("warehouse-brief");
    Path duckdb = dir.resolve("store.duckdb");
    String[] window = {"--country", "MLI", "--from", "2018-01-01", "--to", "2018-12-31"};
    SparkCommandLineTest.Run ingest =
        SparkCommandLineTest.run(
            "ingest",
            "--engine",
            "spark",
            "--spark-master",
            cluster.master(),
            "--store",
            warehouse.toString(),
            acled.toString());
    assertThat(ingest.code()).as(ingest.err()).isZero();
    assertThat(
            SparkCommandLineTest.run("ingest", "--store", duckdb.toString(), acled.toString())
                .code())
        .isZero();
    Path onCluster = dir.resolve("brief-cluster");
    Path embedded = dir.resolve("brief-embedded");
    SparkCommandLineTest.Run brief =
        SparkCommandLineTest.run(
            concat(
                new String[] {
                  "brief",
                  "--engine",
                  "spark",
                  "--spark-master",
                  cluster.master(),
                  "--store",
                  warehouse.toString(),
                  "--out",
                  onCluster.toString()
                },
                window));
    assertThat(brief.code()).as(brief.err()).isZero();
    assertThat(
            SparkCommandLineTest.run(
                    concat(
                        new String[] {
                          "brief", "--store", duckdb.toString(), "--out", embedded.toString()
                        },
                        window))
                .code())
        .isZero();
    ObjectMapper json = new ObjectMapper();
    JsonNode a = json.readTree(onCluster.resolve("figures.json").toFile());
    JsonNode b = json.readTree(embedded.resolve("figures.json").toFile());
    assertThat(a.get("figures").size()).isGreaterThan(50);
    assertThat(a).isEqualTo(b);
  }

  private static String[] concat(String[] a, String[] b) {
    String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
