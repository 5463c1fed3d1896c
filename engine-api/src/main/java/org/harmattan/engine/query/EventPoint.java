package org.harmattan.engine.query;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.util.List;
import org.harmattan.domain.event.EventType;
import org.harmattan.domain.figure.SourceRef;

/**
 * One located event, as spatial analysis needs it.
 *
 * @param id stable event id
 * @param date event date
 * @param eventType canonical type
 * @param subEventType canonical sub-event type (ACLED's vocabulary), or null
 * @param latitude WGS84 latitude
 * @param longitude WGS84 longitude
 * @param actorNames every raw actor name of the event (actor 1, actor 2, associated)
 * @param fatalities best estimate
 * @param location the source's place name, or null
 * @param notes the source's free-text description, or null
 * @param source the file the event's current version came from
 * @param accessed the day it was read in
 */
public record EventPoint(
    String id,
    LocalDate date,
    EventType eventType,
    String subEventType,
    double latitude,
    double longitude,
    List<String> actorNames,
    long fatalities,
    String location,
    String notes,
    SourceRef source,
    LocalDate accessed) {
  public EventPoint {
    requireNonNull(id, "id");
    requireNonNull(date, "date");
    requireNonNull(eventType, "eventType");
    requireNonNull(source, "source");
    requireNonNull(accessed, "accessed");
    actorNames = List.copyOf(actorNames);
  }
}
