package org.harmattan.ingest.gdelt;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.harmattan.engine.write.RejectedRow;
import org.harmattan.ingest.SourceFormat;
import org.harmattan.ingest.common.CollectingSink;
import org.harmattan.ingest.common.CollectingSink.Read;
import org.harmattan.testsupport.SharedData;
import org.junit.jupiter.api.Test;

/** The real GDELT 1.0 sample in shared/data (MANIFEST.md §3). */
class GdeltRealDataTest {
  // Zero-based positions in the GDELT 1.0 layout, counted from the codebook, not from the mapper.
  private static final int ACTOR1_GEO_COUNTRY = 37;
  private static final int ACTION_GEO_COUNTRY = 51;

  @Test
  void sample710RowsSplitIntoPlacedAndUnplacedEvents() throws IOException {
    Path path = SharedData.require("gdelt/gdelt1_events_sample_710rows__reed9999.tsv");
    List<String> lines = Files.readAllLines(path, StandardCharsets.UTF_8);
    long unplaced =
        lines.stream()
            .map(line -> line.split("\t", -1))
            .filter(f -> f[ACTION_GEO_COUNTRY].isBlank() && f[ACTOR1_GEO_COUNTRY].isBlank())
            .count();
    assertThat(lines).hasSize(710);
    assertThat(unplaced).isEqualTo(16);

    Read r = CollectingSink.read(path);
    assertThat(r.summary().format()).isEqualTo(SourceFormat.GDELT_1);
    assertThat(r.summary().rowsRead()).isEqualTo(710);
    assertThat(r.summary().rowsRead()).isEqualTo(r.summary().accepted() + r.summary().rejected());
    assertThat(r.summary().rejected()).isEqualTo(unplaced);
    assertThat(r.summary().accepted()).isEqualTo(710 - unplaced).isEqualTo(694);
    assertThat(r.rejected())
        .as("only rows without any geography are quarantined")
        .allSatisfy(
            row -> {
              assertThat(row.problems()).hasSize(1);
              assertThat(row.problems().get(0).code()).isEqualTo("unknown_country");
            });
    for (RejectedRow row : r.rejected()) {
      assertThat(row.raw()).isEqualTo(lines.get((int) row.lineNumber() - 1));
    }
    assertThat(r.events()).allSatisfy(e -> assertThat(e.machineCoded()).isTrue());
    assertThat(r.events().stream().filter(e -> e.countryIso3().equals("USA")).count())
        .isEqualTo(
            lines.stream().filter(l -> l.split("\t", -1)[ACTION_GEO_COUNTRY].equals("US")).count());
  }
}
