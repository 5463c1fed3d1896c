package org.harmattan.engine.duckdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.harmattan.domain.figure.DeferredIds;
import org.harmattan.engine.duckdb.PackedIds.UnsplittableIds;
import org.junit.jupiter.api.Test;

/** Ids packed by DuckDB ({@link PackedIds#AGGREGATE}), split back now or when first read. */
class PackedIdsTest {
  private static byte[] bytes(String packed) {
    return packed.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void deferredIdsAreCountedAtOnceAndSplitInTheirPackedOrderWhenFirstRead() throws UnsplittableIds {
    List<String> ids = PackedIds.deferred(bytes("acled:MLI3\u001facled:MLI1\u001facled:MLI2"), 3);

    assertThat(ids).isInstanceOf(DeferredIds.class).hasSize(3);
    assertThat(((DeferredIds) ids).isMade()).isFalse();
    assertThat(ids).containsExactly("acled:MLI3", "acled:MLI1", "acled:MLI2");
    assertThat(((DeferredIds) ids).isMade()).isTrue();
  }

  @Test
  void emptyIdsAreIdsAndNoIdsAreNoPackedString() throws UnsplittableIds {
    assertThat(PackedIds.deferred(bytes(""), 1)).containsExactly("");
    assertThat(PackedIds.deferred(bytes("a\u001f\u001fb"), 3)).containsExactly("a", "", "b");
    // Characters of several bytes decode whole, wherever they fall.
    assertThat(PackedIds.deferred(bytes("Sévaré:1\u001f🛡\u001fx"), 3))
        .containsExactly("Sévaré:1", "🛡", "x");
    assertThat(PackedIds.deferred(null, 0)).isEmpty();
  }

  @Test
  void anIdHoldingTheSeparatorMakesTheCountDifferAndIsRefusedBeforeAnyReading() {
    // Two events, one of whose ids holds the separator: three parts.
    assertThatThrownBy(() -> PackedIds.deferred(bytes("acled:MLI1\u001fA\u001facled:MLI2"), 2))
        .isInstanceOf(UnsplittableIds.class);
    assertThatThrownBy(() -> PackedIds.deferred(bytes("acled:MLI1"), 2))
        .isInstanceOf(UnsplittableIds.class);
    assertThatThrownBy(() -> PackedIds.deferred(null, 1)).isInstanceOf(UnsplittableIds.class);
    assertThatThrownBy(() -> PackedIds.deferred(bytes(""), 0)).isInstanceOf(UnsplittableIds.class);
  }

  @Test
  void splittingNowAddsTheSameIdsAndRefusesTheSameCounts() throws UnsplittableIds {
    List<String> out = new ArrayList<>(List.of("before"));
    PackedIds.splitIds(bytes("x\u001fy"), 2, out);
    assertThat(out).containsExactly("before", "x", "y");
    assertThatThrownBy(() -> PackedIds.splitIds(bytes("x\u001fy\u001fz"), 2, new ArrayList<>()))
        .isInstanceOf(UnsplittableIds.class);
  }
}
