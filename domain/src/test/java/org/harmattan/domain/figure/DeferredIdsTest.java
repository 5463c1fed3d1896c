package org.harmattan.domain.figure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Ids counted at once and made when first read: once, whole, unchangeable. */
class DeferredIdsTest {
  private static final LocalDate READ = LocalDate.of(2026, 12, 6);

  @Test
  void theCountIsKnownWithoutMakingTheIds() {
    AtomicInteger made = new AtomicInteger();
    List<String> ids =
        DeferredIds.of(3, () -> sorted(made, "acled:MLI3", "acled:MLI1", "acled:MLI2"));

    assertThat(ids.size()).isEqualTo(3);
    assertThat(ids.isEmpty()).isFalse();
    assertThat(((DeferredIds) ids).isMade()).isFalse();
    assertThat(made.get()).isZero();
  }

  @Test
  void theIdsAreMadeOnceWhenFirstRead() {
    AtomicInteger made = new AtomicInteger();
    List<String> ids =
        DeferredIds.of(3, () -> sorted(made, "acled:MLI3", "acled:MLI1", "acled:MLI2"));

    assertThat(ids.get(0)).isEqualTo("acled:MLI1");
    assertThat(ids).containsExactly("acled:MLI1", "acled:MLI2", "acled:MLI3");
    assertThat(String.join(",", ids)).isEqualTo("acled:MLI1,acled:MLI2,acled:MLI3");
    assertThat(ids).isEqualTo(List.of("acled:MLI1", "acled:MLI2", "acled:MLI3"));
    assertThat(made.get()).isEqualTo(1);
  }

  @Test
  void threadsReadingAtOnceMakeTheIdsOnce() throws Exception {
    AtomicInteger made = new AtomicInteger();
    CountDownLatch start = new CountDownLatch(1);
    List<String> ids =
        DeferredIds.of(
            2,
            () -> {
              made.incrementAndGet();
              return new ArrayList<>(List.of("a", "b"));
            });
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<String>> reads = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        reads.add(
            pool.submit(
                () -> {
                  start.await();
                  return ids.get(1);
                }));
      }
      start.countDown();
      for (Future<String> r : reads) {
        assertThat(r.get()).isEqualTo("b");
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(made.get()).isEqualTo(1);
  }

  @Test
  void idsOfAnotherCountThanGivenFailWhenRead() {
    List<String> ids = DeferredIds.of(3, () -> new ArrayList<>(List.of("a", "b")));

    assertThatThrownBy(() -> ids.get(0))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("ids counted as 3 but 2 were made");
  }

  @Test
  void theIdsCannotBeChanged() {
    List<String> ids = DeferredIds.of(2, () -> new ArrayList<>(List.of("a", "b")));

    assertThatThrownBy(() -> ids.add("c")).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> ids.iterator().remove())
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> ids.set(0, "c")).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void aCitationKeepsDeferredIdsAndCopiesOthers() {
    AtomicInteger made = new AtomicInteger();
    Citation deferred =
        new Citation(
            List.of(),
            3,
            DeferredIds.of(3, () -> sorted(made, "acled:MLI3", "acled:MLI1", "acled:MLI2")),
            READ);
    List<String> given = new ArrayList<>(List.of("acled:MLI1", "acled:MLI2", "acled:MLI3"));
    Citation eager = new Citation(List.of(), 3, given, READ);
    given.clear();

    assertThat(made.get()).isZero();
    assertThat(eager.eventIds()).containsExactly("acled:MLI1", "acled:MLI2", "acled:MLI3");
    assertThat(deferred).isEqualTo(eager);
    assertThat(made.get()).isEqualTo(1);
  }

  @Test
  void listsThatShareNoIdAreCountedAtOnceAndSortedWhenRead() {
    List<String> first = List.of("acled:MLI30", "acled:MLI100");
    List<String> second = List.of("acled:MLI4", "acled:MLI2");

    List<String> ids = DeferredIds.sortedUnion(List.of(first, second));

    assertThat(ids).hasSize(4);
    assertThat(((DeferredIds) ids).isMade()).isFalse();
    // "acled:MLI100" < "acled:MLI2" < "acled:MLI30" < "acled:MLI4" in String order.
    assertThat(ids).containsExactly("acled:MLI100", "acled:MLI2", "acled:MLI30", "acled:MLI4");
    assertThat(DeferredIds.sortedUnion(List.of())).isEmpty();
  }

  @Test
  void listsThatShareAnIdFailWhenRead() {
    List<String> ids =
        DeferredIds.sortedUnion(
            List.of(List.of("acled:MLI1", "acled:MLI2"), List.of("acled:MLI2")));

    assertThat(ids).hasSize(3);
    assertThatThrownBy(() -> ids.get(0))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("ids counted as 3 but 2 were made");
  }

  @Test
  void aNegativeCountIsRefused() {
    assertThatThrownBy(() -> DeferredIds.of(-1, List::of))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("a count of ids must not be negative: -1");
  }

  private static List<String> sorted(AtomicInteger made, String... ids) {
    made.incrementAndGet();
    List<String> l = new ArrayList<>(List.of(ids));
    l.sort(null);
    return l;
  }
}
