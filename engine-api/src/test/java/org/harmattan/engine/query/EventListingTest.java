package org.harmattan.engine.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.harmattan.domain.figure.Period;
import org.junit.jupiter.api.Test;

/** What a listing and a page accept; what a listing gives is the engine contract's business. */
class EventListingTest {
  private static final EventFilter MALI =
      EventFilter.of("MLI", new Period(LocalDate.of(2025, 5, 1), LocalDate.of(2025, 5, 31)));

  @Test
  void aListingAsksForOneToTenThousandEventsFromAnOffsetOfZeroOrMore() {
    EventListing.Sort sort = EventListing.Sort.descending(EventListing.Sort.Field.DATE);

    assertThat(new EventListing(MALI, sort, EventListing.MAX_LIMIT, 0).limit()).isEqualTo(10_000);
    assertThat(EventListing.first(MALI, sort, 50).next().next())
        .isEqualTo(new EventListing(MALI, sort, 50, 100));
    assertThatThrownBy(() -> new EventListing(MALI, sort, 0, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("limit must be 1 to 10000: 0 (ask for several pages instead)");
    assertThatThrownBy(() -> new EventListing(MALI, sort, 10_001, 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new EventListing(MALI, sort, 1, -1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("offset must not be negative: -1");
  }

  @Test
  void aPageHoldsNoMoreEventsThanItsTotal() {
    assertThat(new EventPage(List.of(), 12).total()).isEqualTo(12);
    assertThatThrownBy(() -> new EventPage(List.of(), -1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("a page of 0 events cannot have a total of -1");
  }
}
