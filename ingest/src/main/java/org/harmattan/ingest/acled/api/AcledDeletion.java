package org.harmattan.ingest.acled.api;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/**
 * An event ACLED withdrew from its data, as its deleted endpoint lists it.
 *
 * @param eventIdCnty the event's {@code event_id_cnty}, as in ACLED's files: {@code MLI1234}
 * @param deletedAt when ACLED deleted it ({@code deleted_timestamp})
 */
public record AcledDeletion(String eventIdCnty, Instant deletedAt) {
  public AcledDeletion {
    requireNonNull(eventIdCnty, "eventIdCnty");
    requireNonNull(deletedAt, "deletedAt");
    if (eventIdCnty.isBlank()) {
      throw new IllegalArgumentException("an empty event_id_cnty");
    }
  }
}
