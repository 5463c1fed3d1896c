package org.harmattan.analytics.actors;

/** How a raw actor name was matched to a canonical actor, from the most to the least exact. */
public enum MatchKind {
  /** The raw name equals the actor's name or one of its aliases. */
  ALIAS,
  /** The raw name equals a name or alias once both are normalised. */
  NORMALISED,
  /** A regular expression of the actor finds the raw name. */
  PATTERN
}
