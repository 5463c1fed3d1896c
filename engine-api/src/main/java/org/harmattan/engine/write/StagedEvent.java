package org.harmattan.engine.write;

import static java.util.Objects.requireNonNull;

import org.harmattan.domain.event.Event;

/**
 * An accepted event with the fingerprints every engine compares versions by. Ingest computes it on
 * its reading thread ({@link #of}), so that an engine's writing thread only writes.
 *
 * @param event the event
 * @param actors its actors as stored (ACLED's dyadic columns)
 * @param coreHash the fingerprint of everything but the actors (rows of a monadic export agree)
 * @param contentHash the fingerprint of the whole content
 */
public record StagedEvent(Event event, ActorColumns actors, long coreHash, long contentHash) {
  public StagedEvent {
    requireNonNull(event, "event");
    requireNonNull(actors, "actors");
  }

  /** Stages an event: its actor columns and fingerprints. */
  public static StagedEvent of(Event event) {
    long core = EventHashes.core(event);
    ActorColumns actors = ActorColumns.of(event);
    return new StagedEvent(event, actors, core, actors.contentHash(core));
  }
}
