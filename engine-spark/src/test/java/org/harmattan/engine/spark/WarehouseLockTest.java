package org.harmattan.engine.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.harmattan.domain.error.HarmattanException;
import org.harmattan.domain.problem.ProblemCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One writer per warehouse: a second store opened to write is refused, readers are not. */
class WarehouseLockTest {
  @TempDir Path dir;

  @Test
  void aSecondWriterIsRefusedAndReadersAreNot() {
    try (SparkStore writer = SparkStore.open(dir, "local[2]")) {
      assertThatThrownBy(() -> SparkStore.open(dir, "local[2]"))
          .isInstanceOf(HarmattanException.class)
          .hasMessageContaining("another process")
          .hasMessageContaining(dir.toString())
          .extracting(e -> ((HarmattanException) e).code())
          .isEqualTo(ProblemCode.STORE_LOCKED.code());
      try (SparkStore reader = SparkStore.open(dir, "local[2]", true)) {
        assertThat(reader.status().events()).isZero();
      }
      assertThat(writer.status().events()).isZero();
    }
    // Closed, the warehouse takes a writer again.
    try (SparkStore again = SparkStore.open(dir, "local[2]")) {
      assertThat(again.status().files()).isZero();
    }
  }
}
