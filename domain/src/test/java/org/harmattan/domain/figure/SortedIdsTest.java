package org.harmattan.domain.figure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Event ids as a citation holds them. */
class SortedIdsTest {
  @Test
  void theListsTogetherAreSortedAsStringsEachIdOnce() {
    List<String> union =
        SortedIds.union(
            List.of(
                List.of("acled:MLI10", "acled:MLI2"),
                List.of(),
                List.of("acled:MLI2", "acled:MLI1", "ucdp:7")));

    // String order, not number order: "MLI10" comes before "MLI2".
    assertThat(union).containsExactly("acled:MLI1", "acled:MLI10", "acled:MLI2", "ucdp:7");
  }

  @Test
  void noListsOrEmptyListsGiveNoIds() {
    assertThat(SortedIds.union(List.of())).isEmpty();
    assertThat(SortedIds.union(List.of(List.of(), List.of()))).isEmpty();
  }

  @Test
  void theListsGivenAreLeftAsTheyWere() {
    List<String> given = new java.util.ArrayList<>(List.of("b", "a", "b"));

    assertThat(SortedIds.union(List.of(given))).containsExactly("a", "b");
    assertThat(given).containsExactly("b", "a", "b");
  }
}
