package org.harmattan.domain.event;

/** The part an actor plays in an event, as ACLED codes it. */
public enum ActorRole {
  /** ACLED actor1, UCDP side_a, GDELT Actor1. */
  ACTOR_1,
  /** ACLED actor2, UCDP side_b, GDELT Actor2. */
  ACTOR_2,
  /** Associated with actor 1 (ACLED assoc_actor_1, formerly ALLY_ACTOR_1). */
  ASSOCIATED_1,
  /** Associated with actor 2 (ACLED assoc_actor_2). */
  ASSOCIATED_2
}
