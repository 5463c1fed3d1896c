package org.harmattan.analytics.actors;

import static java.util.Objects.requireNonNull;

import org.harmattan.domain.actor.CanonicalActor;

/**
 * A raw name's canonical actor and how it was found.
 *
 * @param actor the canonical actor
 * @param kind the rule that matched
 */
public record ActorMatch(CanonicalActor actor, MatchKind kind) {
  public ActorMatch {
    requireNonNull(actor, "actor");
    requireNonNull(kind, "kind");
  }
}
