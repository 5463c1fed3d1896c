package org.harmattan.engine.query;

import java.util.List;
import org.harmattan.domain.event.Event;

/**
 * A page of events, as {@link AnalyticsEngine#listEvents} answers an {@link EventListing}.
 *
 * @param events the page's events, in the listing's order: each the current version, as {@code
 *     Store.findEvent} returns it
 * @param total how many events the listing's filter selects, whatever the page
 */
public record EventPage(List<Event> events, long total) {
  public EventPage {
    events = List.copyOf(events);
    if (total < events.size()) {
      throw new IllegalArgumentException(
          "a page of " + events.size() + " events cannot have a total of " + total);
    }
  }
}
