package org.harmattan.engine.query;

/** What a count can be grouped by. */
public enum Dimension {
  EVENT_TYPE,
  SUB_EVENT_TYPE,
  ADMIN1,
  ACTOR1,
  ACTOR2,
  INTER1,
  /** The first day of the event's month, {@code 2018-03-01}. */
  MONTH,
  /** The event date itself. */
  DAY,
  SOURCE
}
