/**
 * Canonical actors: one {@link org.harmattan.domain.actor.CanonicalActor} per armed group, state
 * force or population category, with the raw spellings the sources use for it, its {@link
 * org.harmattan.domain.actor.ActorType} (ACLED's inter codes) and its affiliations over time.
 * Records only; the registry that loads and matches them lives in {@code analytics.actors}. Depends
 * on the JDK only.
 */
package org.harmattan.domain.actor;
