package org.harmattan.ingest.ucdp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.harmattan.domain.event.Event;
import org.harmattan.ingest.SourceFormat;
import org.harmattan.ingest.common.CollectingSink;
import org.harmattan.ingest.common.CollectingSink.Read;
import org.harmattan.testsupport.PlainCsv;
import org.harmattan.testsupport.SharedData;
import org.junit.jupiter.api.Test;

/**
 * The real UCDP files in shared/data (MANIFEST.md §1). Figures are computed a second way from the
 * raw file with {@link PlainCsv} and compared with what the reader produced.
 */
class UcdpRealDataTest {

  /** Records after the header (and the HXL row when {@code hxl}), as plain string lists. */
  private static List<List<String>> dataRecords(Path path, boolean hxl) {
    List<List<String>> all = PlainCsv.readAll(path);
    return all.subList(hxl ? 2 : 1, all.size());
  }

  private static int column(Path path, String name) {
    return PlainCsv.readAll(path).get(0).indexOf(name);
  }

  private static void assertConserved(Read r) {
    assertThat(r.summary().rowsRead()).isEqualTo(r.summary().accepted() + r.summary().rejected());
  }

  @Test
  void ged191MyanmarAndBangladesh() {
    Path path = SharedData.require("ucdp/ged191_MMR_BGD_subset__hdx-scraper-ucdp.csv");
    List<List<String>> raw = dataRecords(path, false);
    int best = column(path, "best");
    long rawBest = raw.stream().mapToLong(rec -> Long.parseLong(rec.get(best))).sum();
    assertThat(raw).hasSize(3194);
    assertThat(rawBest).isEqualTo(20_936);

    Read r = CollectingSink.read(path);
    assertConserved(r);
    assertThat(r.summary().format()).isEqualTo(SourceFormat.UCDP_GED_V19);
    assertThat(r.rejected()).as("rejected rows: %s", r.rejected()).isEmpty();
    assertThat(r.summary().accepted()).isEqualTo(raw.size());
    assertThat(r.events().stream().mapToLong(e -> e.fatalities().best()).sum()).isEqualTo(rawBest);
    assertThat(r.events().stream().filter(e -> e.countryIso3().equals("MMR")).count())
        .isEqualTo(2593);
    assertThat(r.events().stream().filter(e -> e.countryIso3().equals("BGD")).count())
        .isEqualTo(601);
  }

  @Test
  void ged231GlobalSampleHasSevenMaliEvents() {
    Path path = SharedData.require("ucdp/ucdpged_sample_v23_1__uncertainUCDP.csv");
    List<List<String>> raw = dataRecords(path, false);
    int country = column(path, "country");
    long rawMali = raw.stream().filter(rec -> rec.get(country).equals("Mali")).count();
    assertThat(raw).hasSize(1000);
    assertThat(rawMali).isEqualTo(7);

    Read r = CollectingSink.read(path);
    assertConserved(r);
    assertThat(r.summary().format()).isEqualTo(SourceFormat.UCDP_GED);
    assertThat(r.rejected()).as("rejected rows: %s", r.rejected()).isEmpty();
    assertThat(r.summary().accepted()).isEqualTo(1000);
    assertThat(r.events().stream().filter(e -> e.countryIso3().equals("MLI")))
        .extracting(Event::sourceEventId)
        .containsExactlyInAnyOrder(
            "256789", "203499", "431002", "12989", "433894", "237564", "352268");
    int best = column(path, "best");
    assertThat(r.events().stream().mapToLong(e -> e.fatalities().best()).sum())
        .isEqualTo(raw.stream().mapToLong(rec -> Long.parseLong(rec.get(best))).sum());
  }

  @Test
  void hdxBangladeshFile() {
    Path path = SharedData.require("ucdp/conflict_data_BGD_hdx_hxl__hdx-scraper-ucdp.csv");
    List<List<String>> raw = dataRecords(path, true);
    assertThat(raw).hasSize(601);

    Read r = CollectingSink.read(path);
    assertConserved(r);
    assertThat(r.summary().format()).isEqualTo(SourceFormat.UCDP_HDX);
    assertThat(r.rejected()).as("rejected rows: %s", r.rejected()).isEmpty();
    assertThat(r.summary().accepted()).isEqualTo(601);
    assertThat(r.events()).extracting(Event::countryIso3).containsOnly("BGD");
  }

  @Test
  void ged231CentralAfricanRepublicWithXyColumns() {
    // Converted from GeoJSON: latitude/longitude became Y/X; dates keep the ".000" time part.
    Path path = SharedData.require("ucdp/GEDEvent_v23_1_CAR482__optgeo.converted.csv");
    List<List<String>> raw = dataRecords(path, false);
    assertThat(raw).hasSize(1848);

    Read r = CollectingSink.read(path);
    assertConserved(r);
    assertThat(r.summary().format()).isEqualTo(SourceFormat.UCDP_GED);
    assertThat(r.rejected()).as("rejected rows: %s", r.rejected()).isEmpty();
    assertThat(r.events()).extracting(Event::countryIso3).containsOnly("CAF");
    assertThat(r.events()).allSatisfy(e -> assertThat(e.latitude()).isNotNull());
  }
}
