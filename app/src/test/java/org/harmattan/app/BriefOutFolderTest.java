package org.harmattan.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code brief --out}: where a brief may be written (written aside: BriefWriterTest). */
class BriefOutFolderTest {
  @TempDir Path dir;

  @Test
  void anEmptyOutIsAUsageErrorOfOneLineBeforeTheStoreIsOpened() {
    Path store = dir.resolve("store.duckdb");

    CliRun run =
        CliRun.of(
            "brief",
            "--store",
            store.toString(),
            "--country",
            "MLI",
            "--from",
            "2018-01-01",
            "--to",
            "2018-12-31",
            "--out",
            "");

    assertThat(run.code()).isEqualTo(Main.EXIT_USAGE);
    assertThat(run.err())
        .isEqualTo(
            "harmattan: the folder for the brief is empty (--out \"\"); name one, e.g. --out"
                + " out/mali-2018\n");
    assertThat(store).doesNotExist();
  }
}
