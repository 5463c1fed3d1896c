package org.harmattan.engine.write;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.harmattan.domain.event.Event;
import org.harmattan.domain.event.SourceSystem;

/**
 * An event its source withdrew, as ACLED's {@code deleted} endpoint lists them ({@code
 * event_id_cnty}, {@code deleted_timestamp}). {@link EventWriter#withdraw} takes the event out of
 * the current view and keeps its last version in history with the reason; the withdrawal stays on
 * record, so that a row of the event no newer than it, read later from an older file, stays out
 * ({@link Revisions#reinstates}).
 *
 * @param source the source that withdrew the event
 * @param sourceEventId the source's id of the event ({@code event_id_cnty}), as in its files
 * @param withdrawnAt when the source withdrew it ({@code deleted_timestamp}); kept to the
 *     microsecond, as stores keep time (finer parts are cut off)
 * @param reason why the event left the view, as history keeps it, e.g. {@link #ACLED_DELETED}
 */
public record Withdrawal(
    SourceSystem source, String sourceEventId, Instant withdrawnAt, String reason) {

  /** The reason of a withdrawal read from ACLED's {@code deleted} endpoint. */
  public static final String ACLED_DELETED = "withdrawn by ACLED (deleted endpoint)";

  public Withdrawal {
    requireNonNull(source, "source");
    requireNonNull(sourceEventId, "sourceEventId");
    requireNonNull(withdrawnAt, "withdrawnAt");
    requireNonNull(reason, "reason");
    if (sourceEventId.isBlank()) {
      throw new IllegalArgumentException("sourceEventId must not be blank");
    }
    if (reason.isBlank()) {
      throw new IllegalArgumentException(
          "reason must not be blank (say who withdrew the event, e.g. \"" + ACLED_DELETED + "\")");
    }
    withdrawnAt = withdrawnAt.truncatedTo(ChronoUnit.MICROS);
  }

  /** The store's id of the withdrawn event, formed as every event's ({@link Event#idFor}). */
  public String eventId() {
    return Event.idFor(source, sourceEventId);
  }
}
