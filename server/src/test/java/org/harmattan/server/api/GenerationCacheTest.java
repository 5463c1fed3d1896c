package org.harmattan.server.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/**
 * The server's caches of computed views: one store generation each, the least recently used out.
 */
class GenerationCacheTest {
  @Test
  void aValueIsFoundOnlyAtTheGenerationItWasComputedAt() {
    GenerationCache<String, String> c = new GenerationCache<>(4);
    c.put("MLI 2018", 3, "brief");
    assertThat(c.find("MLI 2018", 3)).isEqualTo("brief");
    assertThat(c.find("MLI 2018", 4)).isNull();
    assertThat(c.find("MLI 2017", 3)).isNull();
  }

  @Test
  void theLeastRecentlyUsedGoesWhenTheCacheIsFull() {
    GenerationCache<String, Integer> c = new GenerationCache<>(3);
    c.put("a", 1, 1);
    c.put("b", 1, 2);
    c.put("c", 1, 3);
    assertThat(c.find("a", 1)).isEqualTo(1); // "a" used again: "b" is now the oldest
    c.put("d", 1, 4);
    assertThat(c.size()).isEqualTo(3);
    assertThat(c.find("b", 1)).isNull();
    assertThat(c.find("a", 1)).isEqualTo(1);
    assertThat(c.find("c", 1)).isEqualTo(3);
    assertThat(c.find("d", 1)).isEqualTo(4);
  }

  @Test
  void aCacheHoldsAtLeastOneValue() {
    assertThatThrownBy(() -> new GenerationCache<String, String>(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least 1");
  }
}
