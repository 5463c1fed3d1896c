package org.harmattan.ingest.gdelt;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.harmattan.engine.write.RejectedRow;
import org.harmattan.ingest.common.CollectingSink;
import org.harmattan.ingest.common.CollectingSink.Read;
import org.harmattan.testsupport.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real GDELT sample (tab-separated, no header) with one damaged line. */
class GdeltDamagedFileTest {
  @TempDir Path dir;

  @Test
  void aByteNeitherUtf8NorWindows1252QuarantinesItsLineOnly() throws IOException {
    Path sample = SharedData.require("gdelt/gdelt1_events_sample_710rows__reed9999.tsv");
    List<String> lines = Files.readAllLines(sample, StandardCharsets.UTF_8);
    Read intact = CollectingSink.read(sample);
    String line = lines.get(9);
    int tab = line.indexOf('\t');
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    long offset = 0;
    for (int n = 1; n <= lines.size(); n++) {
      byte[] bytes = lines.get(n - 1).getBytes(StandardCharsets.UTF_8);
      if (n == 10) {
        bytes[tab + 1] = (byte) 0x8F;
      } else if (n < 10) {
        offset += bytes.length + 1;
      }
      out.writeBytes(bytes);
      out.write('\n');
    }
    Path p = dir.resolve("gdelt-bad8f.tsv");
    Files.write(p, out.toByteArray());

    Read r = CollectingSink.read(p);

    assertThat(r.summary().rowsRead()).isEqualTo(710);
    RejectedRow bad = r.rejectedAt(10);
    assertThat(bad.message())
        .isEqualTo(
            "gdelt-bad8f.tsv line 10, column SQLDATE: byte 0x8F at byte offset "
                + (offset + tab + 1)
                + " is neither UTF-8 nor Windows-1252 (Latin-1) text (expected a UTF-8 export)");
    assertThat(r.summary().accepted() + r.summary().rejected()).isEqualTo(710);
    assertThat(r.events())
        .extracting(e -> e.provenance().lineNumber())
        .isEqualTo(
            intact.events().stream()
                .map(e -> e.provenance().lineNumber())
                .filter(l -> l != 10)
                .toList());
  }
}
