package org.harmattan.engine.write;

import static org.assertj.core.api.Assertions.assertThat;

import org.harmattan.domain.event.Fatalities;
import org.junit.jupiter.api.Test;

class EventHashesTest {
  @Test
  void theFatalitiesTextHashedIsTheRecordsOwnTextThatStoredHashesWereMadeOf() {
    for (Fatalities f :
        new Fatalities[] {
          Fatalities.NONE, Fatalities.exactly(7), new Fatalities(12, 3, 2_147_483_647)
        }) {
      assertThat(EventHashes.fatalitiesText(f)).isEqualTo(f.toString());
    }
    assertThat(EventHashes.fatalitiesText(new Fatalities(12, 3, 40)))
        .isEqualTo("Fatalities[best=12, low=3, high=40]");
  }
}
