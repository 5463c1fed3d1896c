/**
 * Canonical actors: one {@link org.harmattan.domain.actor.CanonicalActor} per armed group, state
 * force or population category, with the raw spellings the sources use for it, its {@link
 * org.harmattan.domain.actor.ActorType} (ACLED's inter codes) and its affiliations over time.
 * Records only; {@code reference.actors} reads them from registry files and {@code
 * analytics.actors} matches raw names onto them. Depends on the JDK only.
 */
package org.harmattan.domain.actor;
