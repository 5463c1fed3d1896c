package org.harmattan.engine.memory;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.harmattan.domain.event.ActorRole;
import org.harmattan.domain.event.Event;
import org.harmattan.domain.event.EventActor;
import org.harmattan.domain.figure.SourceRef;
import org.harmattan.engine.write.ActorColumns;
import org.harmattan.engine.write.Revisions;

/**
 * One version of an event as the store keeps it: the event with its actors as stored (ACLED's
 * dyadic columns, merged for monadic rows) and the fingerprint versions are compared by.
 *
 * @param event the event, its actors rebuilt from {@code actors}
 * @param actors its actor columns
 * @param contentHash the fingerprint of its whole content, actors included
 */
record StoredEvent(Event event, ActorColumns actors, long contentHash) {
  StoredEvent {
    requireNonNull(event, "event");
    requireNonNull(actors, "actors");
  }

  /**
   * The version stored for {@code event} with {@code actors}: the event's actors become the
   * columns' (actor 1, its associates, actor 2, its associates), as every engine returns them.
   */
  static StoredEvent of(Event event, ActorColumns actors, long contentHash) {
    List<EventActor> list = new ArrayList<>();
    if (actors.actor1() != null) {
      list.add(new EventActor(ActorRole.ACTOR_1, actors.actor1(), actors.inter1()));
    }
    for (String name : actors.assoc1()) {
      list.add(new EventActor(ActorRole.ASSOCIATED_1, name, null));
    }
    if (actors.actor2() != null) {
      list.add(new EventActor(ActorRole.ACTOR_2, actors.actor2(), actors.inter2()));
    }
    for (String name : actors.assoc2()) {
      list.add(new EventActor(ActorRole.ASSOCIATED_2, name, null));
    }
    Event stored = event.toBuilder().actors(list).interaction(actors.interaction()).build();
    return new StoredEvent(stored, actors, contentHash);
  }

  String id() {
    return event.id();
  }

  /** What the revision rules compare. */
  Revisions.Version version() {
    return new Revisions.Version(event.provenance().sourceTimestamp(), contentHash);
  }

  /** The file this version came from, as a citation names it. */
  SourceRef sourceRef() {
    return new SourceRef(
        event.source().name(), event.provenance().dataset(), event.provenance().fileSha256());
  }

  /** The day this version was read in (UTC). */
  LocalDate accessed() {
    return LocalDate.ofInstant(event.provenance().ingestedAt(), ZoneOffset.UTC);
  }

  /** Every actor name, actor 1, actor 2, then the associates of each side, nulls left out. */
  List<String> actorNames() {
    List<String> names = new ArrayList<>();
    if (actors.actor1() != null) {
      names.add(actors.actor1());
    }
    if (actors.actor2() != null) {
      names.add(actors.actor2());
    }
    names.addAll(actors.assoc1());
    names.addAll(actors.assoc2());
    return names;
  }
}
