package org.harmattan.ingest.ucdp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.harmattan.domain.error.ErrorCategory;
import org.harmattan.domain.error.HarmattanException;
import org.harmattan.ingest.common.CollectingSink;
import org.harmattan.testsupport.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real UCDP GED sample with its header broken: refused once, naming the column. */
class UcdpHeaderTest {
  private static final String SAMPLE = "ucdp/ucdpged_sample_v23_1__uncertainUCDP.MALI.csv";

  @TempDir Path dir;

  private Path withHeader(String name, String from, String to) throws IOException {
    List<String> lines =
        new ArrayList<>(Files.readAllLines(SharedData.require(SAMPLE), StandardCharsets.UTF_8));
    assertThat(lines.get(0)).contains(from);
    lines.set(0, lines.get(0).replace(from, to));
    Path p = dir.resolve(name);
    Files.write(p, lines, StandardCharsets.UTF_8);
    return p;
  }

  @Test
  void aMissingBestEstimateRefusesTheFile() throws IOException {
    Path p = withHeader("no-best.csv", "\"best\"", "\"best_estimate\"");

    assertThatThrownBy(() -> CollectingSink.read(p))
        .isInstanceOfSatisfying(
            HarmattanException.class,
            e -> {
              assertThat(e.category()).isEqualTo(ErrorCategory.SOURCE_DATA);
              assertThat(e.code()).isEqualTo("missing_column");
              assertThat(e.getMessage())
                  .startsWith(
                      p
                          + " line 1: the header lacks the column best, which every ucdp-ged row"
                          + " needs");
            });
  }

  @Test
  void theIdTwiceIsRefused() throws IOException {
    Path p = withHeader("id-twice.csv", "\"relid\"", "\"ID\"");

    assertThatThrownBy(() -> CollectingSink.read(p))
        .isInstanceOfSatisfying(
            HarmattanException.class,
            e ->
                assertThat(e.getMessage())
                    .isEqualTo(
                        p
                            + " line 1: the header names column \"ID\" twice (columns 1 and 2);"
                            + " expected each column once: remove or rename one of them"));
  }
}
