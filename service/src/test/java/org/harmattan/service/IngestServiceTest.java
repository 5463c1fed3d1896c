package org.harmattan.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.OptionalInt;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.harmattan.domain.event.Event;
import org.harmattan.domain.event.EventFlag;
import org.harmattan.engine.Store;
import org.harmattan.engine.query.StoreStatus;
import org.harmattan.service.ingest.FileOutcome;
import org.harmattan.service.ingest.IngestService;
import org.harmattan.testsupport.acled.AcledCsv;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The ingest service as every front door calls it, on a real store. */
class IngestServiceTest {
  private static final LocalDate TODAY = LocalDate.of(2026, 12, 2);
  private static final String ACLED_HEADER = AcledCsv.HEADER + "\n";
  private static final String ROW =
      ",2025,1,Political violence,Violence against civilians,Attack,"
          + "Military Forces of Mali (2021-),,1,Civilians (Mali),,7,17,Civilian targeting,"
          + "466,Western Africa,Mali,Segou,Macina,Kolongo,Kolongo,13.95,-5.33,2,"
          + "Local source,Subnational,Soldiers killed civilians.,3,,1747000000\n";

  @TempDir Path dir;

  private Path write(String name, String text) throws IOException {
    Path p = dir.resolve(name);
    Files.writeString(p, text, StandardCharsets.UTF_8);
    return p;
  }

  @Test
  void readsAnEventFileAndAccountsForEveryRow() throws IOException {
    // Two good rows and one whose date does not exist: 2 inserted, 1 quarantined.
    Path acled =
        write(
            "acled.csv",
            ACLED_HEADER
                + "MLI1,2025-05-10"
                + ROW
                + "MLI2,2025-05-11"
                + ROW
                + "MLI3,2025-02-30"
                + ROW);
    try (Store store = Stores.open(dir.resolve("s.duckdb"))) {
      FileOutcome outcome =
          new IngestService(store, TODAY).ingest(acled, IngestService.Options.detect(), b -> {});

      assertThat(outcome).isInstanceOf(FileOutcome.Events.class);
      assertThat(outcome.toMap())
          .containsEntry("format", "acled")
          .containsEntry("rowsRead", 3L)
          .containsEntry("inserted", 2L)
          .containsEntry("quarantined", 1L);
      StoreStatus status = store.status();
      assertThat(status.events()).isEqualTo(2);
      assertThat(status.quarantined()).isEqualTo(1);
      assertThat(store.listQuarantine(10).get(0).raw()).startsWith("MLI3,2025-02-30");
    }
  }

  @Test
  void eventsOutsideTheirCountryAreKeptAndNamedInTheReport() throws IOException {
    // Line 3 gives Mali's Kolongo (13.95 N, 5.33 W) with latitude and longitude swapped: a point
    // in the Gulf of Guinea, 2,000 km south of Mali's outline; line 2 is the right point.
    String swapped = ROW.replace(",13.95,-5.33,", ",-5.33,13.95,");
    Path acled =
        write("acled.csv", ACLED_HEADER + "MLI1,2025-05-10" + ROW + "MLI2,2025-05-11" + swapped);
    try (Store store = Stores.open(dir.resolve("s.duckdb"))) {
      FileOutcome outcome =
          new IngestService(store, TODAY).ingest(acled, IngestService.Options.detect(), b -> {});

      assertThat(outcome.toMap())
          .containsEntry("inserted", 2L)
          .extractingByKey("notes", InstanceOfAssertFactories.list(String.class))
          .containsExactly(
              "1 event lies outside its country's bounding box (latitude and longitude swapped,"
                  + " or a sign lost?); kept as given, check line 3 (MLI, -5.33, 13.95)");
      assertThat(store.status().events()).isEqualTo(2);
      // The event carries the flag, its point as given; the right one carries none.
      Event stored = store.findEvent("acled:MLI2").orElseThrow();
      assertThat(stored.flags()).containsExactly(EventFlag.POINT_OUTSIDE_COUNTRY);
      assertThat(List.of(stored.latitude(), stored.longitude())).containsExactly(-5.33, 13.95);
      assertThat(store.findEvent("acled:MLI1").orElseThrow().flags()).isEmpty();
    }
  }

  @Test
  void aFileThatCannotBeReadFailsAloneAndLeavesTheStoreAsItWas() throws IOException {
    Path unknown = write("notes.csv", "a,b,c\n1,2,3\n");
    Path acled = write("acled.csv", ACLED_HEADER + "MLI1,2025-05-10" + ROW);
    try (Store store = Stores.open(dir.resolve("s.duckdb"))) {
      IngestService service = new IngestService(store, TODAY);

      FileOutcome failed = service.ingest(unknown, IngestService.Options.detect(), b -> {});
      FileOutcome missing =
          service.ingest(dir.resolve("absent.csv"), IngestService.Options.detect(), b -> {});
      FileOutcome read = service.ingest(acled, IngestService.Options.detect(), b -> {});

      assertThat(failed).isInstanceOf(FileOutcome.Failed.class);
      assertThat(((FileOutcome.Failed) failed).message()).contains("notes.csv");
      assertThat(failed.toMap()).containsOnlyKeys("path", "error");
      assertThat(missing).isInstanceOf(FileOutcome.Failed.class);
      assertThat(read.toMap()).containsEntry("inserted", 1L);
      assertThat(store.status().events()).isEqualTo(1);
      assertThat(store.status().files()).isEqualTo(1);
    }
  }

  @Test
  void recognisesAHumanitarianTableAndWritesItsObservations() throws IOException {
    // The HDX P-code table's shape: admin 1 units with HXL hashtags.
    Path pcodes =
        write(
            "global_pcodes_adm_1_2.csv",
            "Location,Admin Level,P-Code,Name,Parent P-Code,Valid from date\n"
                + "#country+code,#geo+admin_level,#adm+code,#adm+name,#adm+code+parent,#date+start\n"
                + "MLI,1,ML01,Kayes,MLI,2021-12-20\n"
                + "MLI,1,ML02,Koulikoro,MLI,2021-12-20\n");
    try (Store store = Stores.open(dir.resolve("s.duckdb"))) {
      IngestService service = new IngestService(store, TODAY);
      FileOutcome outcome =
          service.ingest(
              pcodes,
              new IngestService.Options(java.util.Optional.empty(), OptionalInt.empty()),
              b -> {});
      FileOutcome again = service.ingest(pcodes, IngestService.Options.detect(), b -> {});

      assertThat(outcome).isInstanceOf(FileOutcome.Humanitarian.class);
      assertThat(outcome.toMap())
          .containsEntry("rowsRead", 2L)
          .containsEntry("inserted", 2L)
          .containsEntry("adminUnits", 2L);
      assertThat(again.toMap()).containsEntry("inserted", 0L).containsEntry("unchanged", 2L);
      assertThat(store.status().adminUnits()).isEqualTo(2);
    }
  }

  @Test
  void recognisesTheViewsCountryMonthFileAndReportsItsRowsGapsAndQuarantine() throws IOException {
    // Mali January and March 2019 (no February: a gap), Niger January, and a negative count.
    Path views =
        write(
            "cm_ged_sb.csv",
            "month_id,year,month,country_id,gwcode,isoab,name,ged_sb,source\n"
                + "469,2019,1,50,432,MLI,Mali,32,v2_actuals\n"
                + "469,2019,1,78,436,NER,Niger,4,v2_actuals\n"
                + "471,2019,3,50,432,MLI,Mali,5,v2_actuals\n"
                + "471,2019,3,78,436,NER,Niger,-2,v2_actuals\n");
    try (Store store = Stores.open(dir.resolve("s.duckdb"))) {
      IngestService service = new IngestService(store, TODAY);
      FileOutcome outcome = service.ingest(views, IngestService.Options.detect(), b -> {});
      FileOutcome again = service.ingest(views, IngestService.Options.detect(), b -> {});

      assertThat(outcome).isInstanceOf(FileOutcome.Series.class);
      assertThat(outcome.toMap())
          .containsEntry("format", "views-cm")
          .containsEntry("rowsRead", 4L)
          .containsEntry("inserted", 3L)
          .containsEntry("updated", 0L)
          .containsEntry("unchanged", 0L)
          .containsEntry("merged", 0L)
          .containsEntry("quarantined", 1L)
          .containsEntry("series", "ged_sb")
          .containsEntry("units", 2L)
          .containsEntry("first", "2019-01")
          .containsEntry("last", "2019-03")
          .containsEntry(
              "warnings",
              List.of(
                  "Mali (country_id 50, MLI): no value for 2019-02 (1 month), between line 2"
                      + " (2019-01) and line 4 (2019-03)"));
      assertThat(outcome.toMap().get("quarantinedRows"))
          .asInstanceOf(InstanceOfAssertFactories.LIST)
          .singleElement()
          .asInstanceOf(InstanceOfAssertFactories.MAP)
          .containsEntry("lineNumber", 5L)
          .doesNotContainKey("raw");
      assertThat(again.toMap()).containsEntry("inserted", 0L).containsEntry("unchanged", 3L);
      StoreStatus status = store.status();
      assertThat(status.seriesPoints()).isEqualTo(3);
      assertThat(status.quarantined()).isEqualTo(1);
      assertThat(status.files()).isEqualTo(2);
      assertThat(store.series().listSeries("ged_sb", "country")).hasSize(3);
    }
  }
}
