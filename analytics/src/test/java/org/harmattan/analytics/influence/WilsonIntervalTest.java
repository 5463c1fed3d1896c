package org.harmattan.analytics.influence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class WilsonIntervalTest {
  @Test
  void fiveOfTenIsTheTextbookInterval() {
    // Newcombe (1998), Statistics in Medicine 17, table I: 0.2366 to 0.7634
    WilsonInterval w = WilsonInterval.of95(0.5, 10);

    assertThat(w.low()).isCloseTo(0.2366, within(1e-4));
    assertThat(w.high()).isCloseTo(0.7634, within(1e-4));
  }

  @Test
  void allSuccessesStayBelowOne() {
    WilsonInterval w = WilsonInterval.of95(1.0, 3);

    assertThat(w.high()).isEqualTo(1.0);
    assertThat(w.low()).isCloseTo(3 / (3 + 1.959963984540054 * 1.959963984540054), within(1e-12));
  }
}
