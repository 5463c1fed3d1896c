package org.harmattan.domain.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The most recently used values are kept, the least recently used goes, each computed once. */
class LastUsedTest {
  @Test
  void aValueIsComputedOnceWhileItIsKept() {
    LastUsed<String, Integer> kept = new LastUsed<>(2);
    List<String> computed = new ArrayList<>();

    int first = kept.computeIfAbsent("Mali", k -> computeLength(k, computed));
    int again = kept.computeIfAbsent("Mali", k -> computeLength(k, computed));

    assertThat(first).isEqualTo(4);
    assertThat(again).isEqualTo(4);
    assertThat(computed).containsExactly("Mali");
  }

  @Test
  void theLeastRecentlyUsedGoesWhenANewValueComes() {
    LastUsed<String, Integer> kept = new LastUsed<>(3);
    kept.put("a", 1);
    kept.put("b", 2);
    kept.put("c", 3);
    assertThat(kept.find("a")).isEqualTo(1); // "a" used again: "b" is now the oldest
    List<String> computed = new ArrayList<>();
    kept.computeIfAbsent("d", k -> computeLength(k, computed));

    assertThat(kept.size()).isEqualTo(3);
    assertThat(kept.find("b")).isNull();
    assertThat(kept.find("a")).isEqualTo(1);
    assertThat(kept.find("c")).isEqualTo(3);
    assertThat(kept.find("d")).isEqualTo(1);
    assertThat(computed).containsExactly("d");
  }

  @Test
  void aMapHoldsAtLeastOneValue() {
    assertThatThrownBy(() -> new LastUsed<String, String>(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least 1");
  }

  private static int computeLength(String key, List<String> computed) {
    computed.add(key);
    return key.length();
  }
}
