package org.harmattan.domain.event;

import java.util.Locale;
import java.util.Optional;

/**
 * A quality flag on an event: something Harmattan noticed about the record as read, which users
 * should see beside it. A flag never changes the event's values (the source's record is kept as
 * given) and never keeps an event out of a count; it says where to look.
 */
public enum EventFlag {
  /**
   * The event's point lies outside its country's bounding box (grown by a margin for simplified
   * outlines and border places): most often latitude and longitude given in the wrong order, or a
   * sign lost. Set by the event ingest ({@code ingest.EventIngest}) from the shipped country
   * outlines; the point is kept as the source gave it, so a map would show the event in another
   * country unless it heeds the flag.
   */
  POINT_OUTSIDE_COUNTRY;

  /**
   * The flag as stores and users see it: its name in lower case ({@code point_outside_country}).
   */
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The flag with {@code code} (as {@link #code()} writes it), if there is one. */
  public static Optional<EventFlag> findByCode(String code) {
    for (EventFlag f : values()) {
      if (f.code().equals(code)) {
        return Optional.of(f);
      }
    }
    return Optional.empty();
  }
}
